package store

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
)

// KeepSigned as Resolution.Keep keeps the value a sign-off signed, settling
// a conflict against the sign-off without reopening the assessment.
const KeepSigned = "signed"

// KeepItems as Resolution.Keep settles a rule whose plain number disagrees
// with its items in the items' favour: the plain number is retracted (its
// history stays) and the items give the rule its value.
const KeepItems = "items"

// Resolution settles a conflict: keep a head (Keep = an inspector's name or
// a revision ID prefix of at least 4 characters; KeepSigned for the signed
// value) or record Value (a rule's value or a note, as Change.Value). Note is kept
// in history; when keeping a head without a note, the head's note is kept.
type Resolution struct {
	Keep  string
	Value *Value
	Note  string
}

// Resolve settles a conflict on one subject, the same way from every door:
//   - between inspectors (heads that disagree, assessment not signed): the
//     new revision supersedes every head;
//   - against the sign-off (the assessment is signed and the subject's heads
//     are not the signed ones): only the signed value can be kept (Keep:
//     KeepSigned or the signed revision); to take another value, reopen the
//     assessment first. Keeping it writes the signed value over the heads and
//     a new sign-off that signs it, noting why;
//   - of the status (a sign-off and a reopening that do not descend from
//     each other): keep one of them;
//   - of a rule whose plain number disagrees with its items: keep the
//     items (Keep: KeepItems, retracting the number), or record or keep a
//     number equal to the items' value; anything that leaves the two
//     disagreeing is refused.
func (s *Store) Resolve(id Identity, assessmentID, subject string, r Resolution) (Revision, error) {
	return s.statusOp(id, func(tx *sql.Tx) (*Revision, error) {
		if (r.Keep == "") == (r.Value == nil) {
			return nil, invalid("settle a conflict by keeping one value or recording a new one, not both or neither")
		}
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		label := st.Assessment.Label()
		if soc := st.SignOffConflict(subject); soc != nil {
			keepsSigned := r.Keep == KeepSigned || (soc.Signed != nil && len(r.Keep) >= 4 && strings.HasPrefix(soc.Signed.ID, r.Keep))
			if r.Value != nil || !keepsSigned {
				return nil, subjectRefusal(CodeSignedChanged, subject, "%s %s changed after the sign-off; keep the signed value, or reopen the assessment and settle it then", label, subject)
			}
			return s.keepSigned(tx, id, st, soc, r.Note)
		}
		ss := st.Subjects[subject]
		if ic := itemConflictOn(st, subject); ic != nil {
			c, err := settleItems(st, ss, *ic, r)
			if err != nil {
				return nil, err
			}
			return s.record(tx, id, st.Assessment, st.Rubric, c)
		}
		if ss == nil || !ss.Conflict() {
			return nil, subjectRefusal(CodeNoConflict, subject, "%s %s has no open conflict", label, subject)
		}
		if subject == SubjectStatus && r.Keep == KeepSigned {
			h := st.Signed()
			if h == nil {
				return nil, invalid("%s is not signed", label)
			}
			r.Keep = h.ID
		}
		c, err := ResolveChange(ss, r)
		if err != nil {
			return nil, err
		}
		if c.Value.Status() == StatusSigned && c.Value.SignOff == nil {
			// An older sign-off kept: the new one says what it signs.
			if c.Value, err = signOffOf(tx, st.Assessment.ID); err != nil {
				return nil, err
			}
		}
		return s.record(tx, id, st.Assessment, st.Rubric, c)
	})
}

// ResolveChange is the change that settles a conflict between inspectors'
// values: one head kept (its value, and its note unless r has one) or a new
// value, superseding every head. Resolve records it; the workbench records
// it through its save queue, with the heads it showed as parents.
func ResolveChange(ss *SubjectState, r Resolution) (Change, error) {
	if (r.Keep == "") == (r.Value == nil) {
		return Change{}, invalid("settle a conflict by keeping one value or recording a new one, not both or neither")
	}
	c := Change{Subject: ss.Subject, Note: r.Note, Resolve: true}
	if r.Value != nil {
		if ss.Subject == SubjectStatus {
			return Change{}, subjectRefusal(CodeStatusConflict, SubjectStatus, "settle the status by keeping the sign-off or the reopening, or reopen the assessment")
		}
		c.Value = *r.Value
		return c, nil
	}
	h, err := PickHead(ss, r.Keep)
	if err != nil {
		return Change{}, invalid("%s", err.Error())
	}
	c.Value = h.Decoded()
	if r.Note == "" {
		c.Note = h.Note
	}
	return c, nil
}

// keepSigned writes the signed value over a subject changed after the
// sign-off, and a new sign-off that signs what the old one did with the
// kept value in place of the old.
func (s *Store) keepSigned(tx *sql.Tx, id Identity, st *State, soc *SignOffConflict, note string) (*Revision, error) {
	status := st.Subjects[SubjectStatus]
	if status.Conflict() {
		return nil, subjectRefusal(CodeStatusConflict, SubjectStatus, "%s: settle the status first (keep the sign-off or the reopening), or reopen the assessment", st.Assessment.Label())
	}
	var value *string
	var keptNote string
	if soc.Signed != nil {
		value, keptNote = soc.Signed.Value, soc.Signed.Note
	}
	kept, err := s.write(tx, id, st.Assessment, soc.Subject, value, keptNote, revisionIDs(soc.Heads))
	if err != nil {
		return nil, err
	}
	signed := []*Revision{kept}
	for _, r := range st.SignOff().Signed {
		if r.Subject != soc.Subject {
			signed = append(signed, r)
		}
	}
	why := "kept the signed value of " + soc.Subject
	if note != "" {
		why += ": " + note
	}
	if _, err := s.write(tx, id, st.Assessment, SubjectStatus, encodeValue(assessment.SignOffOf(signed)), why, revisionIDs(status.Heads)); err != nil {
		return nil, err
	}
	return kept, nil
}

// PickHead finds the head of a conflict named by an inspector or a
// revision ID prefix (at least 4 characters).
func PickHead(ss *SubjectState, pick string) (*Revision, error) {
	var found []*Revision
	for _, h := range ss.Heads {
		if h.Inspector == pick || (len(pick) >= 4 && strings.HasPrefix(h.ID, pick)) {
			found = append(found, h)
		}
	}
	switch len(found) {
	case 0:
		var names []string
		for _, h := range ss.Heads {
			names = append(names, h.Inspector+" (rev "+ShortID(h.ID, 8)+")")
		}
		return nil, fmt.Errorf("no value of %q in this conflict; the values are from %s", pick, strings.Join(names, ", "))
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%q has several values in this conflict; pick by revision ID", pick)
}

func revisionIDs(revs []*Revision) []string {
	ids := make([]string, 0, len(revs))
	for _, r := range revs {
		ids = append(ids, r.ID)
	}
	return ids
}

// itemConflictOn is the disagreement between subject's plain number and
// its items, or nil.
func itemConflictOn(st *State, subject string) *ItemConflict {
	for _, ic := range st.ItemConflicts() {
		if ic.Rule == subject {
			return &ic
		}
	}
	return nil
}

// settleItems is the change that settles a rule's plain number against
// its items: the number retracted (KeepItems), or a number (recorded, or
// one head's kept) that the items give. It supersedes every head of the
// number.
func settleItems(st *State, ss *SubjectState, ic ItemConflict, r Resolution) (Change, error) {
	if r.Keep == KeepItems && r.Value == nil {
		return Change{Subject: ic.Rule, Note: r.Note, Resolve: true}, nil
	}
	c, err := ResolveChange(ss, r)
	if err != nil {
		return Change{}, err
	}
	if c.Value.Retracted() || (c.Value.Kind == assessment.KindRule && c.Value.Rule.Equal(ic.Derived)) {
		return c, nil
	}
	return Change{}, invalid("%s %s: its %d items give %s, and %s would still disagree with them; keep the items, record %s, or remove items first",
		st.Assessment.Label(), ic.Rule, len(ic.Items), ic.Derived.String(), c.Value.Rule.String(), ic.Derived.String())
}
