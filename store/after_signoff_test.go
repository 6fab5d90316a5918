package store

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/report/agreement"
	"github.com/kaohe/kaohe/scoring"
)

// A decision made on a laptop whose own roster lists itself as the lead
// is merged into the office, whose roster does not: there it does not
// count, finalising is refused and verify names it.
func TestADecisionFromADeviceNotTheLeadsDoesNotCount(t *testing.T) {
	dir := t.TempDir()
	office, ido, po := inspectorDB(t, dir, "王主任")
	a := signedWithDeductions(t, office, ido)
	if _, err := office.IssueFeedback(ido, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	ap, err := office.AddAppeal(ido, a.ID, "1.1.a", "已建立", "2022-01-12", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := office.AddTeamMember("王主任", ido.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	office.Close()
	pi := filepath.Join(dir, "李四.db")
	insp, idi, _ := inspectorDB(t, dir, "李四")
	insp.Close()
	mergeInto(t, pi, po)
	insp, _ = Open(pi, Options{})
	if err := insp.AddTeamMember("李四", idi.Device, RoleLead); err != nil { // on its own laptop
		t.Fatal(err)
	}
	no := scoring.BoolValue(false)
	if _, err := insp.Decide(idi, a.ID, ap.Short(), true, &no, "成立", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	insp.Close()
	office, _ = Open(po, Options{})
	if err := office.AddTeamMember("李四", idi.Device, ""); err != nil {
		t.Fatal(err)
	}
	office.Close()
	mergeInto(t, po, pi)
	office, _ = Open(po, Options{})
	defer office.Close()
	st := mustState(t, office, a.ID)
	as := st.Appeals()
	if !as[0].Open() || !as[0].NotByLead {
		t.Errorf("office accepted a decision from device %s, not a lead on its roster: %+v", idi.Device, *as[0].Decision)
	}
	if _, err := office.Finalize(ido, a.ID, "2022-02-01"); err == nil {
		t.Errorf("finalised with the non-lead's decision")
	}
	rep, err := office.Verify()
	if err == nil && len(rep.Problems) == 0 {
		t.Errorf("verify passes")
	}
}

// Records that read on their own but do not fit their chain — a decision
// about another rule, an appeal after the deadline not marked late, a
// final record before the deadline with another digest — do not count,
// the final result still scores, and verify names each.
func TestAppealRecordsThatDoNotFitTheirChainDoNotCount(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	ap, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立", "2022-01-12", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	v := scoring.NumValue(5)
	rec := DecisionRecord{Decision: assessment.DecisionUphold, Rule: "2.4.a", Value: &v, On: "2022-01-22"}
	if _, err := s.Record(id, a.ID, Change{Subject: assessment.DecisionSubject(ap.ID), Value: Value{Kind: assessment.KindDecision, Decision: &rec}, Note: "x"}); err != nil {
		t.Fatal(err) // each record reads on its own; the chain is judged by the state and verify
	}
	if err := s.AddTeamMember("张三", id.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, a.ID)
	if x := st.Appeals()[0]; !x.Mismatch || !x.Open() {
		t.Errorf("a decision on 2.4.a for an appeal on 1.1.a counts: %+v", x)
	}
	if _, err := scoring.Score(st.Rubric, st.FinalFindings()); err != nil {
		t.Errorf("the final result does not score: %v", err)
	}
	bad := AppealRecord{Round: 1, Rule: "1.1.a", Reason: "r", On: "2030-01-01"}
	if _, err := s.Record(id, a.ID, Change{Subject: assessment.AppealSubject(newItemID()), Value: Value{Kind: assessment.KindAppeal, Appeal: &bad}}); err != nil {
		t.Fatal(err)
	}
	if n := len(mustState(t, s, a.ID).RoundAppeals(1)); n != 1 {
		t.Errorf("an appeal after the deadline, not late, counts in round 1 (%d appeals)", n)
	}
	fin := FinalRecord{Round: 1, Digest: st.SignOff().Digest, Heads: []string{"not-a-uuid"}, On: "2000-01-01"}
	if _, err := s.Record(id, a.ID, Change{Subject: assessment.SubjectFinal, Value: Value{Kind: assessment.KindFinal, Final: &fin}}); err == nil {
		t.Errorf("a final record naming a head that is not a revision ID was recorded")
	}
	fin.Heads = []string{}
	if _, err := s.Record(id, a.ID, Change{Subject: assessment.SubjectFinal, Value: Value{Kind: assessment.KindFinal, Final: &fin}}); err != nil {
		t.Fatal(err)
	}
	if stage := mustState(t, s, a.ID).Stage(); stage == assessment.StageFinal {
		t.Errorf("a final record dated before the deadline, with another digest, makes the stage %q", stage)
	}
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var whys []string
	for _, p := range rep.Problems {
		whys = append(whys, p.Why)
	}
	for _, want := range []string{"the decision is about rule 2.4.a", "does not fit feedback round 1", "not after the deadline", "its digest is not that of the records"} {
		if !strings.Contains(strings.Join(whys, "\n"), want) {
			t.Errorf("verify does not say %q: %v", want, whys)
		}
	}
}

// Reopened after the final result, changed and signed again, the result
// is no longer final: the final findings do not move without a new round.
func TestReopeningAfterTheFinalResultNeedsANewRound(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if err := s.AddTeamMember("张三", id.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-02-01"); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, a.ID)
	before := totalOf(t, st, st.FinalFindings())
	if _, err := s.Reopen(id, a.ID, "改"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "false")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st = mustState(t, s, a.ID)
	after := totalOf(t, st, st.FinalFindings())
	if st.Stage() != assessment.StageSigned {
		t.Errorf("stage %q after signing again (total %s → %s); want signed, waiting for a new feedback round", st.Stage(), before, after)
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-02-10", "2022-02-20"); err != nil {
		t.Fatalf("a new round for the result signed again: %v", err)
	}
	if st := mustState(t, s, a.ID); st.Stage() != assessment.StagePreliminary {
		t.Errorf("stage %q after the new round", st.Stage())
	}
}

// Signed again without new feedback, the result takes no appeal against
// the old round.
func TestAnAppealAfterSigningAgainNeedsANewRound(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reopen(id, a.ID, "改"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "2.4.a", Value: ruleVal(t, "80"), Note: "偏低"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if st := mustState(t, s, a.ID); st.Stage() != assessment.StageSigned {
		t.Errorf("stage after signing again %q, want signed", st.Stage())
	}
	if _, err := s.AddAppeal(id, a.ID, "2.4.a", "不服", "2022-01-12", false, "", nil); err == nil {
		t.Errorf("appeal on 2.4.a (a deduction the unit was never sent) accepted in round 1 whose feedback sent another signed result")
	}
}

// The final result is not dated before a decision it rests on.
func TestTheFinalResultComesAfterItsDecisions(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if err := s.AddTeamMember("张三", id.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	ap, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立", "2022-01-12", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(id, a.ID, ap.Short(), false, nil, "不成立", "2022-03-01", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-01-21"); err == nil {
		t.Errorf("final dated 2022-01-21 rests on a decision dated 2022-03-01")
	}
}

// A deduction that comes back after its problem was withdrawn is a new
// problem, not the old closed record.
func TestADeductionBackAfterWithdrawalIsANewProblem(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionRectify, Measure: "m"})
	must(err)
	_, err = s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionClose})
	must(err)
	_, err = s.Reopen(id, a.ID, "x")
	must(err)
	_, err = s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "false")})
	must(err)
	_, err = s.Sign(id, a.ID, true)
	must(err)
	_, err = s.Reopen(id, a.ID, "y")
	must(err)
	_, err = s.Record(id, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true"), Note: "复查仍未建立"})
	must(err)
	_, err = s.Sign(id, a.ID, true)
	must(err)
	ps := problemsOf(t, s, a.ID)
	if ps[0].Rule == "1.1.a" && ps[0].Status != assessment.ProblemOpen {
		t.Errorf("the new deduction on 1.1.a is %s (the old record), not a new open problem", ps[0].Status)
	}
}

// Feedback issued on two laptops is not counted as the result's conflict.
func TestFeedbackIssuedOnTwoLaptops(t *testing.T) {
	dir := t.TempDir()
	office, ido, po := inspectorDB(t, dir, "王主任")
	a := signedWithDeductions(t, office, ido)
	office.Close()
	pi := filepath.Join(dir, "李四.db")
	insp, idi, _ := inspectorDB(t, dir, "李四")
	insp.Close()
	mergeInto(t, pi, po)
	insp, _ = Open(pi, Options{})
	office, _ = Open(po, Options{})
	if _, err := office.IssueFeedback(ido, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	if _, err := insp.IssueFeedback(idi, a.ID, "2022-01-11", "2022-01-21"); err != nil {
		t.Fatal(err)
	}
	insp.Close()
	office.Close()
	mergeInto(t, po, pi)
	office, _ = Open(po, Options{})
	defer office.Close()
	st := mustState(t, office, a.ID)
	fb, _ := st.Feedback()
	if fb == nil || fb.Round != 1 || st.Stage() != assessment.StagePreliminary || st.ResultConflicts() != 0 || len(st.Readiness().Conflicts) != 0 {
		t.Errorf("feedback %+v, stage %s, result conflicts %d, readiness %v: the two round-1 records are one round, not the result's conflict", fb, st.Stage(), st.ResultConflicts(), st.Readiness().Conflicts)
	}
}

// An inspector's edit over two agreeing heads is that inspector's value,
// not a settlement.
func TestAgreementReadsAnEditOverAgreeingHeads(t *testing.T) {
	s, _ := openTemp(t)
	ida := mustInspector(t, s, "张三")
	a := mustNew(t, s, ida, "吉首市", "2021")
	idb := ida
	idb.Inspector = "李四"
	if _, err := s.Record(ida, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true"), Note: "n", Seen: []string{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(idb, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true"), Note: "m", Seen: []string{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(ida, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "false")}); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.History(a.ID, "1.1.a")
	for _, r := range revs {
		t.Logf("%s %s parents=%d", r.Inspector, *r.Value, len(r.Parents))
	}
	st := mustState(t, s, a.ID)
	rec := agreement.FromHistory(st.Rubric, revs)
	if got := rec["1.1.a"]["张三"]; got.Bool {
		t.Errorf("张三's last value is false, agreement reads %v", got)
	}
}

// A plan lists each category once; a self-assessment names files, not
// a megabyte of text.
func TestPlanAndSelfAssessmentAreBounded(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	cats := make([]string, 200000)
	for i := range cats {
		cats[i] = "1"
	}
	c := Change{Subject: assessment.PlanSubject("李四"), Value: assessment.Value{Kind: assessment.KindPlan, Plan: &PlanRecord{Categories: cats}}}
	if _, err := s.Record(id, a.ID, c); err == nil {
		t.Errorf("a plan naming category 1 200000 times was recorded")
	}
	big := string(make([]byte, 0)) + strings.Repeat("佐", 1<<20)
	if _, err := s.Record(id, a.ID, SetSelf("1.1", 0, "", []string{big, "a\x00b/../../x"})); err == nil {
		t.Errorf("a self-assessment file name of 1M characters (and one with NUL and ../) was recorded")
	}
}

// A due date moves after a 退回, for one problem and for all.
func TestADueDateMovesAfterAReturn(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionRectify, Measure: "m"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionReturn, Note: "佐证不足"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1.1.a"}, false, ProblemAction{Action: assessment.ActionAssign, Due: "2022-06-30"}); err != nil {
		t.Errorf("moving the due date of a returned problem refused: %v", err)
	}
	if _, err := s.ActOnProblems(id, a.ID, nil, true, ProblemAction{Action: assessment.ActionAssign, Due: "2022-06-30"}); err != nil {
		t.Errorf("assign --all refused because one problem is returned: %v", err)
	}
}

// A new round on the same signed result after a final one keeps what the
// earlier round upheld.
func TestANewRoundKeepsWhatWasUpheld(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	s.AddTeamMember("张三", id.Device, RoleLead)
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	ap, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立", "2022-01-12", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	no := scoring.BoolValue(false)
	if _, err := s.Decide(id, a.ID, ap.Short(), true, &no, "成立", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-02-01"); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, a.ID)
	fin := totalOf(t, st, st.FinalFindings())
	if _, err := s.IssueFeedback(id, a.ID, "2022-03-01", "2022-03-10"); err != nil {
		t.Fatal(err)
	}
	st = mustState(t, s, a.ID)
	now := totalOf(t, st, st.FinalFindings())
	if now != fin {
		t.Errorf("round 2 on the same sign-off: result %s, round 1's final was %s (upheld 1.1.a dropped), stage %s", now, fin, st.Stage())
	}
}
