package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
)

// The period rule holds at creation (full-width digits folded, other forms
// refused) and at merge: a colleague's file holding an assessment made
// before periods were checked (吉首市/２０２１) is refused naming it and
// the period it should have, not merged in beside 吉首市/2021.
func TestPeriodRuleAtCreationAndMerge(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "２０２１")
	if a.Period != "2021" || a.ID != AssessmentID(a.RubricID, a.RubricVersion, "吉首市", "2021") {
		t.Fatalf("２０２１ made %+v", a)
	}
	var pe *rubric.PeriodError
	if _, _, err := s.CreateAssessment(id, rubric.Default(), "吉首市", "二零二一"); !errors.As(err, &pe) {
		t.Fatalf("二零二一: %v", err)
	}
	if got, err := s.Find("吉首市/２０２１"); err != nil || got.ID != a.ID {
		t.Fatalf("Find 吉首市/２０２１: %+v %v", got, err)
	}

	old, oldPath := openTemp(t)
	mustInspector(t, old, "李四")
	rb := rubric.Default()
	if _, err := old.AddRubric(rb); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.Exec("INSERT INTO assessment(id, rubric_id, rubric_version, unit, period) VALUES (?, ?, ?, ?, ?)",
		AssessmentID(rb.ID, rb.Version, "吉首市", "２０２１"), rb.ID, rb.Version, "吉首市", "２０２１"); err != nil {
		t.Fatal(err)
	}
	old.Close()
	_, err := s.Merge(oldPath)
	if err == nil || !strings.Contains(err.Error(), "２０２１") || !strings.Contains(err.Error(), "吉首市/2021") {
		t.Fatalf("merging a ２０２１ assessment: %v", err)
	}
	all, _ := s.Assessments()
	if len(all) != 1 {
		t.Errorf("the refused merge left %d assessments", len(all))
	}
	// Withdrawn in its own file, it merges in, and stays out of the way.
	old, err = Open(oldPath, Options{Now: func() time.Time { return time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	oldID, _ := old.Identity("")
	if _, err := old.Withdraw(oldID, AssessmentID(rb.ID, rb.Version, "吉首市", "２０２１"), "年度写成全角", false); err != nil {
		t.Fatal(err)
	}
	old.Close()
	if _, err := s.Merge(oldPath); err != nil {
		t.Fatalf("merging the withdrawn ２０２１: %v", err)
	}
	if got, err := s.Find("吉首市/2021"); err != nil || got.ID != a.ID {
		t.Errorf("after the merge 吉首市/2021 is %+v, %v", got, err)
	}
}
