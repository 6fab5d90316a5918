package figure

import (
	"errors"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
)

// Figures as inspectors and standards write them read as the plain number.
func TestParse(t *testing.T) {
	for text, want := range map[string]string{
		"８５０００": "85000", "85,000": "85000", "8.5万": "85000", "3亿": "300000000", "　92。5　": "92.5",
	} {
		if d, err := Parse(text); err != nil || d != decimal.MustParse(want) {
			t.Errorf("%q: %v, %v; want %s", text, d, err, want)
		}
	}
}

// A refusal is data: the figure as read and what is wrong with it.
func TestParseErrorIsStructured(t *testing.T) {
	var pe *decimal.ParseError
	if _, err := Parse("abc"); !errors.As(err, &pe) || pe.Fault != decimal.Syntax || !errors.Is(err, decimal.ErrSyntax) {
		t.Errorf("abc: %v", err)
	}
	_, err := Parse("２０００００００００万")
	if !errors.As(err, &pe) || pe.Fault != decimal.TooLarge || pe.Text != "2000000000万" {
		t.Fatalf("too large: %#v", err)
	}
	if err.Error() != `"2000000000万" is too large (at most 1000000000000)` {
		t.Errorf("message: %s", err)
	}
}
