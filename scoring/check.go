package scoring

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/figure"
	"github.com/kaohe/kaohe/rubric"
)

// MaxCount bounds a count value: no inspection finds a million deficiencies,
// so a larger figure is a typing mistake.
const MaxCount = 1_000_000

// recordAllowed describes, in the English of records (Error and
// CheckValue), what a rule accepts; a user reads report.Allowed instead.
func recordAllowed(r *rubric.Rule) string {
	switch r.Form() {
	case rubric.FormBool:
		return "true or false"
	case rubric.FormLabel:
		return "one of the labels " + strings.Join(r.Labels(), ", ")
	case rubric.FormList:
		hi, _ := Limit(r)
		return fmt.Sprintf("a list of amounts, each from %s to %s (such as 2,3.5; [] for none)", r.Range[0], hi)
	}
	limit, bounded := Limit(r)
	switch r.Kind {
	case rubric.Count, rubric.Bonus:
		return fmt.Sprintf("a whole number from 0 to %s", limit)
	case rubric.Shortfall:
		if bounded {
			return fmt.Sprintf("a number from 0 to %s (target %s)", limit, r.Target)
		}
		return fmt.Sprintf("a number ≥ 0 (target %s)", r.Target)
	case rubric.Ratio:
		return fmt.Sprintf("a percentage from 0 to %s (target %s)", limit, r.Target)
	case rubric.Convert:
		return fmt.Sprintf("a score from 0 to %s", limit)
	case rubric.Discretion:
		return fmt.Sprintf("a deduction from 0 to %s, with a note", limit)
	case rubric.Band, rubric.Excess, rubric.Linear:
		if bounded {
			return fmt.Sprintf("a number from 0 to %s", limit)
		}
		return "a number ≥ 0"
	}
	return "nothing (unknown rule kind)"
}

// CheckValue validates one finding against its rule and returns a message
// naming what is allowed, or "" when the finding is acceptable. It is
// Validate's verdict, worded in English for records and the command line.
func CheckValue(r *rubric.Rule, f Finding) string {
	return checkMessage(Validate(r, f), f.Value)
}

// checkMessage words a problem Validate found with the value v, or is ""
// when there is none.
func checkMessage(e *ValueError, v Value) string {
	if e == nil {
		return ""
	}
	var what string
	switch e.Problem {
	case EmptyItem:
		return fmt.Sprintf("%q has an empty item %d; expected %s", e.Value, e.Item, recordAllowed(e.Rule))
	case NeedsNote:
		return fmt.Sprintf("a discretionary deduction needs a note saying why (deduction %s)", v.Num)
	case Negative:
		what = "a negative value " + v.Num.String()
	case NotWhole:
		what = v.Num.String() + ", not a whole number,"
	case OutOfRange:
		what = fmt.Sprintf("an amount %s (outside %s)", e.Value, e.Limit)
	case UnknownLabel:
		what = fmt.Sprintf("label %q", v.Text)
		if v.Type != Text {
			what = v.String()
		}
	default:
		switch v.Type {
		case Text:
			what = fmt.Sprintf("text %q", v.Text)
		case List:
			what = "a list " + v.String()
		case Unset:
			what = "an empty value"
		default:
			what = v.String()
		}
	}
	return fmt.Sprintf("%s is not allowed for this %s rule; expected %s", what, e.Rule.Kind, recordAllowed(e.Rule))
}

// Check validates every finding against the rubric: unknown rule IDs and
// values a rule does not accept, all reported, sorted by rule ID.
func Check(rb *rubric.Rubric, fs Findings) error {
	var errs Errors
	for id, f := range fs {
		ref, ok := rb.Rule(id)
		if !ok {
			errs = append(errs, &FindingError{Rule: id, Message: fmt.Sprintf("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, id),
				Unknown: rb.ID + " " + rb.Version})
			continue
		}
		if ve := Validate(ref.Rule, f); ve != nil {
			errs = append(errs, &FindingError{Rule: id, Message: checkMessage(ve, f.Value), Value: ve})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	errs.sort()
	return errs
}

// ParseValue reads a value typed on a command line or in a form for the
// given rule: yes/no words for flag and bonus rules, a decimal otherwise,
// written as inspectors write figures (figure.Parse: full-width digits,
// thousands separators, 万). The TUI and the CLI both read through it, so
// both accept the same figures. It does not range-check; Validate does.
// Its error is a *ValueError.
func ParseValue(r *rubric.Rule, text string) (Value, error) {
	t := strings.TrimSpace(text)
	switch r.Form() {
	case rubric.FormLabel:
		return TextValue(t), nil
	case rubric.FormList:
		items, part, err := parseList(t)
		var li *ListItemError
		if errors.As(err, &li) {
			return Value{}, &ValueError{Rule: r, Problem: EmptyItem, Value: text, Item: li.Item,
				Given: Value{Type: Text, Text: text}}
		}
		if err != nil {
			return Value{}, &ValueError{Rule: r, Problem: NotANumber, Value: text, Detail: listDetail(part, err),
				Given: Value{Type: Text, Text: text}}
		}
		return ListValue(items...), nil
	}
	if r.IsBool() {
		switch strings.ToLower(t) {
		case "true", "yes", "y", "是":
			return BoolValue(true), nil
		case "false", "no", "n", "否":
			return BoolValue(false), nil
		}
		return Value{}, &ValueError{Rule: r, Problem: NotYesNo, Value: text, Given: Value{Type: Text, Text: text}}
	}
	d, err := figure.Parse(t)
	if err != nil {
		return Value{}, &ValueError{Rule: r, Problem: NotANumber, Value: text, Detail: parseDetail(t, err),
			Given: Value{Type: Text, Text: text}}
	}
	return NumValue(d), nil
}

// parseDetail is what the number reader said about a figure that is a
// number but not one kaohe takes (too large, too precise): the reason alone
// when it speaks of the whole figure, the whole message when of a part of
// it (the digits before a 万); "" for text that is no number at all.
func parseDetail(typed string, err error) string {
	var pe *decimal.ParseError
	if !errors.As(err, &pe) || pe.Fault == decimal.Syntax {
		return ""
	}
	if pe.Text != figure.Normalize(typed) {
		return pe.Error()
	}
	return pe.Reason()
}

// listDetail says which part of a typed list is not a figure, and why.
func listDetail(part string, err error) string {
	if part == "" {
		return err.Error()
	}
	if d := parseDetail(part, err); d != "" {
		return part + ": " + d
	}
	return fmt.Sprintf("%q", part)
}
