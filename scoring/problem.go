package scoring

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// Problem is what is wrong with a value typed or recorded for a rule.
type Problem int

// The problems a value can have.
const (
	NotANumber Problem = iota + 1 // not a figure at all
	NotYesNo                      // a flag or bonus rule given something else
	Negative                      // below 0
	NotWhole                      // a count with decimals
	TooHigh                       // above the rule's limit
	NeedsNote                     // a discretionary deduction without a reason
)

// ValueError says, in words, why a rule does not accept a value. Error is
// English; In speaks the user's language.
type ValueError struct {
	Rule    *rubric.Rule
	Problem Problem
	Value   string // as typed, or the parsed figure
	Limit   string // for TooHigh: the largest value allowed
	Detail  string // for NotANumber: what the number reader said
}

// Error is the English message, prefixed by the rule ID.
func (e *ValueError) Error() string { return e.In(i18n.For("en")) }

// In is the message in the labels' language, prefixed by the rule ID:
// "1.5.b：5 超过上限 3（未落实的告知承诺制）".
func (e *ValueError) In(l *i18n.Labels) string {
	m := l.Values
	r := e.Rule
	var msg string
	switch e.Problem {
	case NotANumber:
		msg = fmt.Sprintf(m.NotANumber, e.Value, AllowedIn(l, r))
		if e.Detail != "" {
			msg = fmt.Sprintf(m.NotANumberDetail, e.Value, e.Detail, AllowedIn(l, r))
		}
	case NotYesNo:
		msg = fmt.Sprintf(m.NotYesNo, e.Value)
	case Negative:
		msg = fmt.Sprintf(m.Negative, e.Value, AllowedIn(l, r))
	case NotWhole:
		msg = fmt.Sprintf(m.NotWhole, e.Value, AllowedIn(l, r))
	case TooHigh:
		msg = fmt.Sprintf(m.TooHigh, e.Value, e.Limit, limitOf(l, r, e.Limit))
	case NeedsNote:
		msg = fmt.Sprintf(m.NeedsNote, e.Value)
	}
	return r.ID + m.Colon + msg
}

// limitOf names what the limit is the limit of: the rule's label with its
// unit ("未落实的告知承诺制，最多 3 项"), or what the figure is.
func limitOf(l *i18n.Labels, r *rubric.Rule, limit string) string {
	switch r.Kind {
	case rubric.Ratio:
		return l.Values.Percentage
	case rubric.Convert:
		return l.Values.FullMark
	case rubric.Discretion:
		return l.Values.DiscretionCap
	}
	name := strings.TrimSpace(r.Name())
	if name == "" {
		return fmt.Sprintf(l.Values.AtMost, limit, r.Unit)
	}
	return name + l.Values.Comma + fmt.Sprintf(l.Values.AtMost, limit, r.Unit)
}

// AllowedIn describes what a rule accepts, in the labels' language.
func AllowedIn(l *i18n.Labels, r *rubric.Rule) string {
	u := l.UI
	switch r.Kind {
	case rubric.Flag, rubric.Bonus:
		return l.Values.YesNo
	case rubric.Count:
		if r.MaxValue != nil {
			return fmt.Sprintf(u.AllowedCountMax, r.MaxValue)
		}
		return fmt.Sprintf(u.AllowedCount, fmt.Sprint(MaxCount))
	case rubric.Shortfall:
		if r.MaxValue != nil {
			return fmt.Sprintf(u.AllowedShortfallMax, r.MaxValue, r.Target)
		}
		return fmt.Sprintf(u.AllowedShortfall, r.Target)
	case rubric.Ratio:
		return fmt.Sprintf(u.AllowedRatio, r.Target)
	case rubric.Convert:
		return fmt.Sprintf(u.AllowedConvert, r.FullMark())
	case rubric.Discretion:
		return fmt.Sprintf(u.AllowedDiscretion, r.Cap)
	}
	return ""
}

// Validate checks a finding against its rule and says what is wrong, or
// returns nil. CheckValue words its verdict in English.
func Validate(r *rubric.Rule, f Finding) *ValueError {
	v := f.Value
	bad := func(p Problem, limit string) *ValueError {
		shown := v.String()
		if v.Type == Unset {
			shown = ""
		}
		return &ValueError{Rule: r, Problem: p, Value: shown, Limit: limit}
	}
	if r.Kind.IsBool() {
		if v.Type != Bool {
			return bad(NotYesNo, "")
		}
		return nil
	}
	if v.Type != Number {
		return bad(NotANumber, "")
	}
	n := v.Num
	if n < 0 {
		return bad(Negative, "")
	}
	over := func(limit decimal.Dec) *ValueError {
		if n > limit {
			return bad(TooHigh, limit.String())
		}
		return nil
	}
	switch r.Kind {
	case rubric.Count:
		if !n.IsInt() {
			return bad(NotWhole, "")
		}
		limit := decimal.FromInt(MaxCount)
		if r.MaxValue != nil && *r.MaxValue < limit {
			limit = *r.MaxValue
		}
		return over(limit)
	case rubric.Shortfall:
		if r.MaxValue != nil {
			return over(*r.MaxValue)
		}
	case rubric.Ratio:
		return over(decimal.FromInt(100))
	case rubric.Convert:
		return over(r.FullMark())
	case rubric.Discretion:
		if e := over(*r.Cap); e != nil {
			return e
		}
		if n > 0 && strings.TrimSpace(f.Note) == "" { // nothing deducted needs no reason
			return bad(NeedsNote, "")
		}
	}
	return nil
}
