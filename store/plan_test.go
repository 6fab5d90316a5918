package store

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
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

// A plan over several units creates the missing assessments and records
// on each in one transaction: a unit refused leaves no assessment made
// and no plan written on the others.
func TestRecordUnitsIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	lead := mustInspector(t, s, "组长")
	rb := rubric.Default()
	existing := mustNew(t, s, lead, "吉首市", "2021")
	_, _, err := s.RecordUnits(lead, rb, "2021", []UnitChanges{
		{Unit: "吉首市", Changes: []Change{SetPlan("张三", []string{"1"})}},
		{Unit: "泸溪县", Changes: []Change{SetPlan("张三", []string{"99"})}},
	})
	if err == nil {
		t.Fatal("a category the rubric lacks was planned")
	}
	if as, _ := s.Assessments(); len(as) != 1 {
		t.Fatalf("a refused plan left %d assessments", len(as))
	}
	if len(mustState(t, s, existing.ID).Assignments()) != 0 {
		t.Fatal("a refused plan wrote on 吉首市")
	}
	as, revs, err := s.RecordUnits(lead, rb, "2021", []UnitChanges{
		{Unit: "吉首市", Changes: []Change{SetPlan("张三", []string{"1", "2"})}},
		{Unit: "泸溪县", Changes: []Change{SetPlan("张三", []string{"1", "2"}), SetDouble("张三", "李四")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].ID != existing.ID || len(revs) != 3 {
		t.Fatalf("assessments %v, %d revisions", as, len(revs))
	}
	if got := mustState(t, s, as[1].ID).Double(); strings.Join(got, ",") != "张三,李四" {
		t.Errorf("泸溪县 double scorers %v", got)
	}
}

// A blind double scorer who records, on a file that already holds the
// other's value hidden from them, the same value keeps their own record:
// it is written beside the other's (the two agree), not dropped as
// unchanged, so their workbench shows it and the history holds both.
// Without a blind double scoring the same write changes nothing.
func TestABlindScorersEqualValueIsTheirOwn(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	ls, idl, _ := inspectorDB(t, dir, "李四")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustNew(t, ls, idl, "吉首市", "2021")
	if _, err := zs.Record(idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}, Change{Subject: "1.3.a", Value: ruleVal(t, "1")}); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	if _, err := ls.Merge(pz); err != nil {
		t.Fatal(err)
	}
	unseen := Change{Subject: "1.3.a", Value: ruleVal(t, "1"), Seen: []string{}}
	if revs, err := ls.Record(idl, a.ID, unseen); err != nil || len(revs) != 0 {
		t.Fatalf("without a double scoring the same value wrote %d revisions (%v)", len(revs), err)
	}
	if _, err := ls.Record(idl, a.ID, SetDouble("张三", "李四")); err != nil {
		t.Fatal(err)
	}
	revs, err := ls.Record(idl, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3"), Seen: []string{}})
	if err != nil || len(revs) != 1 {
		t.Fatalf("李四's blind 3 on 1.2.a: %d revisions, %v", len(revs), err)
	}
	st := mustState(t, ls, a.ID)
	if f, ok := st.ViewFor("李四").Findings()["1.2.a"]; !ok || f.Value.String() != "3" || len(st.Conflicts()) != 0 {
		t.Fatalf("李四's view of 1.2.a: %v %v; conflicts %v", f, ok, st.Conflicts())
	}
	if h := st.Subjects["1.2.a"].Heads; len(h) != 2 {
		t.Fatalf("1.2.a heads %d, want both scorers'", len(h))
	}
	// On 1.3.a they disagree: 李四's edit of his own value is not refused
	// over the conflict he cannot see, and leaves 张三's as it is; his
	// retraction of a value he never had writes nothing.
	if revs, err := ls.Record(idl, a.ID, Change{Subject: "1.3.a", Seen: []string{}}); err != nil || len(revs) != 0 {
		t.Fatalf("retracting nothing: %d revisions, %v", len(revs), err)
	}
	revs, err = ls.Record(idl, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2"), Seen: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ls.Record(idl, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "4"), Seen: []string{revs[0].ID}}); err != nil {
		t.Fatalf("李四's blind edit of his own 1.3.a: %v", err)
	}
	st = mustState(t, ls, a.ID)
	var vals []string
	for _, h := range st.Subjects["1.3.a"].Heads {
		vals = append(vals, h.Inspector+"="+h.Decoded().Rule.String())
	}
	if got := strings.Join(vals, " "); got != "李四=4 张三=1" {
		t.Errorf("1.3.a heads after 李四's blind edit: %s", got)
	}
	if _, err := ls.Record(idl, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "5")}); err == nil {
		t.Error("a write that saw everything (the CLI's) went over the conflict")
	}
	ls.Close()
}
