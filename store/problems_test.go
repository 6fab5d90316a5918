package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/scoring"
)

// recordClean records the finding that deducts nothing on every rule of
// the seed's kinds: no flag found, no item missing, every target met.
func recordClean(t *testing.T, s *Store, id Identity, aid string) {
	t.Helper()
	var cs []Change
	for rule, f := range scoring.CleanFindings(mustState(t, s, aid).Rubric) {
		cs = append(cs, SetRule(rule, f.Value, ""))
	}
	if _, err := s.Record(id, aid, cs...); err != nil {
		t.Fatal(err)
	}
}

// signedWithDeductions is a signed assessment of 吉首市 with full marks but
// for two deductions: 1.2.a recorded as two items (殡葬, 人防) and 1.1.a
// (a flag) with its reason.
func signedWithDeductions(t *testing.T, s *Store, id Identity) Assessment {
	t.Helper()
	a := mustNew(t, s, id, "吉首市", "2021")
	recordClean(t, s, id, a.ID)
	if _, err := s.Record(id, a.ID, Retract("1.2.a")); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true"), Note: "未建立工作机制"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	return a
}

func problemsOf(t *testing.T, s *Store, aid string) []assessment.Problem {
	t.Helper()
	ps, err := ProblemsOf(mustState(t, s, aid))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func problemLine(ps []assessment.Problem) string {
	var b []string
	for _, p := range ps {
		due := ""
		if p.Record != nil {
			due = p.Record.Due
		}
		b = append(b, p.Rule+":"+p.Found+":"+p.Points.String()+":"+p.Status+":"+due)
	}
	return strings.Join(b, " | ")
}

// Every deduction of a signed assessment is a problem; assigning a due
// date, reporting a rectification, closing and returning move it through
// its states without touching the sign-off; the wrong step is refused.
func TestProblemLifecycle(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	ps := problemsOf(t, s, a.ID)
	if got, want := problemLine(ps), "1.1.a:未建立工作机制:"+ps[0].Points.String()+":open: | 1.2.a:殡葬:0.2:open: | 1.2.a:人防:0.2:open:"; got != want {
		t.Fatalf("problems\n%s\nwant\n%s", got, want)
	}
	if ps[0].Points <= 0 {
		t.Fatalf("1.1.a deducts %s", ps[0].Points)
	}
	if _, err := s.ActOnProblems(id, a.ID, nil, true, ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31", Owner: "县政务服务中心"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionClose}); err == nil {
		t.Fatal("closed a problem with no rectification reported")
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"2"}, false, ProblemAction{Action: assessment.ActionRectify, Measure: "已补齐办事指南", DoneOn: "2022-02-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"3"}, false, ProblemAction{Action: assessment.ActionRectify, Measure: "已补齐", Source: assessment.SourceCounty}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"2"}, false, ProblemAction{Action: assessment.ActionClose, Note: "核实无误"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"3"}, false, ProblemAction{Action: assessment.ActionReturn}); err == nil {
		t.Fatal("returned without a reason")
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"3"}, false, ProblemAction{Action: assessment.ActionReturn, Note: "佐证不足"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"2"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-04-30"}); err == nil {
		t.Fatal("moved the due date of a closed problem")
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-02-30"}); err == nil {
		t.Fatal("took 2022-02-30 as a date")
	}
	st := mustState(t, s, a.ID)
	if st.Status() != StatusSigned || len(st.SignOffConflicts()) != 0 || st.OpenConflicts() != 0 {
		t.Fatalf("problem records disturbed the sign-off: %s, %v", st.Status(), st.SignOffConflicts())
	}
	ps = problemsOf(t, s, a.ID)
	got := problemLine(ps)
	want := "1.1.a:未建立工作机制:" + ps[0].Points.String() + ":open:2022-03-31 | 1.2.a:殡葬:0.2:closed:2022-03-31 | 1.2.a:人防:0.2:returned:2022-03-31"
	if got != want {
		t.Fatalf("problems\n%s\nwant\n%s", got, want)
	}
	if !ps[2].Overdue("2022-04-01") || ps[1].Overdue("2022-04-01") || ps[2].Overdue("2022-03-31") || ps[2].DaysOverdue("2022-04-02") != 2 {
		t.Error("overdue: the returned one is overdue after its due date, the closed one never")
	}
	if ps[2].Revision.Note != "佐证不足" || ps[2].Record.Source != assessment.SourceCounty {
		t.Errorf("the return's reason %q, source %q", ps[2].Revision.Note, ps[2].Record.Source)
	}
}

// Problems are the deductions of a signed result: an unsigned assessment
// has none to change.
func TestProblemChangesNeedASignedAssessment(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	recordClean(t, s, id, a.ID)
	if _, err := s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true"), Note: "x"}); err != nil {
		t.Fatal(err)
	}
	_, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"})
	if !errors.Is(err, ErrNotSigned) {
		t.Fatalf("err %v, want ErrNotSigned", err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: ProblemPrefix + "1.1.a", Value: assessment.ProblemValue(ProblemRecord{Action: "assign", Status: "open", Due: "2022-03-31"})}); !errors.Is(err, ErrNotSigned) {
		t.Fatalf("a problem record on a draft: %v", err)
	}
}

// A deduction taken away after reopening withdraws its problem, with its
// record kept; a new deduction opens a new problem.
func TestReopenedAndChangedAssessmentWithdrawsAndOpensProblems(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if _, err := s.ActOnProblems(id, a.ID, nil, true, ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reopen(id, a.ID, "申诉复核"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "false")}, Change{Subject: "2.4.a", Value: ruleVal(t, "80"), Note: "好差评得分偏低"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	ps := problemsOf(t, s, a.ID)
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.Rule+":"+p.Status)
	}
	if got := strings.Join(lines, " "); got != "1.1.a:withdrawn 1.2.a:open 1.2.a:open 2.4.a:open" {
		t.Fatalf("problems %s", got)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-05-01"}); err == nil {
		t.Fatal("changed a withdrawn problem")
	}
}

// Two changes made from one record on two laptops are a conflict after a
// merge, in either order, never a silent overwrite; a change that
// descends from the other laptop's is not.
func TestProblemChangesFromTwoLaptopsConflict(t *testing.T) {
	dir := t.TempDir()
	office, ido, po := inspectorDB(t, dir, "王主任")
	a := signedWithDeductions(t, office, ido)
	if _, err := office.ActOnProblems(ido, a.ID, nil, true, ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"}); err != nil {
		t.Fatal(err)
	}
	if _, err := office.ActOnProblems(ido, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionRectify, Measure: "已建立机制"}); err != nil {
		t.Fatal(err)
	}
	office.Close()
	pi := filepath.Join(dir, "李四.db")
	insp, idi, _ := inspectorDB(t, dir, "李四")
	insp.Close()
	mergeInto(t, pi, po)
	insp, _ = Open(pi, Options{})
	office, _ = Open(po, Options{})
	if _, err := office.ActOnProblems(ido, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionClose}); err != nil {
		t.Fatal(err)
	}
	if _, err := insp.ActOnProblems(idi, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionReturn, Note: "机制未落实"}); err != nil {
		t.Fatal(err)
	}
	if _, err := insp.ActOnProblems(idi, a.ID, []string{"1.2.a#" + problemsOf(t, insp, a.ID)[1].ID[len("1.2.a#"):]}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-06-30"}); err != nil {
		t.Fatal(err)
	}
	office.Close()
	insp.Close()
	one, two := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	mergeInto(t, one, po, pi)
	mergeInto(t, two, pi, po)
	var lines [2]string
	for i, p := range []string{one, two} {
		s, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ps := problemsOf(t, s, a.ID)
		lines[i] = problemLine(ps)
		if !ps[0].Conflict || len(ps[0].Heads) != 2 {
			t.Errorf("%s: 1.1.a closed on one laptop and returned on the other is not a conflict", p)
		}
		if ps[1].Conflict || ps[1].Record.Due != "2022-06-30" {
			t.Errorf("%s: a due date moved on one laptop only is a plain change, got %+v", p, ps[1].Record)
		}
		if _, err := s.ActOnProblems(ido, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-09-01"}); err == nil {
			t.Errorf("%s: changed a problem in conflict without settling it", p)
		}
		s.Close()
	}
	if lines[0] != lines[1] {
		t.Errorf("merge order changed the problems:\n%s\n%s", lines[0], lines[1])
	}
}
