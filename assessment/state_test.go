package assessment

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// head is a revision as the head table gives it: its value as stored.
func head(id, subject, value string, wall int64) *Revision {
	r := &Revision{ID: id, Assessment: "a", Subject: subject, Inspector: "张三", HLC: fmt.Sprintf("%015d.%06d", wall, 0)}
	if value != "" {
		r.Value = &value
	}
	return r
}

// A state built from heads alone, without a database: equal values written
// differently agree, different ones conflict, and a value changed after the
// sign-off counts as signed until the lead settles it.
func TestBuildFromHeads(t *testing.T) {
	rb := rubric.Default()
	signed := head("11111111-1111-4111-8111-111111111111", "1.2.a", "3", 1)
	m := SignOffOf([]*Revision{signed}).SignOff
	manifest, _ := json.Marshal(m)
	heads := []*Revision{
		head("22222222-2222-4222-8222-222222222222", "1.2.a", "5", 3), // changed after signing
		head("33333333-3333-4333-8333-333333333333", "2.4.a", "92.5", 1),
		head("44444444-4444-4444-8444-444444444444", "2.4.a", "92.50", 2), // agrees
		head("55555555-5555-4555-8555-555555555555", "status", string(manifest), 2),
	}
	var asked []string
	st, err := Build(Assessment{ID: "a"}, rb, heads, func(ids []string) ([]*Revision, error) {
		asked = append(asked, ids...)
		return []*Revision{signed}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || asked[0] != signed.ID {
		t.Errorf("looked up %v, want the one signed revision that is no longer a head", asked)
	}
	if st.Status() != StatusSigned || len(st.Conflicts()) != 0 {
		t.Errorf("status %s, conflicts %v: want signed and 92.5 = 92.50 agreeing", st.Status(), st.Conflicts())
	}
	if c := st.SignOffConflicts(); len(c) != 2 || c[0].Subject != "1.2.a" || c[1].Subject != "2.4.a" {
		t.Errorf("sign-off conflicts %+v, want 1.2.a (changed) and 2.4.a (recorded after signing)", c)
	}
	if f, ok := st.Findings()["1.2.a"]; !ok || f.Value.String() != "3" {
		t.Errorf("1.2.a counts %v, want the signed 3", f.Value)
	}
	if _, ok := st.Findings()["2.4.a"]; ok {
		t.Error("2.4.a, recorded after signing, counts while the sign-off stands")
	}
	st, _ = Build(Assessment{ID: "a"}, rb, append(heads[:3:3], head("66666666-6666-4666-8666-666666666666", "2.4.a", "90", 3)), nil)
	if c := st.Conflicts(); len(c) != 1 || c[0].Subject != "2.4.a" {
		t.Errorf("conflicts %v, want 2.4.a (92.5 against 90)", c)
	}
}
