package store

import (
	"database/sql"
	"encoding/json"
	"sync"

	"github.com/kaohe/kaohe/rubric"
)

// The commit path runs the same few statements for every finding; SQLite
// compiling them each time cost more than the insert itself. They are
// prepared once per open store, on its one connection, and bound to each
// transaction with tx.Stmt (which reuses the compiled statement).

// Statements prepared once per store.
const (
	// sqlAssessment reads an assessment and its rubric's hash in one go.
	sqlAssessment = `SELECT a.id, a.rubric_id, a.rubric_version, a.unit, a.period, r.sha256
		FROM assessment a JOIN rubric r ON r.id = a.rubric_id AND r.version = a.rubric_version WHERE a.id = ?`
	sqlLastHLC = "SELECT coalesce(max(hlc), '') FROM revision"
	// sqlInsertParents writes every parent link of a revision in one
	// statement; ?2 is a JSON array of parent IDs.
	sqlInsertParents = "INSERT INTO revision_parent(revision_id, parent_id) SELECT ?1, value FROM json_each(?2)"
	// sqlSupersedeHeads drops from the heads every parent of a revision
	// whose links are written.
	sqlSupersedeHeads = `DELETE FROM head WHERE assessment_id = ?1 AND subject = ?2
		AND revision_id IN (SELECT parent_id FROM revision_parent WHERE revision_id = ?3)`
)

// sqlHeadsOf reads the heads of one subject.
func sqlHeadsOf() string { return headColumns() + "WHERE h.assessment_id = ? AND h.subject = ?" }

// sqlInsertRevision writes a revision.
func sqlInsertRevision() string {
	return `INSERT INTO revision(` + revisionColumns("") + `) VALUES ` + revisionPlaceholders()
}

// preparedStmts are the store's prepared statements, by SQL text.
type preparedStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepare compiles the commit path's statements once. It must run outside
// any transaction of the caller: the store has a single connection. The
// lock is not held while compiling, so a transaction in another goroutine
// that looks a statement up never waits on a compile that waits on it.
func (s *Store) prepare() error {
	s.prepared.mu.Lock()
	done := s.prepared.m != nil
	s.prepared.mu.Unlock()
	if done {
		return nil
	}
	m := map[string]*sql.Stmt{}
	closeAll := func() {
		for _, st := range m {
			st.Close()
		}
	}
	for _, query := range []string{sqlAssessment, sqlLastHLC, sqlHeadsOf(), sqlInsertRevision(), sqlInsertParents, sqlSupersedeHeads, addHeadSQL, countRevisionSQL} {
		st, err := s.db.Prepare(query)
		if err != nil {
			closeAll()
			return err
		}
		m[query] = st
	}
	s.prepared.mu.Lock()
	defer s.prepared.mu.Unlock()
	if s.prepared.m != nil {
		closeAll() // another goroutine was first
		return nil
	}
	s.prepared.m = m
	return nil
}

// stmt returns query prepared and bound to tx, or nil if it was not
// prepared (the caller then runs the text).
func (s *Store) stmt(tx *sql.Tx, query string) *sql.Stmt {
	s.prepared.mu.Lock()
	st := s.prepared.m[query]
	s.prepared.mu.Unlock()
	if st == nil {
		return nil
	}
	return tx.Stmt(st)
}

// query runs a query inside tx, prepared when it can be.
func (s *Store) query(tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	if st := s.stmt(tx, query); st != nil {
		return st.Query(args...)
	}
	return tx.Query(query, args...)
}

// lastHLC is the greatest clock in the database, "" when it is empty.
func (s *Store) lastHLC(tx *sql.Tx) (string, error) {
	var last string
	var err error
	if st := s.stmt(tx, sqlLastHLC); st != nil {
		err = st.QueryRow().Scan(&last)
	} else {
		err = tx.QueryRow(sqlLastHLC).Scan(&last)
	}
	return last, err
}

// insertRevision writes a revision, its parent links, and the heads and
// activity it changes, with the prepared statements. stale reports that a
// parent was no head (untrusted, or superseded already): the subject's
// heads are then recomputed once the revision is signed (recomputeHeads).
func (s *Store) insertRevision(tx *sql.Tx, r *Revision) (stale bool, err error) {
	return writeRevision(func(query string, args ...any) (int64, error) {
		var res sql.Result
		var err error
		if st := s.stmt(tx, query); st != nil {
			res, err = st.Exec(args...)
		} else {
			res, err = tx.Exec(query, args...)
		}
		if err != nil {
			return 0, err
		}
		return res.RowsAffected()
	}, r)
}

// writeRevision writes a revision, its parent links, and the heads and
// activity it changes: one statement per table, run by exec (which returns
// the rows it changed). stale reports that fewer parents than named were
// heads.
func writeRevision(exec func(query string, args ...any) (int64, error), r *Revision) (stale bool, err error) {
	run := func(query string, args ...any) error {
		_, err := exec(query, args...)
		return err
	}
	if err := run(sqlInsertRevision(), revisionArgs(nil, r)...); err != nil {
		return false, err
	}
	if len(r.Parents) > 0 {
		parents, err := json.Marshal(r.Parents)
		if err != nil {
			return false, err
		}
		if err := run(sqlInsertParents, r.ID, string(parents)); err != nil {
			return false, err
		}
		n, err := exec(sqlSupersedeHeads, r.Assessment, r.Subject, r.ID)
		if err != nil {
			return false, err
		}
		stale = n < int64(len(r.Parents))
	}
	if err := run(addHeadSQL, r.Assessment, r.Subject, r.ID); err != nil {
		return false, err
	}
	return stale, run(countRevisionSQL, r.Assessment, r.Inspector, r.HLC)
}

// assessmentForWrite is assessmentIn for the commit path: one prepared
// query, and the rubric from the store's cache when it is parsed already.
func (s *Store) assessmentForWrite(tx *sql.Tx, id string) (Assessment, *rubric.Rubric, error) {
	st := s.stmt(tx, sqlAssessment)
	if st == nil {
		return s.assessmentIn(tx, id)
	}
	var a Assessment
	var sum string
	err := st.QueryRow(id).Scan(&a.ID, &a.RubricID, &a.RubricVersion, &a.Unit, &a.Period, &sum)
	if err != nil {
		return s.assessmentIn(tx, id) // says what is missing
	}
	if rb := s.rubrics.get(sum); rb != nil {
		return a, rb, nil
	}
	return s.assessmentIn(tx, id)
}
