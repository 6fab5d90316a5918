package store

import (
	"database/sql"
	"sort"

	"github.com/kaohe/kaohe/rubric"
)

// State loads one assessment's current state from its heads.
func (s *Store) State(assessmentID string) (*State, error) {
	a, rb, err := s.assessmentIn(s.db, assessmentID)
	if err != nil {
		return nil, err
	}
	heads, err := loadHeads(s.db, a.ID)
	if err != nil {
		return nil, err
	}
	act, err := loadActivity(s.db, a.ID)
	if err != nil {
		return nil, err
	}
	st, err := buildState(s.db, a, rb, heads)
	if err != nil {
		return nil, err
	}
	act[a.ID].apply(st)
	if err := fillLeads(s.db, []*State{st}); err != nil {
		return nil, err
	}
	return st, fillCreators(s.db, []*State{st})
}

// fillLeads sets each state's Leads from this laptop's roster: the
// devices whose decisions on appeals count.
func fillLeads(db q, states []*State) error {
	rows, err := db.Query("SELECT DISTINCT device FROM team WHERE role = ?", RoleLead)
	if err != nil {
		return err
	}
	defer rows.Close()
	leads := map[string]bool{}
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return err
		}
		leads[d] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, st := range states {
		st.Leads = leads
	}
	return nil
}

// fillCreators sets each state's Creator from this laptop's records.
func fillCreators(db q, states []*State) error {
	query, args := "SELECT assessment_id, inspector FROM assessment_creator", []any(nil)
	if len(states) == 1 { // one assessment: its row, not the table
		query, args = query+" WHERE assessment_id = ?", []any{states[0].Assessment.ID}
	}
	rows, err := db.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	creators := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		creators[id] = name
	}
	for _, st := range states {
		st.Creator = creators[st.Assessment.ID]
	}
	return rows.Err()
}

// States loads the current state of every assessment from the heads, for
// lists and reports.
func (s *Store) States() ([]*State, error) {
	all, err := s.Assessments()
	if err != nil {
		return nil, err
	}
	heads, err := s.allHeads()
	if err != nil {
		return nil, err
	}
	act, err := loadActivity(s.db, "")
	if err != nil {
		return nil, err
	}
	return s.statesOf(all, heads, act)
}

// allHeads reads every assessment's heads: from the check cache's
// snapshot while the file is in the state it was kept for, else from the
// file (and then the read may become the snapshot: keepHeads).
func (s *Store) allHeads() ([]*Revision, error) {
	rows, err := s.allPackedHeads()
	if err != nil {
		return nil, err
	}
	return unpackRows(rows)
}

// allPackedHeads is allHeads before unpacking.
func (s *Store) allPackedHeads() ([]packedRow, error) {
	if rows, ok := s.checked.snapshotHeads(s.path); ok {
		return rows, nil
	}
	before, quiet := quietState(s.path)
	rows, err := queryPackedHeads(s.db, "")
	if err != nil {
		return nil, err
	}
	if quiet {
		s.pendingHeads = &pendingHeads{state: before, rows: rows}
		s.keepHeads()
	}
	return rows, nil
}

// keepHeads makes the pending read of every head the snapshot of the
// file's checked state, when it was read in that state.
func (s *Store) keepHeads() {
	if s.pendingHeads != nil && s.checked != nil {
		s.checked.keepHeads(s.path, s.pendingHeads)
		s.pendingHeads = nil
	}
}

// statesOf builds the states of the assessments from their heads and
// activity: each rubric loaded and digested once, the roster's leads and
// this laptop's creators filled in.
func (s *Store) statesOf(assessments []Assessment, heads []*Revision, act map[string]*activity) ([]*State, error) {
	byAssessment := map[string][]*Revision{}
	for _, r := range heads {
		byAssessment[r.Assessment] = append(byAssessment[r.Assessment], r)
	}
	rubrics := map[string]*rubric.Rubric{}
	sums := rubricSums{}
	out := make([]*State, 0, len(assessments))
	for _, a := range assessments {
		key := a.RubricID + "\x00" + a.RubricVersion
		rb, ok := rubrics[key]
		if !ok {
			var err error
			if rb, err = s.Rubric(a.RubricID, a.RubricVersion); err != nil {
				return nil, err
			}
			rubrics[key] = rb
		}
		st, err := buildState(s.db, a, rb, byAssessment[a.ID])
		if err != nil {
			return nil, err
		}
		st.KnowRubricSum(sums.of(rb))
		act[a.ID].apply(st)
		out = append(out, st)
	}
	if err := fillLeads(s.db, out); err != nil {
		return nil, err
	}
	return out, fillCreators(s.db, out)
}

// loadRevisions reads revisions (with their parents) matching a WHERE clause
// on alias r.
func loadRevisions(db q, where string, args ...any) ([]*Revision, error) {
	return queryRevisions(db, `SELECT `+revisionColumns("r.")+`,
		coalesce((SELECT group_concat(parent_id, ',') FROM revision_parent p WHERE p.revision_id = r.id), '')
		FROM revision r `+where, args...)
}

// queryRevisions runs a query whose columns are scanRevision's.
func queryRevisions(db q, query string, args ...any) ([]*Revision, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return scanRevisions(rows)
}

// scanRevisions reads every row of a query whose columns are scanRevision's
// and closes it.
func scanRevisions(rows *sql.Rows) ([]*Revision, error) {
	defer rows.Close()
	var out []*Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// History returns an assessment's revisions in clock order, optionally only
// one subject's.
func (s *Store) History(assessmentID, subject string) ([]*Revision, error) {
	var revs []*Revision
	var err error
	if subject == "" {
		revs, err = loadRevisions(s.db, "WHERE r.assessment_id = ?", assessmentID)
	} else {
		revs, err = loadRevisions(s.db, "WHERE r.assessment_id = ? AND r.subject = ?", assessmentID, subject)
	}
	if err != nil {
		return nil, err
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].Less(revs[j]) })
	return revs, nil
}

// rubricSums works out each rubric's canonical digest once: States gives
// it to every state of that rubric, so a report's fingerprints of 1,000
// assessments do not encode one rubric 1,000 times.
type rubricSums map[*rubric.Rubric]string

// of returns rb's digest ("" when it cannot be worked out; Fingerprint
// then reports why).
func (m rubricSums) of(rb *rubric.Rubric) string {
	if got, ok := m[rb]; ok {
		return got
	}
	_, sum, _ := CanonicalRubric(rb)
	m[rb] = sum
	return sum
}
