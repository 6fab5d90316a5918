package store

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/timefmt"
)

// revisionsByID loads revisions by ID (in chunks, to stay under SQLite's
// limit on bound variables).
func revisionsByID(db q, ids []string) ([]*Revision, error) {
	var out []*Revision
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		revs, err := loadRevisions(db, "WHERE r.id IN (?"+strings.Repeat(",?", n-1)+")", args...)
		if err != nil {
			return nil, err
		}
		out = append(out, revs...)
		ids = ids[n:]
	}
	return out, nil
}

// stateIn loads an assessment's state inside a transaction.
func (s *Store) stateIn(db q, assessmentID string) (*State, error) {
	a, rb, err := s.assessmentIn(db, assessmentID)
	if err != nil {
		return nil, err
	}
	heads, err := loadHeads(db, a.ID)
	if err != nil {
		return nil, err
	}
	return buildState(db, a, rb, heads)
}

// Sign signs the assessment off: the sign-off records the heads it signs.
// It is refused while conflicts are open, and while rules are unrecorded or
// discretionary deductions lack a reason unless allowIncomplete is given
// (the sign-off's note then says what was missing).
func (s *Store) Sign(id Identity, assessmentID string, allowIncomplete bool) (Revision, error) {
	return s.statusOp(id, func(tx *sql.Tx) (*Revision, error) {
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		if so := st.Signed(); so != nil {
			return nil, invalid("%s is already signed (by %s on %s)", st.Assessment.Label(), so.Inspector, timefmt.Human(so.Wall))
		}
		rd := st.Readiness()
		if len(rd.Conflicts) > 0 || (!allowIncomplete && !rd.Complete()) {
			return nil, &IncompleteError{Assessment: st.Assessment.Label(), Readiness: rd}
		}
		note := "sign-off"
		if !rd.Complete() {
			note = "sign-off with --allow-incomplete: " + incompleteNote(rd)
		}
		signOff, err := signOffOf(tx, st.Assessment.ID)
		if err != nil {
			return nil, err
		}
		rev, err := s.record(tx, id, st.Assessment, st.Rubric, Change{Subject: SubjectStatus, Value: signOff, Note: note, Resolve: true})
		if err != nil {
			return nil, err
		}
		signed, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		return rev, s.withdrawGone(tx, id, signed)
	})
}

// Reopen returns a signed assessment to draft, with the reason kept in
// history.
func (s *Store) Reopen(id Identity, assessmentID, reason string) (Revision, error) {
	reason = strings.TrimSpace(reason)
	return s.statusOp(id, func(tx *sql.Tx) (*Revision, error) {
		if reason == "" {
			return nil, invalid("say why the assessment is reopened (the reason is kept in history)")
		}
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		if st.Signed() == nil {
			return nil, invalid("%s is not signed", st.Assessment.Label())
		}
		return s.record(tx, id, st.Assessment, st.Rubric, Change{Subject: SubjectStatus, Value: assessment.StatusValue(StatusDraft), Note: reason, Resolve: true})
	})
}

// statusOp runs one status or resolution write in a transaction.
func (s *Store) statusOp(id Identity, fn func(tx *sql.Tx) (*Revision, error)) (Revision, error) {
	if id.Inspector == "" {
		return Revision{}, ErrNoInspector
	}
	var out *Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		rev, err := fn(tx)
		if err != nil {
			return err
		}
		if rev == nil {
			return invalid("nothing to record")
		}
		out = rev
		return nil
	})
	if err != nil {
		return Revision{}, err
	}
	return *out, nil
}

// signOffOf is the sign-off value for the assessment's current heads
// (every subject but the status), read from the head table the same
// transaction keeps.
func signOffOf(db q, assessmentID string) (Value, error) {
	heads, err := loadHeads(db, assessmentID)
	if err != nil {
		return Value{}, err
	}
	signed := heads[:0]
	for _, h := range heads {
		if h.Subject != SubjectStatus && !assessment.IsUnsignedSubject(h.Subject) {
			signed = append(signed, h)
		}
	}
	return assessment.SignOffOf(signed), nil
}

// incompleteNote says in one line what was missing when an incomplete
// assessment was signed. It is part of the sign-off's stored note, so it
// is a record in one fixed form, not worded for the reader.
func incompleteNote(r Readiness) string {
	var parts []string
	if n := len(r.Unrecorded); n > 0 {
		parts = append(parts, fmt.Sprintf("%d rules unrecorded", n))
	}
	if n := len(r.Conflicts); n > 0 {
		parts = append(parts, fmt.Sprintf("%d open conflicts", n))
	}
	if n := len(r.MissingReasons); n > 0 {
		parts = append(parts, fmt.Sprintf("%d discretionary deductions without a reason", n))
	}
	if n := len(r.MissingEvidence); n > 0 {
		parts = append(parts, fmt.Sprintf("%d deductions without evidence", n))
	}
	return strings.Join(parts, ", ")
}
