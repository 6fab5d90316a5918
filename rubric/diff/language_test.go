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
		"range": {"2–5", "2–4"},
		"cap":   {"10", ""},
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

// Grades and bands are compared one by one, as a standard is clause by
// clause: the unchanged ones kept for context, a changed one as the old
// (-) and the new (+); a rule that becomes or stops being a 一票否决 says so.
func TestCompareGradesBandsAndVetoes(t *testing.T) {
	old, err := rubric.LoadFile("../testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	newer, _ := rubric.LoadFile("../testdata/language.yaml")
	newer.Version = "2"
	newer.Grades[1].Min = ptr(decimal.FromInt(38))
	ref, _ := newer.Rule("1.1.a")
	ref.Rule.Bands[1].Points = decimal.FromInt(2)
	ref, _ = newer.Rule("1.2.a")
	ref.Rule.Bands = append(ref.Rule.Bands[:1], ref.Rule.Bands[2:]...) // 良 removed
	ref, _ = newer.Rule("2.2.a")
	ref.Rule.Kind, ref.Rule.Amount = rubric.Flag, ptr(decimal.FromInt(5))
	ref, _ = newer.Rule("2.2.b")
	ref.Rule.Kind, ref.Rule.Amount = rubric.Veto, nil
	rep := Compare(old, newer)

	grades := ""
	for _, g := range rep.Grades {
		grades += g.Op + g.Grade.Name + num(g.Grade.Min) + " "
	}
	if want := " 优秀45 -良好35 +良好38  合格20  不合格 "; grades != want {
		t.Errorf("grades: got %q, want %q", grades, want)
	}
	bands := map[string]string{}
	vetoes := map[string]string{}
	for _, ind := range rep.Indicators {
		for _, r := range ind.Rules {
			for _, b := range r.Bands {
				bands[r.NewID] += b.Op + num(b.Band.Min) + b.Band.Label + ":" + b.Band.Points.String() + " "
			}
			vetoes[r.NewID] = r.Veto
		}
	}
	for id, want := range map[string]string{"1.1.a": " 100:6 -90:3 +90:2  :0 ", "1.2.a": " 优:10 -良:5  差:0 "} {
		if bands[id] != want {
			t.Errorf("%s bands: got %q, want %q", id, bands[id], want)
		}
	}
	if vetoes["2.2.a"] != Removed || vetoes["2.2.b"] != Added {
		t.Errorf("veto changes: 2.2.a %q (want removed), 2.2.b %q (want added)", vetoes["2.2.a"], vetoes["2.2.b"])
	}
	if rep2 := Compare(old, old); !rep2.Empty() {
		t.Errorf("a rubric differs from itself: %+v", rep2)
	}
}

func ptr(d decimal.Dec) *decimal.Dec { return &d }
