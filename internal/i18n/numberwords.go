package i18n

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/decimal"
)

// chineseNumberWords words in Chinese why a figure is not a decimal kaohe
// takes (decimal.ParseError's reasons), as a typed value's message quotes
// them.
func chineseNumberWords() map[string]string {
	return map[string]string{
		fmt.Sprintf("has more than %d decimal places", decimal.FracDigits): fmt.Sprintf("小数超过 %d 位", decimal.FracDigits),
		fmt.Sprintf("is too large (at most %s)", decimal.Max):              fmt.Sprintf("数值过大（最大 %s）", decimal.Max),
	}
}
