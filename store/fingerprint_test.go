package store

import (
	"path/filepath"
	"testing"
)

// The fingerprint is the same wherever it is computed from the same
// records (a packed copy, a merged file), and changes with any value.
func TestFingerprintFollowsTheRecords(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	v := "3"
	s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v)})
	fp := func(s *Store) string {
		st, err := s.State(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		f, err := st.Fingerprint()
		if err != nil || len(f) != 64 {
			t.Fatal(f, err)
		}
		return f
	}
	first := fp(s)
	packed := filepath.Join(t.TempDir(), "p.db")
	if err := s.Pack(packed); err != nil {
		t.Fatal(err)
	}
	ps, _ := Open(packed, Options{})
	if fp(ps) != first {
		t.Fatal("a packed copy has another fingerprint")
	}
	ps.Close()
	merged := filepath.Join(t.TempDir(), "m.db")
	mergeInto(t, merged, packed)
	ms, _ := Open(merged, Options{})
	if fp(ms) != first {
		t.Fatal("a merged copy has another fingerprint")
	}
	ms.Close()
	v = "4"
	s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v)})
	if fp(s) == first {
		t.Fatal("the fingerprint did not change with the value")
	}
}
