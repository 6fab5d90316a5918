package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// Change is one value to record: a rule's value, an indicator's note, or
// the status. A nil Value retracts the subject's value.
type Change struct {
	Subject string
	Value   *string // JSON text
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

// EncodeValue is the JSON text stored for a scoring value.
func EncodeValue(v scoring.Value) string {
	b, _ := v.MarshalJSON()
	return string(b)
}

// DecodeValue reads a stored value back.
func DecodeValue(text string) (scoring.Value, error) {
	var v scoring.Value
	err := v.UnmarshalJSON([]byte(text))
	return v, err
}

// StringValue encodes a text value (notes, status) as stored JSON.
func StringValue(s string) *string {
	b, _ := json.Marshal(s)
	t := string(b)
	return &t
}

// DecodeText reads a stored text value (a note, a status); "" for a
// tombstone or anything that is not text.
func DecodeText(text *string) string {
	if text == nil {
		return ""
	}
	var s string
	if json.Unmarshal([]byte(*text), &s) != nil {
		return ""
	}
	return s
}

// Record validates and writes changes to one assessment in one transaction,
// all or nothing, and returns the new revisions. A change that equals the
// current value and note writes nothing. Values are checked against the
// assessment's rubric exactly as scoring checks them.
func (s *Store) Record(id Identity, assessmentID string, changes ...Change) ([]Revision, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var out []Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		out = out[:0]
		a, rb, err := s.assessmentForWrite(tx, assessmentID)
		if err != nil {
			return err
		}
		for _, c := range changes {
			rev, err := s.record(tx, id, a, rb, c)
			if err != nil {
				return err
			}
			if rev != nil {
				out = append(out, *rev)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
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
		if anySigned(st) {
			return nil, ErrSigned
		}
	} else if DecodeText(c.Value) == StatusSigned {
		// Every door's sign-off says what it signs.
		if c.Value, err = signOffOf(tx, a.ID); err != nil {
			return nil, err
		}
	}
	if strings.HasPrefix(c.Subject, EvidencePrefix) && c.Value != nil {
		_, sum, _ := ParseEvidenceSubject(c.Subject)
		if ok, err := hasBlob(tx, sum); err != nil || !ok {
			if err != nil {
				return nil, err
			}
			return nil, invalid("%s: no file with that sha256 is stored in this database", c.Subject)
		}
	}
	if ss := (SubjectState{Subject: c.Subject, Heads: heads}); !c.Resolve && ss.Conflict() {
		return nil, conflictErr(c.Subject)
	}
	parents, err := parentsOf(tx, a.ID, c, heads)
	if err != nil {
		return nil, err
	}
	if len(heads) == 1 || (len(heads) > 1 && agree(heads) && !c.Resolve) {
		h := latest(heads)
		if sameValue(h.Value, c.Value) && h.Note == c.Note {
			return nil, nil // unchanged
		}
	}
	if len(heads) == 0 && c.Value == nil {
		return nil, nil // retracting what was never recorded
	}
	return s.write(tx, id, a, c.Subject, c.Value, c.Note, parents)
}

// write appends one revision with these parents, with the next clock.
func (s *Store) write(tx *sql.Tx, id Identity, a Assessment, subject string, value *string, note string, parents []string) (*Revision, error) {
	// Every write's text is UTF-8, whichever door it came by (a note
	// given to resolve goes straight here).
	if err := changeTextError(Change{Subject: subject, Value: value, Note: note}); err != nil {
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

// checkChange validates a change's subject and value against the rubric.
func checkChange(rb *rubric.Rubric, c Change) error {
	if err := changeTextError(c); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(c.Note); n > MaxNoteChars {
		return invalid("%s: the note is %d characters long; a note holds at most %d", c.Subject, n, MaxNoteChars)
	}
	switch {
	case c.Subject == SubjectStatus:
		if c.Value == nil {
			return invalid("the status cannot be retracted")
		}
		if StatusOf(c.Value) == "" {
			return invalid("status must be %q or %q", StatusDraft, StatusSigned)
		}
	case c.Subject == SubjectWithdrawn:
		if DecodeText(c.Value) != withdrawnValue {
			return invalid("a withdrawal records %q and cannot be retracted", withdrawnValue)
		}
	case strings.HasPrefix(c.Subject, EvidencePrefix):
		return checkEvidence(rb, c)
	case strings.HasPrefix(c.Subject, NotePrefix):
		ind := strings.TrimPrefix(c.Subject, NotePrefix)
		if _, _, ok := rb.Indicator(ind); !ok {
			return invalid("rubric %s %s has no indicator %q (indicator IDs look like 1.2)", rb.ID, rb.Version, ind)
		}
		if c.Value != nil {
			var text string
			if err := json.Unmarshal([]byte(*c.Value), &text); err != nil {
				return invalid("a note must be text")
			}
			if n := utf8.RuneCountInString(text); n > MaxNoteChars {
				return invalid("the note of indicator %s is %d characters long; a note holds at most %d", ind, n, MaxNoteChars)
			}
		}
	default:
		ref, ok := rb.Rule(c.Subject)
		if !ok {
			return &scoring.FindingError{Rule: c.Subject, Message: fmt.Sprintf("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, c.Subject)}
		}
		if c.Value == nil {
			return nil
		}
		v, err := DecodeValue(*c.Value)
		if err != nil {
			return &scoring.FindingError{Rule: c.Subject, Message: err.Error()}
		}
		if msg := scoring.CheckValue(ref.Rule, scoring.Finding{Value: v, Note: c.Note}); msg != "" {
			return &scoring.FindingError{Rule: c.Subject, Message: msg}
		}
	}
	return nil
}

func sameValue(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if *a == *b {
		return true
	}
	va, ea := DecodeValue(*a)
	vb, eb := DecodeValue(*b)
	return ea == nil && eb == nil && va.Equal(vb)
}

// agree reports whether all heads carry the same value (notes may differ).
func agree(heads []*Revision) bool {
	for _, h := range heads[1:] {
		if !sameValue(h.Value, heads[0].Value) {
			return false
		}
	}
	return true
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
		if StatusOf(h.Value) == StatusSigned {
			return true
		}
	}
	return false
}

// latest returns the head with the greatest clock.
func latest(heads []*Revision) *Revision {
	var l *Revision
	for _, h := range heads {
		if l == nil || l.Less(h) {
			l = h
		}
	}
	return l
}

// timeFormat stores wall times with nanoseconds, so hashes round-trip.
const timeFormat = "2006-01-02T15:04:05.999999999Z07:00"

func (s *Store) assessmentIn(db q, id string) (Assessment, *rubric.Rubric, error) {
	var a Assessment
	err := db.QueryRow("SELECT id, rubric_id, rubric_version, unit, period FROM assessment WHERE id = ?", id).
		Scan(&a.ID, &a.RubricID, &a.RubricVersion, &a.Unit, &a.Period)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil, invalid("no assessment with id %s", id)
	}
	if err != nil {
		return a, nil, err
	}
	rb, err := s.loadRubric(db, a.RubricID, a.RubricVersion)
	return a, rb, err
}

// Set is the change that records v on a rule (or, for a text value, on a
// note or the status): callers pass typed values and the store alone
// decides how they are stored.
func Set(subject string, v scoring.Value, note string) Change {
	var text string
	if v.Type == scoring.Text {
		text = *StringValue(v.Text)
	} else {
		text = EncodeValue(v)
	}
	return Change{Subject: subject, Value: &text, Note: note}
}

// SetText is the change that records a text (an indicator's note).
func SetText(subject, text string) Change {
	return Set(subject, scoring.Value{Type: scoring.Text, Text: text}, "")
}
