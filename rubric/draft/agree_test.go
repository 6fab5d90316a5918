package draft

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// TestSeedAgreesWithItsWords: every number of the seed is what its words
// say.
func TestSeedAgreesWithItsWords(t *testing.T) {
	for _, m := range Mismatches(rubric.Default()) {
		t.Errorf("%s: %s %s %s, but %q", m.Path, m.ID, m.Field, m.Value, m.Words)
	}
}

// TestMismatchesOfAClerksEdits edits the seed as the clerk did — an amount,
// a target and an indicator's points changed, the words left — and checks
// each is listed at its field, quoting the words.
func TestMismatchesOfAClerksEdits(t *testing.T) {
	rb := rubric.Default()
	set := func(id string, f func(*rubric.Rule)) {
		ref, ok := rb.Rule(id)
		if !ok {
			t.Fatalf("the seed has no rule %s", id)
		}
		f(ref.Rule)
	}
	set("1.2.a", func(r *rubric.Rule) { v := decimal.MustParse("0.3"); r.Amount = &v })
	set("3.2.a", func(r *rubric.Rule) { v := decimal.FromInt(120000); r.Target = &v })
	_, ind, _ := rb.Indicator("1.1")
	ind.Points = decimal.FromInt(1)
	var got []string
	for _, m := range Mismatches(rb) {
		got = append(got, fmt.Sprintf("%s %s %s %s “%s” %v", m.Path, m.ID, m.Field, m.Value, m.Words, m.InContent))
	}
	want := []string{
		"$.categories[0].indicators[0].points 1.1 points 1 “（2分）” true",
		"$.categories[0].indicators[1].rules[0].amount 1.2.a amount 0.3 “扣0.2分” false",
		"$.categories[2].indicators[1].rules[0].target 3.2.a target 120000 “不少于10万件” false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
