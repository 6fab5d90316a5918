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
	rb.Categories[1].Title += "（20分）"
	var got []string
	for _, m := range Mismatches(rb) {
		got = append(got, fmt.Sprintf("%s %s %s %s “%s” %v", m.Path, m.ID, m.Field, m.Value, m.Words, m.InContent))
	}
	want := []string{
		"$.categories[0].indicators[0].points 1.1 points 1 “（2分）” true",
		"$.categories[0].indicators[1].rules[0].amount 1.2.a amount 0.3 “扣0.2分” false",
		"$.categories[1].points 2 points 25 “（20分）” false",
		"$.categories[2].indicators[1].rules[0].target 3.2.a target 120000 “不少于10万件” false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMismatchesOfTheNewKinds: a band's points and min, a linear rule's
// figure, a range and a limit are held to their clause too.
func TestMismatchesOfTheNewKinds(t *testing.T) {
	rb, err := FromText(languageTable, Options{ID: "t", Version: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if ms := Mismatches(rb); len(ms) != 0 {
		t.Fatalf("a fresh draft disagrees with its words: %+v", ms)
	}
	edit := func(id string, f func(*rubric.Rule)) {
		ref, ok := rb.Rule(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		f(ref.Rule)
	}
	d := func(s string) *decimal.Dec { v := decimal.MustParse(s); return &v }
	edit("1.2.a", func(r *rubric.Rule) { r.Bands[1].Points = decimal.FromInt(2) })
	edit("1.2.a", func(r *rubric.Rule) { r.Bands[1].Min = d("85") })
	edit("1.4.a", func(r *rubric.Rule) { r.From = d("80") })
	edit("1.5.a", func(r *rubric.Rule) { r.Limit = d("3") })
	edit("2.4.a", func(r *rubric.Rule) { r.Range = []decimal.Dec{decimal.FromInt(2), decimal.FromInt(6)} })
	var got []string
	for _, m := range Mismatches(rb) {
		got = append(got, fmt.Sprintf("%s %s %s “%s”", m.ID, m.Field, m.Value, m.Words))
	}
	want := []string{
		"1.2.a points 2 “90%-100%得3分”",
		"1.2.a min 85 “90%-100%得3分”",
		"1.4.a from 80 “90%”",
		"1.5.a limit 3 “2天”",
		"2.4.a range [2, 6] “扣2-5分”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
