package store

import (
	"database/sql"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// ProblemPrefix starts the subject of a problem's rectification record.
const ProblemPrefix = assessment.ProblemPrefix

// ProblemRecord is what one change of a problem records.
type ProblemRecord = assessment.ProblemRecord

// ErrNotSigned is returned (errors.Is) for a change of a problem of an
// assessment that is not signed: problems are the deductions of a signed
// result, and while it is reopened they wait for it to be signed again.
var ErrNotSigned error = refusalOf(CodeNotSigned, "the assessment is not signed; its problems are the deductions of a signed result")

// MaxProblemText bounds a measure or a completion report (整改措施,
// 完成情况); MaxProblemName bounds an owner or a responsible person.
const (
	MaxProblemText = 4000
	MaxProblemName = 200
)

// ProblemAction is one change to make to problems: assign a due date and
// owner, report a rectification, close (销号) or return (退回).
type ProblemAction struct {
	// Action is assessment.ActionAssign, ActionRectify, ActionClose or
	// ActionReturn.
	Action string
	// Due (YYYY-MM-DD, required to assign) and Owner (kept when empty).
	Due, Owner string
	// What a rectification reports: Measure is required; DoneOn is a date
	// (YYYY-MM-DD) or empty. Completion and Responsible are kept when
	// empty.
	Measure, Completion, DoneOn, Responsible string
	// Source is assessment.SourceCounty when the unit reported it itself.
	Source string
	// Note is the reason of a return (required) or the note of a close.
	Note string
	// Evidence are files attached to the problem with a rectification.
	Evidence []string
	// Resolve lets the change settle a problem in conflict: it supersedes
	// every head. Without it a problem in conflict refuses changes.
	Resolve bool
}

// ProblemsOf is the assessment's problems with their records, derived
// from its signed score. An assessment that is not signed has none to
// show: never signed, or reopened, when its problems wait for it to be
// signed again (a deduction taken away then shows its problem as
// withdrawn; one never signed is never a problem).
func ProblemsOf(st *State) ([]assessment.Problem, error) {
	if st.Signed() == nil {
		return nil, nil
	}
	res, err := st.Score()
	if err != nil {
		return nil, err
	}
	return st.Problems(res), nil
}

// ActOnProblems makes one change to the named problems of a signed
// assessment (refs: their IDs as lists show them, their keys, or their
// numbers in the list; all: every problem not closed or withdrawn), in one
// transaction, all or nothing, and returns the problems changed. A change
// that leaves a record as it was writes nothing. Each new record descends
// from the one this call read, so a change made meanwhile elsewhere
// becomes a conflict, never a lost update.
func (s *Store) ActOnProblems(id Identity, assessmentID string, refs []string, all bool, act ProblemAction) ([]assessment.Problem, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	st, err := s.State(assessmentID)
	if err != nil {
		return nil, err
	}
	if st.Signed() == nil {
		return nil, ErrNotSigned
	}
	problems, err := ProblemsOf(st)
	if err != nil {
		return nil, err
	}
	targets, err := pickProblems(st, problems, refs, all, act.Resolve)
	if err != nil {
		return nil, err
	}
	files := make([]checkedFile, len(act.Evidence))
	for i, path := range act.Evidence {
		if files[i], err = checkAttachment(path, AttachOptions{}); err != nil {
			return nil, err
		}
	}
	changes := make([]Change, 0, len(targets))
	for _, p := range targets {
		rec, err := nextRecord(p, act)
		if err != nil {
			return nil, err
		}
		// The new record descends from the heads this call read, even when
		// it settles a conflict: a head merged in meanwhile stays a head
		// (a conflict shown), never replaced unseen.
		c := Change{Subject: assessment.ProblemSubject(p.Key), Value: assessment.ProblemValue(rec), Note: act.Note, Resolve: act.Resolve && p.Conflict}
		c.Seen = revisionIDs(p.Heads)
		if c.Seen == nil {
			c.Seen = []string{}
		}
		changes = append(changes, c)
	}
	var changed []assessment.Problem
	err = s.writeTx(func(tx *sql.Tx) error {
		changed = changed[:0]
		a, rb, err := s.assessmentForWrite(tx, assessmentID)
		if err != nil {
			return err
		}
		for i, c := range changes {
			rev, err := s.record(tx, id, a, rb, c)
			if err != nil {
				return err
			}
			for _, f := range files {
				if _, err := storeBlobFile(tx, f.path, f.info); err != nil {
					return err
				}
				if _, err := s.record(tx, id, a, rb, Change{Subject: EvidenceSubject(c.Subject, f.info.SHA256), Value: assessment.FileValue(f.meta)}); err != nil {
					return err
				}
			}
			if rev != nil || len(files) > 0 {
				p := targets[i]
				rec := *c.Value.Problem
				p.Record, p.Status = &rec, rec.Status
				if rev != nil {
					p.Revision, p.Conflict = rev, false
				}
				changed = append(changed, p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return changed, nil
}

// withdrawGone records, as part of a sign-off, that each problem whose
// deduction the newly signed result no longer has is withdrawn (已撤销),
// so that should the rule deduct again later, that is a new problem and
// not the old record come back.
func (s *Store) withdrawGone(tx *sql.Tx, id Identity, st *State) error {
	res, err := st.Score()
	if err != nil {
		return err
	}
	for _, p := range st.Problems(res) {
		if p.Status != assessment.ProblemWithdrawn || p.Record == nil {
			continue
		}
		rec := *p.Record
		rec.Action, rec.Status = assessment.ActionWithdraw, assessment.ProblemWithdrawn
		c := Change{Subject: assessment.ProblemSubject(p.Key), Value: assessment.ProblemValue(rec), Resolve: true}
		if _, err := s.record(tx, id, st.Assessment, st.Rubric, c); err != nil {
			return err
		}
	}
	return nil
}

// pickProblems finds the problems refs name, or with all every problem
// still to rectify (not closed, not withdrawn).
func pickProblems(st *State, problems []assessment.Problem, refs []string, all, resolve bool) ([]assessment.Problem, error) {
	if all {
		// Every problem still to rectify; one in conflict waits to be
		// settled (it is listed as such) rather than holding up the
		// rest, unless the change is to settle them too.
		var out []assessment.Problem
		for _, p := range problems {
			if p.Status != assessment.ProblemClosed && p.Status != assessment.ProblemWithdrawn && (!p.Conflict || resolve) {
				out = append(out, p)
			}
		}
		if len(out) == 0 {
			return nil, invalid("%s has no problem left to rectify", st.Assessment.Label())
		}
		return out, nil
	}
	if len(refs) == 0 {
		return nil, invalid("name a problem (its ID, such as 1.2.a, or its number in the list)")
	}
	var out []assessment.Problem
	seen := map[string]bool{}
	for _, ref := range refs {
		p, ok := assessment.FindProblem(problems, ref)
		if !ok {
			return nil, invalid("%s has no problem %q (%d problems)", st.Assessment.Label(), ref, len(problems))
		}
		if !seen[p.Key] {
			seen[p.Key] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// nextRecord is a problem's record after act, or why act does not apply
// to the problem as it stands: 待整改 → 整改中 (a rectification reported)
// → 已销号 (accepted), or 退回 (back to the unit with a reason) and
// 整改中 again; a due date can be set or moved until it is closed.
func nextRecord(p assessment.Problem, act ProblemAction) (ProblemRecord, error) {
	subject := assessment.ProblemSubject(p.Key)
	if p.Conflict && !act.Resolve {
		return ProblemRecord{}, conflictErr(subject)
	}
	rec := ProblemRecord{Status: assessment.ProblemOpen}
	if p.Record != nil {
		rec = *p.Record
	}
	switch p.Status {
	case assessment.ProblemWithdrawn:
		return rec, subjectRefusal(CodeInvalid, subject, "problem %s is withdrawn: the deduction that made it is gone", p.ID)
	case assessment.ProblemClosed:
		return rec, subjectRefusal(CodeInvalid, subject, "problem %s is closed (已销号); nothing more is recorded on it", p.ID)
	}
	rec.Action = act.Action
	switch act.Action {
	case assessment.ActionAssign:
		if !assessment.ValidDate(act.Due) {
			return rec, invalid("the due date %q is not a date written YYYY-MM-DD", act.Due)
		}
		rec.Due = act.Due
		if act.Owner != "" {
			rec.Owner = act.Owner
		}
	case assessment.ActionRectify:
		if strings.TrimSpace(act.Measure) == "" {
			return rec, invalid("a rectification needs its measure (整改措施)")
		}
		if act.DoneOn != "" && !assessment.ValidDate(act.DoneOn) {
			return rec, invalid("the completion date %q is not a date written YYYY-MM-DD", act.DoneOn)
		}
		rec.Measure, rec.DoneOn, rec.Source = act.Measure, act.DoneOn, act.Source
		if act.Completion != "" {
			rec.Completion = act.Completion
		}
		if act.Responsible != "" {
			rec.Responsible = act.Responsible
		}
		rec.Status = assessment.ProblemRectifying
	case assessment.ActionClose:
		if p.Status != assessment.ProblemRectifying {
			return rec, subjectRefusal(CodeInvalid, subject, "problem %s has no rectification reported to accept; it is closed once one is", p.ID)
		}
		rec.Status = assessment.ProblemClosed
	case assessment.ActionReturn:
		if p.Status != assessment.ProblemRectifying {
			return rec, subjectRefusal(CodeInvalid, subject, "problem %s has no rectification reported to return", p.ID)
		}
		if strings.TrimSpace(act.Note) == "" {
			return rec, invalid("a return needs its reason")
		}
		rec.Status = assessment.ProblemReturned
	default:
		return rec, invalid("%q is not a change of a problem", act.Action)
	}
	if len(act.Evidence) > 0 && act.Action != assessment.ActionRectify {
		return rec, invalid("files are attached to a problem with its rectification")
	}
	return rec, nil
}

// checkProblem validates a problem record's subject and value against the
// rubric, on every way in (a change, a merge, verify): a rule of the
// rubric (and an item ID kaohe makes), a known action and status, dates
// that are dates, and bounded one-line names.
func checkProblem(rb *rubric.Rubric, subject string, v Value, note string) error {
	rule, itemID, ok := assessment.ParseProblemSubject(subject)
	if !ok {
		return invalid("%q is not a problem subject (problem/RULE or problem/RULE/ITEM)", subject)
	}
	if _, ok := rb.Rule(rule); !ok {
		return invalid("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, rule)
	}
	if itemID != "" {
		if u, err := uuid.Parse(itemID); err != nil || u.String() != itemID {
			return invalid("%s: %q is not an item ID kaohe makes", subject, itemID)
		}
	}
	if v.Retracted() {
		return invalid("%s: a problem's record is not retracted; its history stays", subject)
	}
	if v.Kind != assessment.KindProblem {
		return invalid("%s: the record is not a problem's record", subject)
	}
	r := v.Problem
	switch r.Action {
	case assessment.ActionAssign, assessment.ActionRectify, assessment.ActionClose, assessment.ActionReturn, assessment.ActionWithdraw:
	default:
		return invalid("%s: %q is not a change of a problem", subject, r.Action)
	}
	switch r.Status {
	case assessment.ProblemOpen, assessment.ProblemRectifying, assessment.ProblemReturned, assessment.ProblemClosed, assessment.ProblemWithdrawn:
	default:
		return invalid("%s: %q is not a state a problem is recorded in", subject, r.Status)
	}
	if (r.Action == assessment.ActionWithdraw) != (r.Status == assessment.ProblemWithdrawn) {
		return invalid("%s: %q is not a state a problem is recorded in", subject, r.Status)
	}
	for _, d := range []string{r.Due, r.DoneOn} {
		if d != "" && !assessment.ValidDate(d) {
			return invalid("%s: %q is not a date written YYYY-MM-DD", subject, d)
		}
	}
	if r.Source != "" && r.Source != assessment.SourceCounty {
		return invalid("%s: %q is not who reports a rectification", subject, r.Source)
	}
	for _, t := range []string{r.Measure, r.Completion} {
		if n := utf8.RuneCountInString(t); n > MaxProblemText {
			return invalid("%s: the text is %d characters long; a measure or a report holds at most %d", subject, n, MaxProblemText)
		}
	}
	for _, t := range []string{r.Owner, r.Responsible} {
		if n := utf8.RuneCountInString(t); n > MaxProblemName {
			return invalid("%s: the name is %d characters long; an owner or a responsible person holds at most %d", subject, n, MaxProblemName)
		}
		if strings.IndexFunc(t, unicode.IsControl) >= 0 {
			return invalid("%s: an owner or a responsible person is one line without control characters", subject)
		}
	}
	for _, t := range []string{r.Measure, r.Completion, r.Owner, r.Responsible, r.Due, r.DoneOn} {
		if at := invalidUTF8In(t); at >= 0 {
			return invalid("%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", subject, at)
		}
	}
	// The return itself carries its reason; a due date moved afterwards
	// leaves the problem 退回 and needs none.
	if r.Action == assessment.ActionReturn && strings.TrimSpace(note) == "" {
		return invalid("%s: a return needs its reason", subject)
	}
	return nil
}
