// Package rectify writes and reads the workbooks of rectification (整改):
// the 问题清单 the office sends a unit, which the unit fills in WPS and
// returns, and the office's 整改台账 of every unit of a period. The
// problems come from the store (store.ProblemsOf): this package only lays
// them out, and reads a returned workbook back into the changes the store
// records, refusing — before anything is written — a workbook whose
// office cells were changed, that names a problem twice or one that does
// not exist, or that gives a date that is not a date.
package rectify

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Entry is one signed assessment and its problems (withdrawn ones
// included: the ledger lists them; a unit's workbook leaves them out).
type Entry struct {
	State    *store.State
	Problems []assessment.Problem
	// Lookback is what the unit's last signed period left (回头看): the
	// ledger marks the problems that repeat one closed then (反弹).
	Lookback *assessment.Lookback
}

// Collect is the problems of every assessment of period (of unit alone
// when unit is not ""), units in name order: the data path of both
// workbooks, reading only the period's states (store.StatesOfPeriod). Withdrawn assessments and assessments with
// no problems (never signed, or signed without a deduction) are left out.
func Collect(s *store.Store, period, unit string) ([]Entry, error) {
	states, err := s.StatesOfPeriod(period)
	if err != nil {
		return nil, err
	}
	entries, err := collect(states, period, unit)
	if err != nil || len(entries) == 0 {
		return entries, err
	}
	listed := make([]*store.State, len(entries))
	for i, e := range entries {
		listed[i] = e.State
	}
	lbs, err := s.LookbacksFor(listed) // the earlier periods, read only as far back as needed
	if err != nil {
		return nil, err
	}
	return entries, lookBack(entries, lbs)
}

// lookBack sets each entry's Lookback.
func lookBack(entries []Entry, lbs *store.Lookbacks) error {
	for i := range entries {
		lb, err := lbs.Of(entries[i].State, entries[i].Problems)
		if err != nil {
			return err
		}
		entries[i].Lookback = lb
	}
	return nil
}

// CollectStates is Collect on states already read (as `kaohe list` and
// the TUI hold them): the same entries, in the same order.
func CollectStates(states []*store.State, period, unit string) ([]Entry, error) {
	entries, err := collect(states, period, unit)
	if err != nil {
		return nil, err
	}
	return entries, lookBack(entries, store.NewLookbacks(states))
}

// collect is the entries of period (and unit) among states, without
// their Lookback.
func collect(states []*store.State, period, unit string) ([]Entry, error) {
	period, unit = strings.TrimSpace(period), strings.TrimSpace(unit)
	var out []Entry
	for _, st := range states {
		a := st.Assessment
		if a.Period != period || (unit != "" && a.Unit != unit) || st.Withdrawn() != nil {
			continue
		}
		ps, err := store.ProblemsOf(st)
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			out = append(out, Entry{State: st, Problems: ps})
		}
	}
	sortEntries(out)
	return out, nil
}

// sortEntries orders entries by unit, then rubric, so every laptop lays
// out the same workbook from the same records.
func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].State.Assessment, es[j].State.Assessment
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.RubricID != b.RubricID {
			return a.RubricID < b.RubricID
		}
		return a.RubricVersion < b.RubricVersion
	})
}

// errNoProblems says there is nothing to lay out.
func errNoProblems(period, unit string) error {
	if unit == "" {
		return i18n.Errorf("period %s has no signed assessment with problems", period)
	}
	return i18n.Errorf("%s of period %s has no problem to rectify", unit, period)
}

// problemText is what the 问题 column says: the rule's short name and
// what was found (the item's text, or the note).
func problemText(st *store.State, p assessment.Problem) string {
	name := p.Rule
	if ref, ok := st.Rubric.Rule(p.Rule); ok {
		name = ref.Rule.Name()
	}
	if p.Found == "" || p.Found == name {
		return name
	}
	return name + "：" + p.Found
}

// indicatorText is what the 指标 column says: the indicator's ID and
// content.
func indicatorText(st *store.State, p assessment.Problem) string {
	if _, ind, ok := st.Rubric.Indicator(p.Indicator); ok {
		return ind.ID + " " + strings.TrimSpace(ind.Content)
	}
	return p.Indicator
}

// pointsText is what the 扣分 column says: the exact deduction, or 一票否决.
func pointsText(l *i18n.Labels, p assessment.Problem) string {
	if p.Veto {
		return l.ProblemBook.Veto
	}
	return p.Points.String()
}
