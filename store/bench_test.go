package store

import (
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkRecordFinding is one committed `set` with synchronous=FULL.
func BenchmarkRecordFinding(b *testing.B) {
	s, _ := openTemp(b)
	id := mustInspector(b, s, "张三")
	a := mustNew(b, s, id, "吉首市", "2021")
	i := 0
	for b.Loop() {
		v := strconv.Itoa(i % 50)
		i++
		if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: &v}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenLargeDB opens a file of 1,000 assessments × 36 indicators ×
// 3 revisions and computes every assessment's current state and score.
func BenchmarkOpenLargeDB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	buildSourceDB(b, path, 0, 1000, 3)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		states, err := s.States()
		if err != nil || len(states) != 1000 {
			b.Fatal(len(states), err)
		}
		for _, st := range states {
			if _, err := st.Score(); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
	}
}
