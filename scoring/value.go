// Package scoring turns a rubric and the findings recorded against it into
// scores. It is one pure function, Score, with exact decimal arithmetic: every
// rule's deduction is rounded half-up to 0.01, then capped by the rule, its
// group and its indicator, and no score goes below 0.
package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
)

// ValueType says which form a recorded value has. It is a byte so that it
// shares a word with Value.Bool: a result holds a copy of every value.
type ValueType uint8

// The forms a value can take. Text is kept (not rejected at parse time) so
// that validation can name the rule it was given for.
const (
	Unset ValueType = iota
	Bool
	Number
	Text
	// List is a list of exact amounts, one per instance, for a rule with
	// a range (每起扣1-2分); in JSON an array of numbers.
	List
)

// Value is one recorded value: a boolean for flag, veto and bonus rules, a
// list of amounts for a rule with a range, a label (Text) for a label band
// rule, a number for every other kind.
type Value struct {
	Type ValueType
	Bool bool
	Num  decimal.Dec
	Text string
	// Items are the amounts of a List value.
	Items []decimal.Dec
}

// ListValue returns a list of amounts (an empty list records that there was
// no instance).
func ListValue(items ...decimal.Dec) Value {
	return Value{Type: List, Items: append([]decimal.Dec{}, items...)}
}

// TextValue returns a text value: the label of a label band rule.
func TextValue(s string) Value { return Value{Type: Text, Text: s} }

// BoolValue returns a boolean value.
func BoolValue(b bool) Value { return Value{Type: Bool, Bool: b} }

// NumValue returns a numeric value.
func NumValue(d decimal.Dec) Value { return Value{Type: Number, Num: d} }

// String prints the value as a user typed it: true/false or the number.
func (v Value) String() string {
	switch v.Type {
	case Bool:
		if v.Bool {
			return "true"
		}
		return "false"
	case Number:
		return v.Num.String()
	case Text:
		return v.Text
	case List:
		if len(v.Items) == 0 {
			return "[]"
		}
		return strings.Join(listTexts(v.Items), ",")
	}
	return ""
}

// Equal reports whether two values are the same value.
func (v Value) Equal(o Value) bool {
	if v.Type != o.Type {
		return false
	}
	switch v.Type {
	case Bool:
		return v.Bool == o.Bool
	case Number:
		return v.Num == o.Num
	case Text:
		return v.Text == o.Text
	case List:
		return slices.Equal(v.Items, o.Items)
	}
	return true
}

// MarshalJSON writes a boolean or a JSON number.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.Type {
	case Bool:
		return json.Marshal(v.Bool)
	case Number:
		return []byte(v.Num.String()), nil
	case Text:
		return json.Marshal(v.Text)
	case List:
		return []byte("[" + strings.Join(listTexts(v.Items), ",") + "]"), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads true/false, a number (exactly, never via float64) or
// a string, which validation later refuses where a number belongs.
func (v *Value) UnmarshalJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	switch {
	case string(t) == "true" || string(t) == "false":
		*v = BoolValue(string(t) == "true")
	case string(t) == "null":
		*v = Value{}
	case len(t) > 0 && t[0] == '"':
		var s string
		if err := json.Unmarshal(t, &s); err != nil {
			return err
		}
		*v = Value{Type: Text, Text: s}
	case len(t) > 0 && t[0] == '[':
		items, err := unmarshalList(t)
		if err != nil {
			return err
		}
		*v = Value{Type: List, Items: items}
	case len(t) > 0 && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9')):
		if bytes.ContainsAny(t, "eE") {
			return fmt.Errorf("number %s: write it without an exponent", t)
		}
		d, err := decimal.Parse(string(t))
		if err != nil {
			return err
		}
		*v = NumValue(d)
	default:
		return fmt.Errorf("expected true, false, a number, a label or a list of amounts, got %s", t)
	}
	return nil
}

// Finding is the value recorded for one rule, with the inspector's note.
type Finding struct {
	Value Value  `json:"value"`
	Note  string `json:"note,omitempty"`
}

// UnmarshalJSON accepts a bare value or an object {"value": …, "note": …}.
func (f *Finding) UnmarshalJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	if len(t) > 0 && t[0] == '{' {
		var obj struct {
			Value *Value  `json:"value"`
			Note  *string `json:"note"`
		}
		dec := json.NewDecoder(bytes.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&obj); err != nil {
			return fmt.Errorf("expected {\"value\": …, \"note\": …}: %w", err)
		}
		if obj.Value == nil {
			return fmt.Errorf("object has no \"value\"")
		}
		f.Value = *obj.Value
		if obj.Note != nil {
			f.Note = *obj.Note
		}
		return nil
	}
	f.Note = ""
	return f.Value.UnmarshalJSON(t)
}

// MarshalJSON writes a bare value, or {"value", "note"} when there is a note.
func (f Finding) MarshalJSON() ([]byte, error) {
	if f.Note == "" {
		return f.Value.MarshalJSON()
	}
	type plain Finding
	return json.Marshal(plain(f))
}

// Findings maps rule IDs to their recorded findings.
type Findings map[string]Finding

// FindingsFile is the JSON format of a findings file:
// {"findings": {"1.2.a": 3, "1.2.b": true, "3.4.a": {"value": 0.5, "note": "…"}}},
// optionally with "notes": {"1.2": "free text"} for indicators' notes.
type FindingsFile struct {
	Findings Findings          `json:"findings"`
	Notes    map[string]string `json:"notes,omitempty"`
}

// ReadFindingsJSON parses a findings file's findings; see ReadFindingsFile.
func ReadFindingsJSON(data []byte) (Findings, error) {
	f, err := ReadFindingsFile(data)
	if err != nil {
		return nil, err
	}
	return f.Findings, nil
}

// ReadFindingsFile parses a findings file. Every malformed entry is reported
// (by rule ID), not just the first; nothing is returned when any is bad.
func ReadFindingsFile(data []byte) (*FindingsFile, error) {
	var raw struct {
		Findings map[string]json.RawMessage `json:"findings"`
		Notes    map[string]string          `json:"notes"`
	}
	data = TrimBOM(data)
	if err := checkFindingsShape(data); err != nil {
		return nil, fmt.Errorf("findings file is not valid: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("findings file is not valid: %v (expected {\"findings\": {\"RULE\": value, …}})", jsonErrorPosition(data, err))
	}
	if raw.Findings == nil {
		return nil, fmt.Errorf("findings file has no \"findings\" object (expected {\"findings\": {\"RULE\": value, …}})")
	}
	out := make(Findings, len(raw.Findings))
	var errs Errors
	for id, msg := range raw.Findings {
		var f Finding
		if err := f.UnmarshalJSON(msg); err != nil {
			fe := &FindingError{Rule: id, Message: err.Error()}
			errors.As(err, &fe.Item)
			errs = append(errs, fe)
			continue
		}
		out[id] = f
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	return &FindingsFile{Findings: out, Notes: raw.Notes}, nil
}

// jsonErrorPosition adds a line:column to JSON syntax errors.
func jsonErrorPosition(data []byte, err error) string {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return err.Error()
	}
	return fmt.Sprintf("%s: %v", lineCol(data, off), err)
}

// FindingError is a finding the rubric does not accept, named by rule ID.
type FindingError struct {
	Rule    string
	Message string
	Value   *ValueError // the value's problem, to word it in the user's language
	Unknown string      // "id version" of a rubric without this rule
	// Item is the refused item of a list a file gives, to word it.
	Item *ListItemError
}

// Error formats the problem as "RULE: message", the English of records;
// a rule ID read from a file is shown to a person by report.FindingProblem,
// which lays it out on one line without controls.
func (e *FindingError) Error() string { return e.Rule + ": " + e.Message }

// Errors is every rejected finding of one set.
type Errors []*FindingError

// Error lists the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool { return RuleLess(es[i].Rule, es[j].Rule) })
}

// RuleLess orders rule IDs as the rubric does: 1.2.b before 1.10.a.
func RuleLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, ea := atoi(pa[i])
		nb, eb := atoi(pb[i])
		if ea && eb {
			return na < nb
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
