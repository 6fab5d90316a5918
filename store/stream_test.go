package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// No single source can exhaust memory: the merge reads one assessment at
// a time, and an assessment holding more than an inspector's file can
// (here 3,400 revisions with 20,000-character notes, 68 MB) is refused
// before its revisions are read, naming it; the target is unchanged.
func TestMergeRefusesAnOversizedAssessment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, id, src := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3400)
		INSERT INTO revision(id, assessment_id, subject, value, note, inspector, device, hlc, wall, hash)
		SELECT printf('%08d-0000-4000-8000-000000000000', i), ?, '1.2.a', '1', hex(zeroblob(10000)), '张三', 'dev',
			printf('%015d.000000', 1700000000000 + i), '2026-01-01T00:00:00Z', 'x' FROM n`, a.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	target, err := Open(filepath.Join(dir, "target.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	before := dump(t, target)
	_, err = target.Merge(src)
	var re *Refusal
	if !refusedMerge(err, &re) || !strings.Contains(err.Error(), "assessment 吉首市/2021") || !strings.Contains(err.Error(), "3400 revisions") {
		t.Fatalf("want the oversized assessment refused by name, got %v", err)
	}
	if dump(t, target) != before {
		t.Fatal("a refused merge changed the target")
	}
}
