package report

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Analysis is what the office writes in its 通报 by hand from one period's
// ranking: the 共性问题 and how close each rank is. It covers every unit of
// the period under the report's rubric, whichever units the report shows,
// as the ranks do.
type Analysis struct {
	Period  string          `json:"period"`
	Common  []CommonProblem `json:"common_problems"`
	Margins []Margin        `json:"margins"`
}

// analyse adds to the report each period's Analysis (when f.Analysis) and
// the comparison with f.Compare (when given), from every state of the
// report's periods under its rubric.
func (r *Report) analyse(states []*store.State, f Filter) error {
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
	if f.Analysis {
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
	r.Compare = c
	return nil
}
