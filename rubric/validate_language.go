package rubric

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
)

// languageParams adjusts the parameters a rule of one of the seed's kinds
// needs when it uses the language beyond the seed: a count or bonus rule
// with a range takes its amounts from the recorded list, not from amount;
// a bonus rule per item takes a count, bounded by max_value.
func languageParams(r *Rule, required, optional []string) ([]string, []string) {
	switch {
	case (r.Kind == Count || r.Kind == Bonus) && len(r.Range) > 0:
		return nil, []string{"cap"}
	case r.Kind == Bonus && r.PerItem:
		return required, []string{"cap", "max_value"}
	}
	return required, optional
}

// languageFields says which of the fields beyond the seed's kinds a kind
// requires and which it allows.
func languageFields(k Kind) (required, optional []string) {
	switch k {
	case Excess:
		return []string{"limit"}, nil
	case Linear:
		return []string{"from", "to"}, []string{"points"}
	case Band:
		return []string{"bands"}, nil
	case Count:
		return nil, []string{"range"}
	case Bonus:
		return nil, []string{"range", "per_item"}
	}
	return nil, nil
}

// ruleLanguage checks the fields of the kinds beyond the seed's: which are
// missing or not used, and whether ranges, figures and bands agree.
func (v *validator) ruleLanguage(p string, c *Category, ind *Indicator, r *Rule) {
	given := map[string]bool{
		"limit": r.Limit != nil, "from": r.From != nil, "to": r.To != nil, "points": r.Points != nil,
		"range": len(r.Range) > 0, "per_item": r.PerItem, "bands": len(r.Bands) > 0,
	}
	required, optional := languageFields(r.Kind)
	for _, name := range required {
		if !given[name] {
			v.add(p+"."+name, "%s rule %s is missing %s", r.Kind, r.ID, name)
		}
	}
	for _, name := range []string{"limit", "from", "to", "points", "range", "per_item", "bands"} {
		if given[name] && !slices.Contains(required, name) && !slices.Contains(optional, name) {
			v.add(p+"."+name, "%s is not used by %s rules (rule %s)", name, r.Kind, r.ID)
		}
	}
	if len(r.Range) > 0 && r.PerItem {
		v.add(p+".per_item", "bonus rule %s has both range and per_item: a range's value is the list of amounts, per_item's a count", r.ID)
	}
	if len(r.Range) > 0 && r.Amount != nil && (r.Kind == Count || r.Kind == Bonus) {
		v.add(p+".amount", "rule %s has a range, so each instance's amount is recorded; amount is not used", r.ID)
	}
	if len(r.Range) > 0 {
		v.ruleRange(p+".range", r)
	}
	for _, f := range []struct {
		name string
		d    *decimal.Dec
	}{{"limit", r.Limit}, {"from", r.From}, {"to", r.To}} {
		if f.d != nil && *f.d < 0 {
			v.add(p+"."+f.name, "rule %s %s must not be negative, got %s", r.ID, f.name, *f.d)
		}
	}
	if r.From != nil && r.To != nil && *r.From >= *r.To {
		v.add(p+".to", "linear rule %s must rise: from %s is not below to %s", r.ID, *r.From, *r.To)
	}
	if r.Kind == Excess && r.MaxValue != nil && r.Limit != nil && *r.MaxValue < *r.Limit {
		v.add(p+".max_value", "rule %s max_value %s is below its limit %s", r.ID, *r.MaxValue, *r.Limit)
	}
	if r.Points != nil {
		v.points(p+".points", *r.Points, i18n.Phrase("rule %s points", r.ID))
		if *r.Points > ind.Points && !c.Penalty {
			v.add(p+".points", "rule %s points %s are more than indicator %s points %s", r.ID, *r.Points, ind.ID, ind.Points)
		}
	}
	if r.Kind == Linear && r.Points == nil && c.Penalty {
		v.add(p+".points", "linear rule %s is in penalty category %s, whose indicators have no points; give the rule its points", r.ID, c.ID)
	}
	if r.Kind == Band && len(r.Bands) > 0 {
		v.bands(p, c, ind, r)
	}
}

// ruleRange checks a range [lo, hi]: two amounts of at most 2 decimals,
// lo ≤ hi, hi above 0.
func (v *validator) ruleRange(p string, r *Rule) {
	if len(r.Range) != 2 {
		v.add(p, "rule %s range must be two numbers [lowest, highest], got %d", r.ID, len(r.Range))
		return
	}
	lo, hi := r.Range[0], r.Range[1]
	for i, d := range r.Range {
		if d < 0 {
			v.add(fmt.Sprintf("%s[%d]", p, i), "rule %s %s must not be negative, got %s", r.ID, "range", d)
		} else if !d.IsCents() {
			v.add(fmt.Sprintf("%s[%d]", p, i), "%s must have at most 2 decimal places, got %s", "rule "+r.ID+" range", d)
		}
	}
	if lo > hi {
		v.add(p+"[1]", "rule %s range [%s, %s] is upside down: the lowest amount comes first", r.ID, lo, hi)
	} else if hi == 0 {
		v.add(p+"[1]", "rule %s range [%s, %s] allows only 0", r.ID, lo, hi)
	}
}

// bands checks a band rule's bands: all by figure (min) or all by label;
// best first, so each band's min is below the one before and its points
// are no more; labels and mins each once; the first band's points no more
// than the indicator's.
func (v *validator) bands(p string, c *Category, ind *Indicator, r *Rule) {
	byLabel := r.LabelBands()
	seenLabel := map[string]bool{}
	for bi, b := range r.Bands {
		bp := fmt.Sprintf("%s.bands[%d]", p, bi)
		if b.Points < 0 {
			v.add(bp+".points", "rule %s band %d points must not be negative, got %s", r.ID, bi+1, b.Points)
		} else if !b.Points.IsCents() {
			v.add(bp+".points", "%s must have at most 2 decimal places, got %s", fmt.Sprintf("rule %s band %d points", r.ID, bi+1), b.Points)
		}
		if bi > 0 && b.Points > r.Bands[bi-1].Points {
			v.add(bp+".points", "rule %s bands are not descending: band %d has %s points, more than the %s of the band before; list the best band first", r.ID, bi+1, b.Points, r.Bands[bi-1].Points)
		}
		if byLabel {
			if b.Min != nil {
				v.add(bp+".min", "rule %s mixes label and min bands: band %d has a min, the first band a label", r.ID, bi+1)
			}
			label := strings.TrimSpace(b.Label)
			if label == "" {
				v.add(bp, "rule %s band %d has no label (its bands are chosen by label)", r.ID, bi+1)
			} else if seenLabel[label] {
				v.add(bp+".label", "rule %s bands overlap: label %q is given twice", r.ID, label)
			}
			seenLabel[label] = true
			continue
		}
		if b.Label != "" {
			v.add(bp+".label", "rule %s mixes label and min bands: band %d has a label, the first band none", r.ID, bi+1)
		}
		last := bi == len(r.Bands)-1
		switch {
		case b.Min == nil && !last:
			v.add(bp, "rule %s band %d has no min; only the last band catches every figure below the others", r.ID, bi+1)
		case b.Min != nil && last:
			v.add(bp+".min", "rule %s last band has min %s; the last band has no min and takes every figure below the others", r.ID, *b.Min)
		case b.Min != nil && *b.Min < 0:
			v.add(bp+".min", "rule %s band %d min must not be negative, got %s", r.ID, bi+1, *b.Min)
		}
		if b.Min != nil && bi > 0 && r.Bands[bi-1].Min != nil {
			prev := *r.Bands[bi-1].Min
			if *b.Min == prev {
				v.add(bp+".min", "rule %s bands overlap: bands %d and %d both start at %s", r.ID, bi, bi+1, prev)
			} else if *b.Min > prev {
				v.add(bp+".min", "rule %s bands are not descending: band %d starts at %s, above the %s of the band before; list the best band first", r.ID, bi+1, *b.Min, prev)
			}
		}
	}
	if len(r.Bands) < 2 {
		v.add(p+".bands", "rule %s has one band; a band rule needs at least two", r.ID)
	}
	if first := r.Bands[0].Points; first > ind.Points && !c.Penalty {
		v.add(p+".bands[0].points", "rule %s band points %s are more than indicator %s points %s", r.ID, first, ind.ID, ind.Points)
	}
}

// grades checks the rubric's grades: each named once, best first with
// descending mins, the last with no min.
func (v *validator) grades(gs []Grade) {
	seen := map[string]bool{}
	for gi, g := range gs {
		gp := fmt.Sprintf("$.grades[%d]", gi)
		name := strings.TrimSpace(g.Name)
		if name == "" {
			v.add(gp, "grade %d has no name", gi+1)
		} else if seen[name] {
			v.add(gp+".name", "grade %q is listed twice", name)
		}
		seen[name] = true
		last := gi == len(gs)-1
		switch {
		case g.Min == nil && !last:
			v.add(gp, "grade %s has no min; only the last grade takes every total below the others", g.Name)
		case g.Min != nil && last:
			v.add(gp+".min", "the last grade %s has min %s; the last grade has no min and takes every total below the others (and every veto)", g.Name, *g.Min)
		case g.Min != nil && *g.Min < 0:
			v.add(gp+".min", "grade %s min must not be negative, got %s", g.Name, *g.Min)
		}
		if g.Min != nil && gi > 0 && gs[gi-1].Min != nil && *g.Min >= *gs[gi-1].Min {
			v.add(gp+".min", "grades are not descending: %s starts at %s, not below %s's %s; list the best grade first", g.Name, *g.Min, gs[gi-1].Name, *gs[gi-1].Min)
		}
	}
	if len(gs) == 1 {
		v.add("$.grades", "the rubric has one grade; grades need at least two")
	}
}

// penaltyCategory checks a 扣分项 category: marked penalty, no points, not
// also a bonus category, an optional cap greater than 0.
func (v *validator) penaltyCategory(p string, c *Category) {
	if !c.Penalty {
		v.add(p+".cap", "category %s has a cap, which only a penalty category has (its points bound the others)", c.ID)
		return
	}
	if c.Points != 0 {
		v.add(p+".points", "penalty category %s must have no points (its deductions come off the total), got %s", c.ID, c.Points)
	}
	if c.Bonus {
		v.add(p+".penalty", "category %s is both a bonus and a penalty category", c.ID)
	}
	if c.Cap != nil {
		v.points(p+".cap", *c.Cap, i18n.Phrase("category %s cap", c.ID))
	}
}

// penaltyIndicator checks an indicator of a penalty category: no points of
// its own (its cap, when given, bounds its deductions).
func (v *validator) penaltyIndicator(p string, c *Category, ind *Indicator) {
	if ind.Points != 0 {
		v.add(p+".points", "indicator %s is in penalty category %s and must have no points, got %s", ind.ID, c.ID, ind.Points)
	}
}
