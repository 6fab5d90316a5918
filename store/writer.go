package store

import (
	"database/sql"
	"fmt"
	"strings"
)

// revisionWriter inserts many revisions (a merge) in batches: many rows
// per INSERT, and the heads and inspectors' counts of the assessments it
// wrote to rebuilt once, set-wise, at the end rather than row by row.
type revisionWriter struct {
	tx       *sql.Tx
	revs     []*Revision
	links    [][2]string // links of written revisions, to write
	touched  map[string]bool
	order    []string // touched assessments, first-written first
	revStmt  *sql.Stmt
	linkStmt *sql.Stmt
}

// Batch sizes: SQLite binds at most 32,766 parameters per statement.
const (
	revisionBatch = 200 // × 10 columns
	linkBatch     = 500 // × 2 columns
)

func newRevisionWriter(tx *sql.Tx) (*revisionWriter, error) {
	w := &revisionWriter{tx: tx, touched: map[string]bool{}}
	var err error
	if w.revStmt, err = tx.Prepare(insertRevisionsSQL(revisionBatch)); err != nil {
		return nil, err
	}
	if w.linkStmt, err = tx.Prepare(insertLinksSQL(linkBatch)); err != nil {
		w.revStmt.Close()
		return nil, err
	}
	return w, nil
}

func insertRevisionsSQL(n int) string {
	return "INSERT INTO revision(id, assessment_id, subject, value, note, inspector, device, hlc, wall, hash) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?),", n), ",")
}

func insertLinksSQL(n int) string {
	return "INSERT INTO revision_parent(revision_id, parent_id) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?),", n), ",")
}

// write queues a revision; it reaches the database by the next full batch
// or by finish.
func (w *revisionWriter) write(r *Revision) error {
	w.revs = append(w.revs, r)
	if !w.touched[r.Assessment] {
		w.touched[r.Assessment] = true
		w.order = append(w.order, r.Assessment)
	}
	if len(w.revs) >= revisionBatch {
		return w.flush(false)
	}
	return nil
}

// flush writes the queued revisions, then their parent links (a link
// needs its revision); all of them when final, else whole batches only.
func (w *revisionWriter) flush(final bool) error {
	for len(w.revs) >= revisionBatch || (final && len(w.revs) > 0) {
		n := min(len(w.revs), revisionBatch)
		args := make([]any, 0, n*10)
		for _, r := range w.revs[:n] {
			args = append(args, r.ID, r.Assessment, r.Subject, r.Value, r.Note, r.Inspector, r.Device, r.HLC,
				r.Wall.UTC().Format(timeFormat), r.Hash)
		}
		if err := w.execBatch(w.revStmt, n == revisionBatch, insertRevisionsSQL(n), args); err != nil {
			return err
		}
		for _, r := range w.revs[:n] {
			for _, p := range r.Parents {
				w.links = append(w.links, [2]string{r.ID, p})
			}
		}
		w.revs = w.revs[n:]
	}
	for len(w.links) >= linkBatch || (final && len(w.links) > 0) {
		n := min(len(w.links), linkBatch)
		args := make([]any, 0, n*2)
		for _, l := range w.links[:n] {
			args = append(args, l[0], l[1])
		}
		if err := w.execBatch(w.linkStmt, n == linkBatch, insertLinksSQL(n), args); err != nil {
			return err
		}
		w.links = w.links[n:]
	}
	return nil
}

func (w *revisionWriter) execBatch(full *sql.Stmt, isFull bool, query string, args []any) error {
	var err error
	if isFull {
		_, err = full.Exec(args...)
	} else {
		_, err = w.tx.Exec(query, args...)
	}
	return err
}

// finish writes what is queued and rebuilds the heads and inspectors'
// counts of every assessment written to.
func (w *revisionWriter) finish() error {
	if err := w.flush(true); err != nil {
		return err
	}
	err := rebuildHeadsOf(w.tx, w.order)
	w.touched, w.order = map[string]bool{}, nil
	return err
}

func (w *revisionWriter) close() {
	w.revStmt.Close()
	w.linkStmt.Close()
}

// mergeCacheKiB is the page cache a merge runs with: SQLite's default
// (2 MB) makes a merge of a large office file spill pages to the WAL and
// read them back many times over.
const mergeCacheKiB = 64 << 10

// widenCache enlarges the connection's page cache for a merge and returns
// the function that restores it.
func (s *Store) widenCache() func() {
	var old int
	if err := s.db.QueryRow("PRAGMA cache_size").Scan(&old); err != nil {
		return func() {}
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", -mergeCacheKiB)); err != nil {
		return func() {}
	}
	return func() { s.db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", old)) }
}
