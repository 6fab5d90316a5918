package assessment

import (
	"slices"
	"strings"
)

// Coverage is how the lead's plan for one unit meets what was recorded
// (kaohe coverage): per indicator, who is assigned, who recorded, and what
// needs the lead's eye.
type Coverage struct {
	Assessment Assessment
	Indicators []IndicatorCoverage
	// Planned is whether the unit has any assignment at all: without
	// one, no write is outside an assignment.
	Planned bool
	// Double names the unit's two blind double scorers, if any.
	Double []string
}

// IndicatorCoverage is one indicator of a unit's coverage.
type IndicatorCoverage struct {
	Indicator string
	Category  string
	// Assigned is who the plan gives the indicator's category to.
	Assigned []string
	// RecordedBy is the inspectors of the current heads of the
	// indicator's rules and items (values withdrawn by a retraction left
	// out), sorted.
	RecordedBy []string
	// Recorded: every rule of the indicator has a value.
	Recorded bool
	// DoubleCovered: two or more inspectors are assigned or recorded it
	// and the unit's double scoring does not name them.
	DoubleCovered bool
	// Outside are the writes on the indicator by inspectors whose
	// assignment on this unit does not include its category: not
	// refused (the lead can override), flagged.
	Outside []OutsideWrites
}

// OutsideWrites counts one inspector's revisions on an indicator outside
// their assignment.
type OutsideWrites struct {
	Inspector string
	Writes    int
}

// Unassigned reports whether nobody is assigned the indicator.
func (ic IndicatorCoverage) Unassigned() bool { return len(ic.Assigned) == 0 }

// CoverageTotals are a unit's coverage in one line.
type CoverageTotals struct {
	Indicators, Recorded, Unassigned, DoubleCovered, OutsideWrites int
}

// Totals adds up a unit's coverage.
func (c Coverage) Totals() CoverageTotals {
	t := CoverageTotals{Indicators: len(c.Indicators)}
	for _, ic := range c.Indicators {
		if ic.Recorded {
			t.Recorded++
		}
		if ic.Unassigned() {
			t.Unassigned++
		}
		if ic.DoubleCovered {
			t.DoubleCovered++
		}
		for _, o := range ic.Outside {
			t.OutsideWrites += o.Writes
		}
	}
	return t
}

// IndicatorOfSubject is the indicator a rule's value, an item or an
// indicator's note belongs to, or "" for any other subject.
func IndicatorOfSubject(st *State, subject string) string {
	if ind, ok := strings.CutPrefix(subject, NotePrefix); ok {
		return ind
	}
	if rule, _, ok := ParseItemSubject(subject); ok {
		subject = rule
	} else if !IsRuleSubject(subject) {
		return ""
	}
	if ref, ok := st.Rubric.Rule(subject); ok {
		return ref.Indicator.ID
	}
	return ""
}

// CoverageOf works out a unit's coverage from its state and its history
// (every revision, as store.History gives it): the state says who is
// assigned and who holds the current values, the history who wrote
// outside their assignment, so a value superseded since still counts.
func CoverageOf(st *State, history []*Revision) Coverage {
	c := Coverage{Assessment: st.Assessment, Double: st.Double()}
	plan := map[string][]string{} // inspector → categories
	for _, a := range st.Assignments() {
		plan[a.Inspector] = a.Categories
	}
	c.Planned = len(plan) > 0
	recorders := map[string]map[string]bool{} // indicator → inspectors
	for subj, ss := range st.Subjects {
		ind := IndicatorOfSubject(st, subj)
		if ind == "" || strings.HasPrefix(subj, NotePrefix) {
			continue
		}
		for _, h := range ss.Heads {
			if h.Decoded().Retracted() {
				continue
			}
			if recorders[ind] == nil {
				recorders[ind] = map[string]bool{}
			}
			recorders[ind][h.Inspector] = true
		}
	}
	outside := map[string]map[string]int{} // indicator → inspector → writes
	if c.Planned {
		for _, r := range history {
			ind := IndicatorOfSubject(st, r.Subject)
			if ind == "" {
				continue
			}
			cat, _, _ := st.Rubric.Indicator(ind)
			if slices.Contains(plan[r.Inspector], cat.ID) {
				continue
			}
			if outside[ind] == nil {
				outside[ind] = map[string]int{}
			}
			outside[ind][r.Inspector]++
		}
	}
	findings := st.Findings()
	for ci := range st.Rubric.Categories {
		cat := &st.Rubric.Categories[ci]
		for ii := range cat.Indicators {
			ind := &cat.Indicators[ii]
			ic := IndicatorCoverage{Indicator: ind.ID, Category: cat.ID, Recorded: len(ind.Rules) > 0}
			for who, cats := range plan {
				if slices.Contains(cats, cat.ID) {
					ic.Assigned = append(ic.Assigned, who)
				}
			}
			slices.Sort(ic.Assigned)
			for who := range recorders[ind.ID] {
				ic.RecordedBy = append(ic.RecordedBy, who)
			}
			slices.Sort(ic.RecordedBy)
			for _, r := range ind.Rules {
				if _, ok := findings[r.ID]; !ok {
					ic.Recorded = false
				}
			}
			ic.DoubleCovered = doublyCovered(ic.Assigned, c.Double) || doublyCovered(ic.RecordedBy, c.Double)
			for who, n := range outside[ind.ID] {
				ic.Outside = append(ic.Outside, OutsideWrites{Inspector: who, Writes: n})
			}
			slices.SortFunc(ic.Outside, func(a, b OutsideWrites) int { return strings.Compare(a.Inspector, b.Inspector) })
			c.Indicators = append(c.Indicators, ic)
		}
	}
	return c
}

// doublyCovered reports whether two or more inspectors share an
// indicator that the unit's double scoring does not give to them.
func doublyCovered(who, double []string) bool {
	if len(who) < 2 {
		return false
	}
	for _, w := range who {
		if !slices.Contains(double, w) {
			return true
		}
	}
	return false
}
