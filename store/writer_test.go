package store

import (
	"path/filepath"
	"testing"
)

// TestMergeWritesEveryRowWhateverTheBatch merges sources whose revisions,
// links and heads fill full batches and leave remainders of every shape
// (written through the smaller statements the writer keeps), several in
// one merge so that those statements are reused from one source to the
// next, and finds in the target exactly the rows the sources hold.
func TestMergeWritesEveryRowWhateverTheBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// 108 revisions, 72 links and 36 heads per assessment.
	sources := buildSources(t, dir, 3, 1, 3, 7, 2)
	// And one of odd counts: 6 revisions, 1 link, 5 heads.
	s, id, p := inspectorDB(t, dir, "odd")
	a := mustNew(t, s, id, "吉首市", "2021")
	for _, c := range [][2]string{{"1.2.a", "3"}, {"1.1.a", "true"}, {"2.4.a", "90"}, {"3.1.a", "95"}, {"3.2.b", "1"}, {"1.2.a", "4"}} {
		if _, err := s.Record(id, a.ID, Change{Subject: c[0], Value: ruleVal(t, c[1])}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	sources = append(sources, p)
	target := filepath.Join(dir, "target.db")
	mergeInto(t, target, sources...)
	tables := map[string]string{
		"revision":        "SELECT id || ' ' || hash FROM revision",
		"revision_parent": "SELECT revision_id || ' ' || parent_id FROM revision_parent",
		"head":            "SELECT assessment_id || ' ' || subject || ' ' || revision_id FROM head",
	}
	for table, query := range tables {
		want := map[string]bool{}
		for _, p := range sources {
			for _, row := range tableRows(t, p, query) {
				want[row] = true
			}
		}
		got := tableRows(t, target, query)
		if len(got) != len(want) {
			t.Errorf("%s: the target holds %d rows, the sources %d", table, len(got), len(want))
		}
		for _, row := range got {
			if !want[row] {
				t.Errorf("%s: the target holds %q, which no source does", table, row)
			}
		}
	}
}

// tableRows returns the one column of every row query gives on the file.
func tableRows(t *testing.T, path, query string) []string {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
