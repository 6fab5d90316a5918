package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// ValueProblem words what scoring found wrong with a value, in the labels'
// language, prefixed by the rule ID: "1.5.b：5 超过上限 3（未落实的告知承诺制）".
// Scoring only says what is wrong (a problem code and its figures); every
// command and the workbench word it here, beside the score's explanations.
func ValueProblem(l *i18n.Labels, e *scoring.ValueError) string {
	m := l.Values
	r := e.Rule
	var msg string
	if bare, ok := quotedValue(e); ok {
		return r.ID + m.Colon + fmt.Sprintf(l.QuotedValue.Message, textwidth.Line(e.Given.Text), bare)
	}
	switch e.Problem {
	case scoring.NotANumber:
		msg = fmt.Sprintf(m.NotANumber, e.Value, Allowed(l, r))
		if e.Detail != "" {
			msg = fmt.Sprintf(m.NotANumberDetail, e.Value, Reason(l, e.Detail), Allowed(l, r))
		}
	case scoring.NotYesNo:
		msg = fmt.Sprintf(m.NotYesNo, e.Value)
	case scoring.Negative:
		msg = fmt.Sprintf(m.Negative, e.Value, Allowed(l, r))
	case scoring.NotWhole:
		msg = fmt.Sprintf(m.NotWhole, e.Value, Allowed(l, r))
	case scoring.TooHigh:
		msg = fmt.Sprintf(m.TooHigh, e.Value, e.Limit, limitOf(l, r, e.Limit))
	case scoring.NeedsNote:
		msg = fmt.Sprintf(m.NeedsNote, e.Value)
	case scoring.NotAList:
		msg = fmt.Sprintf(l.Rules.NotAList, textwidth.Line(e.Value), Allowed(l, r))
	case scoring.OutOfRange:
		msg = fmt.Sprintf(l.Rules.OutOfRange, e.Value, e.Limit, Allowed(l, r))
	case scoring.UnknownLabel:
		msg = fmt.Sprintf(l.Rules.UnknownLabel, textwidth.Line(e.Value), labelList(l, r))
	case scoring.EmptyItem:
		msg = fmt.Sprintf(l.ListItems.Empty, textwidth.Line(e.Value), e.Item, Allowed(l, r))
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

// FindingProblem words a finding the rubric does not accept, in the labels'
// language: a value's problem, a rule the rubric lacks, or (for a finding
// that could not be read at all) the reader's own message. A rule ID read
// from a file is shown on one line, without controls.
func FindingProblem(l *i18n.Labels, e *scoring.FindingError) string {
	rule := textwidth.Line(e.Rule)
	switch {
	case e.Value != nil:
		return ValueProblem(l, e.Value)
	case e.Item != nil:
		return rule + l.Values.Colon + ListItemProblem(l, e.Item)
	case e.Unknown != "":
		return rule + l.Values.Colon + fmt.Sprintf(l.Values.UnknownRule, e.Unknown, e.Rule)
	}
	return rule + ": " + e.Message
}

// ListItemProblem words an item of a file's list of amounts that is
// refused, in the labels' language, naming its position and text (on one
// line, cut to a readable length): a quoted item that reads as an amount
// when typed ("３") says to write that amount, without quotes.
func ListItemProblem(l *i18n.Labels, e *scoring.ListItemError) string {
	w := l.ListItems
	text := textwidth.Truncate(textwidth.Line(e.Text), maxItemWidth, "…")
	switch {
	case e.Fault == scoring.ItemExponent:
		return fmt.Sprintf(w.Exponent, e.Item, text)
	case e.Bare != "":
		return fmt.Sprintf(w.Quoted, e.Item, text, e.Bare)
	}
	return fmt.Sprintf(w.NotANumber, e.Item, text)
}

// maxItemWidth bounds the columns of a refused list item shown in a
// message: an item may be a whole object a file put in a list.
const maxItemWidth = 40

// FindingProblems lists the problems one per line in the labels' language.
func FindingProblems(l *i18n.Labels, es scoring.Errors) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = FindingProblem(l, e)
	}
	return strings.Join(lines, "\n")
}

// Allowed describes what a rule accepts, in the labels' language: the
// range a typed value must fall in, for messages and the input's hint.
func Allowed(l *i18n.Labels, r *rubric.Rule) string {
	u := l.UI
	if s, ok := allowedLanguage(l, r); ok {
		return s
	}
	limit, bounded := scoring.Limit(r)
	switch r.Kind {
	case rubric.Flag, rubric.Bonus:
		return l.Values.YesNo
	case rubric.Count:
		return fmt.Sprintf(u.AllowedCountMax, limit)
	case rubric.Shortfall:
		if bounded {
			return fmt.Sprintf(u.AllowedShortfallMax, limit, r.Target)
		}
		return fmt.Sprintf(u.AllowedShortfall, r.Target)
	case rubric.Ratio:
		return fmt.Sprintf(u.AllowedRatio, limit, r.Target)
	case rubric.Convert:
		return fmt.Sprintf(u.AllowedConvert, limit)
	case rubric.Discretion:
		return fmt.Sprintf(u.AllowedDiscretion, limit)
	}
	return ""
}

// RuleHint is the amount, target and cap of a rule of ind in words: what
// the rule deducts (or adds) for what, and the cap of the group it shares
// with other rules of ind, shown beside it on the workbench. ind may be
// nil (no group is named then).
func RuleHint(l *i18n.Labels, ind *rubric.Indicator, r *rubric.Rule) string {
	unit := textwidth.Sanitize(r.Unit, false)
	var parts []string
	if h := hintLanguage(l, r); h != "" {
		parts = append(parts, h)
	}
	switch {
	case len(parts) > 0: // a kind or form beyond the seed's, worded above
	case r.Kind == rubric.Flag:
		parts = append(parts, fmt.Sprintf(l.UI.HintFlag, r.Amount))
	case r.Kind == rubric.Bonus:
		parts = append(parts, fmt.Sprintf(l.UI.HintBonus, r.Amount))
	case r.Kind == rubric.Count:
		parts = append(parts, fmt.Sprintf(l.UI.HintCount, unit, r.Amount))
	case r.Kind == rubric.Shortfall:
		parts = append(parts, fmt.Sprintf(l.UI.HintShortfall, r.Target, unit, r.Step.String()+unit, r.Amount))
	case r.Kind == rubric.Ratio:
		parts = append(parts, fmt.Sprintf(l.UI.HintRatio, r.Target))
	case r.Kind == rubric.Convert:
		parts = append(parts, fmt.Sprintf(l.UI.HintConvert, r.FullMark()))
	case r.Kind == rubric.Discretion:
		parts = append(parts, fmt.Sprintf(l.UI.HintDiscretion, r.Cap))
	}
	if r.Cap != nil && r.Kind != rubric.Discretion {
		format := l.UI.HintCap
		if r.Kind == rubric.Bonus { // a bonus's cap bounds what it adds
			format = l.Rules.HintBonusCap
		}
		parts = append(parts, fmt.Sprintf(format, r.Cap))
	}
	if ind != nil {
		if g := ind.GroupOf(r.ID); g != nil {
			parts = append(parts, fmt.Sprintf(l.Screens.GroupCap, strings.Join(g.Rules, "+"), g.Cap))
		}
	}
	return strings.Join(parts, l.Values.Comma)
}

// quotedValue is how a file must write a value that reached its rule as
// text ("是", "2,3", "９０") but reads as the rule's own value when typed:
// it was quoted in a file that gives values bare (true, [2,3], 90).
func quotedValue(e *scoring.ValueError) (string, bool) {
	switch e.Problem {
	case scoring.NotYesNo, scoring.NotANumber, scoring.NotAList:
	default:
		return "", false
	}
	if e.Given.Type != scoring.Text {
		return "", false
	}
	v, err := scoring.ParseValue(e.Rule, e.Given.Text)
	if err != nil || v.Type == scoring.Text {
		return "", false
	}
	b, err := v.MarshalJSON()
	if err != nil {
		return "", false
	}
	return string(b), true
}
