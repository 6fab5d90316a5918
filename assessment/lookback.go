package assessment

import (
	"sort"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/diff"
	"github.com/kaohe/kaohe/scoring"
)

// 回头看: next year's inspectors check that what was found last year was
// fixed and stayed fixed. Lookback sets the problems of a unit's earlier
// period beside its current assessment: each earlier problem under the
// current indicator that checks the same thing (the same rubric, or the one
// `rubric diff` matches by its words), the ones whose indicator is gone
// listed apart, never dropped, and each current problem that repeats one
// closed last time marked 反弹 (relapse).

// EarlierProblem is a problem of the earlier period as the current
// assessment sees it: the problem as it stood there (its own ID, rule,
// indicator and state in the earlier rubric), and where it falls now.
type EarlierProblem struct {
	Problem
	// Assessment is the earlier assessment's ID, Period its period.
	Assessment, Period string
	// ItemText is an item's own text (without its note), "" for a rule's
	// problem: what a relapse of an item is matched by.
	ItemText string
	// NowIndicator and NowRule are the current rubric's indicator and rule
	// that check what the problem's did; NowRule is "" when the indicator
	// remains but the rule was removed, both "" when the indicator is gone
	// (the problem is then unmapped).
	NowIndicator, NowRule string
}

// Closed reports whether the problem was 已销号 in its period: the unit
// fixed it and the office accepted the fix.
func (e EarlierProblem) Closed() bool { return e.Status == ProblemClosed }

// RepeatedBy reports whether a finding on the problem's current rule
// (NowRule) that deducts again repeats it: the problem was closed, and
// when both it and the finding are items, their texts read the same
// (SameItemText). An item set against a rule recorded as a plain number,
// either way round, is matched by the rule alone: the number says the
// thing was found again without saying which. itemText is "" for a
// finding that is not an item.
func (e EarlierProblem) RepeatedBy(itemText string) bool {
	return e.Closed() && e.NowRule != "" && (e.ItemID == "" || itemText == "" || SameItemText(e.ItemText, itemText))
}

// Lookback is what a unit's earlier period left for its current
// assessment. The zero Lookback (no earlier signed period) has nothing.
type Lookback struct {
	// Earlier is the earlier assessment ("" ID when there is none);
	// SameRubric says it was scored under the current rubric (else rules
	// were matched as `rubric diff` matches them).
	Earlier    Assessment
	SameRubric bool
	// ByIndicator holds the earlier problems by the current indicator
	// they fall under, each list in the earlier rubric's order.
	ByIndicator map[string][]EarlierProblem
	// Unmapped are the earlier problems whose indicator no longer exists.
	Unmapped []EarlierProblem
	// mapped are the problems of ByIndicator in the earlier rubric's
	// order; relapses maps a current problem's key to the closed earlier
	// problem it repeats.
	mapped   []EarlierProblem
	relapses map[string]EarlierProblem
}

// Period is the earlier period, "" when there is none.
func (l *Lookback) Period() string {
	if l == nil {
		return ""
	}
	return l.Earlier.Period
}

// On lists the earlier problems that fall under a current indicator.
func (l *Lookback) On(indicator string) []EarlierProblem {
	if l == nil {
		return nil
	}
	return l.ByIndicator[indicator]
}

// All lists every earlier problem: the mapped ones in the current
// rubric's order of indicators, then the unmapped.
func (l *Lookback) All() []EarlierProblem {
	if l == nil {
		return nil
	}
	var out []EarlierProblem
	for _, list := range l.ByIndicator {
		out = append(out, list...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].NowIndicator != out[j].NowIndicator {
			return scoring.RuleLess(out[i].NowIndicator, out[j].NowIndicator)
		}
		return earlierLess(out[i], out[j])
	})
	return append(out, l.Unmapped...)
}

// Relapse returns the closed earlier problem that a current problem (one
// of those LookBack was given, by its key) repeats: 反弹.
func (l *Lookback) Relapse(key string) (EarlierProblem, bool) {
	if l == nil {
		return EarlierProblem{}, false
	}
	e, ok := l.relapses[key]
	return e, ok
}

// Relapses is how many current problems are relapses.
func (l *Lookback) Relapses() int {
	if l == nil {
		return 0
	}
	return len(l.relapses)
}

// RelapseOf returns the closed earlier problem that a deducting finding on
// a current rule repeats (EarlierProblem.RepeatedBy; itemText is "" for a
// finding that is not an item). Among several, the first in the earlier
// rubric's order.
func (l *Lookback) RelapseOf(rule, itemText string) (EarlierProblem, bool) {
	if l == nil {
		return EarlierProblem{}, false
	}
	for _, e := range l.mapped {
		if e.NowRule == rule && e.RepeatedBy(itemText) {
			return e, true
		}
	}
	return EarlierProblem{}, false
}

// RubricMap follows an earlier rubric's indicators and rules to a
// current one's: by ID when it is the same rubric, else as `rubric diff`
// matches them by their words (diff.Match, diff.MatchRules). Making one
// costs a comparison of the two rubrics, so a caller setting many
// assessments of one pair of rubrics side by side makes it once.
type RubricMap struct {
	same              bool
	indicators, rules map[string]string // earlier ID → current ID
}

// MapRubric maps the earlier rubric old to the current one now.
func MapRubric(old, now *rubric.Rubric) *RubricMap {
	m := &RubricMap{same: old.ID == now.ID && old.Version == now.Version}
	if m.same {
		return m
	}
	match := diff.Match(old, now)
	m.rules = diff.MatchRules(old, now, match)
	m.indicators = make(map[string]string, len(match.Indicators))
	for n, o := range match.Indicators {
		m.indicators[o] = n
	}
	return m
}

// Same reports whether the two rubrics are one (the same ID and version).
func (m *RubricMap) Same() bool { return m.same }

// Indicator is the current indicator that checks what the earlier one
// did, "" when there is none.
func (m *RubricMap) Indicator(id string) string {
	if m.same {
		return id
	}
	return m.indicators[id]
}

// Rule is the current rule that checks what the earlier one did, "" when
// there is none.
func (m *RubricMap) Rule(id string) string {
	if m.same {
		return id
	}
	return m.rules[id]
}

// LookBack sets an earlier period's problems (earlierProblems, of the
// state earlier: the same unit's latest earlier signed assessment, see
// PickEarlier) beside the current assessment (current, and its problems
// currentProblems, derived from its score whether signed or not). Rules
// are followed by MapRubric. Withdrawn earlier problems (their deduction
// was taken back) are left out: nothing was found. A current problem is a
// relapse when RelapseOf finds the closed earlier problem it repeats. It
// is pure: the caller reads the states.
func LookBack(earlier *State, earlierProblems []Problem, current *State, currentProblems []Problem) *Lookback {
	if earlier == nil {
		return LookBackWith(nil, nil, nil, current, currentProblems)
	}
	return LookBackWith(MapRubric(earlier.Rubric, current.Rubric), earlier, earlierProblems, current, currentProblems)
}

// LookBackWith is LookBack with the rubrics' map made already (m maps
// earlier's rubric to current's).
func LookBackWith(m *RubricMap, earlier *State, earlierProblems []Problem, current *State, currentProblems []Problem) *Lookback {
	l := &Lookback{ByIndicator: map[string][]EarlierProblem{}, relapses: map[string]EarlierProblem{}}
	if earlier == nil {
		return l
	}
	l.Earlier = earlier.Assessment
	l.SameRubric = m.Same()
	texts := itemTexts(earlier)
	for _, p := range earlierProblems {
		if p.Status == ProblemWithdrawn {
			continue
		}
		e := EarlierProblem{Problem: p, Assessment: earlier.Assessment.ID, Period: earlier.Assessment.Period, ItemText: texts[p.Key]}
		e.NowIndicator, e.NowRule = m.Indicator(p.Indicator), m.Rule(p.Rule)
		if e.NowIndicator == "" {
			l.Unmapped = append(l.Unmapped, e)
			continue
		}
		l.mapped = append(l.mapped, e)
	}
	sort.SliceStable(l.mapped, func(i, j int) bool { return earlierLess(l.mapped[i], l.mapped[j]) })
	sort.SliceStable(l.Unmapped, func(i, j int) bool { return earlierLess(l.Unmapped[i], l.Unmapped[j]) })
	for _, e := range l.mapped {
		l.ByIndicator[e.NowIndicator] = append(l.ByIndicator[e.NowIndicator], e)
	}
	nowTexts := itemTexts(current)
	for _, p := range currentProblems {
		if p.Status == ProblemWithdrawn {
			continue
		}
		if e, ok := l.RelapseOf(p.Rule, nowTexts[p.Key]); ok {
			l.relapses[p.Key] = e
		}
	}
	return l
}

// earlierLess orders earlier problems as their own period listed them.
func earlierLess(a, b EarlierProblem) bool {
	if a.Rule != b.Rule {
		return scoring.RuleLess(a.Rule, b.Rule)
	}
	return a.ItemID < b.ItemID
}

// itemTexts are the live items' own texts by their problems' keys.
func itemTexts(st *State) map[string]string {
	out := map[string]string{}
	if st == nil || st.Rubric == nil {
		return out
	}
	for _, it := range st.Items("") {
		out[ProblemKey(it.Rule, it.ID)] = it.Text
	}
	return out
}

// PickEarlier picks, among candidates, the assessment a current one looks
// back at: the same unit's latest earlier period that has a signed
// assessment not withdrawn. Periods are compared as written (2020 before
// 2021, 2021H1 before 2021H2), after NormalizePeriod. Two signed
// assessments of that period (under two rubrics) give the one under the
// current rubric's ID, else the latest rubric version. nil when there is
// none.
func PickEarlier(current Assessment, candidates []*State) *State {
	cur := rubric.NormalizePeriod(current.Period)
	var best *State
	for _, st := range candidates {
		a := st.Assessment
		p := rubric.NormalizePeriod(a.Period)
		if a.Unit != current.Unit || a.ID == current.ID || p >= cur || st.Signed() == nil || st.Withdrawn() != nil {
			continue
		}
		if best == nil || laterCandidate(current, a, best.Assessment) {
			best = st
		}
	}
	return best
}

// laterCandidate reports whether a is a better earlier assessment than b
// to look back at from current.
func laterCandidate(current, a, b Assessment) bool {
	pa, pb := rubric.NormalizePeriod(a.Period), rubric.NormalizePeriod(b.Period)
	if pa != pb {
		return pa > pb
	}
	if sa, sb := a.RubricID == current.RubricID, b.RubricID == current.RubricID; sa != sb {
		return sa
	}
	if a.RubricVersion != b.RubricVersion {
		return a.RubricVersion > b.RubricVersion
	}
	return a.ID < b.ID
}
