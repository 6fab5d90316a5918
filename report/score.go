// Package report turns scored assessments into documents: the score of one
// assessment as JSON or a text table (for the CLI), and the office's ranking
// and score sheets (xlsx, csv, md, json).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// ScoreDoc is the JSON form of one assessment's score, as printed by
// `kaohe score --json`.
type ScoreDoc struct {
	Rubric   RubricRef   `json:"rubric"`
	Total    decimal.Dec `json:"total"`
	Base     decimal.Dec `json:"base"`
	Bonus    decimal.Dec `json:"bonus"`
	BaseMax  decimal.Dec `json:"base_max"`
	BonusMax decimal.Dec `json:"bonus_max"`
	// Penalty is what the penalty categories (扣分项) took off the total.
	Penalty decimal.Dec `json:"penalty,omitempty"`
	// Grade is the 等次 earned, when the rubric has grades.
	Grade string `json:"grade,omitempty"`
	// VetoedBy lists the veto rules recorded true, when the rubric has
	// veto rules (an empty list: none vetoed).
	VetoedBy   *[]string        `json:"vetoed_by,omitempty"`
	Categories []CategoryScore  `json:"categories"`
	Indicators []IndicatorScore `json:"indicators"`
	Progress   scoring.Progress `json:"progress"`
	Range      *scoring.Range   `json:"range,omitempty"`
}

// RubricRef names a rubric by id and version.
type RubricRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// CategoryScore is one category's line in a ScoreDoc.
type CategoryScore struct {
	ID    string      `json:"id"`
	Title string      `json:"title"`
	Score decimal.Dec `json:"score"`
	Max   decimal.Dec `json:"max"`
	// Penalty marks a penalty category: Score is what it took off, negated.
	Penalty bool `json:"penalty,omitempty"`
}

// IndicatorScore is one indicator's line in a ScoreDoc. Capped says
// whether any cap bound (the rule's, a group's or the indicator's);
// IndicatorCapped says whether the indicator's own cap did.
type IndicatorScore struct {
	ID              string                `json:"id"`
	Score           decimal.Dec           `json:"score"`
	Max             decimal.Dec           `json:"max"`
	Deduction       decimal.Dec           `json:"deduction"`
	Raw             decimal.Dec           `json:"raw"`
	Capped          bool                  `json:"capped"`
	IndicatorCapped bool                  `json:"indicator_capped"`
	Recorded        bool                  `json:"recorded"`
	Rules           []RuleScore           `json:"rules"`
	Groups          []scoring.GroupResult `json:"groups,omitempty"`
}

// RuleScore is one rule's line in a ScoreDoc.
type RuleScore struct {
	ID        string         `json:"id"`
	Kind      rubric.Kind    `json:"kind"`
	Value     *scoring.Value `json:"value"`
	Note      string         `json:"note,omitempty"`
	Raw       decimal.Dec    `json:"raw"`
	Deduction decimal.Dec    `json:"deduction"`
	Capped    bool           `json:"capped"`
}

// NewScoreDoc builds the JSON document of a result.
func NewScoreDoc(rb *rubric.Rubric, res *scoring.Result) ScoreDoc {
	doc := ScoreDoc{
		Rubric: RubricRef{rb.ID, rb.Version},
		Total:  res.Total, Base: res.Base, Bonus: res.Bonus, BaseMax: res.BaseMax, BonusMax: res.BonusMax,
		Progress: res.Progress,
		Range:    res.Range,
		Penalty:  res.Penalty, Grade: res.Grade,
	}
	if hasVeto(rb) {
		v := append([]string{}, res.VetoedBy...)
		doc.VetoedBy = &v
	}
	for _, c := range res.Categories {
		doc.Categories = append(doc.Categories, CategoryScore{c.ID, c.Title, c.Score, c.Max, c.Penalty})
		for _, ir := range c.Indicators {
			is := IndicatorScore{ID: ir.ID, Score: ir.Score, Max: ir.Max, Deduction: ir.Deduction,
				Raw: ir.Raw, Capped: ir.AnyCapBound(), IndicatorCapped: ir.Capped, Recorded: ir.Complete,
				Rules: []RuleScore{}, Groups: ir.Groups}
			for _, rr := range ir.Rules {
				is.Rules = append(is.Rules, RuleScore{rr.ID(), rr.Kind(), rr.Value, rr.Note, rr.Raw, rr.Amount, rr.Capped})
			}
			doc.Indicators = append(doc.Indicators, is)
		}
	}
	return doc
}

// WriteScoreJSON prints a result as indented JSON.
func WriteScoreJSON(w io.Writer, rb *rubric.Rubric, res *scoring.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewScoreDoc(rb, res))
}

// CapBound words a cap that bound: what a rule, group or indicator deducted
// before its cap, and the cap (扣1.60分，封顶1.00分); for a bonus, what it
// added (加…). The report's explanation and the workbench's score panel both
// word it through here, so they show the same figures.
func CapBound(l *i18n.Labels, bonus bool, raw, limit decimal.Dec) string {
	format := l.CappedAt
	if bonus {
		format = l.BonusCap.CappedAt // a bonus's cap holds what it adds
	}
	return fmt.Sprintf(format, raw.Fixed(2), limit.Fixed(2))
}

// Explain says in words why an indicator lost what it lost: each rule that
// deducted with its value and note, and which cap bound.
func Explain(l *i18n.Labels, ir *scoring.IndicatorResult) []string {
	var out []string
	for _, rr := range ir.Rules {
		if rr.Vetoed() {
			out = append(out, fmt.Sprintf(l.Rules.ExplainVeto, rr.ID()+" "+textwidth.Sanitize(rr.Rule.Name(), false), FormatValue(l, rr.Value)))
			continue
		}
		if !rr.Recorded || rr.Raw == 0 {
			continue
		}
		amount := rr.Raw.Fixed(2)
		if ir.Bonus {
			amount = "+" + amount // a bonus adds, never deducts
		}
		s := fmt.Sprintf("%s %s=%s → %s", rr.ID(), textwidth.Sanitize(rr.Rule.Name(), false), FormatValue(l, rr.Value), amount)
		if extra := explainLanguage(l, &rr); extra != "" {
			s += "（" + extra + "）"
		}
		if rr.Capped {
			s += "（" + l.RuleCapped + " " + CapBound(l, ir.Bonus, rr.Raw, *rr.Cap()) + "）"
		}
		if rr.Note != "" {
			s += "；" + textwidth.Sanitize(rr.Note, false)
		}
		out = append(out, s)
	}
	for _, g := range ir.Groups {
		if g.Capped {
			out = append(out, l.GroupCapped+" "+CapBound(l, ir.Bonus, g.Raw, g.Cap))
		}
	}
	if ir.Capped {
		out = append(out, l.IndicatorCapped+" "+CapBound(l, ir.Bonus, ir.Raw, ir.Cap))
	}
	return out
}

// FormatValue prints a recorded value in the user's language.
func FormatValue(l *i18n.Labels, v *scoring.Value) string {
	if v == nil {
		return l.NotRecorded
	}
	if v.Type == scoring.Bool {
		if v.Bool {
			return l.Yes
		}
		return l.No
	}
	return textwidth.Sanitize(v.String(), false)
}

// WriteScoreText prints a result as a table in the given language: one line
// per indicator, the reasons for each deduction beneath it, then totals.
func WriteScoreText(w io.Writer, l *i18n.Labels, rb *rubric.Rubric, res *scoring.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s %s\n\n", textwidth.Sanitize(rb.Title, false), textwidth.Sanitize(rb.ID, false), textwidth.Sanitize(rb.Version, false))
	row := func(id, name, max, ded, score string) {
		fmt.Fprintf(&b, "%s %s %s %s %s\n", textwidth.PadRight(id, 6), textwidth.PadRight(name, 44),
			textwidth.PadLeft(max, 6), textwidth.PadLeft(ded, 8), textwidth.PadLeft(score, 8))
	}
	row(l.ID, l.Content, l.Max, l.Deduction, l.Score)
	for ci, c := range res.Categories {
		rc := &rb.Categories[ci]
		suffix := fmt.Sprintf(l.PointsSuffix, rc.Points)
		if rc.Bonus {
			suffix = fmt.Sprintf(l.BonusSuffix, rc.Points)
		}
		if rc.Penalty {
			suffix = PenaltySuffix(l, rc)
		}
		b.WriteString("\n")
		row(c.ID, textwidth.Sanitize(rc.Title, false)+suffix, c.Max.Fixed(2), "", c.Score.Fixed(2))
		for ii := range c.Indicators {
			ir := &c.Indicators[ii]
			ded := ir.Deduction.Fixed(2)
			if c.Bonus {
				ded = "+" + ded
			}
			if ir.Recorded == 0 {
				ded = "-"
			}
			row("  "+ir.ID, textwidth.Sanitize(rc.Indicators[ii].Content, false), ir.Max.Fixed(2), ded, ir.Score.Fixed(2))
			for _, line := range Explain(l, ir) {
				fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", 9), line)
			}
		}
	}
	b.WriteString("\n")
	penalty := ""
	if hasPenalty(rb) {
		penalty = l.Rules.Penalty + " " + PenaltyText(res.Penalty) + "   "
	}
	fmt.Fprintf(&b, "%s %s / %s   %s %s / %s   %s%s %s\n", l.Base, res.Base.Fixed(2), res.BaseMax.Fixed(2),
		l.Bonus, res.Bonus.Fixed(2), res.BonusMax.Fixed(2), penalty, l.Total, ResultTotalText(l, res))
	if v := VerdictText(l, rb, res.Grade, res.VetoedBy); v != "" {
		fmt.Fprintf(&b, "%s\n", v)
	}
	if res.Range != nil {
		fmt.Fprintf(&b, "%s\n", fmt.Sprintf(l.UI.Range, res.Range.Min.Fixed(2), res.Range.Max.Fixed(2)))
	}
	p := res.Progress
	fmt.Fprintf(&b, "%s%s%s %d/%d%s%s %d/%d\n", l.Progress, l.Values.Colon, l.IndicatorsRecorded, p.IndicatorsRecorded, p.IndicatorsTotal,
		l.Values.Comma, l.RulesRecorded, p.RulesRecorded, p.RulesTotal)
	_, err := io.WriteString(w, b.String())
	return err
}
