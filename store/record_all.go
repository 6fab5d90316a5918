package store

import (
	"database/sql"
	"fmt"
)

// Batch is what RecordAll writes to one assessment: its ID and its
// changes, as Record takes them.
type Batch struct {
	Assessment string
	Changes    []Change
}

// RecordAll writes several assessments' changes in one transaction, all or
// nothing: the figures of every county read from one platform table land
// together or not at all, so a refused county never leaves the others
// half imported. Every change goes through the checks Record makes (the
// rubric's, a signed assessment, a conflict). It returns each batch's new
// revisions, in batch order. A refusal of a change is wrapped with the
// label of the assessment it is about (errors.Is and errors.As still find it).
func (s *Store) RecordAll(id Identity, batches ...Batch) ([][]Revision, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var out [][]Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		out = make([][]Revision, len(batches))
		for i, b := range batches {
			revs, a, err := s.recordIn(tx, id, b.Assessment, b.Changes)
			if err != nil {
				if a.ID == "" || !IsRefusal(err) {
					return err // no such assessment (the refusal names its ID), or the file's doing
				}
				return fmt.Errorf("%s: %w", a.Label(), err)
			}
			out[i] = revs
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
