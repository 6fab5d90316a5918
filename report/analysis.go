package report

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Analysis is what the office writes in its 通报 by hand from one period's
// ranking: the 共性问题 and how close each rank is. It covers every unit of
// the period under the report's rubric, as the ranks do; a report for some
// units has none.
type Analysis struct {
	Period  string          `json:"period"`
	Common  []CommonProblem `json:"common_problems"`
	Margins []Margin        `json:"margins"`
}

// analyse adds to the report each period's Analysis (when f.Analysis) and
// the comparison with f.Compare (when given), from every state of the
// report's periods under its rubric. A report for some units (selected,
// by NFC name; empty for all) has no Analysis, which would name the other
// units, and compares only the units it shows (their ranks among all).
func (r *Report) analyse(states []*store.State, f Filter, selected map[string]bool) error {
	rb := r.Ranking[0].Rubric
	var periods []string
	byPeriod := map[string][]*store.State{}
	for _, row := range r.Ranking {
		if _, ok := byPeriod[row.Period]; !ok {
			periods = append(periods, row.Period)
			byPeriod[row.Period] = nil
		}
	}
	for _, st := range states {
		a := st.Assessment
		p := clean(a.Period)
		if list, ok := byPeriod[p]; ok && a.RubricID+" "+a.RubricVersion == rb {
			byPeriod[p] = append(list, st)
		}
	}
	if f.Analysis && len(selected) == 0 {
		for _, p := range periods {
			an := Analysis{Period: p}
			var err error
			if an.Common, err = CommonProblems(byPeriod[p]); err != nil {
				return err
			}
			if an.Margins, err = Margins(byPeriod[p]); err != nil {
				return err
			}
			r.Analyses = append(r.Analyses, an)
		}
	}
	if f.Compare == "" {
		return nil
	}
	if len(periods) != 1 {
		return i18n.Errorf("a comparison needs a report of one period; give --period")
	}
	if f.Compare == periods[0] {
		return i18n.Errorf("compare with another period than %s", f.Compare)
	}
	var earlier []*store.State
	rubrics := map[string]bool{}
	for _, st := range states {
		if a := st.Assessment; a.Period == f.Compare {
			earlier = append(earlier, st)
			rubrics[a.RubricID+" "+a.RubricVersion] = true
		}
	}
	if len(earlier) == 0 {
		return i18n.Errorf("no assessment of period %s to compare with (kaohe list shows the periods)", f.Compare)
	}
	if len(rubrics) > 1 {
		var names []string
		for k := range rubrics {
			names = append(names, k)
		}
		sort.Strings(names)
		return i18n.Errorf("period %s is assessed under several rubrics (%s); a comparison needs one", f.Compare, strings.Join(names, r.labels.Report.ListSep))
	}
	c, err := Compare(byPeriod[periods[0]], earlier)
	if err != nil {
		return err
	}
	if c != nil && len(selected) > 0 {
		shown := map[string]bool{}
		for _, row := range r.Ranking {
			shown[row.Unit] = true
		}
		var units []UnitChange
		for _, u := range c.Units {
			if shown[u.Unit] {
				units = append(units, u)
			}
		}
		var only []string
		for _, u := range c.OnlyNow {
			if shown[u] {
				only = append(only, u)
			}
		}
		c.Units, c.OnlyNow, c.OnlyEarlier = units, only, nil
	}
	r.Compare = c
	return nil
}
