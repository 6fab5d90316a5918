package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// countForm reports whether a rule's value is a count that 0, + and −
// record: a count rule without a range, and a bonus per item.
func countForm(r *rubric.Rule) bool {
	return r.Form() == rubric.FormNumber && (r.Kind == rubric.Count || r.Kind == rubric.Bonus && r.PerItem)
}

// nothingFound is the value o (本指标无问题) records on an unrecorded
// rule, in the rule's own form: no on a flag or a veto, 0 on a count, no
// instance on a range of deductions. ok is false for the rules o leaves to
// the inspector (figures, bands, bonuses, discretion).
func nothingFound(r *rubric.Rule) (scoring.Value, bool) {
	switch {
	case r.Kind == rubric.Flag || r.Kind == rubric.Veto:
		return scoring.BoolValue(false), true
	case r.Kind == rubric.Count && r.Form() == rubric.FormList:
		return scoring.ListValue(), true
	case r.Kind == rubric.Count:
		return scoring.NumValue(decimal.Zero), true
	}
	return scoring.Value{}, false
}

// vetoEffect is a recorded veto's effect beside its hint: the last grade
// it gives (不合格), or 一票否决 when the rubric has no grades.
func (wb *workbench) vetoEffect() string {
	if gs := wb.rb.Grades; len(gs) > 0 {
		return textwidth.Sanitize(gs[len(gs)-1].Name, false)
	}
	return wb.c.l.ValueInput.Vetoed
}

// numberedLabels reports whether a label band's labels are picked by
// number: unless a label is itself a number (a rank band's 1, 2, 3 are
// typed as they are, so 1 is always the label 1).
func numberedLabels(r *rubric.Rule) bool {
	if r.Form() != rubric.FormLabel {
		return false
	}
	for _, l := range r.Labels() {
		if _, err := strconv.Atoi(strings.TrimSpace(l)); err == nil {
			return false
		}
	}
	return true
}

// labelNumber is the label a typed number picks on a label band whose
// labels are picked by number (1 the first band), and whether it is one.
func labelNumber(r *rubric.Rule, typed string) (string, bool) {
	if !numberedLabels(r) {
		return "", false
	}
	n, err := strconv.Atoi(normalDigits(strings.TrimSpace(typed)))
	labels := r.Labels()
	if err != nil || n < 1 || n > len(labels) {
		return "", false
	}
	return labels[n-1], true
}

// normalDigits turns full-width digits (an input method in full-width
// mode) into ASCII ones.
func normalDigits(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= '０' && c <= '９' {
			return c - '０' + '0'
		}
		return c
	}, s)
}

// typedText is what was typed for a rule as the value parser reads it: on
// a label band picked by number, the label the number names.
func typedText(r *rubric.Rule, typed string) string {
	if label, ok := labelNumber(r, typed); ok {
		return label
	}
	return typed
}

// numberedLabelText lists a label band's labels by number with their
// points: 1 优（10分） 2 良（5分） 3 差（0分）.
func (wb *workbench) numberedLabelText(r *rubric.Rule) string {
	return strings.Join(wb.numberedLabelParts(r), " ")
}

// numberedLabelParts are a label band's numbered choices, one each, for a
// layout that wraps between choices only.
func (wb *workbench) numberedLabelParts(r *rubric.Rule) []string {
	var parts []string
	for i, b := range r.Bands {
		parts = append(parts, fmt.Sprintf(wb.c.l.ValueInput.Label, i+1, b.Label, trim(b.Points)))
	}
	return parts
}

// ruleHint is the hint under a rule's value: report.RuleHint, with a label
// band's labels by number and a list rule's example of how to type it.
func (wb *workbench) ruleHint(r *rubric.Rule) string {
	w := wb.c.l.ValueInput
	switch {
	case numberedLabels(r):
		return wb.numberedLabelText(r)
	case r.Form() == rubric.FormList && len(r.Range) == 2:
		example := r.Range[0].String() + "," + r.Range[1].String()
		format := w.ListDeductions
		if r.Kind == rubric.Bonus {
			format = w.ListBonuses
		}
		return report.RuleHint(wb.c.l, wb.current(), r) + wb.c.l.Values.Comma + fmt.Sprintf(format, example)
	}
	return report.RuleHint(wb.c.l, wb.current(), r)
}

// updateValueKeys handles the keys whose meaning the rule's value form
// changes: a digit picks a label band's label by number, 0 records no
// instance of a list rule, + and − are refused on one (a counted bonus's
// 0, + and − are a count's, countForm). used is false for
// every other key and rule, which the workbench's keys then handle.
func (wb *workbench) updateValueKeys(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	r := wb.selectedRule()
	if r == nil {
		return nil, false
	}
	k := &wb.c.keys
	switch r.Form() {
	case rubric.FormLabel:
		if !numberedLabels(r) || !key.Matches(msg, k.Figure) {
			return nil, false
		}
		label, ok := labelNumber(r, msg.Text)
		if !ok {
			wb.inlineErr = fmt.Sprintf(wb.c.l.ValueInput.NoSuchLabel, r.ID, len(r.Labels()), wb.numberedLabelText(r))
			return nil, true
		}
		if wb.conflicted(r.ID) {
			return nil, true
		}
		v := scoring.TextValue(label)
		return wb.record(r.ID, &v, ""), true
	case rubric.FormList:
		switch {
		case key.Matches(msg, k.NoDeficiency):
			if wb.conflicted(r.ID) {
				return nil, true
			}
			v := scoring.ListValue()
			return wb.record(r.ID, &v, ""), true
		case key.Matches(msg, k.Increment), key.Matches(msg, k.Decrement):
			wb.inlineErr = wb.allowed(r)
			return nil, true
		}
	}
	return nil, false
}

// ruleHelp is the footer's keys for a rule, by the form of its value.
func (wb *workbench) ruleHelp(r *rubric.Rule) []key.Binding {
	k := &wb.c.keys
	w := wb.c.l.ValueInput
	switch {
	case r.Kind == rubric.Veto && r.IsBool():
		veto := key.NewBinding(key.WithKeys("0", "1"), key.WithHelp("0/1", w.VetoKeys))
		return []key.Binding{veto, k.IndicatorClean, k.NextInput, k.NextIndicator, k.Toggle, k.Undo}
	case r.Kind == rubric.Flag:
		return []key.Binding{k.FlagKeys, k.IndicatorClean, k.NextInput, k.NextIndicator, k.Toggle, k.Undo}
	case numberedLabels(r):
		pick := key.NewBinding(key.WithKeys("1"), key.WithHelp(fmt.Sprintf("1-%d", min(len(r.Labels()), 9)), w.PickLabel))
		return []key.Binding{pick, k.Confirm, k.IndicatorClean, k.NextInput, k.NextIndicator, k.Undo}
	case r.Form() == rubric.FormList:
		none := key.NewBinding(key.WithKeys("0"), key.WithHelp("0", w.NoInstance))
		typeList := key.NewBinding(key.WithKeys("1"), key.WithHelp("1-9", w.TypeList))
		return []key.Binding{none, typeList, k.Advance, k.IndicatorClean, k.NextInput, k.NextIndicator, k.Undo}
	case countForm(r):
		return []key.Binding{k.NoDeficiency, k.Advance, k.Figure, k.IndicatorClean, k.Increment, k.NextInput, k.NextIndicator, k.Undo}
	case r.Kind == rubric.Bonus && r.IsBool():
		return []key.Binding{k.BonusKeys, k.NextInput, k.NextIndicator, k.Undo}
	}
	return []key.Binding{k.Figure, k.Advance, k.IndicatorClean, k.NextInput, k.NextIndicator, k.Undo}
}
