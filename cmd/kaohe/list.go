package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// summary is one assessment's line in `kaohe list`.
type summary struct {
	ID     string `json:"id"`
	Unit   string `json:"unit"`
	Period string `json:"period"`
	Rubric string `json:"rubric"`
	// RubricVersion is the version of the rubric, the column list shows:
	// two assessments of one unit and period differ by it.
	RubricVersion string       `json:"rubric_version"`
	Inspectors    []string     `json:"inspectors"`
	Progress      string       `json:"progress"`
	Recorded      int          `json:"indicators_recorded"`
	Indicators    int          `json:"indicators_total"`
	Total         *decimal.Dec `json:"total"`
	Finished      bool         `json:"finished"` // every indicator recorded: the total is final, not provisional
	Status        string       `json:"status"`
	Conflicts     int          `json:"conflicts"`
	// Withdrawn says the assessment was withdrawn (list --all shows it).
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Grade is the 等次 earned, when the rubric has grades; VetoedBy the
	// veto rules recorded true; Verdict says both, as the line shows them.
	Grade    string   `json:"grade,omitempty"`
	VetoedBy []string `json:"vetoed_by,omitempty"`
	rubric   *rubric.Rubric
}

func summarize(st *store.State) summary {
	sm := summary{ID: st.Assessment.ID, Unit: st.Assessment.Unit, Period: st.Assessment.Period,
		Rubric: st.Assessment.RubricID + " " + st.Assessment.RubricVersion, RubricVersion: st.Assessment.RubricVersion, Inspectors: st.ShownInspectors(),
		Status: st.Status(), Conflicts: st.ResultConflicts(), Withdrawn: st.Withdrawn() != nil}
	if sm.Inspectors == nil {
		sm.Inspectors = []string{}
	}
	if row, err := report.Summarize(st); err == nil {
		sm.Total = &row.Total
		sm.Recorded, sm.Indicators, sm.Finished = row.Recorded, row.Indicators, row.Finished
		sm.Grade, sm.VetoedBy = row.Grade, row.VetoedBy
		sm.rubric = st.Rubric
	}
	sm.Progress = fmt.Sprintf("%d/%d", sm.Recorded, sm.Indicators)
	return sm
}

// listOptions are the inputs of `kaohe list`.
type listOptions struct {
	app    *app
	asJSON bool
	all    bool // withdrawn assessments too, marked
}

func (a *app) listCmd() *cobra.Command {
	o := &listOptions{app: a}
	cmd := &cobra.Command{
		Use: "list", Short: "List assessments: unit, period, inspectors, progress, total, status, conflicts", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.all, "all", false, "withdrawn assessments too, marked")
	return cmd
}

// run prints one line (or JSON object) per assessment.
func (o *listOptions) run() error {
	a := o.app
	return a.openStore(readsStates, func(s opened) error {
		states := s.states
		a.warnMismatches(s.Store, states...)
		if !o.all {
			states = live(states)
		}
		rows := make([]summary, 0, len(states))
		for _, st := range states {
			rows = append(rows, summarize(st))
		}
		if o.asJSON {
			return writeJSON(a.stdout, rows)
		}
		l := a.labelsOfStates(states)
		if len(rows) == 0 {
			fmt.Fprintln(a.stdout, l.CLI.NoAssessments)
			return nil
		}
		// Totals first: the column is as wide as the widest, provisional
		// ones (暂 99.40) included.
		totals := make([]string, len(rows))
		totalW := max(8, textwidth.Width(l.Total))
		for i, r := range rows {
			totals[i] = "-"
			if r.Total != nil {
				totals[i] = report.TotalShort(l, *r.Total, r.Recorded, r.Indicators)
			}
			totalW = max(totalW, textwidth.Width(totals[i]))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s %s %s %s %s  %s %s  %s\n", pad(l.Unit, 10), pad(l.Period, 8), pad(l.Rubric, 8), pad(l.Inspectors, 16),
			padL(l.Progress, 8), padL(l.Total, totalW), pad(l.Status, 9), padL(l.Conflicts, 9), l.CLI.AssessmentID)
		for i, r := range rows {
			ln := textwidth.Line
			status := l.StatusName(r.Status)
			if r.Withdrawn {
				status = l.CLI.Doors.WithdrawnMark
			}
			fmt.Fprintf(&b, "%s %s %s %s %s %s  %s %s  %s", pad(ln(r.Unit), 10), pad(ln(r.Period), 8), pad(ln(r.RubricVersion), 8),
				pad(ln(strings.Join(r.Inspectors, ",")), 16), padL(r.Progress, 8), padL(totals[i], totalW), pad(status, 9),
				padL(fmt.Sprint(r.Conflicts), 9), store.ShortID(r.ID, 12))
			if r.rubric != nil {
				if v := report.VerdictText(l, r.rubric, r.Grade, r.VetoedBy); v != "" {
					b.WriteString("  " + v) // a grade or a veto only a rubric beyond the seed's has
				}
			}
			b.WriteString("\n")
		}
		_, err := io.WriteString(a.stdout, b.String())
		return err
	})
}
