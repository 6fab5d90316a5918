// Package figure reads figures as inspectors type them and standards write
// them (full-width digits, thousands separators, 万 and 亿) into exact
// decimals. Scoring reads typed values through it and the rubric drafter
// reads a standard's figures through it, so both accept the same figures
// without the drafter depending on scoring.
package figure

import (
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
)

// Normalize turns a figure as inspectors type it into the plain decimal
// kaohe stores: full-width digits and signs (８５０００, －１), the
// full-width and ideographic points (８．５, 8。5), thousands separators
// (85,000, 85，000, 85 000), leaving a 万 (ten thousand) or 亿 suffix for
// Parse. It returns the text unchanged when it holds none of these, so what
// is not a number stays recognisably what the user typed.
func Normalize(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == '＋':
			b.WriteByte('+')
		case r == '％':
			b.WriteByte('%')
		case r == '\u3000':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimSpace(b.String())
	if grouped(s) {
		s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(s)
	}
	return s
}

// grouped reports a number written with thousands separators: groups of
// exactly three digits after the first, all separated the same way.
func grouped(s string) bool {
	s = strings.TrimLeft(s, "+-")
	intPart, _, _ := strings.Cut(s, ".")
	for _, sep := range []string{",", "，", " "} {
		if !strings.Contains(intPart, sep) {
			continue
		}
		groups := strings.Split(intPart, sep)
		if len(groups[0]) < 1 || len(groups[0]) > 3 || !allDigits(groups[0]) {
			return false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return false
			}
		}
		return true
	}
	return false
}

func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// Parse reads a figure as inspectors and standards write it (Normalize),
// exactly, with its 万 or 亿 multiplier applied in decimal arithmetic, never
// float64. Its error is a *decimal.ParseError, which wraps decimal.ErrSyntax
// when the text is not a number at all.
func Parse(text string) (decimal.Dec, error) {
	s := Normalize(text)
	for _, m := range []struct {
		suffix string
		zeros  int
	}{{"万", 4}, {"亿", 8}} {
		num, ok := strings.CutSuffix(s, m.suffix)
		if !ok {
			continue
		}
		d, err := decimal.Parse(Normalize(num))
		if err != nil {
			return 0, err
		}
		return shiftLeft(d, m.zeros, s)
	}
	return decimal.Parse(s)
}

// shiftLeft multiplies d by 10^zeros exactly, refusing an overflow of the
// figure typed.
func shiftLeft(d decimal.Dec, zeros int, typed string) (decimal.Dec, error) {
	for range zeros {
		if d > decimal.Max/10 || d < -decimal.Max/10 {
			return 0, decimal.TooLargeError(typed)
		}
		d *= 10
	}
	return d, nil
}
