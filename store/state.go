package store

import (
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// SubjectState is the current value of one subject: its heads, the
// revisions no other revision supersedes. One head, or several that agree,
// is settled; heads that disagree are a conflict.
type SubjectState struct {
	Subject string
	// Heads are latest first. They are read from the head table and carry
	// no Parents (History has every revision with its parents).
	Heads []*Revision
}

// Conflict reports whether the heads disagree. Attachments never conflict:
// they are a set union (see State.Attachments).
func (ss *SubjectState) Conflict() bool {
	return len(ss.Heads) > 1 && !strings.HasPrefix(ss.Subject, EvidencePrefix) && !agree(ss.Heads)
}

// Current is the head that counts while a conflict is open: the latest by
// hybrid logical clock (device and ID break ties), the same on every laptop.
func (ss *SubjectState) Current() *Revision { return ss.Heads[0] }

// State is an assessment's current state.
type State struct {
	Assessment Assessment
	Rubric     *rubric.Rubric
	Subjects   map[string]*SubjectState
	Revisions  int
	Inspectors []string // everyone who wrote a revision, in first-write order
	// Creator is who created the assessment on this laptop ("" when it
	// came by merge): the inspector to show before the first value.
	Creator string

	signed signedState // what the sign-off pins (signoff.go)
	// sum is CanonicalRubric's digest of Rubric, worked out once by
	// States for all the states of one rubric (Fingerprint needs it).
	sum rubricSum
}

// Status returns "draft" or "signed". While a sign-off and a reopening
// disagree (a status conflict), the assessment stays signed.
func (st *State) Status() string {
	if st.Signed() != nil {
		return StatusSigned
	}
	return StatusDraft
}

// Signed returns the revision that signed the assessment (the latest
// sign-off among the status heads), or nil.
func (st *State) Signed() *Revision {
	ss, ok := st.Subjects[SubjectStatus]
	if !ok {
		return nil
	}
	for _, h := range ss.Heads {
		if StatusOf(h.Value) == StatusSigned {
			return h
		}
	}
	return nil
}

// isRuleSubject reports whether a subject holds a rule's value: not the
// status, an indicator's note or an attachment.
func isRuleSubject(subject string) bool {
	return subject != SubjectStatus && subject != SubjectWithdrawn && !strings.HasPrefix(subject, NotePrefix) && !strings.HasPrefix(subject, EvidencePrefix)
}

// Findings returns the current value of every rule (tombstones omitted);
// while signed, a rule changed after the sign-off keeps its signed value.
func (st *State) Findings() scoring.Findings {
	fs := scoring.Findings{}
	for subj, ss := range st.Subjects {
		if !isRuleSubject(subj) {
			continue
		}
		cur := st.valueOf(subj, ss)
		if cur == nil || cur.Tombstone() {
			continue
		}
		v, err := DecodeValue(*cur.Value)
		if err != nil {
			continue // refused on write and on merge; cannot happen
		}
		fs[subj] = scoring.Finding{Value: v, Note: cur.Note}
	}
	return fs
}

// Notes returns each indicator's current free note.
func (st *State) Notes() map[string]string {
	out := map[string]string{}
	for subj, ss := range st.Subjects {
		if ind, ok := strings.CutPrefix(subj, NotePrefix); ok {
			if r := st.valueOf(subj, ss); r != nil { // nil: no note was signed
				if n := DecodeText(r.Value); n != "" {
					out[ind] = n
				}
			}
		}
	}
	return out
}

// Conflicts returns the subjects in conflict, in rubric order.
func (st *State) Conflicts() []*SubjectState {
	var out []*SubjectState
	for _, ss := range st.Subjects {
		if ss.Conflict() {
			out = append(out, ss)
		}
	}
	sort.Slice(out, func(i, j int) bool { return scoring.RuleLess(out[i].Subject, out[j].Subject) })
	return out
}

// Score scores the current findings (the latest head of each conflict)
// and, while conflicts are open, the range the score could take. A signed
// assessment scores what was signed, one figure.
func (st *State) Score() (*scoring.Result, error) {
	res, err := scoring.Score(st.Rubric, st.Findings())
	if err != nil {
		return nil, err
	}
	if st.Signed() == nil {
		res.Range = st.Range()
	}
	return res, nil
}

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
	st := buildState(a, rb, heads)
	act[a.ID].apply(st)
	if err := fillCreators(s.db, []*State{st}); err != nil {
		return nil, err
	}
	return st, attachSignOff(s.db, st)
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
	heads, err := loadHeads(s.db, "")
	if err != nil {
		return nil, err
	}
	act, err := loadActivity(s.db, "")
	if err != nil {
		return nil, err
	}
	byAssessment := map[string][]*Revision{}
	for _, r := range heads {
		byAssessment[r.Assessment] = append(byAssessment[r.Assessment], r)
	}
	rubrics := map[string]*rubric.Rubric{}
	sums := rubricSums{}
	out := make([]*State, 0, len(all))
	for _, a := range all {
		key := a.RubricID + "\x00" + a.RubricVersion
		rb, ok := rubrics[key]
		if !ok {
			if rb, err = s.Rubric(a.RubricID, a.RubricVersion); err != nil {
				return nil, err
			}
			rubrics[key] = rb
		}
		st := buildState(a, rb, byAssessment[a.ID])
		st.sum = sums.of(rb)
		act[a.ID].apply(st)
		if err := attachSignOff(s.db, st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, fillCreators(s.db, out)
}

// buildState groups an assessment's heads (read from the head table,
// without parents) by subject, latest first. Its revision count and
// inspectors are not the heads' to give: State and States set them from
// the activity table (activity.apply).
func buildState(a Assessment, rb *rubric.Rubric, heads []*Revision) *State {
	st := &State{Assessment: a, Rubric: rb, Subjects: map[string]*SubjectState{}}
	sorted := append([]*Revision(nil), heads...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Less(sorted[j]) })
	for i := len(sorted) - 1; i >= 0; i-- { // latest first
		r := sorted[i]
		ss := st.Subjects[r.Subject]
		if ss == nil {
			ss = &SubjectState{Subject: r.Subject}
			st.Subjects[r.Subject] = ss
		}
		ss.Heads = append(ss.Heads, r)
	}
	return st
}

// revisionColumns are a revision row's columns, in the order every INSERT
// of a revision writes them (with their values in Revision's order);
// revisionColumnsOfR are the same columns of the revision aliased r, in the
// order scanRevision reads them (before the parents). Every query of whole
// revisions uses them, so the order is written in one place.
const (
	revisionColumns    = "id, assessment_id, subject, value, note, inspector, device, hlc, wall, hash"
	revisionColumnsOfR = "r.id, r.assessment_id, r.subject, r.value, r.note, r.inspector, r.device, r.hlc, r.wall, r.hash"
)

// loadRevisions reads revisions (with their parents) matching a WHERE clause
// on alias r.
func loadRevisions(db q, where string, args ...any) ([]*Revision, error) {
	return queryRevisions(db, `SELECT `+revisionColumnsOfR+`,
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

func scanRevision(rows *sql.Rows) (*Revision, error) {
	var r Revision
	var value sql.NullString
	var wall, parents string
	if err := rows.Scan(&r.ID, &r.Assessment, &r.Subject, &value, &r.Note, &r.Inspector, &r.Device, &r.HLC, &wall, &r.Hash, &parents); err != nil {
		return nil, err
	}
	if value.Valid {
		v := value.String
		r.Value = &v
	}
	t, err := time.Parse(timeFormat, wall)
	if err != nil {
		return nil, err
	}
	r.Wall = t
	if parents != "" {
		r.Parents = strings.Split(parents, ",")
	}
	return &r, nil
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

// ShownInspectors is who the lists show for an assessment: everyone who
// wrote a revision, or, before the first value, the inspector who created it
// on this laptop.
func (st *State) ShownInspectors() []string {
	if len(st.Inspectors) == 0 && st.Creator != "" {
		return []string{st.Creator}
	}
	return st.Inspectors
}
