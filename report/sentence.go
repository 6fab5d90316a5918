package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Sentences says what an indicator lost (or, for a bonus, gained) as the
// office writes it beside the figures, one sentence per rule that counted:
// the rule's label, its value, what was found in brackets (its items, else
// its note), and the points — 未按时下放、承接、取消的事项3项（不动产登记、林木采伐、
// 道路运输许可），扣0.60分。 A cap that bound is worded as everywhere else
// (CapBound: 扣1.60分，封顶1.00分), then the group's and the indicator's cap
// when one bound. The figures are the scoring's own, so the sentences can
// never disagree with the columns beside them.
func Sentences(l *i18n.Labels, st *store.State, ir *scoring.IndicatorResult) []string {
	w := l.Print
	var out []string
	for ri := range ir.Rules {
		rr := &ir.Rules[ri]
		if rr.Rule == nil || !rr.Recorded {
			continue
		}
		veto := rr.Vetoed()
		if !veto && rr.Raw == 0 {
			continue
		}
		s := textwidth.Sanitize(rr.Rule.Name(), false) + valuePart(l, rr)
		if detail := detailPart(l, st, rr); detail != "" {
			s += "（" + detail + "）"
		}
		switch {
		case veto:
			s += l.Values.Comma + w.Veto
		case rr.Capped:
			s += l.Values.Comma + CapBound(l, ir.Bonus, rr.Raw, *rr.Cap()) + "。"
		case ir.Bonus:
			s += l.Values.Comma + fmt.Sprintf(w.Add, rr.Amount.Fixed(2))
		default:
			s += l.Values.Comma + fmt.Sprintf(w.Deduct, rr.Amount.Fixed(2))
		}
		out = append(out, s)
	}
	for _, g := range ir.Groups {
		if g.Capped {
			out = append(out, l.GroupCapped+" "+CapBound(l, ir.Bonus, g.Raw, g.Cap)+"。")
		}
	}
	if ir.Capped {
		out = append(out, l.IndicatorCapped+" "+CapBound(l, ir.Bonus, ir.Raw, ir.Cap)+"。")
	}
	if l.Lang != "zh" {
		for i, s := range out {
			out[i] = strings.ReplaceAll(s, "。", ".")
		}
	}
	return out
}

// valuePart is what a rule's value adds after its label: a count with its
// unit (3项), nothing for a flag, a bonus or a discretionary deduction
// (the points say it), the figure with its unit after a colon otherwise.
func valuePart(l *i18n.Labels, rr *scoring.RuleResult) string {
	unit := textwidth.Sanitize(rr.Rule.Unit, false)
	switch {
	case rr.Value == nil || rr.Value.Type == scoring.Bool || rr.Kind() == rubric.Discretion:
		return ""
	case rr.Kind() == rubric.Count && rr.Value.Type == scoring.Number:
		return textwidth.Sanitize(rr.Value.String(), false) + unit
	}
	return l.Values.Colon + FormatValue(l, rr.Value) + unit
}

// detailPart is what was found, for the brackets after the value: the
// rule's items (不动产登记、林木采伐), else its note.
func detailPart(l *i18n.Labels, st *store.State, rr *scoring.RuleResult) string {
	var texts []string
	for _, it := range st.Items(rr.ID()) {
		texts = append(texts, textwidth.Sanitize(it.Text, false))
	}
	if len(texts) > 0 {
		return strings.Join(texts, l.Print.ItemSep)
	}
	return textwidth.Sanitize(rr.Note, false)
}
