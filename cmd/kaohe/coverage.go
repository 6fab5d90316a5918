package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// coverageJSON is one unit in `kaohe coverage --json`. Its field names
// are stable: docs/分工与覆盖.md lists them and scripts read them.
type coverageJSON struct {
	Assessment string                  `json:"assessment"`
	Unit       string                  `json:"unit"`
	Period     string                  `json:"period"`
	Double     []string                `json:"double,omitempty"`
	Totals     coverageTotalsJSON      `json:"totals"`
	Indicators []indicatorCoverageJSON `json:"indicators"`
}

// coverageTotalsJSON is a unit's coverage in figures.
type coverageTotalsJSON struct {
	Indicators    int `json:"indicators"`
	Recorded      int `json:"recorded"`
	Unassigned    int `json:"unassigned"`
	DoubleCovered int `json:"double_covered"`
	OutsideWrites int `json:"outside_writes"`
}

// indicatorCoverageJSON is one indicator of a unit's coverage.
type indicatorCoverageJSON struct {
	Indicator  string   `json:"indicator"`
	Category   string   `json:"category"`
	Assigned   []string `json:"assigned"`
	RecordedBy []string `json:"recorded_by"`
	Recorded   bool     `json:"recorded"`
	Unassigned bool     `json:"unassigned"`
	// DoubleCovered: two or more inspectors assigned or recording it
	// without a blind double scoring naming them.
	DoubleCovered bool `json:"double_covered"`
	// Outside are the writes on it by inspectors it is not assigned to.
	Outside []outsideJSON `json:"outside"`
}

// outsideJSON counts one inspector's writes outside their assignment.
type outsideJSON struct {
	Inspector string `json:"inspector"`
	Writes    int    `json:"writes"`
}

func (a *app) coverageCmd() *cobra.Command {
	var period string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "coverage [--period P] [--json]",
		Short: "Per unit and indicator: who is assigned, who recorded; unassigned, doubly covered, not yet recorded, written outside an assignment",
		Example: "  kaohe coverage --period 2021\n" +
			"  kaohe coverage --period 2021 --json",
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			return a.coverage(rubric.NormalizePeriod(period), asJSON)
		},
	}
	cmd.Flags().StringVar(&period, "period", "", "the period (default: the one period of the assessments)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// coverage prints the coverage of every live assessment of period.
func (a *app) coverage(period string, asJSON bool) error {
	return a.openStore(readsStates, func(s opened) error {
		states := live(s.states)
		if period == "" {
			p, err := a.onePeriod(s.Store, states)
			if err != nil {
				return err
			}
			period = p
		}
		var picked []*store.State
		for _, st := range states {
			if st.Assessment.Period == period {
				picked = append(picked, st)
			}
		}
		sortStates(picked)
		var covs []assessment.Coverage
		for _, st := range picked {
			hist, err := s.History(st.Assessment.ID, "")
			if err != nil {
				return err
			}
			covs = append(covs, assessment.CoverageOf(st, hist))
		}
		if asJSON {
			out := make([]coverageJSON, 0, len(covs))
			for _, c := range covs {
				out = append(out, coverageJSONOf(c))
			}
			return writeJSON(a.stdout, out)
		}
		l := a.labelsOfStates(picked)
		if len(covs) == 0 {
			return i18n.Errorf("no assessments of %s", period)
		}
		for i, c := range covs {
			if i > 0 {
				fmt.Fprintln(a.stdout)
			}
			writeCoverage(a, l, c)
		}
		return nil
	})
}

// coverageLine is a unit's coverage in one line: 吉首市/2021 34/36 已记录，
// 2 项未分配, then what else needs the lead's eye.
func coverageLine(l *i18n.Labels, c assessment.Coverage) string {
	w := l.Plan
	t := c.Totals()
	line := textwidth.Line(c.Assessment.Label()) + " " + fmt.Sprintf(w.TotalLine, t.Recorded, t.Indicators, t.Unassigned)
	if t.DoubleCovered > 0 {
		line += fmt.Sprintf(w.TotalDouble, t.DoubleCovered)
	}
	if t.OutsideWrites > 0 {
		line += fmt.Sprintf(w.TotalOutside, t.OutsideWrites)
	}
	return line
}

// writeCoverage prints one unit: its line, then a row per indicator.
func writeCoverage(a *app, l *i18n.Labels, c assessment.Coverage) {
	w := l.Plan
	fmt.Fprintln(a.stdout, coverageLine(l, c))
	rows := [][]string{{l.Indicator, w.AssignedTo, w.RecordedBy, w.Remarks}}
	for _, ic := range c.Indicators {
		rows = append(rows, []string{ic.Indicator, namesText(l, ic.Assigned), namesText(l, ic.RecordedBy), strings.Join(remarks(l, ic), w.Sep)})
	}
	widths := make([]int, 3)
	for _, r := range rows {
		for i := range widths {
			widths[i] = max(widths[i], textwidth.Width(r[i]))
		}
	}
	for _, r := range rows {
		line := "  "
		for i := range widths {
			line += pad(r[i], widths[i]) + "  "
		}
		fmt.Fprintln(a.stdout, strings.TrimRight(line+r[3], " "))
	}
}

// namesText lists inspectors, or a dash for none.
func namesText(l *i18n.Labels, names []string) string {
	if len(names) == 0 {
		return "—"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = textwidth.Line(n)
	}
	return strings.Join(out, l.Plan.Sep)
}

// remarks are what an indicator's row flags.
func remarks(l *i18n.Labels, ic assessment.IndicatorCoverage) []string {
	w := l.Plan
	var out []string
	if ic.Unassigned() {
		out = append(out, w.Unassigned)
	}
	if !ic.Recorded {
		out = append(out, w.NotRecorded)
	}
	if ic.DoubleCovered {
		out = append(out, w.DoubleCovered)
	}
	for _, o := range ic.Outside {
		out = append(out, fmt.Sprintf(w.Outside, textwidth.Line(o.Inspector), o.Writes))
	}
	return out
}

// coverageJSONOf is a unit's coverage as coverage --json gives it.
func coverageJSONOf(c assessment.Coverage) coverageJSON {
	t := c.Totals()
	out := coverageJSON{Assessment: c.Assessment.ID, Unit: c.Assessment.Unit, Period: c.Assessment.Period, Double: c.Double,
		Totals:     coverageTotalsJSON{Indicators: t.Indicators, Recorded: t.Recorded, Unassigned: t.Unassigned, DoubleCovered: t.DoubleCovered, OutsideWrites: t.OutsideWrites},
		Indicators: []indicatorCoverageJSON{}}
	for _, ic := range c.Indicators {
		j := indicatorCoverageJSON{Indicator: ic.Indicator, Category: ic.Category, Assigned: orEmpty(ic.Assigned), RecordedBy: orEmpty(ic.RecordedBy),
			Recorded: ic.Recorded, Unassigned: ic.Unassigned(), DoubleCovered: ic.DoubleCovered, Outside: []outsideJSON{}}
		for _, o := range ic.Outside {
			j.Outside = append(j.Outside, outsideJSON{Inspector: o.Inspector, Writes: o.Writes})
		}
		out.Indicators = append(out.Indicators, j)
	}
	return out
}

// orEmpty is s, or an empty list for none, so JSON says [] not null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
