package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report/agreement"
	"github.com/kaohe/kaohe/rubric"
	"github.com/spf13/cobra"
)

// agreementOptions are the inputs of `kaohe agreement`.
type agreementOptions struct {
	app    *app
	period string
	asJSON bool
}

// agreementJSON is one figure of `kaohe agreement --json`: statistics
// undefined on the data (no variation, too few values) are null.
type agreementJSON struct {
	Rubric    string   `json:"rubric"`
	Period    string   `json:"period"`
	Indicator string   `json:"indicator"`
	A         string   `json:"inspector_a"`
	B         string   `json:"inspector_b"`
	Units     int      `json:"units"`
	Compared  int      `json:"compared"`
	Same      float64  `json:"same"`
	MeanDiff  float64  `json:"mean_difference"`
	Kappa     *float64 `json:"kappa"`
	KappaN    int      `json:"kappa_n"`
	ICC       *float64 `json:"icc"`
	ICCN      int      `json:"icc_n"`
}

func (a *app) agreementCmd() *cobra.Command {
	o := &agreementOptions{app: a}
	cmd := &cobra.Command{
		Use:   "agreement [--period P] [--json]",
		Short: "How far inspectors who scored the same units agree, per indicator, worst first",
		Long: "For every pair of inspectors who recorded the same rules of the same units: the share of equal values, the mean difference of the deductions, " +
			"and Cohen's linearly weighted kappa (flags and counts) or the intraclass correlation ICC(2,1) (figures). " +
			"The values are what each inspector recorded before any conflict was settled.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "only the assessments of this period")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// run reads every assessment's history and measures the agreement per
// rubric and period.
func (o *agreementOptions) run() error {
	a := o.app
	return a.openStore(readsStates, func(s opened) error {
		type group struct {
			rb     *rubric.Rubric
			period string
			units  map[string]agreement.Recorded
		}
		groups := map[string]*group{}
		for _, st := range live(s.states) {
			if o.period != "" && st.Assessment.Period != o.period {
				continue
			}
			revs, err := s.History(st.Assessment.ID, "")
			if err != nil {
				return err
			}
			k := st.Rubric.ID + "\x00" + st.Rubric.Version + "\x00" + st.Assessment.Period
			g := groups[k]
			if g == nil {
				g = &group{rb: st.Rubric, period: st.Assessment.Period, units: map[string]agreement.Recorded{}}
				groups[k] = g
			}
			g.units[st.Assessment.Unit] = agreement.FromHistory(st.Rubric, revs)
		}
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []agreementJSON
		for _, k := range keys {
			g := groups[k]
			for _, f := range agreement.Compute(g.rb, g.units) {
				out = append(out, agreementJSON{Rubric: g.rb.ID + " " + g.rb.Version, Period: g.period, Indicator: f.Indicator, A: f.Pair.A, B: f.Pair.B,
					Units: f.Units, Compared: f.Compared, Same: round4(f.Same), MeanDiff: round4(f.MeanDiff),
					Kappa: defined(f.Kappa), KappaN: f.KappaN, ICC: defined(f.ICC), ICCN: f.ICCN})
			}
		}
		if o.asJSON {
			if out == nil {
				out = []agreementJSON{}
			}
			return writeJSON(a.stdout, out)
		}
		return o.print(a.stdout, out)
	})
}

// print writes the figures as a table.
func (o *agreementOptions) print(w io.Writer, figs []agreementJSON) error {
	l := o.app.labels(nil).InspectorAgreement
	var b strings.Builder
	if len(figs) == 0 {
		b.WriteString(l.None + "\n")
	} else {
		b.WriteString(strings.Join([]string{pad(l.Indicator, 6), pad(l.Pair, 14), pad(l.Units, 6), pad(l.Same, 8), pad(l.MeanDiff, 8), pad(l.Kappa, 12), l.ICC}, "  ") + "\n")
	}
	for _, f := range figs {
		b.WriteString(strings.Join([]string{pad(f.Indicator, 6), pad(f.A+"/"+f.B, 14), pad(fmt.Sprint(f.Units), 6),
			pad(fmt.Sprintf("%.0f%%", f.Same*100), 8), pad(fmt.Sprintf("%.2f", f.MeanDiff), 8),
			pad(stat(f.Kappa, f.KappaN), 12), stat(f.ICC, f.ICCN)}, "  ") + "\n")
	}
	_, err := io.WriteString(w, textwidth.Sanitize(b.String(), true))
	return err
}

// stat shows a statistic with how many values it rests on, "—" where it
// is undefined or there was nothing to compute it on.
func stat(v *float64, n int) string {
	if n == 0 {
		return "—"
	}
	if v == nil {
		return fmt.Sprintf("—（%d）", n)
	}
	return fmt.Sprintf("%.2f（%d）", *v, n)
}

func defined(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := round4(v)
	return &r
}

func round4(v float64) float64 { return math.Round(v*10000) / 10000 }
