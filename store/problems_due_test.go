package store

import (
	"testing"

	"github.com/kaohe/kaohe/assessment"
)

// A due date set on every problem of a unit at once, after one of them was
// returned (退回), moves that one's date too and keeps it 退回 with its
// reason in the history: the reason belongs to the return, not to every
// later record of a returned problem.
func TestDueDateForAllAfterAReturn(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	for _, act := range []ProblemAction{
		{Action: assessment.ActionRectify, Measure: "已建立工作机制"},
		{Action: assessment.ActionReturn, Note: "机制未发文"},
	} {
		if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, act); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ActOnProblems(id, a.ID, nil, true, ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"}); err != nil {
		t.Fatalf("one due date for all after a return: %v", err)
	}
	p := problemsOf(t, s, a.ID)[0]
	if p.Status != assessment.ProblemReturned || p.Record.Due != "2022-03-31" || p.Record.Measure != "已建立工作机制" {
		t.Fatalf("1.1.a after the due date: %s %+v", p.Status, p.Record)
	}
	revs, err := s.History(a.ID, assessment.ProblemSubject("1.1.a"))
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 3 || revs[1].Note != "机制未发文" {
		t.Fatalf("history of 1.1.a: %d revisions, the return's note %q", len(revs), revs[1].Note)
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("verify after the due date: %v %v", rep, err)
	}
}
