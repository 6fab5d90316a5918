package scoring

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

func seedRule(t testing.TB, id string) *rubric.Rule {
	t.Helper()
	ref, ok := rubric.Default().Rule(id)
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	return ref.Rule
}

// Figures as inspectors type them are the plain number, exactly.
func TestParseValueAcceptsFiguresAsTyped(t *testing.T) {
	r := seedRule(t, "2.4.a") // a shortfall or ratio: any non-negative number parses
	for typed, want := range map[string]string{
		"８５０００": "85000", "85,000": "85000", "85，000": "85000", "８５，０００": "85000",
		"8.5万": "85000", "８．５万": "85000", "1.2345万": "12345", "0.00001万": "0.1",
		"1,234,567.5": "1234567.5", "　92.5　": "92.5", "92。5": "92.5", "3亿": "300000000",
	} {
		v, err := ParseValue(r, typed)
		if err != nil || v.Num != decimal.MustParse(want) {
			t.Errorf("%q: got %v, %v; want %s", typed, v.Num, err, want)
		}
	}
	for _, typed := range []string{"8,5", "85,00", "1,2345", "8.5万万", "万", "abc", "1.0000001万"} {
		if v, err := ParseValue(r, typed); err == nil {
			t.Errorf("%q accepted as %s", typed, v.Num)
		}
	}
}

// Whatever is typed, a figure written with separators, full-width digits
// or 万 reads as the same exact number as its plain form.
func TestNormalizeFigureProperty(t *testing.T) {
	r := seedRule(t, "2.4.a")
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.Int64Range(0, 999_999_999).Draw(t, "n")
		plain := decimal.FromInt(n)
		digits := plain.String()
		var grouped []string
		for len(digits) > 3 {
			grouped = append([]string{digits[len(digits)-3:]}, grouped...)
			digits = digits[:len(digits)-3]
		}
		grouped = append([]string{digits}, grouped...)
		sep := rapid.SampledFrom([]string{",", "，"}).Draw(t, "sep")
		full := strings.Map(func(r rune) rune { return r - '0' + '０' }, plain.String())
		wan := decimal.Dec(int64(plain) / 10000).String() // n/10000 exactly, as a decimal
		for _, typed := range []string{strings.Join(grouped, sep), full, wan + "万"} {
			v, err := ParseValue(r, typed)
			if err != nil || v.Num != plain {
				t.Fatalf("%q: %v, %v; want %s", typed, v.Num, err, plain)
			}
		}
	})
}
