package rubric

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
)

// Problem is one validation failure, located by the path of the field at
// fault ($.categories[0].indicators[1].rules[0].amount, in the YAML names of
// the fields), so that each source format names its own position for it: the
// YAML loader a line and column, a workbook a sheet and cell.
//
// Message is the English wording; Format and Args are what it was made
// from, kept so that In can word it in another language.
type Problem struct {
	Path    string
	Message string
	Format  string
	Args    []any
}

// In words the problem in l's language.
func (p Problem) In(l *i18n.Labels) string {
	if p.Format == "" {
		return p.Message
	}
	return i18n.Word(l, p.Format, p.Args...)
}

// Validate checks a rubric built in code (a loaded one is already checked)
// and returns every problem, without positions, as Problems.
func Validate(rb *Rubric) error {
	ps := Check(rb)
	if len(ps) == 0 {
		return nil
	}
	return Problems(ps)
}

// Problems is every problem of a rubric without positions, as an error.
type Problems []Problem

// Error joins the problems one per line, in English.
func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "\n")
}

// In joins the problems one per line, in l's language.
func (ps Problems) In(l *i18n.Labels) string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.In(l)
	}
	return strings.Join(msgs, "\n")
}

type validator struct {
	problems []Problem
	ids      map[string]bool // every id seen so far
}

func (v *validator) add(path, format string, args ...any) {
	v.problems = append(v.problems, Problem{Path: path, Message: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// addErr adds a problem that is an error already worded by its format
// (an *i18n.Message), keeping its format and arguments.
func (v *validator) addErr(path string, err error) {
	if m, ok := err.(*i18n.Message); ok {
		v.add(path, m.Format, m.Args...)
		return
	}
	v.add(path, "%v", err)
}

// id checks an id: present and unique. noID is the problem when it is
// missing (i18n.Phrase("category has no id")).
func (v *validator) id(path, id string, noID *i18n.Message) {
	if id == "" {
		v.add(path+".id", "%s", noID)
		return
	}
	if _, dup := v.ids[id]; dup {
		v.add(path+".id", "duplicate id %q: ids must be unique across the rubric", id)
		return
	}
	v.ids[id] = true
}

// Check validates a rubric and returns every problem with its path, in
// rubric order; nil when the rubric is valid.
func Check(rb *Rubric) []Problem {
	v := &validator{ids: map[string]bool{}}
	if strings.TrimSpace(rb.ID) == "" {
		v.add("$.id", "rubric has no id")
	}
	if strings.TrimSpace(rb.Version) == "" {
		v.add("$.version", "rubric has no version (editing a rubric means giving it a new version)")
	}
	if strings.TrimSpace(rb.Title) == "" {
		v.add("$.title", "rubric has no title")
	}
	if _, err := rb.PeriodRegexp(); err != nil {
		v.add("$.period_pattern", "period_pattern is not a regular expression: %v", err)
	}
	seenUnit := map[string]bool{}
	for i, u := range rb.Units {
		p := fmt.Sprintf("$.units[%d]", i)
		if strings.TrimSpace(u) == "" {
			v.add(p, "unit name is empty")
		} else if seenUnit[u] {
			v.add(p, "unit %q is listed twice", u)
		}
		seenUnit[u] = true
	}
	v.evidence("$.evidence", rb.Evidence)
	v.grades(rb.Grades)
	if len(rb.Categories) == 0 {
		v.add("$.categories", "rubric has no categories")
	}
	for ci := range rb.Categories {
		v.category(fmt.Sprintf("$.categories[%d]", ci), ci, &rb.Categories[ci])
	}
	return v.problems
}

// points checks a number of points; what names them
// (i18n.Phrase("category %s points", id)).
func (v *validator) points(path string, d decimal.Dec, what *i18n.Message) {
	if d <= 0 {
		v.add(path, "%s must be greater than 0, got %s", what, d)
	} else if !d.IsCents() {
		v.add(path, "%s must have at most 2 decimal places, got %s", what, d)
	}
}

func (v *validator) category(p string, ci int, c *Category) {
	v.id(p, c.ID, i18n.Phrase("category has no id"))
	v.evidence(p+".evidence", c.Evidence)
	if want := strconv.Itoa(ci + 1); c.ID != "" && c.ID != want {
		v.add(p+".id", "category id must be its 序号 %q (its position in the file), got %q", want, c.ID)
	}
	if strings.TrimSpace(c.Title) == "" {
		v.add(p+".title", "category %s has no title", c.ID)
	}
	if c.Penalty || c.Cap != nil {
		v.penaltyCategory(p, c)
	} else {
		v.points(p+".points", c.Points, i18n.Phrase("category %s points", c.ID))
	}
	if len(c.Indicators) == 0 {
		v.add(p, "category %s has no indicators", c.ID)
		return
	}
	var sum decimal.Dec
	for ii := range c.Indicators {
		ind := &c.Indicators[ii]
		sum += ind.Points
		v.indicator(fmt.Sprintf("%s.indicators[%d]", p, ii), c, ii, ind)
	}
	// A bonus category may offer more than it pays: its points cap the sum.
	if sum != c.Points && !(c.Bonus && sum > c.Points) {
		v.add(p+".points", "category %s has %s points but its indicators add up to %s", c.ID, c.Points, sum)
	}
}

func (v *validator) indicator(p string, c *Category, ii int, ind *Indicator) {
	v.id(p, ind.ID, i18n.Phrase("indicator has no id"))
	v.evidence(p+".evidence", ind.Evidence)
	if want := fmt.Sprintf("%s.%d", c.ID, ii+1); ind.ID != "" && ind.ID != want {
		v.add(p+".id", "indicator id must be %q (category %s, item %d), got %q", want, c.ID, ii+1, ind.ID)
	}
	if strings.TrimSpace(ind.Content) == "" {
		v.add(p+".content", "indicator %s has no content (考核内容)", ind.ID)
	}
	if strings.TrimSpace(ind.Standard) == "" {
		v.add(p+".standard", "indicator %s has no standard (评分标准)", ind.ID)
	}
	if c.Penalty {
		v.penaltyIndicator(p, c, ind)
	} else {
		v.points(p+".points", ind.Points, i18n.Phrase("indicator %s points", ind.ID))
	}
	if ind.Cap != nil {
		if *ind.Cap < 0 {
			v.add(p+".cap", "indicator %s cap must not be negative, got %s", ind.ID, *ind.Cap)
		} else if *ind.Cap > ind.Points && !c.Penalty {
			v.add(p+".cap", "indicator %s cap %s is larger than its %s points", ind.ID, *ind.Cap, ind.Points)
		}
	}
	if len(ind.Rules) == 0 {
		v.add(p, "indicator %s has no rules", ind.ID)
	}
	lastPos := -1
	ruleIDs := map[string]bool{}
	for ri := range ind.Rules {
		r := &ind.Rules[ri]
		rp := fmt.Sprintf("%s.rules[%d]", p, ri)
		ruleIDs[r.ID] = true
		v.rule(rp, c, ind, ri, r)
		if r.Clause != "" && ind.Standard != "" {
			pos := strings.Index(ind.Standard, r.Clause)
			switch {
			case pos < 0:
				v.add(rp+".clause", "rule %s clause is not quoted verbatim from indicator %s standard", r.ID, ind.ID)
			case pos < lastPos:
				v.add(rp+".id", "rule %s clause comes earlier in the standard than the rule before it; letter rules in the order their clauses appear", r.ID)
			default:
				lastPos = pos
			}
		}
	}
	inGroup := map[string]string{}
	for gi := range ind.Groups {
		g := &ind.Groups[gi]
		gp := fmt.Sprintf("%s.groups[%d]", p, gi)
		v.id(gp, g.ID, i18n.Phrase("group has no id"))
		if g.Cap < 0 {
			v.add(gp+".cap", "group %s cap must not be negative, got %s", g.ID, g.Cap)
		} else if g.Cap == 0 {
			v.add(gp+".cap", "group %s needs a cap greater than 0", g.ID)
		} else if g.Cap > ind.Points && !c.Penalty {
			v.add(gp+".cap", "group %s cap %s is larger than indicator %s points %s", g.ID, g.Cap, ind.ID, ind.Points)
		} else if !g.Cap.IsCents() {
			v.add(gp+".cap", "group %s cap must have at most 2 decimal places, got %s", g.ID, g.Cap)
		}
		if len(g.Rules) == 0 {
			v.add(gp, "group %s lists no rules", g.ID)
		}
		for k, rid := range g.Rules {
			rp := fmt.Sprintf("%s.rules[%d]", gp, k)
			if !ruleIDs[rid] {
				v.add(rp, "group %s names rule %q, which indicator %s does not have", g.ID, rid, ind.ID)
			} else if other, dup := inGroup[rid]; dup {
				v.add(rp, "rule %s is in group %s and group %s; a rule may be in one group only", rid, other, g.ID)
			}
			inGroup[rid] = g.ID
		}
	}
}

// kindParams lists the parameters a kind requires and those it allows.
func kindParams(k Kind) (required, optional []string, known bool) {
	switch k {
	case Flag, Bonus:
		return []string{"amount"}, nil, true
	case Count:
		return []string{"amount"}, []string{"cap", "max_value"}, true
	case Shortfall:
		return []string{"amount", "target", "step"}, []string{"cap", "max_value"}, true
	case Ratio:
		return []string{"target", "cap"}, nil, true
	case Convert:
		return nil, []string{"full"}, true
	case Discretion:
		return []string{"cap"}, nil, true
	case Band, Linear:
		return nil, []string{"max_value"}, true
	case Veto:
		return nil, nil, true
	case Excess:
		return []string{"amount", "step"}, []string{"cap", "max_value"}, true
	}
	return nil, nil, false
}

func (v *validator) rule(p string, c *Category, ind *Indicator, ri int, r *Rule) {
	v.id(p, r.ID, i18n.Phrase("rule has no id"))
	if want := fmt.Sprintf("%s.%c", ind.ID, 'a'+ri); r.ID != "" && ri < 26 && r.ID != want {
		v.add(p+".id", "rule id must be %q (indicator %s, clause %d), got %q", want, ind.ID, ri+1, r.ID)
	}
	if strings.TrimSpace(r.Clause) == "" {
		v.add(p+".clause", "rule %s has no clause (the words of the standard it models)", r.ID)
	}
	required, optional, known := kindParams(r.Kind)
	required, optional = languageParams(r, required, optional)
	if !known {
		names := make([]string, 0, len(Kinds()))
		for _, k := range Kinds() {
			names = append(names, string(k))
		}
		if r.Kind == "" {
			v.add(p+".kind", "rule %s has no kind (one of %s)", r.ID, strings.Join(names, ", "))
		} else {
			v.add(p+".kind", "rule %s has unknown kind %q (one of %s)", r.ID, r.Kind, strings.Join(names, ", "))
		}
		return
	}
	given := map[string]*decimal.Dec{
		"amount": r.Amount, "cap": r.Cap, "target": r.Target,
		"step": r.Step, "full": r.Full, "max_value": r.MaxValue,
	}
	allowed := map[string]bool{}
	for _, name := range required {
		allowed[name] = true
		if given[name] == nil {
			v.add(p+"."+name, "%s rule %s is missing %s", KindWord(r.Kind), r.ID, FieldWord(name))
		}
	}
	for _, name := range optional {
		allowed[name] = true
	}
	for _, name := range []string{"amount", "cap", "target", "step", "full", "max_value"} {
		if given[name] != nil && !allowed[name] {
			v.add(p+"."+name, "%s is not used by %s rules (rule %s)", FieldWord(name), KindWord(r.Kind), r.ID)
		}
	}
	for _, name := range []string{"amount", "cap", "target", "step", "full", "max_value"} {
		d := given[name]
		if d == nil {
			continue
		}
		if *d < 0 {
			v.add(p+"."+name, "rule %s %s must not be negative, got %s", r.ID, FieldWord(name), *d)
		}
	}
	if r.Amount != nil && *r.Amount >= 0 {
		v.points(p+".amount", *r.Amount, i18n.Phrase("rule %s amount", r.ID))
		if c.Bonus && *r.Amount > c.Points {
			v.add(p+".amount", "rule %s bonus %s is larger than the category's %s points", r.ID, *r.Amount, c.Points)
		}
	}
	if r.Cap != nil && *r.Cap >= 0 {
		v.points(p+".cap", *r.Cap, i18n.Phrase("rule %s cap", r.ID))
		if *r.Cap > ind.Points && !c.Penalty {
			v.add(p+".cap", "rule %s cap %s is larger than indicator %s points %s", r.ID, *r.Cap, ind.ID, ind.Points)
		}
	}
	if r.Step != nil && *r.Step == 0 {
		v.add(p+".step", "rule %s step must be greater than 0", r.ID)
	}
	if r.Target != nil && *r.Target == 0 {
		v.add(p+".target", "rule %s target must be greater than 0", r.ID)
	}
	if r.Full != nil && *r.Full == 0 {
		v.add(p+".full", "rule %s full mark must be greater than 0", r.ID)
	}
	if r.Kind == Ratio && r.Target != nil && *r.Target > decimal.FromInt(100) {
		v.add(p+".target", "ratio rule %s target is a percentage and must be at most 100, got %s", r.ID, *r.Target)
	}
	if r.Kind == Count && r.MaxValue != nil && !r.MaxValue.IsInt() {
		v.add(p+".max_value", "count rule %s max_value must be a whole number, got %s", r.ID, *r.MaxValue)
	}
	if r.Kind == Shortfall && r.MaxValue != nil && r.Target != nil && *r.MaxValue < *r.Target {
		v.add(p+".max_value", "rule %s max_value %s is below its target %s", r.ID, *r.MaxValue, *r.Target)
	}
	if c.Bonus && r.Kind != Bonus {
		v.add(p+".kind", "category %s is a bonus category; its rules must be of kind bonus, got %s", c.ID, KindWord(r.Kind))
	}
	if !c.Bonus && r.Kind == Bonus {
		v.add(p+".kind", "bonus rule %s is in category %s, which is not a bonus category (set bonus: true on the category)", r.ID, c.ID)
	}
	v.ruleLanguage(p, c, ind, r)
}

// evidence checks an evidence requirement: empty, "deductions", or "none"
// (an indicator or category opting out of its parent's requirement).
func (v *validator) evidence(path, e string) {
	if e != "" && e != EvidenceDeductions && e != "none" {
		v.add(path, "evidence must be %q (every deduction needs an attachment) or \"none\", not %q", EvidenceDeductions, e)
	}
}
