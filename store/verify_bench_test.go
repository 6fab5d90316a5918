package store

import (
	"path/filepath"
	"testing"
)

// BenchmarkHashCheckLargeDB is the hash check `list`, `score` and `report`
// run over the heads of 1,000 assessments × 36 indicators × 3 revisions
// (compare with BenchmarkOpenLargeDB, which loads and scores them).
func BenchmarkHashCheckLargeDB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	buildSourceDB(b, path, 0, 1000, 3)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	states, err := s.States()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		bad, err := s.HashMismatches(states...)
		if err != nil || len(bad) != 0 {
			b.Fatal("a genuine head mismatches", err)
		}
	}
}
