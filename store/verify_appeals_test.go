package store

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/scoring"
)

// finalisedWithAppeals is a signed assessment with feedback, an upheld
// appeal on 1.1.a and a rejected one on 1.2.a, decided by the lead and
// finalised.
func finalisedWithAppeals(t *testing.T, s *Store, id Identity) (Assessment, Appeal, Appeal) {
	t.Helper()
	a := signedWithDeductions(t, s, id)
	if err := s.AddTeamMember(id.Inspector, id.Device, RoleLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	up, err := s.AddAppeal(id, a.ID, "1.1.a", "已建立工作机制", "2022-01-15", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	rej, err := s.AddAppeal(id, a.ID, "1.2.a", "殡葬不属我县事项", "2022-01-18", false, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	no := scoring.BoolValue(false)
	if _, err := s.Decide(id, a.ID, up.ID, true, &no, "核实已建立", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(id, a.ID, rej.ID, false, nil, "属本县事项", "2022-01-22", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, a.ID, "2022-01-25"); err != nil {
		t.Fatal(err)
	}
	return a, up, rej
}

func verifyLines(t *testing.T, s *Store) string {
	t.Helper()
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// verify passes a genuine chain of feedback, appeals, decisions and final
// result, and catches each hand edit of it: a decision's value changed
// with its hash recomputed (the final digest no longer matches), an appeal's date moved past the deadline, and a
// roster that no longer lists the deciding device as the lead's.
func TestVerifyChecksTheAppealChain(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "王组长")
	a, up, _ := finalisedWithAppeals(t, s, id)
	if got := verifyLines(t, s); got != "" {
		t.Fatalf("a genuine chain: %s", got)
	}
	st := mustState(t, s, a.ID)
	var dec *Revision
	for _, ap := range st.Appeals() {
		if ap.ID == up.ID {
			dec = ap.DecisionRevision
		}
	}
	// The upheld decision made to give 1.1.a back its deduction (true),
	// hash recomputed: the final result no longer rests on what it names.
	edited := *dec
	text := strings.Replace(*dec.Value, `"value":false`, `"value":true`, 1)
	if text == *dec.Value {
		t.Fatalf("the decision's value does not read as expected: %s", *dec.Value)
	}
	edited.Value = &text
	if _, err := s.db.Exec("UPDATE revision SET value = ?, hash = ? WHERE id = ?", text, edited.ContentHash(), dec.ID); err != nil {
		t.Fatal(err)
	}
	got := verifyLines(t, s)
	if !strings.Contains(got, "final revision") || !strings.Contains(got, "its digest is not that of the records it rests on") {
		t.Errorf("a hand-edited decision was not caught by the final digest:\n%s", got)
	}

	s2, _ := openTemp(t)
	id2 := mustInspector(t, s2, "王组长")
	a2, _, rej2 := finalisedWithAppeals(t, s2, id2)
	st2 := mustState(t, s2, a2.ID)
	var apRev *Revision
	for _, ap := range st2.Appeals() {
		if ap.ID == rej2.ID {
			apRev = ap.Revision
		}
	}
	moved := *apRev
	text2 := strings.Replace(*apRev.Value, "2022-01-18", "2022-01-28", 1)
	moved.Value = &text2
	if _, err := s2.db.Exec("UPDATE revision SET value = ?, hash = ? WHERE id = ?", text2, moved.ContentHash(), apRev.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.db.Exec("UPDATE team SET role = ''"); err != nil {
		t.Fatal(err)
	}
	got = verifyLines(t, s2)
	for _, want := range []string{
		"the appeal dated 2022-01-28 does not fit feedback round 1 (issued 2022-01-10, deadline 2022-01-20) and is not marked late",
		"which the roster does not list as the lead's",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("verify does not say %q:\n%s", want, got)
		}
	}
}
