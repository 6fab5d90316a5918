package diff

import (
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// A changed band, grade, range or penalty cap is a difference, named by
// its field with both versions' values.
func TestCompareNewConstructs(t *testing.T) {
	old, err := rubric.LoadFile("../testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	newer, _ := rubric.LoadFile("../testdata/language.yaml")
	newer.Version = "2"
	newer.Grades[1].Min = ptr(decimal.FromInt(38))
	ref, _ := newer.Rule("1.1.a")
	ref.Rule.Bands[1].Points = decimal.FromInt(2)
	ref, _ = newer.Rule("1.4.a")
	ref.Rule.Range[1] = decimal.FromInt(4)
	newer.Categories[3].Cap = nil
	rep := Compare(old, newer)
	want := map[string][2]string{
		"grades": {"优秀 ≥45 / 良好 ≥35 / 合格 ≥20 / 不合格", "优秀 ≥45 / 良好 ≥38 / 合格 ≥20 / 不合格"},
		"bands":  {"100:6 / 90:3 / *:0", "100:6 / 90:2 / *:0"},
		"range":  {"2–5", "2–4"},
		"cap":    {"10", ""},
	}
	got := map[string][2]string{}
	for _, f := range rep.Fields {
		got[f.Name] = [2]string{f.Old, f.New}
	}
	for _, c := range rep.Categories {
		for _, f := range c.Fields {
			got[f.Name] = [2]string{f.Old, f.New}
		}
	}
	for _, ind := range rep.Indicators {
		for _, r := range ind.Rules {
			for _, f := range r.Fields {
				got[f.Name] = [2]string{f.Old, f.New}
			}
		}
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: got %q, want %q", name, got[name], w)
		}
	}
}

func ptr(d decimal.Dec) *decimal.Dec { return &d }
