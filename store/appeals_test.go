package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/scoring"
)

func totalOf(t *testing.T, st *State, fs scoring.Findings) string {
	t.Helper()
	res, err := scoring.Score(st.Rubric, fs)
	if err != nil {
		t.Fatal(err)
	}
	return res.Total.String()
}

// The whole round: feedback with a deadline, an appeal upheld with a new
// value, one rejected, one late refused and then accepted as late; the
// decisions by the lead; finalising refused while one is open or before
// the deadline, then frozen: the preliminary result stays what was signed
// and the final one has the upheld value.
func TestFeedbackAppealsDecisionsAndFinal(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	if _, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立机制", "2022-01-05", false, "", nil); err == nil {
		t.Fatal("an appeal before any feedback was taken")
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-11", "2022-01-21"); err == nil {
		t.Fatal("a second feedback round on the same signed result")
	}
	prelim := mustState(t, s, a.ID)
	if prelim.Stage() != assessment.StagePreliminary {
		t.Fatalf("stage %q", prelim.Stage())
	}
	up, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立工作机制，见附件", "2022-01-15", false, assessment.SourceCounty, nil)
	if err != nil {
		t.Fatal(err)
	}
	rej, err := s.AddAppeal(id, a.ID, "1.2.a", "殡葬不属我县事项", "2022-01-18", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAppeal(id, a.ID, "2.4.a", "好差评", "2022-01-18", false, "", nil); err == nil {
		t.Fatal("an appeal on a rule that deducts nothing")
	}
	if _, err := s.AddAppeal(id, a.ID, "1.2.a", "人防", "2022-01-25", false, "", nil); err == nil {
		t.Fatal("a late appeal without --late")
	}
	late, err := s.AddAppeal(id, a.ID, "1.2.a", "人防已于去年划转", "2022-01-25", true, "", nil)
	if err != nil || !late.Late {
		t.Fatalf("late appeal: %v, %+v", err, late)
	}
	if st := mustState(t, s, a.ID); st.Stage() != assessment.StageAppealing || st.Status() != StatusSigned || len(st.SignOffConflicts()) != 0 {
		t.Fatalf("stage %q status %q sign-off conflicts %v", st.Stage(), st.Status(), st.SignOffConflicts())
	}
	no := scoring.BoolValue(false)
	if _, err := s.Decide(id, a.ID, up.ID, true, &no, "核实已建立", "2022-01-28", false); !isCode(err, CodeNotLead) {
		t.Fatalf("a decision from a device that is not the lead's: %v", err)
	}
	if err := s.AddTeamMember("张三", id.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(id, a.ID, up.Short(), true, &no, "核实已建立", "2022-01-28", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(id, a.ID, up.Short(), false, nil, "再议", "2022-01-29", false); err == nil {
		t.Fatal("decided an appeal twice")
	}
	if _, err := s.Decide(id, a.ID, rej.Short(), false, nil, "属本县事项", "2022-01-28", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-02-01"); err == nil || !strings.Contains(err.Error(), "1.2.a#"+late.Short()) {
		t.Fatalf("finalised with an open appeal: %v", err)
	}
	if _, err := s.Decide(id, a.ID, late.Short(), false, nil, "逾期且理由不成立", "2022-01-30", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-01-20"); err == nil {
		t.Fatal("finalised on the deadline")
	}
	fin, err := s.Finalize(id, a.ID, "2022-02-01")
	if err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, a.ID)
	if st.Stage() != assessment.StageFinal || fin.Digest != st.FinalDigest(1, st.SignOff().Digest) {
		t.Fatalf("stage %q, digest %s", st.Stage(), fin.Digest)
	}
	before, after := totalOf(t, st, st.Findings()), totalOf(t, st, st.FinalFindings())
	fs := st.Findings()
	fs["1.1.a"] = scoring.Finding{Value: no}
	if want := totalOf(t, st, fs); after != want || before == after {
		t.Errorf("preliminary %s, final %s; want the final to be the signed findings with 1.1.a false (%s)", before, after, want)
	}
	if _, err := s.AddAppeal(id, a.ID, "1.2.a", "再申诉", "2022-02-02", true, "", nil); err == nil {
		t.Fatal("an appeal after the final result")
	}
}

func isCode(err error, c Code) bool {
	var r *Refusal
	return errors.As(err, &r) && r.Code == c
}

// Two laptops recording different appeals merge as a union; two different
// decisions on one appeal are a conflict, the same in both merge orders,
// and the final result is refused until it is settled.
func TestAppealsMergeAsAUnionAndDecisionsConflict(t *testing.T) {
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
	office.Close()
	pl := filepath.Join(dir, "组长.db")
	lead, idl, _ := inspectorDB(t, dir, "组长")
	lead.Close()
	mergeInto(t, pl, po)
	lead, _ = Open(pl, Options{})
	office, _ = Open(po, Options{})
	for _, p := range []struct {
		s  *Store
		id Identity
	}{{office, ido}, {lead, idl}} {
		if err := p.s.AddTeamMember(p.id.Inspector, p.id.Device, RoleLead); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lead.AddAppeal(idl, a.ID, "1.2.a", "殡葬", "2022-01-13", false, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := office.Decide(ido, a.ID, ap.Short(), false, nil, "不成立", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	no := scoring.BoolValue(false)
	if _, err := lead.Decide(idl, a.ID, ap.Short(), true, &no, "成立", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	office.Close()
	lead.Close()
	one, two := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	mergeInto(t, one, po, pl)
	mergeInto(t, two, pl, po)
	var seen [2]string
	for i, p := range []string{one, two} {
		s, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		st := mustState(t, s, a.ID)
		appeals := st.Appeals()
		var lines []string
		for _, x := range appeals {
			lines = append(lines, x.Rule+":"+x.Reason+":"+boolWord(x.DecisionConflict))
		}
		seen[i] = strings.Join(lines, " ")
		if seen[i] != "1.1.a:已建立:conflict 1.2.a:殡葬:-" {
			t.Errorf("%s: appeals %s", p, seen[i])
		}
		if st.Stage() != assessment.StageAppealing || st.Status() != StatusSigned {
			t.Errorf("%s: stage %q", p, st.Stage())
		}
		s.Close()
	}
}

func boolWord(b bool) string {
	if b {
		return "conflict"
	}
	return "-"
}
