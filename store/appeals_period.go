package store

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
)

// A period's feedback and its final result are issued for all its units
// at once: the office sends every county its preliminary result on the
// same day and publishes the final ranking together. IssueFeedbackAll and
// FinalizeAll write every assessment in one transaction, all or nothing,
// so a refusal for one unit leaves every unit as it was.

// NotSignedError refuses feedback for assessments that are not signed,
// naming each (their labels): only a signed result is sent to a unit.
type NotSignedError struct{ Assessments []string }

func (e *NotSignedError) Error() string {
	return "not signed: " + strings.Join(e.Assessments, ", ") + "; feedback sends a signed result"
}

// In words the refusal in l's language.
func (e *NotSignedError) In(l *i18n.Labels) string {
	return i18n.Word(l, "not signed: %s; feedback sends a signed result", strings.Join(e.Assessments, l.Report.ListSep))
}

// Unwrap makes the refusal match ErrNotSigned's code.
func (e *NotSignedError) Unwrap() error { return refusalOf(CodeNotSigned, "%s", e.Error()) }

// OpenAppealsErrors refuses a period's final result while appeals of some
// units are open: one entry per unit, each naming its open appeals.
type OpenAppealsErrors []*OpenAppealsError

func (e OpenAppealsErrors) Error() string {
	parts := make([]string, len(e))
	for i, u := range e {
		parts[i] = u.Error()
	}
	return strings.Join(parts, "\n")
}

// In words the refusal in l's language, one line per unit.
func (e OpenAppealsErrors) In(l *i18n.Labels) string {
	parts := make([]string, len(e))
	for i, u := range e {
		parts[i] = u.In(l)
	}
	return strings.Join(parts, "\n")
}

// In words the refusal in l's language.
func (e *OpenAppealsError) In(l *i18n.Labels) string {
	ids := make([]string, len(e.Open))
	for i, a := range e.Open {
		ids[i] = a.Rule + "#" + a.Short()
	}
	return i18n.Word(l, "%s: appeals still open: %s", e.Assessment, strings.Join(ids, l.Report.ListSep))
}

// IssueFeedbackAll issues the feedback of every assessment in ids (as
// IssueFeedback does one) in one transaction. Assessments that are not
// signed are refused by name (*NotSignedError) and nothing is written.
// then, when not nil, runs before the transaction commits with each
// assessment's state and its new record (the workbooks sent with them
// are written there): its error undoes the feedback.
func (s *Store) IssueFeedbackAll(id Identity, ids []string, issuedOn, deadline string, then func([]*State, []FeedbackRecord) error) ([]FeedbackRecord, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var out []FeedbackRecord
	err := s.writeTx(func(tx *sql.Tx) error {
		out = nil
		sts, err := s.signedStatesIn(tx, ids)
		if err != nil {
			return err
		}
		for _, st := range sts {
			var rec FeedbackRecord
			err := s.recordPostSignOff(tx, id, st, func(tx *sql.Tx, st *State) ([]Change, error) {
				cs, r, err := feedbackChange(st, issuedOn, deadline)
				rec = r
				return cs, err
			})
			if err != nil {
				return err
			}
			out = append(out, rec)
		}
		if then != nil {
			return then(sts, out)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// signedStatesIn reads the states of ids inside tx, refusing every one
// that is not signed at once, by name.
func (s *Store) signedStatesIn(tx *sql.Tx, ids []string) ([]*State, error) {
	var sts []*State
	var unsigned []string
	for _, aid := range ids {
		st, err := s.signedStateIn(tx, aid)
		if errors.Is(err, ErrNotSigned) {
			a, _, aerr := s.assessmentForWrite(tx, aid)
			if aerr != nil {
				return nil, aerr
			}
			unsigned = append(unsigned, a.Label())
			continue
		}
		if err != nil {
			return nil, err
		}
		sts = append(sts, st)
	}
	if len(unsigned) > 0 {
		return nil, &NotSignedError{Assessments: unsigned}
	}
	return sts, nil
}

// FinalizeAll freezes the final result of every assessment in ids (as
// Finalize does one) in one transaction. While appeals are open in some,
// it is refused listing them per unit (OpenAppealsErrors) and nothing is
// written.
func (s *Store) FinalizeAll(id Identity, ids []string, on string) ([]FinalRecord, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var out []FinalRecord
	err := s.writeTx(func(tx *sql.Tx) error {
		out = nil
		sts, err := s.signedStatesIn(tx, ids)
		if err != nil {
			return err
		}
		var open OpenAppealsErrors
		for _, st := range sts {
			_, _, err := finalChange(st, on)
			var oe *OpenAppealsError
			if errors.As(err, &oe) {
				open = append(open, oe)
				continue
			}
			if err != nil {
				return err
			}
		}
		if len(open) > 0 {
			return open
		}
		for _, st := range sts {
			var rec FinalRecord
			err := s.recordPostSignOff(tx, id, st, func(tx *sql.Tx, st *State) ([]Change, error) {
				cs, r, err := finalChange(st, on)
				rec = r
				return cs, err
			})
			if err != nil {
				return err
			}
			out = append(out, rec)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// feedbackChange is the change issuing st's next feedback round.
func feedbackChange(st *State, issuedOn, deadline string) ([]Change, FeedbackRecord, error) {
	if !assessment.ValidDate(issuedOn) || !assessment.ValidDate(deadline) {
		return nil, FeedbackRecord{}, invalid("the dates %q and %q are not dates written YYYY-MM-DD", issuedOn, deadline)
	}
	if deadline < issuedOn {
		return nil, FeedbackRecord{}, invalid("the deadline %s is before the day of issue %s", deadline, issuedOn)
	}
	so := st.SignOff()
	if so == nil {
		return nil, FeedbackRecord{}, invalid("%s was signed by an older kaohe that did not record what it signed; reopen and sign it again", st.Assessment.Label())
	}
	prev, _ := st.Feedback()
	round, first := 1, 1
	if prev != nil {
		if prev.Digest == so.Digest && st.Stage() != assessment.StageFinal {
			return nil, FeedbackRecord{}, invalid("%s: feedback round %d on this signed result was issued on %s (deadline %s) and is not finalised", st.Assessment.Label(), prev.Round, prev.IssuedOn, prev.Deadline)
		}
		round, first = prev.Round+1, prev.Round+1
		if prev.Digest == so.Digest { // a new round on the same result keeps what was upheld before
			first = max(prev.First, 1)
			if prev.First == 0 {
				first = prev.Round
			}
		}
	}
	out := FeedbackRecord{Round: round, SignOff: so.Revision.ID, Digest: so.Digest, IssuedOn: issuedOn, Deadline: deadline}
	if first != round {
		out.First = first
	}
	// A new round supersedes every head: two laptops that issued the
	// same round agree on which counts (the latest), and the next
	// round follows both.
	return []Change{{Subject: assessment.SubjectFeedback, Value: Value{Kind: assessment.KindFeedback, Feedback: &out}, Resolve: true}}, out, nil
}

// finalChange is the change freezing st's final result on the date on.
func finalChange(st *State, on string) ([]Change, FinalRecord, error) {
	fb, _ := st.Feedback()
	if fb == nil {
		return nil, FinalRecord{}, invalid("%s has no feedback issued; the final result follows the preliminary one", st.Assessment.Label())
	}
	if so := st.SignOff(); so == nil || so.Digest != fb.Digest {
		return nil, FinalRecord{}, invalid("%s was signed again after feedback round %d was issued; issue a new feedback round for the result signed now", st.Assessment.Label(), fb.Round)
	}
	if fin, _ := st.Final(); fin != nil && st.Stage() == assessment.StageFinal {
		return nil, FinalRecord{}, invalid("%s: the result of feedback round %d is final already (%s)", st.Assessment.Label(), fb.Round, fin.On)
	}
	if !assessment.ValidDate(on) {
		return nil, FinalRecord{}, invalid("the date %q is not a date written YYYY-MM-DD", on)
	}
	if on <= fb.Deadline {
		return nil, FinalRecord{}, invalid("%s: the deadline for appeals is %s; the result is final only after it", st.Assessment.Label(), fb.Deadline)
	}
	var open []Appeal
	for _, a := range st.RoundAppeals(fb.Round) {
		if a.Open() {
			open = append(open, a)
		}
	}
	if len(open) > 0 {
		return nil, FinalRecord{}, &OpenAppealsError{Assessment: st.Assessment.Label(), Open: open}
	}
	for _, a := range st.RoundAppeals(fb.Round) {
		if a.Decision.On > on {
			return nil, FinalRecord{}, invalid("%s: the decision on appeal %s is dated %s, after the final result's date %s", st.Assessment.Label(), a.Short(), a.Decision.On, on)
		}
	}
	heads := st.FinalHeads(fb.Round)
	ids := make([]string, len(heads))
	for i, r := range heads {
		ids[i] = r.ID
	}
	out := FinalRecord{Round: fb.Round, Digest: st.FinalDigest(fb.Round, fb.Digest), Heads: ids, On: on}
	if out.Heads == nil {
		out.Heads = []string{}
	}
	return []Change{{Subject: assessment.SubjectFinal, Value: Value{Kind: assessment.KindFinal, Final: &out}, Resolve: true}}, out, nil
}

// appealChanges are the changes recording one appeal on st (and its
// evidence files, stored in tx), refused as AddAppeal says.
func appealChanges(tx *sql.Tx, id Identity, st *State, rule, reason, on string, late bool, source string, files []checkedFile) (Appeal, []Change, error) {
	fb, _ := st.Feedback()
	if fb == nil {
		return Appeal{}, nil, invalid("%s has no feedback issued; an appeal answers the preliminary result sent to the unit", st.Assessment.Label())
	}
	if so := st.SignOff(); so == nil || so.Digest != fb.Digest {
		return Appeal{}, nil, invalid("%s was signed again after feedback round %d was issued; issue a new feedback round for the result signed now", st.Assessment.Label(), fb.Round)
	}
	if fin, _ := st.Final(); fin != nil && st.Stage() == assessment.StageFinal {
		return Appeal{}, nil, invalid("%s: the result of feedback round %d is final (%s); a new feedback round opens new appeals", st.Assessment.Label(), fb.Round, fin.On)
	}
	if !assessment.ValidDate(on) {
		return Appeal{}, nil, invalid("the date %q is not a date written YYYY-MM-DD", on)
	}
	if on < fb.IssuedOn {
		return Appeal{}, nil, invalid("the appeal's date %s is before the feedback was issued (%s)", on, fb.IssuedOn)
	}
	if on > fb.Deadline && !late {
		return Appeal{}, nil, invalid("the appeal's date %s is after the deadline %s; it is accepted only as a late appeal", on, fb.Deadline)
	}
	if strings.TrimSpace(reason) == "" {
		return Appeal{}, nil, invalid("an appeal needs its reason (申诉理由)")
	}
	if err := deductsInSigned(st, rule); err != nil {
		return Appeal{}, nil, err
	}
	appealID := newItemID()
	rec := AppealRecord{Round: fb.Round, Rule: rule, Reason: reason, On: on, Late: on > fb.Deadline, Source: source}
	subject := assessment.AppealSubject(appealID)
	cs := []Change{{Subject: subject, Value: Value{Kind: assessment.KindAppeal, Appeal: &rec}}}
	for _, f := range files {
		if _, err := storeBlobFile(tx, f.path, f.info); err != nil {
			return Appeal{}, nil, err
		}
		cs = append(cs, Change{Subject: EvidenceSubject(subject, f.info.SHA256), Value: assessment.FileValue(f.meta)})
	}
	return Appeal{ID: appealID, AppealRecord: rec, Inspector: id.Inspector, Device: id.Device}, cs, nil
}

// NewAppeal is one objection of several recorded at once (AddAppeals).
type NewAppeal struct{ Rule, Reason string }

// AddAppeals records several objections of the unit, lodged on the date
// on, in one transaction, all or nothing, as AddAppeal records one; an
// objection the current round already holds (the same rule and reason:
// the same returned workbook read again) is left out, so reading it again
// adds nothing. It returns the appeals added.
func (s *Store) AddAppeals(id Identity, assessmentID string, appeals []NewAppeal, on string, late bool, source string) ([]Appeal, error) {
	var out []Appeal
	err := s.postSignOff(id, assessmentID, func(tx *sql.Tx, st *State) ([]Change, error) {
		out = nil
		held := map[NewAppeal]bool{}
		if fb, _ := st.Feedback(); fb != nil {
			for _, a := range st.RoundAppeals(fb.Round) {
				held[NewAppeal{a.Rule, a.Reason}] = true
			}
		}
		var all []Change
		for _, na := range appeals {
			if held[na] {
				continue
			}
			held[na] = true
			a, cs, err := appealChanges(tx, id, st, na.Rule, na.Reason, on, late, source, nil)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
			all = append(all, cs...)
		}
		return all, nil
	})
	return out, err
}
