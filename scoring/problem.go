package scoring

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kaohe/kaohe/rubric"
)

// Problem is what is wrong with a value typed or recorded for a rule.
type Problem int

// The problems a value can have.
const (
	NotANumber   Problem = iota + 1 // not a figure at all
	NotYesNo                        // a flag or bonus rule given something else
	Negative                        // below 0
	NotWhole                        // a count with decimals
	TooHigh                         // above the rule's limit
	NeedsNote                       // a discretionary deduction without a reason
	NotAList                        // a rule with a range given something other than a list of amounts
	OutOfRange                      // an amount of a list outside the rule's range
	UnknownLabel                    // a label band rule given a label it does not have
	EmptyItem                       // a typed list with an empty item (2,,3); Item says which
)

// ValueError says why a rule does not accept a value, as data: the
// problem and the figures a message names. Callers word it in the user's
// language (report.ValueProblem); Error is the English of records.
type ValueError struct {
	Rule    *rubric.Rule
	Problem Problem
	Value   string // as typed, or the parsed figure
	Limit   string // for TooHigh: the largest value allowed
	Detail  string // for NotANumber: what the number reader said
	Item    int    // for EmptyItem: the empty item's position, from 1
	Given   Value  // the value refused (for a typed one, its text)
	// Choices are a label band rule's labels, for UnknownLabel.
	Choices []string
}

// Error is the English message of records and logs, prefixed by the rule
// ID, as Check words a finding.
func (e *ValueError) Error() string { return e.Rule.ID + ": " + checkMessage(e, e.Given) }

// Validate checks a finding against its rule and says what is wrong, or
// returns nil. CheckValue words its verdict in English.
func Validate(r *rubric.Rule, f Finding) *ValueError { return validate(r, r.Form(), &f.Value, f.Note) }

// validate is Validate of a value and its note, read in place, for a rule
// of form (r.Form()): Score calls it on the value it has already copied into
// the result, with the form it has already worked out, instead of copying
// the whole finding once more.
func validate(r *rubric.Rule, form rubric.Form, v *Value, note string) *ValueError {
	bad := func(p Problem, limit string) *ValueError {
		shown := v.String()
		if v.Type == Unset {
			shown = ""
		}
		return &ValueError{Rule: r, Problem: p, Value: shown, Limit: limit, Given: *v}
	}
	switch form {
	case rubric.FormBool:
		if v.Type != Bool {
			return bad(NotYesNo, "")
		}
		return nil
	case rubric.FormLabel:
		if v.Type == Text && slices.Contains(r.Labels(), v.Text) {
			return nil
		}
		e := bad(UnknownLabel, "")
		e.Choices = r.Labels()
		return e
	case rubric.FormList:
		return validateList(r, v)
	}
	if v.Type != Number {
		return bad(NotANumber, "")
	}
	n := v.Num
	if n < 0 {
		return bad(Negative, "")
	}
	if (r.Kind == rubric.Count || r.Kind == rubric.Bonus) && !n.IsInt() {
		return bad(NotWhole, "")
	}
	if limit, ok := limitOf(r, form); ok && n > limit {
		return bad(TooHigh, limit.String())
	}
	if r.Kind == rubric.Discretion && n > 0 && strings.TrimSpace(note) == "" { // nothing deducted needs no reason
		return bad(NeedsNote, "")
	}
	return nil
}

// validateList checks a list of amounts against a rule's range: a list,
// each amount within [lo, hi]; the first amount outside is named.
func validateList(r *rubric.Rule, v *Value) *ValueError {
	if v.Type != List {
		shown := v.String()
		return &ValueError{Rule: r, Problem: NotAList, Value: shown, Given: *v}
	}
	if len(v.Items) > MaxListItems {
		return &ValueError{Rule: r, Problem: TooHigh, Value: fmt.Sprint(len(v.Items)), Limit: fmt.Sprint(MaxListItems), Given: *v}
	}
	lo, hi := r.Range[0], r.Range[1] // hi is Limit's
	for _, d := range v.Items {
		if d < lo || d > hi {
			return &ValueError{Rule: r, Problem: OutOfRange, Value: d.String(), Limit: lo.String() + "–" + hi.String(), Given: *v}
		}
	}
	return nil
}
