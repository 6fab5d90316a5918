package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// The plan travels with merge and is not signed: assigning after the
// sign-off neither refuses nor unsigns; two leads' different plans for one
// inspector are a conflict; a blind double scorer sees only their own
// values after a merge until the lead reveals.
func TestPlanMergesIsNotSignedAndBlindsDoubleScorers(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	ls, idl, pl := inspectorDB(t, dir, "李四")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustNew(t, ls, idl, "吉首市", "2021")
	for _, p := range []struct {
		s  *Store
		id Identity
	}{{zs, idz}, {ls, idl}} {
		if _, err := p.s.Record(p.id, a.ID, SetPlan("张三", []string{"1", "2"}), SetPlan("李四", []string{"1", "3"}), SetDouble("张三", "李四")); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := zs.Record(idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}, Change{Subject: "1.3.a", Value: ruleVal(t, "1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := ls.Record(idl, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")}, SetPlan("王五", []string{"4"})); err != nil {
		t.Fatal(err)
	}
	if _, err := zs.Record(idz, a.ID, SetPlan("王五", []string{"5"})); err != nil {
		t.Fatal(err)
	}
	if _, err := zs.Record(idz, a.ID, SetPlan("张三", []string{"9"})); err == nil {
		t.Fatal("assigned a category the rubric does not have")
	}
	zs.Close()
	ls.Close()
	target := filepath.Join(dir, "lead.db")
	mergeInto(t, target, pz, pl)
	s, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := mustState(t, s, a.ID)
	var plan []string
	for _, as := range st.Assignments() {
		w := as.Inspector + ":" + strings.Join(as.Categories, ",")
		if as.Conflict {
			w += "!"
		}
		plan = append(plan, w)
	}
	if got := strings.Join(plan, " "); got != "张三:1,2 李四:1,3 王五:5!" && got != "张三:1,2 李四:1,3 王五:4!" {
		t.Fatalf("plan after merge: %s (王五's two plans must be a conflict)", got)
	}
	if got := strings.Join(st.AssignedTo("1.2"), ","); got != "张三,李四" {
		t.Errorf("1.2 assigned to %s", got)
	}
	z := st.ViewFor("张三").Findings()
	l := st.ViewFor("李四").Findings()
	if z["1.2.a"].Value.String() != "3" || l["1.2.a"].Value.String() != "1" {
		t.Errorf("blind views of 1.2.a: 张三 sees %s, 李四 sees %s", z["1.2.a"].Value.String(), l["1.2.a"].Value.String())
	}
	if _, ok := l["1.3.a"]; ok {
		t.Error("李四 sees 张三's 1.3.a while scoring blind")
	}
	if st.ViewFor("王五") != st {
		t.Error("someone who is not a double scorer sees a filtered state")
	}
	lead := mustInspector(t, s, "组长")
	if _, err := s.Record(lead, a.ID, Reveal()); err != nil {
		t.Fatal(err)
	}
	st = mustState(t, s, a.ID)
	if _, ok := st.ViewFor("李四").Findings()["1.3.a"]; !ok {
		t.Error("still blind after the reveal")
	}
	if _, err := s.Record(lead, a.ID, Resolved("1.2.a", ruleVal(t, "3"))); err != nil {
		t.Fatal(err)
	}
	recordFull(t, s, lead, a.ID)
	if _, err := s.Sign(lead, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(lead, a.ID, SetPlan("赵六", []string{"6"})); err != nil {
		t.Fatalf("a plan change after the sign-off: %v", err)
	}
	if st := mustState(t, s, a.ID); st.Status() != StatusSigned || len(st.SignOffConflicts()) != 0 {
		t.Fatalf("a plan change unsigned the assessment: %v", st.SignOffConflicts())
	}
}

// Resolved is a change that settles subject's conflict with value.
func Resolved(subject string, v Value) Change {
	return Change{Subject: subject, Value: v, Resolve: true}
}
