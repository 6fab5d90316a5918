package store

import (
	"testing"
)

// A period's states read alone are the states States reads for it: the
// same assessments, heads, inspectors and score.
func TestStatesOfPeriodAreTheirStates(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	signedWithDeductions(t, s, id)
	other := mustNew(t, s, id, "泸溪县", "2022")
	if _, err := s.Record(id, other.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "2")}); err != nil {
		t.Fatal(err)
	}
	mustNew(t, s, id, "泸溪县", "2021")
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.StatesOfPeriod("2021")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*State{}
	for _, st := range all {
		if st.Assessment.Period == "2021" {
			want[st.Assessment.ID] = st
		}
	}
	if len(got) != 2 || len(want) != 2 {
		t.Fatalf("%d states of 2021, want %d", len(got), len(want))
	}
	for _, st := range got {
		w := want[st.Assessment.ID]
		if w == nil {
			t.Fatalf("%s is not of 2021", st.Assessment.Label())
		}
		a, err1 := st.Fingerprint()
		b, err2 := w.Fingerprint()
		if err1 != nil || err2 != nil || a != b || st.Status() != w.Status() || st.Creator != w.Creator || len(st.Subjects) != len(w.Subjects) {
			t.Errorf("%s: %s %s %s / %s %s %s", st.Assessment.Label(), a, st.Status(), st.Creator, b, w.Status(), w.Creator)
		}
		if ga, wa := st.ShownInspectors(), w.ShownInspectors(); len(ga) != len(wa) {
			t.Errorf("%s inspectors %v, want %v", st.Assessment.Label(), ga, wa)
		}
	}
	if none, err := s.StatesOfPeriod("2030"); err != nil || len(none) != 0 {
		t.Errorf("2030: %d states, %v", len(none), err)
	}
}
