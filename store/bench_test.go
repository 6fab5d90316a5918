package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
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

// buildLargeDB writes assessments × 36 indicators × revisions revisions (on
// each indicator's first rule, each superseding the one before).
func buildLargeDB(tb testing.TB, path string, assessments, revisions int) {
	s, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	id := mustInspector(tb, s, "张三")
	rb := rubric.Default()
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	err = s.tx(func(tx *sql.Tx) error {
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		for ai := 0; ai < assessments; ai++ {
			unit := fmt.Sprintf("单位%04d", ai)
			aid := AssessmentID(rb.ID, rb.Version, unit, "2021")
			if _, err := tx.Exec("INSERT INTO assessment VALUES (?, ?, ?, ?, ?)", aid, rb.ID, rb.Version, unit, "2021"); err != nil {
				return err
			}
			for _, ind := range rb.Indicators() {
				r := ind.Rules[0]
				prev := ""
				for k := 0; k < revisions; k++ {
					n++
					v := "1"
					if r.Kind.IsBool() {
						v = "true"
					}
					if r.Kind == rubric.Discretion {
						v = "0.5"
					}
					rev := &Revision{ID: fmt.Sprintf("%08d-0000-4000-8000-000000000000", n), Assessment: aid, Subject: r.ID, Value: &v,
						Note: "n", Inspector: id.Inspector, Device: id.Device, HLC: HLC{Wall: base.UnixMilli() + int64(n)}.String(),
						Wall: base.Add(time.Duration(n) * time.Millisecond)}
					if prev != "" {
						rev.Parents = []string{prev}
					}
					rev.Hash = rev.ContentHash()
					if err := insertRevision(tx, rev); err != nil {
						return err
					}
					prev = rev.ID
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkOpenLargeDB opens a file of 1,000 assessments × 36 indicators ×
// 3 revisions and computes every assessment's current state and score.
func BenchmarkOpenLargeDB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	buildLargeDB(b, path, 1000, 3)
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
