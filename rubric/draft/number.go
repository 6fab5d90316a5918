package draft

import (
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
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

// parseNumber reads a figure as the patterns capture it: ASCII or
// full-width digits with an optional decimal point, or one Chinese numeral,
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
	var d decimal.Dec
	if n, ok := chineseDigit(onlyRune(s)); ok {
		d = decimal.FromInt(n)
	} else {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r >= '０' && r <= '９':
				b.WriteRune('0' + (r - '０'))
			case r == '．':
				b.WriteByte('.')
			default:
				b.WriteRune(r)
			}
		}
		v, err := decimal.Parse(b.String())
		if err != nil {
			return 0, false
		}
		d = v
	}
	if d > decimal.Max/decimal.Dec(mult) {
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
