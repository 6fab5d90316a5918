package draft

import (
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/figure"
)

// chineseDigit is the value of a single Chinese numeral a standard writes a
// small figure with (每不达标一项, 扣两分), or false.
func chineseDigit(r rune) (int64, bool) {
	i := strings.IndexRune("一二三四五六七八九十", r)
	switch {
	case r == '两':
		return 2, true
	case i >= 0:
		return int64(i/len("一")) + 1, true
	}
	return 0, false
}

// parseNumber reads a figure as the patterns capture it: digits as an
// inspector's typed figure is read (figure.Parse: full-width too), or one Chinese numeral,
// optionally followed by 万 (× 10000) or 千 (× 1000). It reports false for
// anything else, or a figure too large to be a rubric parameter.
func parseNumber(s string) (decimal.Dec, bool) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "万"):
		mult, s = 10000, strings.TrimSuffix(s, "万")
	case strings.HasSuffix(s, "千"):
		mult, s = 1000, strings.TrimSuffix(s, "千")
	}
	d, err := figure.Parse(s)
	if n, ok := chineseDigit(onlyRune(s)); ok {
		d, err = decimal.FromInt(n), nil
	}
	if err != nil || d > decimal.Max/decimal.Dec(mult) {
		return 0, false
	}
	return d.MulInt(mult), true
}

// onlyRune returns the rune of a one-rune string, or 0.
func onlyRune(s string) rune {
	rs := []rune(s)
	if len(rs) != 1 {
		return 0
	}
	return rs[0]
}
