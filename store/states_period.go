package store

import (
	"fmt"
)

// StatesOfPeriod loads the current state of every assessment of one
// period, as States does for all of them, reading only that period's
// heads: the problems of a period (kaohe problem list --period, the
// 整改台账) need its 120 assessments, not the file's ten years of them.
func (s *Store) StatesOfPeriod(period string) ([]*State, error) {
	period = normalizeName(period)
	all, err := s.Assessments()
	if err != nil {
		return nil, err
	}
	var picked []Assessment
	for _, a := range all {
		if a.Period == period {
			picked = append(picked, a)
		}
	}
	if len(picked) == 0 {
		return nil, nil
	}
	const inPeriod = "assessment_id IN (SELECT id FROM assessment WHERE period = ?)"
	heads, err := s.pickedHeads(picked, all, func() ([]*Revision, error) { return loadHeadsWhere(s.db, "WHERE h."+inPeriod, period) })
	if err != nil {
		return nil, err
	}
	act, err := loadActivityWhere(s.db, "WHERE "+inPeriod, period)
	if err != nil {
		return nil, err
	}
	return s.statesOf(picked, heads, act)
}

// pickedHeads reads the heads of the assessments picked out of all: from
// the check cache's snapshot of every head while the file is in the state
// it was kept for (unpacking only theirs); else, when they are half the
// file or more, by reading every head as States does (at most twice the
// rows, and the read becomes the snapshot for the runs after); else
// through query, which reads theirs only.
func (s *Store) pickedHeads(picked, all []Assessment, query func() ([]*Revision, error)) ([]*Revision, error) {
	rows, ok := s.checked.snapshotHeads(s.path)
	if !ok {
		if 2*len(picked) < len(all) {
			return query()
		}
		var err error
		if rows, err = s.allPackedHeads(); err != nil {
			return nil, err
		}
	}
	want := make(map[string]bool, len(picked))
	for _, a := range picked {
		want[a.ID] = true
	}
	mine := rows[:0:0]
	for _, r := range rows {
		if want[r.assessment] {
			mine = append(mine, r)
		}
	}
	return unpackRows(mine)
}

// loadHeadsWhere is loadHeads for the assessments a WHERE clause on head
// h picks.
func loadHeadsWhere(db q, where string, args ...any) ([]*Revision, error) {
	rows, err := queryPackedHeads(db, where, args...)
	if err != nil {
		return nil, err
	}
	return unpackRows(rows)
}

// queryPackedHeads runs the packed heads query (packedHeadsSQL) and
// returns its rows.
func queryPackedHeads(db q, where string, args ...any) ([]packedRow, error) {
	rows, err := db.Query(packedHeadsSQL(where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []packedRow
	for rows.Next() {
		var r packedRow
		if err := rows.Scan(&r.assessment, &r.packed); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// unpackRows unpacks the heads of packed rows.
func unpackRows(rows []packedRow) ([]*Revision, error) {
	var out []*Revision
	var slab revisionSlab
	for _, r := range rows {
		var err error
		if out, err = unpackHeads(out, &slab, r.assessment, r.packed); err != nil {
			return nil, fmt.Errorf("assessment %s: %w", r.assessment, err)
		}
	}
	return out, nil
}

// loadActivityWhere is loadActivity for the assessments a WHERE clause on
// assessment_inspector picks.
func loadActivityWhere(db q, where string, args ...any) (map[string]*activity, error) {
	rows, err := db.Query(`SELECT assessment_id, inspector, revisions FROM assessment_inspector `+where+`
		ORDER BY assessment_id, first_hlc, inspector`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]*activity{}
	for rows.Next() {
		var aid, inspector string
		var n int
		if err := rows.Scan(&aid, &inspector, &n); err != nil {
			return nil, err
		}
		a := out[aid]
		if a == nil {
			a = &activity{}
			out[aid] = a
		}
		a.revisions += n
		a.inspectors = append(a.inspectors, inspector)
	}
	return out, rows.Err()
}
