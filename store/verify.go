package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/rubric"
)

// Problem is one record that fails verification.
type Problem struct {
	Assessment string `json:"assessment,omitempty"` // UNIT/PERIOD (or the ID when unknown)
	Subject    string `json:"subject,omitempty"`
	Revision   string `json:"revision,omitempty"`
	Record     string `json:"record,omitempty"` // a rubric or assessment record, when not a revision
	Why        string `json:"why"`
}

// String is one line: where, then why.
func (p Problem) String() string {
	where := p.Record
	if p.Revision != "" {
		where = p.Assessment + " " + p.Subject + " revision " + p.Revision
	} else if where == "" {
		where = p.Assessment
	}
	return where + ": " + p.Why
}

// VerifyReport is what Verify checked and what it found.
type VerifyReport struct {
	Rubrics     int `json:"rubrics"`
	Assessments int `json:"assessments"`
	Revisions   int `json:"revisions"`
	// Signed and Unsigned count revisions with a signature and those from
	// before signing began; Files counts the evidence files re-hashed.
	Signed   int       `json:"signed"`
	Unsigned int       `json:"unsigned"`
	Files    int       `json:"files"`
	Problems []Problem `json:"problems"`
}

// Verify checks every record of the database: each rubric's content against
// its sha256 (and a built-in rubric against the built-in content), each
// assessment's ID, each revision's hash, clock, value (against its rubric)
// and parents (present, of its subject, recorded before it, no cycle), each
// sign-off's digest, and the heads table.
func (s *Store) Verify() (*VerifyReport, error) {
	rep := &VerifyReport{Problems: []Problem{}}
	builtin := newBuiltinRubrics()
	rubrics, err := s.verifyRubrics(rep, builtin)
	if err != nil {
		return nil, err
	}
	labels, rubricOf, err := s.verifyAssessments(rep, rubrics)
	if err != nil {
		return nil, err
	}
	revs, err := loadRevisions(s.db, "")
	if err != nil {
		return nil, err
	}
	rep.Revisions = len(revs)
	byID := make(map[string]*Revision, len(revs))
	for _, r := range revs {
		byID[r.ID] = r
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].Less(revs[j]) })
	now := s.now()
	for _, r := range revs {
		label, ok := labels[r.Assessment]
		if !ok {
			label = r.Assessment
		}
		bad := func(why string) {
			rep.Problems = append(rep.Problems, Problem{Assessment: label, Subject: r.Subject, Revision: r.ID, Why: why})
		}
		rb := rubricOf[r.Assessment]
		missingSaid := ok // a missing assessment is said before the graph's faults
		for _, f := range checkRevision(r, byID, now, rb) {
			if (f.graph || f.value != nil) && !missingSaid {
				bad("its assessment is missing")
				missingSaid = true
			}
			if f.value != nil {
				bad(fmt.Sprintf("its value %s is not accepted by rubric %s %s: %s", r.ValueText(), rb.ID, rb.Version, oneLine(f.value.Error())))
				continue
			}
			bad(f.why)
		}
		if !missingSaid {
			bad("its assessment is missing")
		}
	}
	for _, id := range cycles(revs, byID) {
		r := byID[id]
		rep.Problems = append(rep.Problems, Problem{Assessment: labels[r.Assessment], Subject: r.Subject, Revision: r.ID,
			Why: "it is part of a cycle of revisions replacing each other"})
	}
	if err := s.verifyOrphanParents(rep); err != nil {
		return nil, err
	}
	heads, err := s.verifyHeads(revs)
	if err != nil {
		return nil, err
	}
	rep.Problems = append(rep.Problems, heads...)
	if err := s.verifyEvidence(rep, labels, revs, byID); err != nil {
		return nil, err
	}
	if err := s.verifyAppealChains(rep, byID); err != nil {
		return nil, err
	}
	return rep, nil
}

func (s *Store) verifyRubrics(rep *VerifyReport, builtin builtinRubrics) (map[string]*rubric.Rubric, error) {
	rows, err := s.db.Query("SELECT id, version, sha256, content FROM rubric ORDER BY id, version")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]*rubric.Rubric{}
	for rows.Next() {
		var id, version, sum, content string
		if err := rows.Scan(&id, &version, &sum, &content); err != nil {
			return nil, err
		}
		rep.Rubrics++
		rec := "rubric " + id + " " + version
		bad := func(why string) { rep.Problems = append(rep.Problems, Problem{Record: rec, Why: why}) }
		rb, why := checkStoredRubric(id, version, sum, content)
		if why == "" {
			why = builtin.check(id, version, sum)
		}
		if why != "" {
			bad(why)
			continue
		}
		out[id+"\x00"+version] = rb
	}
	return out, rows.Err()
}

// checkStoredRubric reads a stored rubric record, for verify, for a
// merge's sources and for loading one (parseStoredRubric) alike: its
// content must match its sha256, be a valid rubric, and name the id and
// version it is stored under. It returns the rubric, or why the record is
// not one.
func checkStoredRubric(id, version, sum, content string) (*rubric.Rubric, string) {
	h := sha256.Sum256([]byte(content))
	if hex.EncodeToString(h[:]) != sum {
		return nil, "its content does not match its sha256 (changed outside kaohe, or damaged)"
	}
	var rb rubric.Rubric
	if err := json.Unmarshal([]byte(content), &rb); err != nil {
		return nil, "its content is not a rubric: " + err.Error()
	}
	if err := rubric.Validate(&rb); err != nil {
		return nil, "not a valid rubric: " + oneLine(err.Error())
	}
	if rb.ID != id || rb.Version != version {
		return nil, fmt.Sprintf("its content names %s %s", rb.ID, rb.Version)
	}
	return &rb, ""
}

func (s *Store) verifyAssessments(rep *VerifyReport, rubrics map[string]*rubric.Rubric) (map[string]string, map[string]*rubric.Rubric, error) {
	all, err := s.Assessments()
	if err != nil {
		return nil, nil, err
	}
	rep.Assessments = len(all)
	labels := map[string]string{}
	rubricOf := map[string]*rubric.Rubric{}
	for _, a := range all {
		labels[a.ID] = a.Label()
		bad := func(why string) {
			rep.Problems = append(rep.Problems, Problem{Assessment: a.Label(), Record: "assessment " + a.Label(), Why: why})
		}
		if want := AssessmentID(a.RubricID, a.RubricVersion, a.Unit, a.Period); a.ID != want {
			bad(fmt.Sprintf("its ID %s is not the one its rubric, unit and period give (%s)", a.ID, want))
		}
		rb := rubrics[a.RubricID+"\x00"+a.RubricVersion]
		if rb == nil {
			bad(fmt.Sprintf("its rubric %s %s is missing or damaged", a.RubricID, a.RubricVersion))
			continue
		}
		rubricOf[a.ID] = rb
	}
	return labels, rubricOf, nil
}

// verifyOrphanParents finds parent links of revisions that do not exist.
func (s *Store) verifyOrphanParents(rep *VerifyReport) error {
	rows, err := s.db.Query(`SELECT revision_id, parent_id FROM revision_parent
		WHERE revision_id NOT IN (SELECT id FROM revision) ORDER BY revision_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent string
		if err := rows.Scan(&id, &parent); err != nil {
			return err
		}
		rep.Problems = append(rep.Problems, Problem{Revision: id, Record: "parent link " + id + " → " + parent,
			Why: "a parent link of a revision that does not exist"})
	}
	return rows.Err()
}

// cycles returns the IDs of revisions on a cycle of parent links, in the
// order given.
func cycles(revs []*Revision, byID map[string]*Revision) []string {
	const (
		unseen = iota
		active
		done
	)
	state := make(map[string]int, len(revs))
	onCycle := map[string]bool{}
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = active
		stack = append(stack, id)
		for _, p := range byID[id].Parents {
			if byID[p] == nil {
				continue
			}
			switch state[p] {
			case unseen:
				visit(p)
			case active:
				for i := len(stack) - 1; i >= 0; i-- {
					onCycle[stack[i]] = true
					if stack[i] == p {
						break
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = done
	}
	for _, r := range revs {
		if state[r.ID] == unseen {
			visit(r.ID)
		}
	}
	var out []string
	for _, r := range revs {
		if onCycle[r.ID] {
			out = append(out, r.ID)
		}
	}
	return out
}

// HashMismatches returns, for each state given (by assessment ID), the
// revisions it shows (every head and every signed value) whose content does
// not match their hash: edited outside kaohe, or damaged. States are built
// from heads loaded without their parents, so the parent links (part of the
// hash) are read here, in one query. Cheap enough for every list.
//
// The links are read by the shown revisions' IDs, never through the head
// table: a revision's parents never change, so what is read is what the
// states were read with, however far another program has moved the heads
// since.
func (s *Store) HashMismatches(states ...*State) (map[string][]*Revision, error) {
	if out, ok := s.cachedMismatches(states); ok {
		return out, nil
	}
	fresh := s.checked.unchanged(s.path)
	parents, err := s.parentLinks(shownWithoutParents(states))
	if err != nil {
		return nil, err
	}
	out := map[string][]*Revision{}
	for _, st := range states {
		seen := map[string]bool{}
		check := func(r *Revision) {
			if r == nil || seen[r.ID] {
				return
			}
			seen[r.ID] = true
			c := *r
			if len(c.Parents) == 0 {
				c.Parents = parents[r.ID]
			}
			if !c.HoldsContentHash() {
				out[st.Assessment.ID] = append(out[st.Assessment.ID], r)
			}
		}
		for _, r := range shown(st) {
			check(r)
		}
		bad := out[st.Assessment.ID]
		sort.Slice(bad, func(i, j int) bool { return bad[i].Less(bad[j]) })
	}
	s.rememberMismatches(fresh, states, out)
	return out, nil
}

// shown lists the revisions a state shows: every head and every signed
// value (a revision may be both).
func shown(st *State) []*Revision {
	var out []*Revision
	for _, ss := range st.Subjects {
		out = append(out, ss.Heads...)
	}
	if so := st.SignOff(); so != nil {
		for _, r := range so.Signed {
			if r != nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// shownWithoutParents lists the IDs of the revisions the states show that
// were loaded without their parent links.
func shownWithoutParents(states []*State) []string {
	var ids []string
	for _, st := range states {
		for _, r := range shown(st) {
			if len(r.Parents) == 0 {
				ids = append(ids, r.ID)
			}
		}
	}
	return ids
}

// parentLinks reads the parents of the given revisions, in one packed row
// ("child parent,child parent,…": the driver's cost is per row and column,
// not per byte).
func (s *Store) parentLinks(ids []string) (map[string][]string, error) {
	parents := map[string][]string{}
	if len(ids) == 0 {
		return parents, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	var packed string
	if err := s.db.QueryRow(`SELECT coalesce(group_concat(p.revision_id || ' ' || p.parent_id, ','), '') FROM revision_parent p
		WHERE p.revision_id IN (SELECT value FROM json_each(?))`, string(list)).Scan(&packed); err != nil {
		return nil, err
	}
	for link := range strings.SplitSeq(packed, ",") {
		if child, parent, ok := strings.Cut(link, " "); ok {
			parents[child] = append(parents[child], parent)
		}
	}
	return parents, nil
}

// Untrusted returns, for each state given (by assessment ID), the
// revisions of its assessment that are not trusted (see untrusted):
// unsigned in the name of a device whose key the database holds, merged
// before the key was known. They are no heads and count nowhere; list,
// score and report warn about them, and kaohe verify names them.
func (s *Store) Untrusted(states ...*State) (map[string][]*Revision, error) {
	out := map[string][]*Revision{}
	if mark, err := s.meta(metaUntrusted); err != nil || mark == "" || len(states) == 0 {
		return out, err // none was ever exposed (metaUntrusted)
	}
	keys, err := deviceKeys(s.db)
	if err != nil || len(keys) == 0 {
		return out, err
	}
	revs, err := loadRevisions(s.db, `WHERE r.device IN (SELECT id FROM device)
		AND NOT EXISTS (SELECT 1 FROM revision_signature s WHERE s.revision_id = r.id)`)
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	for _, st := range states {
		wanted[st.Assessment.ID] = true
	}
	for _, r := range revs {
		if wanted[r.Assessment] && untrusted(r, false, keys) {
			out[r.Assessment] = append(out[r.Assessment], r)
		}
	}
	for _, bad := range out {
		sort.Slice(bad, func(i, j int) bool { return bad[i].Less(bad[j]) })
	}
	return out, nil
}
