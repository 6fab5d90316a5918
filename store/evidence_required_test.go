package store

import (
	"slices"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// With `evidence: deductions` on the rubric, every rule that deducts needs
// an attachment on it or its indicator; an indicator may opt out; a rule
// that deducts nothing needs none.
func TestMissingEvidence(t *testing.T) {
	rb := rubric.Default()
	rb.Version = "2021-evidence"
	rb.Evidence = rubric.EvidenceDeductions
	_, ind, _ := rb.Indicator("1.3")
	ind.Evidence = "none"
	if err := rubric.Validate(rb); err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a, _, err := s.CreateAssessment(id, rb, "吉首市", "2021")
	if err != nil {
		t.Fatal(err)
	}
	for rule, v := range map[string]string{"1.2.a": "3", "1.2.b": "false", "1.3.a": "2", "2.1.a": "true"} {
		v := v
		if _, err := s.Record(id, a.ID, Change{Subject: rule, Value: ruleVal(t, v)}); err != nil {
			t.Fatal(rule, err)
		}
	}
	missing := func() []string {
		st, err := s.State(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return st.MissingEvidence()
	}
	if got := missing(); !slices.Equal(got, []string{"1.2.a", "2.1.a"}) {
		t.Fatalf("missing evidence: %v, want [1.2.a 2.1.a]", got)
	}
	p, _ := writeRandomFile(t, t.TempDir(), "台账.pdf", 100)
	if _, err := s.Attach(id, a.ID, "1.2.a", p, "", AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(id, a.ID, "2.1", p, "", AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := missing(); len(got) != 0 {
		t.Fatalf("still missing: %v", got)
	}
	// The seed rubric asks for none.
	b := mustNew(t, s, id, "泸溪县", "2021")
	v := "3"
	s.Record(id, b.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v)})
	st, _ := s.State(b.ID)
	if got := st.MissingEvidence(); len(got) != 0 {
		t.Fatalf("seed rubric: %v", got)
	}
}

// The lists show the creator as inspector before the first value; once a
// value is recorded, whoever wrote it.
func TestCreatorShownBeforeTheFirstValue(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	st, _ := s.State(a.ID)
	if got := st.ShownInspectors(); len(got) != 1 || got[0] != "张三" {
		t.Fatalf("before any value: %v", got)
	}
	other, _ := s.SetInspector("李四")
	v := "3"
	if _, err := s.Record(other, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v)}); err != nil {
		t.Fatal(err)
	}
	states, _ := s.States()
	if got := states[0].ShownInspectors(); len(got) != 1 || got[0] != "李四" {
		t.Fatalf("after 李四's value: %v", got)
	}
}
