package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// Change is one value to record: a rule's value, an indicator's note, an
// attachment, a withdrawal or the status, typed (SetRule, SetNote and
// Retract build the ones callers record; only the store writes the
// others). A Value of KindNone retracts the subject's value. How a value is
// stored is the store's alone (encodeValue).
type Change struct {
	Subject string
	Value   Value
	Note    string
	// Resolve allows writing over a conflict: the new revision supersedes
	// every head. Without it, a subject in conflict refuses plain edits.
	Resolve bool
	// Seen, when not nil, is the head revisions of the subject the writer
	// saw when deciding on this value (empty: it saw none). They become the
	// new revision's parents instead of the current heads, so a write made
	// meanwhile by someone else becomes a conflict, never a lost update.
	Seen []string
}

// ErrSigned is returned (errors.Is) for an edit of a signed assessment.
var ErrSigned error = refusalOf(CodeSigned, "the assessment is signed; reopen it before editing")

// conflictErr refuses a plain edit of a subject whose heads disagree
// (CodeConflict, naming the subject).
func conflictErr(subject string) *Refusal {
	r := refusalOf(CodeConflict, "%s has conflicting values from different inspectors; settle the conflict before editing it", subject)
	r.Subject = subject
	return r
}

// Record validates and writes changes to one assessment in one transaction,
// all or nothing, and returns the new revisions. A change that equals the
// current value and note writes nothing. Values are checked against the
// assessment's rubric exactly as scoring checks them. The status is not a
// value to record: Sign, Reopen and Resolve write it, with their checks.
func (s *Store) Record(id Identity, assessmentID string, changes ...Change) ([]Revision, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var out []Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		var err error
		out, _, err = s.recordIn(tx, id, assessmentID, changes)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// recordIn is Record's work inside tx: the changes to one assessment,
// checked and written; it returns the new revisions and the assessment.
func (s *Store) recordIn(tx *sql.Tx, id Identity, assessmentID string, changes []Change) ([]Revision, Assessment, error) {
	var out []Revision
	a, rb, err := s.assessmentForWrite(tx, assessmentID)
	if err != nil {
		return nil, a, err
	}
	for _, c := range changes {
		if c.Subject == SubjectStatus {
			return nil, a, invalid("the status is written by signing, reopening and settling a conflict, not recorded as a value")
		}
		rev, err := s.record(tx, id, a, rb, c)
		if err != nil {
			return nil, a, err
		}
		if rev != nil {
			out = append(out, *rev)
		}
	}
	return out, a, nil
}

// record writes one change inside tx.
func (s *Store) record(tx *sql.Tx, id Identity, a Assessment, rb *rubric.Rubric, c Change) (*Revision, error) {
	if err := checkChange(rb, c); err != nil {
		return nil, refusedValue(err)
	}
	heads, err := s.headsOf(tx, a.ID, c.Subject)
	if err != nil {
		return nil, err
	}
	if c.Subject != SubjectStatus {
		st, err := s.headsOf(tx, a.ID, SubjectStatus)
		if err != nil {
			return nil, err
		}
		signed := anySigned(st)
		after := assessment.IsPostSignOffSubject(c.Subject)
		switch anytime := assessment.IsAnytimeSubject(c.Subject); {
		case anytime: // the plan and the unit's own claims, before, during and after the visit
		case signed && !after:
			return nil, ErrSigned
		case !signed && after:
			return nil, ErrNotSigned
		}
	}
	if strings.HasPrefix(c.Subject, EvidencePrefix) && !c.Value.Retracted() {
		_, sum, _ := ParseEvidenceSubject(c.Subject)
		if ok, err := hasBlob(tx, sum); err != nil || !ok {
			if err != nil {
				return nil, err
			}
			return nil, invalid("%s: no file with that sha256 is stored in this database", c.Subject)
		}
	}
	// A blind double scorer writes over only what they saw: the other's
	// hidden heads are neither a conflict to them nor the value theirs
	// is compared with (blindWrite).
	seen, err := s.blindWrite(tx, id, a, rb, c, heads)
	if err != nil {
		return nil, err
	}
	if ss := (SubjectState{Subject: c.Subject, Heads: seen}); !c.Resolve && ss.Conflict() {
		return nil, conflictErr(c.Subject)
	}
	parents, err := parentsOf(tx, a.ID, c, heads)
	if err != nil {
		return nil, err
	}
	if len(seen) == 1 || (len(seen) > 1 && assessment.Agree(seen) && !c.Resolve) {
		h := assessment.Latest(seen)
		if h.Decoded().Equal(c.Value) && h.Note == c.Note {
			return nil, nil // unchanged
		}
	}
	if len(seen) == 0 && c.Value.Retracted() {
		return nil, nil // retracting what was never recorded
	}
	return s.write(tx, id, a, c.Subject, encodeValue(c.Value), c.Note, parents)
}

// write appends one revision with these parents, with the next clock.
func (s *Store) write(tx *sql.Tx, id Identity, a Assessment, subject string, value *string, note string, parents []string) (*Revision, error) {
	// Every write's text is UTF-8, whichever door it came by (a note
	// given to resolve goes straight here).
	if err := changeTextError(subject, note, value); err != nil {
		return nil, err
	}
	last, err := s.lastHLC(tx)
	if err != nil {
		return nil, err
	}
	prev := HLC{}
	if last != "" {
		if prev, err = ParseHLC(last); err != nil {
			return nil, err
		}
	}
	now := s.now()
	next := prev.Next(now)
	if !next.Valid() {
		return nil, fileRefusal(CodeClockExhausted, s.path, nil, "cannot save: the database holds a revision with the clock %s, which no later revision can follow", last)
	}
	rev := &Revision{
		ID: uuid.NewString(), Assessment: a.ID, Subject: subject, Value: value, Note: note,
		Inspector: id.Inspector, Device: id.Device, HLC: next.String(), Wall: now.UTC(),
	}
	rev.Parents = parents
	rev.Hash = rev.ContentHash()
	stale, err := s.insertRevision(tx, rev)
	if err != nil {
		return nil, err
	}
	recompute := map[subjectKey]bool{}
	if stale {
		recompute[subjectKey{a.ID, subject}] = true
	}
	if id.key != nil {
		added, err := signRevision(tx, id.key, rev)
		if err != nil {
			return nil, err
		}
		if added {
			// This device's first signed revision brings its key: any
			// revision already held unsigned in its name is exposed.
			exposed, err := untrustedOf(tx, []string{id.Device})
			if err != nil {
				return nil, err
			}
			if err := subjectsOf(tx, exposed, recompute); err != nil {
				return nil, err
			}
			if err := markUntrusted(tx, exposed); err != nil {
				return nil, err
			}
		}
	}
	return rev, recomputeHeads(tx, recompute)
}

// checkChange validates a change's subject and typed value against the
// rubric, exactly as a stored revision's is checked (checkStored).
func checkChange(rb *rubric.Rubric, c Change) error {
	return checkValue(rb, c.Subject, c.Value, nil, c.Note, encodeValue(c.Value))
}

// checkStored validates a revision's stored value (merge and verify): it
// must read as the kind its subject holds and pass checkChange's checks.
func checkStored(rb *rubric.Rubric, r *Revision) error {
	v, err := assessment.Decode(r.Subject, r.Value)
	if err != nil {
		v = Value{Kind: assessment.KindInvalid}
	}
	return checkValue(rb, r.Subject, v, err, r.Note, r.Value)
}

// checkValue is the one check of a value on its subject: v is the value
// typed (KindInvalid when its text did not read, decodeErr saying why) and
// text how it is stored.
func checkValue(rb *rubric.Rubric, subject string, v Value, decodeErr error, note string, text *string) error {
	if err := changeTextError(subject, note, text); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(note); n > MaxNoteChars {
		return invalid("%s: the note is %d characters long; a note holds at most %d", subject, n, MaxNoteChars)
	}
	switch {
	case subject == SubjectStatus:
		if v.Retracted() {
			return invalid("the status cannot be retracted")
		}
		if v.Status() == "" {
			return invalid("status must be %q or %q", StatusDraft, StatusSigned)
		}
	case subject == SubjectWithdrawn:
		if v.Kind != assessment.KindText || v.Text != withdrawnValue {
			return invalid("a withdrawal records %q and cannot be retracted", withdrawnValue)
		}
	case strings.HasPrefix(subject, EvidencePrefix):
		return checkEvidence(rb, subject, v)
	case strings.HasPrefix(subject, ItemPrefix):
		return checkItem(rb, subject, v)
	case strings.HasPrefix(subject, ProblemPrefix):
		return checkProblem(rb, subject, v, note)
	case assessment.IsPlanSubject(subject):
		return checkPlan(rb, subject, v)
	case strings.HasPrefix(subject, assessment.SelfPrefix):
		return checkSelf(rb, subject, v)
	case assessment.IsPostSignOffSubject(subject):
		return checkAppealRecord(rb, subject, v, note)
	case strings.HasPrefix(subject, NotePrefix):
		ind := strings.TrimPrefix(subject, NotePrefix)
		if _, _, ok := rb.Indicator(ind); !ok {
			return invalid("rubric %s %s has no indicator %q (indicator IDs look like 1.2)", rb.ID, rb.Version, ind)
		}
		if v.Retracted() {
			return nil
		}
		if v.Kind != assessment.KindText {
			return invalid("a note must be text")
		}
		if n := utf8.RuneCountInString(v.Text); n > MaxNoteChars {
			return invalid("the note of indicator %s is %d characters long; a note holds at most %d", ind, n, MaxNoteChars)
		}
	default:
		ref, ok := rb.Rule(subject)
		if !ok {
			return &scoring.FindingError{Rule: subject, Message: fmt.Sprintf("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, subject)}
		}
		switch {
		case v.Retracted():
			return nil
		case decodeErr != nil:
			return &scoring.FindingError{Rule: subject, Message: decodeErr.Error()}
		case v.Kind != assessment.KindRule:
			return &scoring.FindingError{Rule: subject, Message: "a rule records a flag or a figure"}
		}
		if msg := scoring.CheckValue(ref.Rule, scoring.Finding{Value: v.Rule, Note: note}); msg != "" {
			return &scoring.FindingError{Rule: subject, Message: msg}
		}
	}
	return nil
}

// MaxNoteChars bounds a note (a rule's reason or an indicator's note), so
// that no single record, from any door, can swamp memory, screens or reports.
// It is counted in characters, that is Unicode code points (Go runes,
// utf8.RuneCountInString): a Chinese character counts one, like a letter,
// whatever its width on screen or its bytes. It is the one limit: the
// store refuses a longer note, and the CLI and the workbench count the same
// way and refuse text beyond it with a message rather than cut it.
const MaxNoteChars = 20000

// anySigned reports whether one of the status heads signs the assessment:
// while a sign-off and a reopening disagree, the signed state holds.
func anySigned(heads []*Revision) bool {
	for _, h := range heads {
		if h.Decoded().Status() == StatusSigned {
			return true
		}
	}
	return false
}

// timeFormat stores wall times with nanoseconds, so hashes round-trip.
const timeFormat = "2006-01-02T15:04:05.999999999Z07:00"

func (s *Store) assessmentIn(db q, id string) (Assessment, *rubric.Rubric, error) {
	a, err := scanAssessment(db.QueryRow("SELECT "+assessmentColumns+" FROM assessment WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil, invalid("no assessment with id %s", id)
	}
	if err != nil {
		return a, nil, err
	}
	rb, err := s.loadRubric(db, a.RubricID, a.RubricVersion)
	return a, rb, err
}

// SetRule is the change that records v on a rule, with the inspector's
// note (the reason for a deduction).
func SetRule(rule string, v scoring.Value, note string) Change {
	return Change{Subject: rule, Value: assessment.RuleValue(v), Note: note}
}

// SetNote is the change that records an indicator's free note.
func SetNote(indicator, text string) Change {
	return Change{Subject: NotePrefix + indicator, Value: assessment.TextValue(text)}
}

// Retract is the change that retracts a subject's value (a rule's value,
// a note, an attachment).
func Retract(subject string) Change { return Change{Subject: subject} }

// encodeValue is how a value is stored: JSON text, nil for a retraction.
// A rule's value encodes itself (scoring.Value); a sign-off is its
// manifest. It is the one encoder, on the one way in (write), so the stored
// text and its content hash are what they always were.
func encodeValue(v Value) *string {
	var b []byte
	switch v.Kind {
	case assessment.KindRule:
		b, _ = v.Rule.MarshalJSON()
	case assessment.KindText:
		// As encoding/json writes it, but an invalid byte kept as it
		// is, so that checkValue refuses it rather than it turning
		// into U+FFFD unseen.
		b = assessment.AppendJSONString(nil, v.Text)
	case assessment.KindStatus:
		if v.SignOff != nil {
			b, _ = json.Marshal(v.SignOff)
		} else {
			b, _ = json.Marshal(v.Text)
		}
	case assessment.KindFile, assessment.KindItem, assessment.KindProblem, assessment.KindFeedback, assessment.KindAppeal,
		assessment.KindDecision, assessment.KindFinal, assessment.KindSelf, assessment.KindPlan:
		r := v.Record()
		if r == nil {
			return nil
		}
		b, _ = json.Marshal(r)
	default: // a retraction; an invalid value, refused by checkValue
		return nil
	}
	t := string(b)
	return &t
}
