package store

import (
	"testing"
	"time"
)

// recordAsOtherProgram records c as 李四 through a second store on the same
// file, as another kaohe process would, and closes it.
func recordAsOtherProgram(t *testing.T, path string, opts Options, assessmentID string, c Change) {
	t.Helper()
	other, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	id, _ := other.Identity("李四")
	if _, err := other.Record(id, assessmentID, c); err != nil {
		t.Fatal(err)
	}
}

// An edit based on what its writer saw becomes a conflict when
// another process wrote meanwhile, never a silent overwrite.
func TestSeenParentsTurnARaceIntoAConflict(t *testing.T) {
	s, path := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	revs, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if err != nil || len(revs) != 1 {
		t.Fatal(revs, err)
	}
	seen := []string{revs[0].ID}

	// Another program on the same file records 8 over 3.
	clock := &testClock{time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	recordAsOtherProgram(t, path, Options{Now: clock.now}, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "8")})

	// The first writer, who saw 3, records 4.
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "4"), Seen: seen}); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	ss := st.Subjects["1.2.a"]
	if len(ss.Heads) != 2 || !ss.Conflict() {
		t.Fatalf("want a conflict of 8 and 4, got %d heads", len(ss.Heads))
	}

	// Without Seen the store keeps its old rule: the current heads are the parents.
	if _, err := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "1")}); err != nil {
		t.Fatal(err)
	}
	// Seen naming a revision of another subject is refused and writes nothing.
	_, err = s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2"), Seen: seen})
	if err == nil || !IsRefusal(err) {
		t.Fatalf("a foreign seen revision was accepted: %v", err)
	}
	// Seen empty (the writer saw no value) over a value written meanwhile: a conflict.
	if _, err := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "5"), Seen: []string{}}); err != nil {
		t.Fatal(err)
	}
	st, _ = s.State(a.ID)
	if !st.Subjects["1.3.a"].Conflict() {
		t.Fatal("an edit that saw nothing silently replaced 1")
	}
}

func TestDataVersionChangesOnlyForOtherWriters(t *testing.T) {
	s, path := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	v0, err := s.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}); err != nil {
		t.Fatal(err)
	}
	if v1, _ := s.DataVersion(); v1 != v0 {
		t.Fatalf("own write changed data_version %d → %d", v0, v1)
	}
	recordAsOtherProgram(t, path, Options{}, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "8")})
	if v2, _ := s.DataVersion(); v2 == v0 {
		t.Fatal("another writer's commit did not change data_version")
	}
}
