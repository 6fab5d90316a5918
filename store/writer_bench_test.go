package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/storetest"
)

// The benchmarks below write the same 21,600 revision rows into an empty
// kaohe database, inside a transaction set up as a merge's (mergeTx), three
// ways: by the writer's bound batches (what Merge does), by one JSON
// parameter per batch unpacked by SQLite (json_each), and by INSERT …
// SELECT from the source file attached (the sqlite3 shell's union, which
// binds nothing). They show what binding costs a merge and why it binds
// all the same: SQLite attaches at most 10 databases and cannot detach one
// that the open transaction has read, so a merge of any number of sources
// in one transaction has to bring the rows it has checked in as
// parameters, and unpacking them in SQL costs more than binding them.

// writeBenchSource is a source of 200 assessments × 36 indicators × 3
// revisions and its revisions as read back.
func writeBenchSource(b *testing.B) (string, []*Revision) {
	path := filepath.Join(b.TempDir(), "src.db")
	buildSourceDB(b, path, 0, 200, 3)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	revs, err := loadRevisions(s.db, "ORDER BY r.rowid")
	if err != nil {
		b.Fatal(err)
	}
	return path, revs
}

// benchWrite times write, once per iteration, in a merge's transaction on
// a new empty target; prepare runs on the target before the transaction
// and check after it, both outside the timed part (either may be nil).
func benchWrite(b *testing.B, prepare func(*Store), write func(*sql.Tx) error, check func(*Store)) {
	b.ResetTimer()
	defer storetest.CPUPerOp(b)()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := Open(emptyTarget(b, i), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if prepare != nil {
			prepare(s)
		}
		b.StartTimer()
		if err := s.mergeTx(write); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if check != nil {
			check(s)
		}
		s.Close()
		b.StartTimer()
	}
}

// holdsRevisions checks that a target holds want revisions.
func holdsRevisions(b *testing.B, want int) func(*Store) {
	return func(s *Store) {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM revision").Scan(&n); err != nil || n != want {
			b.Fatalf("the target holds %d revisions of %d: %v", n, want, err)
		}
	}
}

// BenchmarkWriteRevisionsBound writes the rows as a merge does: batches of
// revisionBatch rows, every column a bound parameter.
func BenchmarkWriteRevisionsBound(b *testing.B) {
	_, revs := writeBenchSource(b)
	benchWrite(b, nil, func(tx *sql.Tx) error {
		ins := batchInsert{tx: tx, sql: insertRevisionsSQL, full: revisionBatch, bySize: map[int]*sql.Stmt{}}
		defer ins.close()
		for rest := revs; len(rest) > 0; {
			n := ins.rows(len(rest))
			args := make([]any, 0, n*revisionColumnCount)
			for _, r := range rest[:n] {
				args = revisionArgs(args, r)
			}
			if err := ins.exec(n, args); err != nil {
				return err
			}
			rest = rest[n:]
		}
		return nil
	}, holdsRevisions(b, len(revs)))
}

// BenchmarkWriteRevisionsJSON writes the same batches as one JSON array
// parameter each, every row unpacked by SQLite's JSON functions.
func BenchmarkWriteRevisionsJSON(b *testing.B) {
	_, revs := writeBenchSource(b)
	cols := make([]string, revisionColumnCount)
	for i := range cols {
		cols[i] = fmt.Sprintf("value->>%d", i)
	}
	query := "INSERT OR FAIL INTO revision(" + revisionColumns("") + ") SELECT " + strings.Join(cols, ", ") + " FROM json_each(?)"
	benchWrite(b, nil, func(tx *sql.Tx) error {
		st, err := tx.Prepare(query)
		if err != nil {
			return err
		}
		defer st.Close()
		for start := 0; start < len(revs); start += revisionBatch {
			var batch [][]any
			for _, r := range revs[start:min(start+revisionBatch, len(revs))] {
				batch = append(batch, revisionArgs(nil, r))
			}
			text, err := json.Marshal(batch)
			if err != nil {
				return err
			}
			if _, err := st.Exec(string(text)); err != nil {
				return err
			}
		}
		return nil
	}, holdsRevisions(b, len(revs)))
}

// BenchmarkWriteRevisionsInsertSelect copies the same rows from the source
// file attached to the target's connection, as the sqlite3 shell's union
// does: the engine's own cost of writing them, with nothing bound.
func BenchmarkWriteRevisionsInsertSelect(b *testing.B) {
	src, revs := writeBenchSource(b)
	benchWrite(b, func(s *Store) {
		if _, err := s.db.Exec("ATTACH ? AS src", src); err != nil {
			b.Fatal(err)
		}
	}, func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT OR FAIL INTO main.revision(" + revisionColumns("") + ") SELECT " + revisionColumns("") + " FROM src.revision ORDER BY rowid")
		return err
	}, holdsRevisions(b, len(revs)))
}
