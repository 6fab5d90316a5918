package store

import (
	"testing"
)

// A writer that moves a head between reading the states and checking their
// hashes does not make a genuine head look edited by hand: the warning is
// judged on what the states were read with.
func TestHashMismatchesWhileAnotherWriterMovesAHead(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	for _, v := range []string{"3", "4"} { // the head has a parent
		if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: val(t, v)}); err != nil {
			t.Fatal(err)
		}
	}
	st := mustState(t, s, a.ID)
	// Another program writes after the states were read.
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: val(t, "5")}); err != nil {
		t.Fatal(err)
	}
	bad, err := s.HashMismatches(st)
	if err != nil || len(bad[a.ID]) != 0 {
		t.Fatalf("a genuine head read before another write is reported as not matching its hash: %v %v", bad[a.ID], err)
	}
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: val(t, "2")}); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.HashMismatches(all...); err != nil || len(bad[a.ID]) != 0 {
		t.Fatalf("every state: %v %v", bad[a.ID], err)
	}
}
