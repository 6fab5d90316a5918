package seed

import (
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// LastYear stores unit's signed assessment of period under the default
// rubric, the earlier period a 回头看 test looks back at: nothing deducted
// but 1.1.a found (未开展事项梳理) and two items on 1.2.a (殡葬, 人防);
// 1.1.a and 殡葬 were rectified and closed (已销号), 人防 left open.
func LastYear(t testing.TB, s *store.Store, id store.Identity, unit, period string) store.Assessment {
	t.Helper()
	a := Assessment(t, s, id, unit, period)
	Record(t, s, id, a.ID, Clean(rubric.Default())...)
	Record(t, s, id, a.ID, store.Retract("1.2.a"), SetJSON(t, "1.1.a", "true", "未开展事项梳理"))
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := store.ProblemsOf(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Found == "人防" {
			continue
		}
		for _, act := range []store.ProblemAction{{Action: assessment.ActionRectify, Measure: "已整改"}, {Action: assessment.ActionClose}} {
			if _, err := s.ActOnProblems(id, a.ID, []string{p.ID}, false, act); err != nil {
				t.Fatal(err)
			}
		}
	}
	return a
}
