package assessment

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
)

// Kind is what a recorded value is; a subject decides which kind it holds.
type Kind uint8

const (
	// KindNone is no value: a retraction (a tombstone).
	KindNone Kind = iota
	// KindRule is a rule's value (Value.Rule).
	KindRule
	// KindText is an indicator's note or a withdrawal (Value.Text).
	KindText
	// KindStatus is the assessment's status (Value.Text is StatusSigned or
	// StatusDraft; Value.SignOff says what a sign-off signed, nil for an
	// older sign-off that did not say).
	KindStatus
	// KindFile is an attachment's file (Value.File).
	KindFile
	// KindInvalid is a stored value that does not read as its subject's
	// kind: refused on every way in, so only a damaged file holds one
	// (verify names it). Readers skip it and it agrees with nothing.
	KindInvalid
	// KindItem is one itemised finding of a count rule (Value.Item).
	KindItem
	// KindProblem is a problem's rectification record (Value.Problem).
	KindProblem
	// KindFeedback, KindAppeal, KindDecision and KindFinal are the
	// records of a result's feedback, appeals, their review and the final
	// result (appeal.go).
	KindFeedback
	KindAppeal
	KindDecision
	KindFinal
	// KindPlan is a part of the lead's plan: an assignment (Value.Plan),
	// a blind double scoring (Value.Double) or its reveal (Value.Reveal).
	KindPlan
	// KindSelf is a unit's self-assessment of one indicator (Value.Self).
	KindSelf
)

// Value is what a revision records, typed, so that no reader decodes the
// stored text again: a change carries one (built by the store's SetRule,
// SetNote and Retract) and State reads each head's once (Build).
type Value struct {
	Kind    Kind
	Rule    scoring.Value
	Text    string
	SignOff *SignOffManifest
	File    *AttachmentMeta
	Item    *ItemValue
	Problem *ProblemRecord

	Feedback *FeedbackRecord
	Appeal   *AppealRecord
	Decision *DecisionRecord
	Final    *FinalRecord

	Plan   *PlanRecord
	Double *DoubleRecord
	Reveal *RevealRecord

	Self *SelfRecord
}

// RuleValue is a rule's value v.
func RuleValue(v scoring.Value) Value { return Value{Kind: KindRule, Rule: v} }

// TextValue is a text: an indicator's note or a withdrawal.
func TextValue(s string) Value { return Value{Kind: KindText, Text: s} }

// StatusValue is a plain status, StatusDraft or StatusSigned.
func StatusValue(status string) Value { return Value{Kind: KindStatus, Text: status} }

// FileValue is an attachment's file.
func FileValue(m AttachmentMeta) Value { return Value{Kind: KindFile, File: &m} }

// ItemOf is an item of a count rule: its text and, on a rule with a range,
// its amount (nil otherwise).
func ItemOf(text string, amount *decimal.Dec) Value {
	return Value{Kind: KindItem, Item: &ItemValue{Text: text, Amount: amount}}
}

// Record is the record a value of a kind that stores one object holds (a
// file's description, an item, a problem's record, an appeal's …), as
// encoding/json writes it; nil for the other kinds and an empty value.
func (v Value) Record() any {
	switch {
	case v.Kind == KindFile && v.File != nil:
		return v.File
	case v.Kind == KindItem && v.Item != nil:
		return v.Item
	case v.Kind == KindProblem && v.Problem != nil:
		return v.Problem
	case v.Kind == KindFeedback && v.Feedback != nil:
		return v.Feedback
	case v.Kind == KindAppeal && v.Appeal != nil:
		return v.Appeal
	case v.Kind == KindDecision && v.Decision != nil:
		return v.Decision
	case v.Kind == KindFinal && v.Final != nil:
		return v.Final
	case v.Kind == KindSelf && v.Self != nil:
		return v.Self
	case v.Kind == KindPlan && v.Plan != nil:
		return v.Plan
	case v.Kind == KindPlan && v.Double != nil:
		return v.Double
	case v.Kind == KindPlan && v.Reveal != nil:
		return v.Reveal
	}
	return nil
}

// Retracted reports whether v is no value (a retraction).
func (v Value) Retracted() bool { return v.Kind == KindNone }

// Status is what a status value says: StatusSigned, StatusDraft, or "" for
// any other value.
func (v Value) Status() string {
	if v.Kind == KindStatus {
		return v.Text
	}
	return ""
}

// Equal reports whether two values say the same (3 and 3.0 are one value;
// an invalid value equals nothing).
func (v Value) Equal(o Value) bool {
	if v.Kind != o.Kind {
		return false
	}
	switch v.Kind {
	case KindNone:
		return true
	case KindRule:
		return v.Rule.Equal(o.Rule)
	case KindText:
		return v.Text == o.Text
	case KindStatus:
		return v.Text == o.Text && sameManifest(v.SignOff, o.SignOff)
	case KindFile:
		return *v.File == *o.File
	case KindItem:
		return v.Item.Text == o.Item.Text && sameAmount(v.Item.Amount, o.Item.Amount)
	case KindProblem:
		return *v.Problem == *o.Problem
	case KindFeedback:
		return *v.Feedback == *o.Feedback
	case KindAppeal:
		return *v.Appeal == *o.Appeal
	case KindDecision:
		a, b := *v.Decision, *o.Decision
		if (a.Value == nil) != (b.Value == nil) || (a.Value != nil && !a.Value.Equal(*b.Value)) {
			return false
		}
		a.Value, b.Value = nil, nil
		return a == b
	case KindSelf:
		return v.Self.Score == o.Self.Score && v.Self.Note == o.Self.Note && strings.Join(v.Self.Files, "\x00") == strings.Join(o.Self.Files, "\x00")
	case KindPlan:
		switch {
		case v.Plan != nil && o.Plan != nil:
			return strings.Join(v.Plan.Categories, ",") == strings.Join(o.Plan.Categories, ",")
		case v.Double != nil && o.Double != nil:
			return strings.Join(v.Double.Inspectors, ",") == strings.Join(o.Double.Inspectors, ",")
		case v.Reveal != nil && o.Reveal != nil:
			return *v.Reveal == *o.Reveal
		}
		return false
	case KindFinal:
		a, b := *v.Final, *o.Final
		return a.Round == b.Round && a.Digest == b.Digest && a.On == b.On && strings.Join(a.Heads, ",") == strings.Join(b.Heads, ",")
	}
	return false
}

func sameAmount(a, b *decimal.Dec) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func sameManifest(a, b *SignOffManifest) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Digest == b.Digest && strings.Join(a.Heads, ",") == strings.Join(b.Heads, ",")
}

// errNotText, errNotStatus and errNotFile say why a stored value does not
// read as its subject's kind (the store words its refusal per subject).
var (
	errNotText   = errors.New("not text")
	errNotStatus = errors.New("not a status")
	errNotFile   = errors.New("not a file description")
)

// Decode reads a stored value (JSON text; nil for a retraction) as the kind
// its subject holds. The error of a rule's value says what is wrong with it.
func Decode(subject string, text *string) (Value, error) {
	if text == nil {
		return Value{}, nil
	}
	switch {
	case subject == SubjectStatus:
		if m, ok := ParseSignOff(text); ok {
			return Value{Kind: KindStatus, Text: StatusSigned, SignOff: &m}, nil
		}
		var s string
		if json.Unmarshal([]byte(*text), &s) != nil || (s != StatusSigned && s != StatusDraft) {
			return Value{}, errNotStatus
		}
		return StatusValue(s), nil
	case subject == SubjectWithdrawn || strings.HasPrefix(subject, NotePrefix):
		var s string
		if json.Unmarshal([]byte(*text), &s) != nil {
			return Value{}, errNotText
		}
		return TextValue(s), nil
	case strings.HasPrefix(subject, EvidencePrefix):
		var m AttachmentMeta
		if json.Unmarshal([]byte(*text), &m) != nil {
			return Value{}, errNotFile
		}
		return FileValue(m), nil
	case strings.HasPrefix(subject, ItemPrefix):
		iv, err := decodeItem(*text)
		if err != nil {
			return Value{}, err
		}
		return Value{Kind: KindItem, Item: &iv}, nil
	case IsPlanSubject(subject):
		return decodePlan(subject, *text)
	case strings.HasPrefix(subject, SelfPrefix):
		var r SelfRecord
		if err := decodeStrict(*text, &r); err != nil {
			return Value{}, err
		}
		return Value{Kind: KindSelf, Self: &r}, nil
	case IsPostSignOffSubject(subject) && !strings.HasPrefix(subject, ProblemPrefix) && !strings.HasPrefix(subject, EvidencePrefix):
		v, _, err := decodeAppealSubject(subject, *text)
		if err != nil {
			return Value{}, err
		}
		return v, nil
	case strings.HasPrefix(subject, ProblemPrefix):
		pr, err := decodeProblem(*text)
		if err != nil {
			return Value{}, err
		}
		return ProblemValue(pr), nil
	}
	var v scoring.Value
	if err := v.UnmarshalJSON([]byte(*text)); err != nil {
		return Value{}, err
	}
	return RuleValue(v), nil
}

// decodeOrInvalid is Decode for a reader: a value that does not read is
// KindInvalid.
func decodeOrInvalid(subject string, text *string) Value {
	v, err := Decode(subject, text)
	if err != nil {
		return Value{Kind: KindInvalid}
	}
	return v
}

// Agree reports whether all heads carry the same value (notes may differ).
func Agree(heads []*Revision) bool {
	first := heads[0].Decoded()
	for _, h := range heads[1:] {
		if !h.Decoded().Equal(first) {
			return false
		}
	}
	return true
}

// Latest returns the head with the greatest clock.
func Latest(heads []*Revision) *Revision {
	var l *Revision
	for _, h := range heads {
		if l == nil || l.Less(h) {
			l = h
		}
	}
	return l
}
