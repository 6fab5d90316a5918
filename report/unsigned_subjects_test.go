package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// A rectification's file is not the signed sheet's evidence.
func TestRectificationFilesAreNotTheSheetsEvidence(t *testing.T) {
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, a.ID, seed.FullMarks(mustRubric(t, s, a))...)
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "1.1.a", "true", "未建立"))
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st0, _ := s.State(a.ID)
	r0, err := Build([]*store.State{st0}, Filter{}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "整改报告.pdf")
	os.WriteFile(f, []byte("%PDF-1.4 rectified"), 0o644)
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, store.ProblemAction{Action: assessment.ActionRectify, Measure: "已建立", Evidence: []string{f}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, store.SetSelf("1.1", 0, "自评", nil)); err != nil {
		t.Fatal(err)
	}
	st, _ := s.State(a.ID)
	r, err := Build([]*store.State{st}, Filter{}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("before: %d evidence; after: %d", len(r0.Sheets[0].Evidence), len(r.Sheets[0].Evidence))
	for _, e := range r.Sheets[0].Evidence {
		t.Errorf("signed report's 佐证材料 now lists %s / indicator %q / %s", e.Subject, e.Indicator, e.Name)
	}
}

func mustRubric(t *testing.T, s *store.Store, a store.Assessment) *rubric.Rubric {
	rb, err := s.Rubric(a.RubricID, a.RubricVersion)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// A printed sheet's fingerprint holds when the plan changes.
func TestTheFingerprintHoldsWhenThePlanChanges(t *testing.T) {
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, a.ID, seed.FullMarks(mustRubric(t, s, a))...)
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st0, _ := s.State(a.ID)
	f0, _ := st0.Fingerprint()
	if _, err := s.Record(id, a.ID, store.SetPlan("李四", []string{"1"})); err != nil {
		t.Fatal(err)
	}
	st, _ := s.State(a.ID)
	f1, _ := st.Fingerprint()
	if f0 != f1 {
		t.Errorf("the signed sheet's fingerprint %s.. no longer matches (%s..) after a plan change", f0[:8], f1[:8])
	}
}

// A plan's conflict is not the ranking's.
func TestTheRankingCountsOnlyTheResultsConflicts(t *testing.T) {
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, a.ID, seed.FullMarks(mustRubric(t, s, a))...)
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	c1 := store.SetPlan("李四", []string{"1"})
	c1.Seen = []string{}
	c2 := store.SetPlan("李四", []string{"2"})
	c2.Seen = []string{}
	seed.Record(t, s, id, a.ID, c1)
	seed.Record(t, s, id, a.ID, c2)
	st, _ := s.State(a.ID)
	r, err := Build([]*store.State{st}, Filter{}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Ranking {
		if row.Conflicts > 0 {
			t.Errorf("signed 吉首市 ranks with %d open conflicts (%s) from a plan conflict", row.Conflicts, r.RankMark(row))
		}
	}
}
