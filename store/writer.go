package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// revisionWriter inserts many revisions (a merge) in batches: many rows
// per INSERT. It keeps the heads and the inspectors' counts as it goes,
// from what it is given: an assessment's new revisions and the IDs the
// target already holds for it (see writeAssessment).
type revisionWriter struct {
	tx      *sql.Tx
	revs    []queuedRevision
	links   [][2]string // links of written revisions, to write
	heads   [][3]string // head rows of written revisions, to write
	revStmt *sql.Stmt
	// linkStmt and headStmt insert a full batch; dropHead and countStmt
	// take one row.
	linkStmt, headStmt  *sql.Stmt
	dropHead, countStmt *sql.Stmt
	// stale are the subjects where a revision the target held, and that a
	// fresh one supersedes, was no head (an untrusted revision, or one
	// already superseded): Merge recomputes their heads (recomputeHeads).
	stale map[subjectKey]bool
}

// queuedRevision is a revision waiting for its batch; head says no other
// revision supersedes it.
type queuedRevision struct {
	r    *Revision
	head bool
}

// Batch sizes: SQLite binds at most 32,766 parameters per statement.
const (
	revisionBatch = 200 // × revisionColumnCount columns
	linkBatch     = 500 // × 2 columns
	headBatch     = 500 // × 3 columns
)

// Statements of the writer besides the batches.
const (
	sqlDropHead = "DELETE FROM head WHERE assessment_id = ? AND subject = ? AND revision_id = ?"
	// sqlCountRevisions adds an inspector's revisions to their activity.
	sqlCountRevisions = `INSERT INTO assessment_inspector(assessment_id, inspector, first_hlc, revisions) VALUES (?, ?, ?, ?)
		ON CONFLICT DO UPDATE SET revisions = revisions + excluded.revisions, first_hlc = min(first_hlc, excluded.first_hlc)`
)

func newRevisionWriter(tx *sql.Tx) (*revisionWriter, error) {
	w := &revisionWriter{tx: tx, stale: map[subjectKey]bool{}}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
		{&w.revStmt, insertRevisionsSQL(revisionBatch)},
		{&w.linkStmt, insertLinksSQL(linkBatch)},
		{&w.headStmt, insertHeadsSQL(headBatch)},
		{&w.dropHead, sqlDropHead},
		{&w.countStmt, sqlCountRevisions},
	} {
		st, err := tx.Prepare(p.query)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
	}
	return w, nil
}

// The batch INSERTs are OR FAIL: a row that breaks a constraint stops the
// statement with an error (and the merge rolls back), without SQLite
// keeping a statement journal to undo the rows before it.
func insertRevisionsSQL(n int) string {
	return "INSERT OR FAIL INTO revision(" + revisionColumns("") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(revisionPlaceholders()+",", n), ",")
}

func insertLinksSQL(n int) string {
	return "INSERT OR FAIL INTO revision_parent(revision_id, parent_id) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?),", n), ",")
}

func insertHeadsSQL(n int) string {
	return "INSERT OR FAIL INTO head(assessment_id, subject, revision_id) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?, ?),", n), ",")
}

// writeAssessment queues the new revisions of one assessment (they reach
// the database by the next full batch or by finish) and updates its heads
// and inspectors' counts. known holds the IDs the target already has for
// the assessment; fresh must be new to it, and each parent of one either
// fresh or known, of its own subject (the merge has checked both).
//
// The heads follow from that alone. No revision the target holds can
// supersede a fresh one (its parents were all recorded before it), so the
// heads afterwards are the old heads no fresh revision supersedes, and the
// fresh revisions no fresh revision supersedes. It returns the latter.
func (w *revisionWriter) writeAssessment(assessmentID string, fresh []*Revision, known map[string]string) ([]*Revision, error) {
	superseded := map[string]bool{}
	type activity struct {
		n     int
		first string
	}
	byInspector := map[string]*activity{}
	var inspectors []string
	for _, r := range fresh {
		for _, p := range r.Parents {
			superseded[p] = true
			if _, old := known[p]; old {
				res, err := w.dropHead.Exec(assessmentID, r.Subject, p)
				if err != nil {
					return nil, err
				}
				if n, err := res.RowsAffected(); err != nil || n == 0 {
					w.stale[subjectKey{assessmentID, r.Subject}] = true
				}
			}
		}
		a := byInspector[r.Inspector]
		if a == nil {
			a = &activity{first: r.HLC}
			byInspector[r.Inspector] = a
			inspectors = append(inspectors, r.Inspector)
		}
		a.n++
		a.first = min(a.first, r.HLC)
	}
	for _, name := range inspectors {
		a := byInspector[name]
		if _, err := w.countStmt.Exec(assessmentID, name, a.first, a.n); err != nil {
			return nil, err
		}
	}
	var heads []*Revision
	for _, r := range fresh {
		head := !superseded[r.ID]
		if head {
			heads = append(heads, r)
		}
		w.revs = append(w.revs, queuedRevision{r: r, head: head})
	}
	return heads, w.flush(false)
}

// flush writes the queued revisions, then their parent links and head rows
// (each needs its revision); all of them when final, else whole batches
// only.
func (w *revisionWriter) flush(final bool) error {
	for len(w.revs) >= revisionBatch || (final && len(w.revs) > 0) {
		n := min(len(w.revs), revisionBatch)
		args := make([]any, 0, n*revisionColumnCount)
		for _, q := range w.revs[:n] {
			args = revisionArgs(args, q.r)
		}
		if err := w.execBatch(w.revStmt, n == revisionBatch, insertRevisionsSQL(n), args); err != nil {
			return err
		}
		for _, q := range w.revs[:n] {
			for _, p := range q.r.Parents {
				w.links = append(w.links, [2]string{q.r.ID, p})
			}
			if q.head {
				w.heads = append(w.heads, [3]string{q.r.Assessment, q.r.Subject, q.r.ID})
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
	for len(w.heads) >= headBatch || (final && len(w.heads) > 0) {
		n := min(len(w.heads), headBatch)
		args := make([]any, 0, n*3)
		for _, h := range w.heads[:n] {
			args = append(args, h[0], h[1], h[2])
		}
		if err := w.execBatch(w.headStmt, n == headBatch, insertHeadsSQL(n), args); err != nil {
			return err
		}
		w.heads = w.heads[n:]
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

// finish writes everything still queued.
func (w *revisionWriter) finish() error {
	return w.flush(true)
}

func (w *revisionWriter) close() {
	for _, st := range []*sql.Stmt{w.revStmt, w.linkStmt, w.headStmt, w.dropHead, w.countStmt} {
		if st != nil {
			st.Close()
		}
	}
}

// mergeCacheKiB is the page cache a merge runs with: SQLite's default
// (2 MB) makes a merge of a large office file spill pages to the WAL and
// read them back many times over.
const mergeCacheKiB = 64 << 10

// mergeTx runs fn in one transaction on the store's connection, held for
// the merge alone and set up for it, and restored before it is let go:
//
//   - a page cache of mergeCacheKiB;
//   - foreign keys not enforced by SQLite. The merge itself guarantees
//     every reference it writes (an assessment before its revisions, a
//     revision before its links and head, every parent a revision of the
//     source, which is either already in the target or written by the same
//     merge: readAssessment refuses any other), and `kaohe verify` checks
//     the graph. Enforced, each row costs index lookups and, above all,
//     makes every batch INSERT keep a statement journal to undo itself
//     with, which is about a sixth of a large merge's time.
func (s *Store) mergeTx(fn func(*sql.Tx) error) error {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var cache int
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return err
	}
	set := func(pragmas ...string) error {
		for _, p := range pragmas {
			if _, err := conn.ExecContext(ctx, p); err != nil {
				return err
			}
		}
		return nil
	}
	defer func() {
		// Never hand the connection back without its foreign keys: a
		// restore that fails, or that SQLite ignored (it does inside a
		// transaction), discards the connection instead.
		var on int
		err := set("PRAGMA foreign_keys = ON", fmt.Sprintf("PRAGMA cache_size = %d", cache))
		if err == nil {
			err = conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on)
		}
		if err != nil || on != 1 {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if err := set("PRAGMA foreign_keys = OFF", fmt.Sprintf("PRAGMA cache_size = %d", -mergeCacheKiB)); err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil) // _txlock=immediate
	if err != nil {
		return err
	}
	// Rolled back however fn ends, a panic included (after a commit this
	// does nothing), before the deferred restore above runs.
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
