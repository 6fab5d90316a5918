package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkMergePromisesOnly merges BenchmarkMerge's sources doing only
// what every merge promises, written as plainly as it can be: the cost of
// the promises themselves, beside which BenchmarkMerge's own work reads.
//
//   - each source is read from a private copy (a source is never
//     modified; the benchmark's sources have no -wal to take along) that
//     PRAGMA quick_check has passed (a damaged file is refused untouched);
//   - every revision is read out with every field its hash covers, and
//     its hash checked (a record changed outside kaohe is refused);
//   - the rows are written into the target, with their parent links and
//     heads, in one transaction for all the sources (any refusal leaves
//     the target unchanged), and so as bound parameters: SQLite attaches
//     at most 10 databases and cannot detach one its open transaction has
//     read, so the rows of 50 sources cannot reach the target by INSERT …
//     SELECT (the writer benchmarks show binding is still the cheapest of
//     the other ways in).
//
// It leaves out what merge does beyond that: the checks of every value
// against its rubric, of every ID and of the revision graph, reading one
// assessment at a time, signatures and devices, the inspectors' counts,
// conflicts and the summary; and it reads each source in two scans, which a
// merge may not (its memory would grow with the file).
func BenchmarkMergePromisesOnly(b *testing.B) {
	paths := benchSources(b)
	temp := b.TempDir()
	benchWrite(b, nil, func(tx *sql.Tx) error {
		revs := batchInsert{tx: tx, sql: insertRevisionsSQL, full: revisionBatch, bySize: map[int]*sql.Stmt{}}
		links := batchInsert{tx: tx, sql: insertLinksSQL, full: linkBatch, bySize: map[int]*sql.Stmt{}}
		heads := batchInsert{tx: tx, sql: insertHeadsSQL, full: headBatch, bySize: map[int]*sql.Stmt{}}
		defer revs.close()
		defer links.close()
		defer heads.close()
		for k, p := range paths {
			read, err := plainRead(p, filepath.Join(temp, fmt.Sprintf("%d.db", k)))
			if err != nil {
				return err
			}
			if err := plainWrite(&revs, &links, &heads, read); err != nil {
				return err
			}
		}
		return nil
	}, func(s *Store) {
		var revisions, heads int
		if err := s.db.QueryRow("SELECT (SELECT count(*) FROM revision), (SELECT count(*) FROM head)").Scan(&revisions, &heads); err != nil ||
			revisions != 50*20*36*3 || heads != 50*20*36 {
			b.Fatalf("the plain merge wrote %d revisions and %d heads: %v", revisions, heads, err)
		}
	})
}

// plainRead copies the source at path to private, checks the copy and
// reads every revision out of it with its parents, each hash checked.
func plainRead(path, private string) ([]*Revision, error) {
	if err := copyFile(path, private); err != nil {
		return nil, err
	}
	defer os.Remove(private)
	db, err := sql.Open("sqlite", private)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return nil, fmt.Errorf("%s: quick_check %q: %v", path, check, err)
	}
	parents := map[string][]string{}
	rows, err := db.Query("SELECT revision_id, parent_id FROM revision_parent")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, parent string
		if err := rows.Scan(&id, &parent); err != nil {
			rows.Close()
			return nil, err
		}
		parents[id] = append(parents[id], parent)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	rows, err = db.Query("SELECT " + revisionColumns("") + " FROM revision")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Revision
	for rows.Next() {
		r := &Revision{}
		var value sql.NullString
		var wall string
		if err := rows.Scan(&r.ID, &r.Assessment, &r.Subject, &value, &r.Note, &r.Inspector, &r.Device, &r.HLC, &wall, &r.Hash); err != nil {
			return nil, err
		}
		if value.Valid {
			r.Value = &value.String
		}
		if r.Wall, err = time.Parse(timeFormat, wall); err != nil {
			return nil, err
		}
		r.Parents = parents[r.ID]
		if !r.HoldsContentHash() {
			return nil, fmt.Errorf("%s: revision %s does not match its hash", path, r.ID)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// plainWrite writes revs, their parent links and the heads among them
// (the revisions none of them names as a parent) through the batches.
func plainWrite(revs, links, heads *batchInsert, read []*Revision) error {
	superseded := map[string]bool{}
	for _, r := range read {
		for _, p := range r.Parents {
			superseded[p] = true
		}
	}
	var linkArgs, headArgs [][]any
	for rest := read; len(rest) > 0; {
		n := revs.rows(len(rest))
		args := make([]any, 0, n*revisionColumnCount)
		for _, r := range rest[:n] {
			args = revisionArgs(args, r)
			for _, p := range r.Parents {
				linkArgs = append(linkArgs, []any{r.ID, p})
			}
			if !superseded[r.ID] {
				headArgs = append(headArgs, []any{r.Assessment, r.Subject, r.ID})
			}
		}
		if err := revs.exec(n, args); err != nil {
			return err
		}
		rest = rest[n:]
	}
	for _, q := range []struct {
		ins  *batchInsert
		rows [][]any
	}{{links, linkArgs}, {heads, headArgs}} {
		for rest := q.rows; len(rest) > 0; {
			n := q.ins.rows(len(rest))
			var args []any
			for _, row := range rest[:n] {
				args = append(args, row...)
			}
			if err := q.ins.exec(n, args); err != nil {
				return err
			}
			rest = rest[n:]
		}
	}
	return nil
}
