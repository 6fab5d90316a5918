package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
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
//   - the rows are written into the target by merge's own writer, with
//     their parent links, heads and inspectors' counts, in one
//     transaction for all the sources (any refusal leaves the target
//     unchanged), and so as bound parameters: SQLite attaches at most 10
//     databases and cannot detach one its open transaction has read, so
//     the rows of 50 sources cannot reach the target by INSERT … SELECT
//     (the writer benchmarks show binding is still the cheapest of the
//     other ways in).
//
// It leaves out what merge does beyond that: the checks of every value
// against its rubric, of every ID and of the revision graph, reading one
// assessment at a time, signatures and devices, conflicts and the summary;
// and it reads each source whole, in one query, which a merge may not (its
// memory would grow with the file).
func BenchmarkMergePromisesOnly(b *testing.B) {
	paths := benchSources(b)
	temp := b.TempDir()
	benchWrite(b, nil, func(tx *sql.Tx) error {
		w, err := newRevisionWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		for k, p := range paths {
			read, err := plainRead(p, filepath.Join(temp, fmt.Sprintf("%d.db", k)))
			if err != nil {
				return err
			}
			// The writer takes one assessment at a time; the rows come
			// in rowid order, each assessment's together.
			for len(read) > 0 {
				n := 1
				for n < len(read) && read[n].Assessment == read[0].Assessment {
					n++
				}
				if _, err := w.writeAssessment(read[0].Assessment, read[:n], nil); err != nil {
					return err
				}
				read = read[n:]
			}
		}
		return w.finish()
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
	revs, err := loadRevisions(db, "ORDER BY r.rowid")
	if err != nil {
		return nil, err
	}
	for _, r := range revs {
		if !r.HoldsContentHash() {
			return nil, fmt.Errorf("%s: revision %s does not match its hash", path, r.ID)
		}
	}
	return revs, nil
}
