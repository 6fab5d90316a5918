package rubric

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// MarshalYAML writes any words a rubric holds so that Parse reads them back
// exactly: quotes, backslashes, line breaks, YAML's own marks.
func TestMarshalYAMLRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		alphabet := []rune("a Z0 　\n\t“”（）'\"\\#:-[]{},&*!|>%@`=分扣")
		text := func(label string) string {
			return rapid.StringOfN(rapid.SampledFrom(alphabet), 0, 16, -1).Draw(t, label)
		}
		rb := thirdCategoryOnly()
		rb.Title = text("title") + "题"
		// A unit is a name: no line breaks or tabs (see names.Invisible).
		unit := rapid.StringOfN(rapid.SampledFrom([]rune("a Z0 　“”（）'\"\\#:-[]{},&*!|>%@`=分扣")), 0, 16, -1).Draw(t, "unit")
		rb.Units = append(rb.Units, unit+"县")
		for ci := range rb.Categories {
			c := &rb.Categories[ci]
			c.Title = text("category") + "类"
			for ii := range c.Indicators {
				ind := &c.Indicators[ii]
				ind.Content = text("content") + ind.Content
				ind.Standard = text("before") + ind.Standard + text("after")
				for ri := range ind.Rules {
					ind.Rules[ri].Label = text("label")
					ind.Rules[ri].Review = text("review")
				}
			}
		}
		data := MarshalYAML(rb, text("header"))
		back, err := Parse("x.yaml", data)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		want, _ := json.Marshal(rb)
		got, _ := json.Marshal(back)
		if !bytes.Equal(got, want) {
			t.Fatalf("YAML changed the rubric:\n%s", data)
		}
	})
}

// thirdCategoryOnly is the seed cut to its category 3 (which has a group),
// renumbered as category 1: a small valid rubric, quick to parse.
func thirdCategoryOnly() *Rubric {
	rb := Default()
	rb.Categories = rb.Categories[2:3]
	c := &rb.Categories[0]
	c.ID = "1"
	for ii := range c.Indicators {
		ind := &c.Indicators[ii]
		ind.ID = "1" + strings.TrimPrefix(ind.ID, "3")
		for ri := range ind.Rules {
			ind.Rules[ri].ID = "1" + strings.TrimPrefix(ind.Rules[ri].ID, "3")
		}
		for gi := range ind.Groups {
			g := &ind.Groups[gi]
			g.ID = "1" + strings.TrimPrefix(g.ID, "3")
			for k := range g.Rules {
				g.Rules[k] = "1" + strings.TrimPrefix(g.Rules[k], "3")
			}
		}
	}
	return rb
}
