// Package rubric holds the assessment rubric as data: categories, indicators
// and the deduction rules of each indicator, loaded from a YAML file and
// validated so that an author learns exactly what is wrong and where.
// The seed rubric (the 2021 Xiangxi "放管服" government-service assessment) is
// embedded and used when no other file is given.
package rubric

import (
	"regexp"

	"github.com/kaohe/kaohe/internal/decimal"
)

// Kind names how a rule turns a recorded value into a deduction.
type Kind string

// The rule kinds. Each is documented in the README with the clause of the
// seed it models.
const (
	// Flag: true means the deficiency was found; deducts Amount.
	Flag Kind = "flag"
	// Count: a whole number ≥ 0 of deficient items; deducts Amount × count.
	Count Kind = "count"
	// Shortfall: the actual figure; deducts Amount × ⌊(Target − actual) / Step⌋
	// when below Target.
	Shortfall Kind = "shortfall"
	// Ratio: an actual percentage; deducts Cap × (Target − actual) / Target
	// when below Target.
	Ratio Kind = "ratio"
	// Convert: a score out of Full from another platform; deducts
	// points × (1 − value / Full).
	Convert Kind = "convert"
	// Discretion: the deduction itself, in [0, Cap], with a note.
	Discretion Kind = "discretion"
	// Bonus: true adds Amount to the bonus category; with PerItem the value
	// is a count and adds Amount per item; with Range the value is the list
	// of amounts, each within the range.
	Bonus Kind = "bonus"
	// Band: the score is chosen from bands of a figure (min bands) or from a
	// grade label (label bands); deducts the first band's points minus the
	// matched band's.
	Band Kind = "band"
	// Veto: true fails the whole assessment (一票否决): the grade is the last
	// one and the unit ranks below every unvetoed unit; deducts nothing.
	Veto Kind = "veto"
	// Excess: the actual figure; deducts Amount × ⌊(actual − Limit) / Step⌋
	// when above Limit (the mirror of Shortfall).
	Excess Kind = "excess"
	// Linear: the actual figure; keeps none of the stake at or below From,
	// all of it at or above To, linearly between.
	Linear Kind = "linear"
)

// Kinds lists every rule kind in documentation order.
func Kinds() []Kind {
	return []Kind{Flag, Count, Shortfall, Ratio, Convert, Discretion, Bonus, Band, Veto, Excess, Linear}
}

// IsBool reports whether values of this kind are true/false when the rule
// has no parameter that changes its value's form; Rule.Form is the answer
// for a particular rule (a bonus per item takes a count).
func (k Kind) IsBool() bool { return k == Flag || k == Bonus || k == Veto }

// Rubric is a whole scoring rubric. ID and Version identify it: editing a
// rubric's content means giving it a new Version.
type Rubric struct {
	ID       string   `yaml:"id" json:"id"`
	Version  string   `yaml:"version" json:"version"`
	Title    string   `yaml:"title" json:"title"`
	Language string   `yaml:"language" json:"language"`
	Units    []string `yaml:"units" json:"units,omitempty"`
	// PeriodPattern is the regular expression an assessment's period must
	// match in full; empty means a four-digit year (DefaultPeriodPattern).
	PeriodPattern string `yaml:"period_pattern" json:"period_pattern,omitempty"`
	// Evidence "deductions" requires an attachment (佐证材料) on every rule
	// that deducts, or on its indicator; a category or an indicator may
	// ask it for itself.
	Evidence string `yaml:"evidence" json:"evidence,omitempty"`
	// Grades are the 等次 a total earns, best first: a total at or above a
	// grade's Min gets its name; the last has no Min and takes the rest,
	// and every vetoed assessment.
	Grades     []Grade    `yaml:"grades" json:"grades,omitempty"`
	Categories []Category `yaml:"categories" json:"categories"`
}

// DefaultPeriodPattern is the period of a rubric that declares none: a
// four-digit year.
const DefaultPeriodPattern = `[0-9]{4}`

// PeriodRegexp returns the rubric's period pattern, anchored to the whole
// period.
func (rb *Rubric) PeriodRegexp() (*regexp.Regexp, error) {
	p := rb.PeriodPattern
	if p == "" {
		p = DefaultPeriodPattern
	}
	return regexp.Compile(`^(?:` + p + `)$`)
}

// Category is one 主要工作 row group of the rubric table.
type Category struct {
	ID     string      `yaml:"id" json:"id"`
	Title  string      `yaml:"title" json:"title"`
	Points decimal.Dec `yaml:"points" json:"points"`
	Bonus  bool        `yaml:"bonus" json:"bonus,omitempty"`
	// Penalty marks a 扣分项 section outside the base points: its points
	// are 0 and its deductions come off the total, up to Cap when given
	// (uncapped when not).
	Penalty    bool         `yaml:"penalty" json:"penalty,omitempty"`
	Cap        *decimal.Dec `yaml:"cap" json:"cap,omitempty"`
	Evidence   string       `yaml:"evidence" json:"evidence,omitempty"`
	Indicators []Indicator  `yaml:"indicators" json:"indicators"`
}

// Indicator is one numbered 考核内容 item with its 评分标准.
type Indicator struct {
	ID       string      `yaml:"id" json:"id"`
	Content  string      `yaml:"content" json:"content"`
	Standard string      `yaml:"standard" json:"standard"`
	Points   decimal.Dec `yaml:"points" json:"points"`
	// Cap bounds the indicator's total deduction; when absent it is Points.
	Cap      *decimal.Dec `yaml:"cap" json:"cap,omitempty"`
	Groups   []Group      `yaml:"groups" json:"groups,omitempty"`
	Evidence string       `yaml:"evidence" json:"evidence,omitempty"`
	Rules    []Rule       `yaml:"rules" json:"rules"`
}

// Group is a set of rules of one indicator that share a cap ("合计最多扣1分").
type Group struct {
	ID    string      `yaml:"id" json:"id"`
	Title string      `yaml:"title" json:"title,omitempty"`
	Cap   decimal.Dec `yaml:"cap" json:"cap"`
	Rules []string    `yaml:"rules" json:"rules"`
}

// Rule is one deduction (or bonus) clause of an indicator's 评分标准.
type Rule struct {
	ID     string `yaml:"id" json:"id"`
	Kind   Kind   `yaml:"kind" json:"kind"`
	Clause string `yaml:"clause" json:"clause"`
	// Label is a short name for an input field; Clause when empty.
	Label string `yaml:"label" json:"label,omitempty"`
	// Unit names what is counted or measured (项, 件, 人, %).
	Unit   string       `yaml:"unit" json:"unit,omitempty"`
	Amount *decimal.Dec `yaml:"amount" json:"amount,omitempty"`
	Cap    *decimal.Dec `yaml:"cap" json:"cap,omitempty"`
	Target *decimal.Dec `yaml:"target" json:"target,omitempty"`
	Step   *decimal.Dec `yaml:"step" json:"step,omitempty"`
	Full   *decimal.Dec `yaml:"full" json:"full,omitempty"`
	// MaxValue bounds the recorded value where the text fixes it (the number
	// of items a clause enumerates, 100 for a percentage).
	MaxValue *decimal.Dec `yaml:"max_value" json:"max_value,omitempty"`
	// Limit is an excess rule's ceiling: deductions start above it.
	Limit *decimal.Dec `yaml:"limit" json:"limit,omitempty"`
	// From and To are a linear rule's figures at which it keeps none and
	// all of its stake.
	From *decimal.Dec `yaml:"from" json:"from,omitempty"`
	To   *decimal.Dec `yaml:"to" json:"to,omitempty"`
	// Points is a linear rule's stake; the indicator's points when absent.
	Points *decimal.Dec `yaml:"points" json:"points,omitempty"`
	// Range is [lo, hi]: a count or bonus rule whose every instance gets its
	// own amount within it (每起扣1-2分, 每次加1-3分); the value is the
	// list of amounts.
	Range []decimal.Dec `yaml:"range" json:"range,omitempty"`
	// PerItem makes a bonus rule's value a count: Amount per item.
	PerItem bool `yaml:"per_item" json:"per_item,omitempty"`
	// Bands are a band rule's score bands, best first.
	Bands []ScoreBand `yaml:"bands" json:"bands,omitempty"`
	// Review, when not empty, says what a person must check before the rule
	// is trusted (a drafted rule the drafter could not decide). Such a rule
	// loads and scores like any other; `kaohe rubric validate` lists them.
	Review string `yaml:"review" json:"review,omitempty"`
}

// Grade is one 等次: its name and the lowest total that earns it (nil for
// the last grade).
type Grade struct {
	Name string       `yaml:"name" json:"name"`
	Min  *decimal.Dec `yaml:"min" json:"min,omitempty"`
}

// ScoreBand is one score band of a band rule: the points kept when the figure
// reaches Min (a min band; the last min band has no Min and catches the
// rest) or when the recorded label is Label (a label band).
type ScoreBand struct {
	Min    *decimal.Dec `yaml:"min" json:"min,omitempty"`
	Label  string       `yaml:"label" json:"label,omitempty"`
	Points decimal.Dec  `yaml:"points" json:"points"`
}

// Form says which form a rule's recorded value takes.
type Form int

// The forms of a recorded value.
const (
	// FormBool is true or false (flag, veto, a bonus given once).
	FormBool Form = iota
	// FormNumber is one figure (counts, figures, percentages, deductions).
	FormNumber
	// FormList is a list of amounts, one per instance (a rule with a range).
	FormList
	// FormLabel is one of a label band rule's labels.
	FormLabel
)

// Form returns the form of the rule's recorded value.
func (r *Rule) Form() Form {
	switch {
	case len(r.Range) > 0:
		return FormList
	case r.Kind == Band && r.LabelBands():
		return FormLabel
	case r.Kind == Bonus && r.PerItem:
		return FormNumber
	case r.Kind.IsBool():
		return FormBool
	}
	return FormNumber
}

// IsBool reports whether the rule's value is true or false.
func (r *Rule) IsBool() bool { return r.Form() == FormBool }

// LabelBands reports whether the rule's bands are chosen by label.
func (r *Rule) LabelBands() bool { return len(r.Bands) > 0 && r.Bands[0].Label != "" }

// Labels lists a label band rule's labels in band order.
func (r *Rule) Labels() []string {
	var out []string
	for _, b := range r.Bands {
		if b.Label != "" {
			out = append(out, b.Label)
		}
	}
	return out
}

// Stake is what a band or linear rule can deduct at most: a band rule's
// first band's points; a linear rule's Points, else the indicator's.
func (r *Rule) Stake(ind *Indicator) decimal.Dec {
	switch r.Kind {
	case Band:
		if len(r.Bands) > 0 {
			return r.Bands[0].Points
		}
	case Linear:
		if r.Points != nil {
			return *r.Points
		}
		return ind.Points
	}
	return 0
}

// MatchBand returns the band a min band rule's figure falls in (the first
// whose Min it reaches, else the one without Min), or a label band rule's
// band of that label; false when none matches.
func (r *Rule) MatchBand(figure decimal.Dec, label string, byLabel bool) (ScoreBand, bool) {
	for _, b := range r.Bands {
		if byLabel {
			if b.Label == label {
				return b, true
			}
			continue
		}
		if b.Min == nil || figure >= *b.Min {
			return b, true
		}
	}
	return ScoreBand{}, false
}

// GradeOf names the grade a total earns, or the last grade when vetoed;
// "" when the rubric has no grades.
func (rb *Rubric) GradeOf(total decimal.Dec, vetoed bool) string {
	if len(rb.Grades) == 0 {
		return ""
	}
	if !vetoed {
		for _, g := range rb.Grades {
			if g.Min == nil || total >= *g.Min {
				return g.Name
			}
		}
	}
	return rb.Grades[len(rb.Grades)-1].Name
}

// FullMark returns the full mark of a convert rule (100 unless declared).
func (r *Rule) FullMark() decimal.Dec {
	if r.Full != nil {
		return *r.Full
	}
	return decimal.FromInt(100)
}

// Name returns the label to show for the rule's input.
func (r *Rule) Name() string {
	if r.Label != "" {
		return r.Label
	}
	return r.Clause
}

// Reviews lists the rules still marked for review, in rubric order.
func (rb *Rubric) Reviews() []*Rule {
	var out []*Rule
	for _, ind := range rb.Indicators() {
		for ri := range ind.Rules {
			if ind.Rules[ri].Review != "" {
				out = append(out, &ind.Rules[ri])
			}
		}
	}
	return out
}

// IndicatorCap returns the cap on the indicator's total deduction.
func (ind *Indicator) IndicatorCap() decimal.Dec {
	if ind.Cap != nil {
		return *ind.Cap
	}
	return ind.Points
}

// GroupOf returns the group a rule belongs to, or nil.
func (ind *Indicator) GroupOf(ruleID string) *Group {
	if gi := ind.GroupIndex(ruleID); gi >= 0 {
		return &ind.Groups[gi]
	}
	return nil
}

// GroupIndex is the index in Groups of the group GroupOf answers for the
// rule, -1 for none: scoring sums each group's rules into its slot by it.
func (ind *Indicator) GroupIndex(ruleID string) int {
	for i := range ind.Groups {
		for _, id := range ind.Groups[i].Rules {
			if id == ruleID {
				return i
			}
		}
	}
	return -1
}

// Ref locates a rule inside a rubric.
type Ref struct {
	Category  *Category
	Indicator *Indicator
	Rule      *Rule
}

// Rule finds a rule by its ID.
func (rb *Rubric) Rule(id string) (Ref, bool) {
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			for ri := range ind.Rules {
				if ind.Rules[ri].ID == id {
					return Ref{c, ind, &ind.Rules[ri]}, true
				}
			}
		}
	}
	return Ref{}, false
}

// Indicator finds an indicator by its ID.
func (rb *Rubric) Indicator(id string) (*Category, *Indicator, bool) {
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		for ii := range c.Indicators {
			if c.Indicators[ii].ID == id {
				return c, &c.Indicators[ii], true
			}
		}
	}
	return nil, nil, false
}

// Indicators returns every indicator in rubric order.
func (rb *Rubric) Indicators() []*Indicator {
	var out []*Indicator
	for ci := range rb.Categories {
		for ii := range rb.Categories[ci].Indicators {
			out = append(out, &rb.Categories[ci].Indicators[ii])
		}
	}
	return out
}

// RuleCount returns the number of rules in the rubric.
func (rb *Rubric) RuleCount() int {
	n := 0
	for _, ind := range rb.Indicators() {
		n += len(ind.Rules)
	}
	return n
}

// BasePoints returns the sum of the points of the non-bonus categories.
func (rb *Rubric) BasePoints() decimal.Dec {
	var s decimal.Dec
	for _, c := range rb.Categories {
		if !c.Bonus && !c.Penalty {
			s += c.Points
		}
	}
	return s
}

// BonusPoints returns the sum of the points of the bonus categories.
func (rb *Rubric) BonusPoints() decimal.Dec {
	var s decimal.Dec
	for _, c := range rb.Categories {
		if c.Bonus {
			s += c.Points
		}
	}
	return s
}

// EvidenceDeductions is the one value of an evidence requirement: every
// rule that deducts needs an attachment on it or on its indicator.
const EvidenceDeductions = "deductions"

// EvidenceRequired reports whether deductions under the indicator need
// evidence: the indicator's own setting, else its category's, else the
// rubric's.
func (rb *Rubric) EvidenceRequired(indicatorID string) bool {
	c, ind, ok := rb.Indicator(indicatorID)
	if !ok {
		return false
	}
	for _, e := range []string{ind.Evidence, c.Evidence, rb.Evidence} {
		if e != "" {
			return e == EvidenceDeductions
		}
	}
	return false
}
