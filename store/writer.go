package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math/bits"
	"strings"
)

// revisionWriter inserts many revisions (a merge) in batches: many rows
// per INSERT. It keeps the heads and the inspectors' counts as it goes,
// from what it is given: an assessment's new revisions and the IDs the
// target already holds for it (see writeAssessment).
type revisionWriter struct {
	tx    *sql.Tx
	revs  []queuedRevision
	links [][2]string // links of written revisions, to write
	heads [][3]string // head rows of written revisions, to write
	// revInsert, linkInsert and headInsert write the batches; dropHead
	// and countStmt take one row.
	revInsert, linkInsert, headInsert batchInsert
	dropHead, countStmt               *sql.Stmt
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

// batchInsert writes rows through INSERTs of full batches and, for what
// is left when the writer finishes a source, of powers of two below one:
// each size is parsed once per merge and kept, not once per source for the
// size its remainder happens to have (a statement of 200 rows takes longer
// to parse than to run).
type batchInsert struct {
	tx     *sql.Tx
	sql    func(rows int) string
	full   int
	bySize map[int]*sql.Stmt
}

// rows is how many of pending rows the next INSERT writes: a full batch,
// or the largest power of two that is not more than pending.
func (b *batchInsert) rows(pending int) int {
	if pending >= b.full {
		return b.full
	}
	return 1 << (bits.Len(uint(pending)) - 1)
}

// exec runs the INSERT of rows rows (rows(pending) of them) with args.
func (b *batchInsert) exec(rows int, args []any) error {
	st := b.bySize[rows]
	if st == nil {
		var err error
		if st, err = b.tx.Prepare(b.sql(rows)); err != nil {
			return err
		}
		b.bySize[rows] = st
	}
	_, err := st.Exec(args...)
	return err
}

func (b *batchInsert) close() {
	for _, st := range b.bySize {
		st.Close()
	}
}

func newRevisionWriter(tx *sql.Tx) (*revisionWriter, error) {
	w := &revisionWriter{tx: tx, stale: map[subjectKey]bool{},
		revInsert:  batchInsert{tx: tx, sql: insertRevisionsSQL, full: revisionBatch, bySize: map[int]*sql.Stmt{}},
		linkInsert: batchInsert{tx: tx, sql: insertLinksSQL, full: linkBatch, bySize: map[int]*sql.Stmt{}},
		headInsert: batchInsert{tx: tx, sql: insertHeadsSQL, full: headBatch, bySize: map[int]*sql.Stmt{}},
	}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
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
		n := w.revInsert.rows(len(w.revs))
		args := make([]any, 0, n*revisionColumnCount)
		for _, q := range w.revs[:n] {
			args = revisionArgs(args, q.r)
		}
		if err := w.revInsert.exec(n, args); err != nil {
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
		n := w.linkInsert.rows(len(w.links))
		args := make([]any, 0, n*2)
		for _, l := range w.links[:n] {
			args = append(args, l[0], l[1])
		}
		if err := w.linkInsert.exec(n, args); err != nil {
			return err
		}
		w.links = w.links[n:]
	}
	for len(w.heads) >= headBatch || (final && len(w.heads) > 0) {
		n := w.headInsert.rows(len(w.heads))
		args := make([]any, 0, n*3)
		for _, h := range w.heads[:n] {
			args = append(args, h[0], h[1], h[2])
		}
		if err := w.headInsert.exec(n, args); err != nil {
			return err
		}
		w.heads = w.heads[n:]
	}
	return nil
}

// finish writes everything still queued.
func (w *revisionWriter) finish() error {
	return w.flush(true)
}

func (w *revisionWriter) close() {
	for _, b := range []*batchInsert{&w.revInsert, &w.linkInsert, &w.headInsert} {
		b.close()
	}
	for _, st := range []*sql.Stmt{w.dropHead, w.countStmt} {
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
