package store

import (
	"database/sql"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// FeedbackRecord, AppealRecord, DecisionRecord and FinalRecord are the
// records of a result's feedback round, an appeal, its review and the
// final result (see assessment/appeal.go).
type (
	FeedbackRecord = assessment.FeedbackRecord
	AppealRecord   = assessment.AppealRecord
	DecisionRecord = assessment.DecisionRecord
	FinalRecord    = assessment.FinalRecord
	Appeal         = assessment.Appeal
)

// MaxAppealReason bounds an appeal's reason (申诉理由): a page of text.
const MaxAppealReason = 4000

// IssueFeedback records that the signed result of the assessment was sent
// to the unit on issuedOn with appeals due by deadline (both YYYY-MM-DD):
// the first round, or a new one once the result was signed again or
// finalised. Refused: an unsigned assessment, a deadline before the day of
// issue, and a round already issued for this very sign-off and not yet
// finalised (nothing to send anew).
func (s *Store) IssueFeedback(id Identity, assessmentID, issuedOn, deadline string) (FeedbackRecord, error) {
	var out FeedbackRecord
	err := s.postSignOff(id, assessmentID, func(tx *sql.Tx, st *State) ([]Change, error) {
		cs, rec, err := feedbackChange(st, issuedOn, deadline)
		out = rec
		return cs, err
	})
	return out, err
}

// AddAppeal records the unit's objection to rule's deduction, lodged on
// the date on (YYYY-MM-DD), with evidence files attached in the same
// transaction, and returns it. Refused, writing nothing: no feedback
// issued, a rule that deducts nothing in the signed result, a date before
// the feedback, a date after the deadline unless late (it is recorded as
// late), a finalised round, an empty reason.
func (s *Store) AddAppeal(id Identity, assessmentID, rule, reason, on string, late bool, source string, evidence []string) (Appeal, error) {
	files, err := checkFiles(evidence)
	if err != nil {
		return Appeal{}, err
	}
	var out Appeal
	err = s.postSignOff(id, assessmentID, func(tx *sql.Tx, st *State) ([]Change, error) {
		a, cs, err := appealChanges(tx, id, st, rule, reason, on, late, source, files)
		out = a
		return cs, err
	})
	return out, err
}

// deductsInSigned refuses an appeal on a rule that deducts nothing in the
// signed result.
func deductsInSigned(st *State, rule string) error {
	if _, ok := st.Rubric.Rule(rule); !ok {
		return invalid("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", st.Rubric.ID, st.Rubric.Version, rule)
	}
	res, err := st.Score()
	if err != nil {
		return err
	}
	for _, p := range st.Problems(res) {
		if p.Rule == rule && p.Status != assessment.ProblemWithdrawn {
			return nil
		}
	}
	return invalid("%s deducts nothing in the signed result of %s; only a deduction is appealed", rule, st.Assessment.Label())
}

// Decide records the review of an appeal (ref: its ID or short ID, or its
// number among the assessment's appeals): upheld with the rule's new
// value, or rejected, with the reason in note, on the date on. Only a
// device the roster lists as the lead's decides. Refused: another device,
// an appeal already decided (settle two laptops' decisions with resolve),
// no reason, a value the rule does not take or that does not change it, a
// date before the appeal, a finalised round.
func (s *Store) Decide(id Identity, assessmentID, ref string, uphold bool, value *scoring.Value, note, on string, resolve bool) (Appeal, error) {
	var out Appeal
	err := s.postSignOff(id, assessmentID, func(tx *sql.Tx, st *State) ([]Change, error) {
		lead, err := isLead(tx, id.Device)
		if err != nil {
			return nil, err
		}
		if !lead {
			return nil, refusalOf(CodeNotLead, "this device (%s) is not on the roster as the lead's; only the lead decides appeals", id.Device)
		}
		a, err := FindAppeal(st, ref)
		if err != nil {
			return nil, err
		}
		if fin, _ := st.Final(); fin != nil && fin.Round == a.Round && st.Stage() == assessment.StageFinal {
			return nil, invalid("%s: the result of feedback round %d is final (%s)", st.Assessment.Label(), a.Round, fin.On)
		}
		if a.Decision != nil && !(resolve && a.DecisionConflict) {
			if a.DecisionConflict {
				return nil, conflictErr(assessment.DecisionSubject(a.ID))
			}
			return nil, invalid("appeal %s is already decided (%s on %s)", a.Short(), a.Decision.Decision, a.Decision.On)
		}
		if !assessment.ValidDate(on) {
			return nil, invalid("the date %q is not a date written YYYY-MM-DD", on)
		}
		if on < a.On {
			return nil, invalid("the decision's date %s is before the appeal was lodged (%s)", on, a.On)
		}
		if strings.TrimSpace(note) == "" {
			return nil, invalid("a decision needs its reason")
		}
		rec := DecisionRecord{Decision: assessment.DecisionReject, Rule: a.Rule, On: on}
		if ss := st.Subjects[a.Rule]; ss != nil {
			rec.Signed = ss.Heads[0].ID
			if so := st.SignOff(); so != nil {
				for _, r := range so.Signed {
					if r.Subject == a.Rule {
						rec.Signed = r.ID
					}
				}
			}
		}
		if uphold {
			if value == nil {
				return nil, invalid("an upheld appeal needs the rule's new value")
			}
			ref, _ := st.Rubric.Rule(a.Rule)
			if msg := scoring.CheckValue(ref.Rule, scoring.Finding{Value: *value, Note: note}); msg != "" {
				return nil, refusedValue(&scoring.FindingError{Rule: a.Rule, Message: msg})
			}
			if cur, ok := st.Findings()[a.Rule]; ok && cur.Value.Equal(*value) {
				return nil, invalid("%s is %s already; an upheld appeal changes the value (or reject it)", a.Rule, value.String())
			}
			v := *value
			rec.Decision, rec.Value = assessment.DecisionUphold, &v
		}
		c := Change{Subject: assessment.DecisionSubject(a.ID), Value: Value{Kind: assessment.KindDecision, Decision: &rec}, Note: note, Resolve: resolve && a.DecisionConflict}
		out = a
		out.Decision = &rec
		return []Change{c}, nil
	})
	return out, err
}

// FindAppeal finds one appeal of the assessment by its number in the list
// (1 for the first), its whole ID, or at least 4 characters of its short
// ID.
func FindAppeal(st *State, ref string) (Appeal, error) {
	appeals := st.Appeals()
	if n, ok := listNumber(ref); ok {
		if n < 1 || n > len(appeals) {
			return Appeal{}, invalid("%s has %d appeals; there is no appeal number %s", st.Assessment.Label(), len(appeals), ref)
		}
		return appeals[n-1], nil
	}
	ref = strings.ToLower(strings.TrimSpace(ref))
	var found []Appeal
	for _, a := range appeals {
		if a.ID == ref || (utf8.RuneCountInString(ref) >= 4 && strings.HasSuffix(a.ID, ref)) {
			found = append(found, a)
		}
	}
	switch len(found) {
	case 0:
		return Appeal{}, invalid("%s has no appeal %s", st.Assessment.Label(), ref)
	case 1:
		return found[0], nil
	}
	return Appeal{}, invalid("%s matches %d appeals of %s; give more characters", ref, len(found), st.Assessment.Label())
}

// OpenAppealsError is a finalisation refused while appeals wait for their
// decision: it names them.
type OpenAppealsError struct {
	Assessment string
	Open       []Appeal
}

func (e *OpenAppealsError) Error() string {
	ids := make([]string, len(e.Open))
	for i, a := range e.Open {
		ids[i] = a.Rule + "#" + a.Short()
	}
	return e.Assessment + ": appeals still open: " + strings.Join(ids, ", ")
}

// Finalize freezes the final result of the assessment's current feedback
// round on the date on: once the deadline has passed (on is after it) and
// every appeal of the round is decided. Refused, listing what is open
// (*OpenAppealsError), before that.
func (s *Store) Finalize(id Identity, assessmentID, on string) (FinalRecord, error) {
	var out FinalRecord
	err := s.postSignOff(id, assessmentID, func(tx *sql.Tx, st *State) ([]Change, error) {
		cs, rec, err := finalChange(st, on)
		out = rec
		return cs, err
	})
	return out, err
}

// postSignOff runs one write of feedback, appeals, decisions or the final
// result: it reads the assessment's state, refuses an unsigned one, and
// records what build returns in one transaction, all or nothing, each
// change descending from the heads the state showed.
func (s *Store) postSignOff(id Identity, assessmentID string, build func(tx *sql.Tx, st *State) ([]Change, error)) error {
	if id.Inspector == "" {
		return ErrNoInspector
	}
	return s.writeTx(func(tx *sql.Tx) error {
		st, err := s.signedStateIn(tx, assessmentID)
		if err != nil {
			return err
		}
		return s.recordPostSignOff(tx, id, st, build)
	})
}

// signedStateIn reads the state of a signed assessment inside tx, with
// the roster's leads; an unsigned one is refused (ErrNotSigned).
func (s *Store) signedStateIn(tx *sql.Tx, assessmentID string) (*State, error) {
	a, rb, err := s.assessmentForWrite(tx, assessmentID)
	if err != nil {
		return nil, err
	}
	heads, err := loadHeads(tx, a.ID)
	if err != nil {
		return nil, err
	}
	st, err := buildState(tx, a, rb, heads)
	if err != nil {
		return nil, err
	}
	if err := fillLeads(tx, []*State{st}); err != nil {
		return nil, err
	}
	if st.Signed() == nil {
		return nil, ErrNotSigned
	}
	return st, nil
}

// recordPostSignOff records what build returns for st inside tx.
func (s *Store) recordPostSignOff(tx *sql.Tx, id Identity, st *State, build func(tx *sql.Tx, st *State) ([]Change, error)) error {
	cs, err := build(tx, st)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if _, err := s.record(tx, id, st.Assessment, st.Rubric, c); err != nil {
			return err
		}
	}
	return nil
}

// checkFiles checks evidence files before a transaction stores them.
func checkFiles(paths []string) ([]checkedFile, error) {
	out := make([]checkedFile, len(paths))
	for i, p := range paths {
		f, err := checkAttachment(p, AttachOptions{})
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// checkAppealRecord validates a feedback, appeal, decision or final
// record on every way in: its subject, its kind, dates that are dates, a
// rule of the rubric, a decision's value the rule takes.
func checkAppealRecord(rb *rubric.Rubric, subject string, v Value, note string) error {
	if v.Retracted() {
		return invalid("%s: the record is not retracted; its history stays", subject)
	}
	dates := func(ds ...string) error {
		for _, d := range ds {
			if !assessment.ValidDate(d) {
				return invalid("%s: %q is not a date written YYYY-MM-DD", subject, d)
			}
		}
		return nil
	}
	rule := func(id string) error {
		if _, ok := rb.Rule(id); !ok {
			return invalid("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, id)
		}
		return nil
	}
	idOf := func(prefix string) error {
		id := strings.TrimPrefix(subject, prefix)
		if u, err := uuid.Parse(id); err != nil || u.String() != id {
			return invalid("%s: %q is not an ID kaohe makes", subject, id)
		}
		return nil
	}
	switch {
	case subject == assessment.SubjectFeedback && v.Kind == assessment.KindFeedback:
		r := v.Feedback
		if r.Round < 1 || r.First < 0 || r.First > r.Round || !assessment.IsSHA256(r.Digest) || r.Deadline < r.IssuedOn {
			return invalid("%s: the feedback record does not read (round, digest or deadline)", subject)
		}
		return dates(r.IssuedOn, r.Deadline)
	case subject == assessment.SubjectFinal && v.Kind == assessment.KindFinal:
		r := v.Final
		if r.Round < 1 || !assessment.IsSHA256(r.Digest) || r.Heads == nil {
			return invalid("%s: the final record does not read (round or digest)", subject)
		}
		for i, id := range r.Heads {
			if u, err := uuid.Parse(id); err != nil || u.String() != id || (i > 0 && r.Heads[i-1] >= id) {
				return invalid("%s: the final record does not read (round or digest)", subject)
			}
		}
		return dates(r.On)
	case strings.HasPrefix(subject, assessment.AppealPrefix) && v.Kind == assessment.KindAppeal:
		r := v.Appeal
		if err := idOf(assessment.AppealPrefix); err != nil {
			return err
		}
		if r.Round < 1 || strings.TrimSpace(r.Reason) == "" || (r.Source != "" && r.Source != assessment.SourceCounty) {
			return invalid("%s: the appeal record does not read (round, reason or source)", subject)
		}
		if n := utf8.RuneCountInString(r.Reason); n > MaxAppealReason {
			return invalid("%s: the reason is %d characters long; an appeal's reason holds at most %d", subject, n, MaxAppealReason)
		}
		if at := invalidUTF8In(r.Reason); at >= 0 {
			return invalid("%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", subject, at)
		}
		if err := rule(r.Rule); err != nil {
			return err
		}
		return dates(r.On)
	case strings.HasPrefix(subject, assessment.DecisionPrefix) && v.Kind == assessment.KindDecision:
		r := v.Decision
		if err := idOf(assessment.DecisionPrefix); err != nil {
			return err
		}
		if err := rule(r.Rule); err != nil {
			return err
		}
		if strings.TrimSpace(note) == "" {
			return invalid("%s: a decision needs its reason", subject)
		}
		switch {
		case r.Decision == assessment.DecisionReject && r.Value == nil:
		case r.Decision == assessment.DecisionUphold && r.Value != nil:
			ref, _ := rb.Rule(r.Rule)
			if msg := scoring.CheckValue(ref.Rule, scoring.Finding{Value: *r.Value, Note: note}); msg != "" {
				return &scoring.FindingError{Rule: r.Rule, Message: msg}
			}
		default:
			return invalid("%s: a decision upholds with a value or rejects without one", subject)
		}
		return dates(r.On)
	}
	return invalid("%s: the record is not of its subject's kind", subject)
}
