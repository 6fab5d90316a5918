package word

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// deductions is the 扣分 list of a unit's sheet: one entry per indicator
// that lost points (or was vetoed), its rules' findings as sentences, the
// indicator's deduction exactly as the score sheet has it, and its
// evidence; total is what they deduct together.
func deductions(l *i18n.Labels, sh *report.Sheet, st *store.State) ([]map[string]string, decimal.Dec, error) {
	res, err := st.Score()
	if err != nil {
		return nil, 0, err
	}
	rows := map[string]report.SheetRow{}
	for _, c := range sh.Categories {
		for _, row := range c.Rows {
			rows[row.ID] = row
		}
	}
	var out []map[string]string
	var total decimal.Dec
	for ci := range res.Categories {
		for ii := range res.Categories[ci].Indicators {
			ir := &res.Categories[ci].Indicators[ii]
			if ir.Bonus {
				continue
			}
			said := Sentences(l, st, ir)
			if len(said) == 0 {
				continue
			}
			row := rows[ir.ID]
			total += row.Deduction
			out = append(out, map[string]string{
				"序号": strconv.Itoa(len(out) + 1), "指标": ir.ID, "说明": strings.Join(said, ""),
				"扣分": row.Deduction.Fixed(2), "佐证": strings.Join(row.Evidence, "、"),
			})
		}
	}
	return out, total, nil
}

// Sentences says what an indicator lost as the office writes it in a
// letter, one sentence per deducting rule: "1.2 未按时下放、承接、取消的事项3项
// （不动产登记、林木采伐、道路运输许可），扣0.60分。" — the rule's label, its
// value, its items (else its note), and what it deducted, with the cap
// that bound worded as the score sheet words it (CapBound); then the
// group's and the indicator's cap when one bound.
func Sentences(l *i18n.Labels, st *store.State, ir *scoring.IndicatorResult) []string {
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
		s := ir.ID + " " + textwidth.Sanitize(rr.Rule.Name(), false) + valuePart(l, rr)
		if detail := detailPart(st, rr); detail != "" {
			s += "（" + detail + "）"
		}
		switch {
		case veto:
			s += l.Values.Comma + l.Doc.Veto
		case rr.Capped:
			s += l.Values.Comma + report.CapBound(l, false, rr.Raw, *rr.Cap()) + "。"
		default:
			s += l.Values.Comma + fmt.Sprintf(l.Doc.Deduct, rr.Amount.Fixed(2))
		}
		out = append(out, s)
	}
	for _, g := range ir.Groups {
		if g.Capped {
			out = append(out, ir.ID+" "+l.GroupCapped+" "+report.CapBound(l, false, g.Raw, g.Cap)+"。")
		}
	}
	if ir.Capped {
		out = append(out, ir.ID+" "+l.IndicatorCapped+" "+report.CapBound(l, false, ir.Raw, ir.Cap)+"。")
	}
	return out
}

// valuePart is what a rule's value adds after its label: a count with
// its unit (3项), nothing for a flag or a veto, a figure with its unit
// after a colon for the rest.
func valuePart(l *i18n.Labels, rr *scoring.RuleResult) string {
	unit := textwidth.Sanitize(rr.Rule.Unit, false)
	switch {
	case rr.Kind().IsBool() || rr.Kind() == rubric.Discretion:
		return ""
	case rr.Kind() == rubric.Count && rr.Value != nil && rr.Value.Type == scoring.Number:
		return textwidth.Sanitize(rr.Value.String(), false) + unit
	}
	return l.Values.Colon + report.FormatValue(l, rr.Value) + unit
}

// detailPart is what was found, in brackets after the value: the items'
// texts (不动产登记、林木采伐), else the rule's note.
func detailPart(st *store.State, rr *scoring.RuleResult) string {
	var texts []string
	for _, it := range st.Items(rr.ID()) {
		texts = append(texts, textwidth.Sanitize(it.Text, false))
	}
	if len(texts) > 0 {
		return strings.Join(texts, "、")
	}
	return textwidth.Sanitize(rr.Note, false)
}

// problems is the 问题清单 of a unit: every problem of its signed result
// (store.ProblemsOf: each item of a deducting count rule, each other
// deducting rule, each veto), with its due date and where it stands.
func problems(l *i18n.Labels, st *store.State) ([]map[string]string, error) {
	ps, err := store.ProblemsOf(st)
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	for _, p := range ps {
		found := textwidth.Sanitize(p.Found, false)
		if ref, ok := st.Rubric.Rule(p.Rule); ok {
			name := textwidth.Sanitize(ref.Rule.Name(), false)
			if found == "" {
				found = name
			} else {
				found = name + l.Values.Colon + found
			}
		}
		due := ""
		if p.Record != nil {
			due = p.Record.Due
		}
		points := p.Points.Fixed(2)
		if p.Veto {
			points = l.ProblemCLI.Veto
		}
		status := report.ProblemState(l, p.Status)
		out = append(out, map[string]string{
			"序号": strconv.Itoa(len(out) + 1), "编号": p.ID, "指标": p.Indicator, "问题": found,
			"扣分": points, "时限": due, "状态": status,
		})
	}
	return out, nil
}
