package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// labelList is a label band rule's labels, as typed ("优、良、差").
func labelList(l *i18n.Labels, r *rubric.Rule) string {
	labels := r.Labels()
	for i, s := range labels {
		labels[i] = textwidth.Line(s)
	}
	return strings.Join(labels, l.Rules.LabelSep)
}

// allowedLanguage says what a rule of a kind or form beyond the seed's
// accepts; false for the seed's own kinds and forms.
func allowedLanguage(l *i18n.Labels, r *rubric.Rule) (string, bool) {
	w := l.Rules
	limit, bounded := scoring.Limit(r)
	switch r.Form() {
	case rubric.FormList:
		return fmt.Sprintf(w.AllowedList, r.Range[0], limit), true
	case rubric.FormLabel:
		return fmt.Sprintf(w.AllowedLabel, labelList(l, r)), true
	}
	switch r.Kind {
	case rubric.Veto:
		return l.Values.YesNo, true
	case rubric.Bonus:
		if r.PerItem {
			return fmt.Sprintf(l.UI.AllowedCountMax, limit), true
		}
	case rubric.Band, rubric.Excess, rubric.Linear:
		if bounded {
			return fmt.Sprintf(w.AllowedFigureMax, limit), true
		}
		return w.AllowedFigure, true
	}
	return "", false
}

// hintLanguage words what a rule of a kind or form beyond the seed's does
// (低于90%不得分，90%–100%线性; 优 10 / 良 5 / 差 0), or "" for the seed's
// own.
func hintLanguage(l *i18n.Labels, r *rubric.Rule) string {
	w := l.Rules
	unit := textwidth.Sanitize(r.Unit, false)
	switch {
	case r.Kind == rubric.Band:
		parts := make([]string, len(r.Bands))
		for i, b := range r.Bands {
			switch {
			case b.Label != "":
				parts[i] = fmt.Sprintf(w.HintBandLabel, textwidth.Sanitize(b.Label, false), b.Points)
			case b.Min != nil:
				parts[i] = fmt.Sprintf(w.HintBandMin, b.Min.String()+unit, b.Points)
			default:
				parts[i] = fmt.Sprintf(w.HintBandRest, b.Points)
			}
		}
		return strings.Join(parts, w.BandSep)
	case r.Kind == rubric.Veto:
		return w.HintVeto
	case r.Kind == rubric.Excess:
		return fmt.Sprintf(w.HintExcess, r.Limit.String()+unit, r.Step.String()+unit, r.Amount)
	case r.Kind == rubric.Linear:
		from, to := r.From.String()+unit, r.To.String()+unit
		h := fmt.Sprintf(w.HintLinear, from, from, to)
		if r.Points != nil { // else the indicator's points, which the hint does not repeat
			h += fmt.Sprintf(w.HintStake, r.Points)
		}
		return h
	case r.Form() == rubric.FormList && r.Kind == rubric.Count:
		return fmt.Sprintf(w.HintCountRange, orItem(unit), r.Range[0], r.Range[1])
	case r.Form() == rubric.FormList:
		return fmt.Sprintf(w.HintBonusRange, r.Range[0], r.Range[1])
	case r.Kind == rubric.Bonus && r.PerItem:
		return fmt.Sprintf(w.HintBonusPerItem, orItem(unit), r.Amount)
	}
	return ""
}

// orItem is the unit a hint counts in, 次 when the rule names none.
func orItem(unit string) string {
	if unit == "" {
		return "次"
	}
	return unit
}

// explainLanguage is the extra a 扣分说明 line carries for a band or
// linear rule: which band matched, or the figures it interpolates between.
func explainLanguage(l *i18n.Labels, rr *scoring.RuleResult) string {
	r := rr.Rule
	switch {
	case r.Kind == rubric.Band && rr.Band() > 0:
		return fmt.Sprintf(l.Rules.ExplainBand, rr.Band(), r.Bands[rr.Band()-1].Points, rr.Stake())
	case r.Kind == rubric.Linear:
		unit := textwidth.Sanitize(r.Unit, false)
		return fmt.Sprintf(l.Rules.ExplainLinear, r.From.String()+unit, r.To.String()+unit, rr.Stake())
	}
	return ""
}

// VetoText says which veto rules failed an assessment, each with its
// label ("一票否决：2.2.a 瞒报事故"), or "" when none did.
func VetoText(l *i18n.Labels, rb *rubric.Rubric, vetoedBy []string) string {
	if len(vetoedBy) == 0 {
		return ""
	}
	return fmt.Sprintf(l.Rules.Vetoed, vetoRules(l, rb, vetoedBy))
}

// vetoRules names the veto rules, each with its label.
func vetoRules(l *i18n.Labels, rb *rubric.Rubric, vetoedBy []string) string {
	names := make([]string, len(vetoedBy))
	for i, id := range vetoedBy {
		names[i] = id
		if ref, ok := rb.Rule(id); ok {
			names[i] += " " + textwidth.Sanitize(ref.Rule.Name(), false)
		}
	}
	return strings.Join(names, l.Rules.VetoSep)
}

// VerdictText is the grade and the veto of a result in one line, as the
// score table, the workbench and the score sheets show it beside the total
// ("等次：不合格；一票否决：2.2.a 瞒报事故"); "" when the rubric has no grades
// and nothing vetoed.
func VerdictText(l *i18n.Labels, rb *rubric.Rubric, grade string, vetoedBy []string) string {
	var parts []string
	if grade != "" {
		parts = append(parts, fmt.Sprintf(l.Rules.GradeIs, textwidth.Sanitize(grade, false)))
	}
	if v := VetoText(l, rb, vetoedBy); v != "" {
		parts = append(parts, v)
	}
	return strings.Join(parts, l.Rules.VetoSep)
}

// hasVeto reports whether the rubric has a veto rule.
func hasVeto(rb *rubric.Rubric) bool {
	for _, ind := range rb.Indicators() {
		for _, r := range ind.Rules {
			if r.Kind == rubric.Veto {
				return true
			}
		}
	}
	return false
}

// hasPenalty reports whether the rubric has a penalty category.
func hasPenalty(rb *rubric.Rubric) bool {
	for _, c := range rb.Categories {
		if c.Penalty {
			return true
		}
	}
	return false
}

// PenaltySuffix is a penalty category's heading after its title: its cap,
// or that it has none.
func PenaltySuffix(l *i18n.Labels, c *rubric.Category) string {
	if c.Cap != nil {
		return fmt.Sprintf(l.Rules.PenaltySuffix, c.Cap)
	}
	return l.Rules.PenaltyUncapped
}

// BesideTotal is what a rubric beyond the seed's adds beside a total: the
// penalty taken off it, the grade and the veto ("扣分项 −4.00；等次：合格"),
// or "" (the seed has none of them).
func BesideTotal(l *i18n.Labels, rb *rubric.Rubric, res *scoring.Result) string {
	return strings.Join(BesideTotalParts(l, rb, res), l.Rules.VetoSep)
}

// BesideTotalParts is BesideTotal a part at a time, for a narrow pane that
// shows each on its own line: the penalty, then the grade and the veto.
func BesideTotalParts(l *i18n.Labels, rb *rubric.Rubric, res *scoring.Result) []string {
	var parts []string
	if hasPenalty(rb) {
		parts = append(parts, l.Rules.Penalty+" "+PenaltyText(res.Penalty))
	}
	if v := VerdictText(l, rb, res.Grade, res.VetoedBy); v != "" {
		parts = append(parts, v)
	}
	return parts
}

// PenaltyText is a penalty as taken off a total: −4.00, or 0.00 when none.
func PenaltyText(p decimal.Dec) string {
	if p == 0 {
		return p.Fixed(2)
	}
	return "−" + p.Fixed(2)
}
