package store

import (
	"errors"
	"strings"
	"testing"
)

// Three counties' figures go in one transaction: when the third county is
// signed, the refusal names it and neither of the other two holds a single
// new revision; once it is left out, both are written together.
func TestRecordAllIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	jishou := mustNew(t, s, id, "吉首市", "2021")
	luxi := mustNew(t, s, id, "泸溪县", "2021")
	fenghuang := mustNew(t, s, id, "凤凰县", "2021")
	mustRecord(t, s, id, fenghuang.ID, Change{Subject: "3.2.a", Value: ruleVal(t, "100000")})
	if _, err := s.Sign(id, fenghuang.ID, true); err != nil {
		t.Fatal(err)
	}
	figures := func(a Assessment, n string) Batch {
		return Batch{Assessment: a.ID, Changes: []Change{{Subject: "3.2.a", Value: ruleVal(t, n)}, {Subject: "3.2.b", Value: ruleVal(t, "2")}}}
	}
	revisions := func(a Assessment) int {
		st, err := s.State(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return st.Revisions
	}
	_, err := s.RecordAll(id, figures(jishou, "91500"), figures(luxi, "88000"), figures(fenghuang, "95000"))
	if !errors.Is(err, ErrSigned) || !strings.Contains(err.Error(), "凤凰县/2021") {
		t.Fatalf("a signed county among three: %v", err)
	}
	if n, m := revisions(jishou), revisions(luxi); n != 0 || m != 0 {
		t.Fatalf("after the refusal 吉首市 holds %d revisions and 泸溪县 %d; want none", n, m)
	}
	revs, err := s.RecordAll(id, figures(jishou, "91500"), figures(luxi, "88000"))
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || len(revs[0]) != 2 || len(revs[1]) != 2 || revisions(jishou) != 2 || revisions(luxi) != 2 {
		t.Fatalf("two counties' figures: %v", revs)
	}
	if f := mustState(t, s, luxi.ID).Findings()["3.2.a"]; f.Value.Num.String() != "88000" {
		t.Errorf("泸溪县 3.2.a = %v", f.Value)
	}
}
