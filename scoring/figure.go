package scoring

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
)

// NormalizeFigure turns a figure as inspectors type it into the plain
// decimal kaohe stores: full-width digits and signs (８５０００, －１),
// the full-width and ideographic points (８．５, 8。5), thousands separators
// (85,000, 85，000, 85 000) and a 万 (ten thousand) or 亿 suffix (8.5万 =
// 85000). It returns the text unchanged when it holds none of these, so
// what is not a number stays recognisably what the user typed.
func NormalizeFigure(text string) string {
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

// ParseFigure reads a figure as inspectors and standards write it
// (NormalizeFigure), exactly. Its error wraps decimal.ErrSyntax when the
// text is not a number at all.
func ParseFigure(text string) (decimal.Dec, error) { return parseFigure(NormalizeFigure(text)) }

// parseFigure reads a normalised figure, with its 万 or 亿 multiplier
// applied exactly (decimal arithmetic, never float64).
func parseFigure(s string) (decimal.Dec, error) {
	for _, m := range []struct {
		suffix string
		zeros  int
	}{{"万", 4}, {"亿", 8}} {
		num, ok := strings.CutSuffix(s, m.suffix)
		if !ok {
			continue
		}
		num = NormalizeFigure(num)
		d, err := decimal.Parse(num)
		if err != nil {
			return 0, err
		}
		return shiftLeft(d, m.zeros, s)
	}
	return decimal.Parse(s)
}

// shiftLeft multiplies d by 10^zeros exactly, refusing an overflow.
func shiftLeft(d decimal.Dec, zeros int, typed string) (decimal.Dec, error) {
	for range zeros {
		if d > decimal.Max/10 || d < -decimal.Max/10 {
			return 0, fmt.Errorf("%q is too large (at most %s)", typed, decimal.Max)
		}
		d *= 10
	}
	return d, nil
}
