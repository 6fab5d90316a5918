package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// reportOptions are the inputs of `kaohe report`.
type reportOptions struct {
	app                        *app
	period, units, format, out string
	stage                      string // preliminary, final, or "" for the latest each assessment reached
	force                      bool
	allowUnverified            bool   // write sheets over records failing their hash, marked 未通过核验
	with                       string // formats besides xlsx in a .zip bundle
	compare                    string // an earlier period for the 同比 (--compare, --vs)
	date                       string // the date of writing in the titles (--date), YYYY-MM-DD
}

func (a *app) reportCmd() *cobra.Command {
	o := &reportOptions{app: a}
	cmd := &cobra.Command{
		Use:   "report [--period P] [--units U,…] --format xlsx|csv|md|json -o FILE [--force]",
		Short: "Write the ranking and a score sheet per unit (Excel, CSV, Markdown or JSON)",
		Args:  cobra.NoArgs,
		Example: "  kaohe report --period 2021 --format xlsx -o 2021考核结果.xlsx\n" +
			"  kaohe report --period 2021 -o 2021考核结果.zip --with csv   # with 佐证材料 and manifest.csv\n" +
			"  kaohe report --units 吉首市,泸溪县 --format md -o 结果.md",
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "only this period (e.g. 2021)")
	cmd.Flags().StringVar(&o.units, "units", "", "only these units, comma-separated")
	cmd.Flags().StringVar(&o.format, "format", "", "xlsx, csv, md or json (default: from the file name)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "output file (written atomically)")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	cmd.Flags().StringVar(&o.with, "with", "", "for a .zip bundle: formats to add beside the xlsx (csv,md,json)")
	cmd.Flags().StringVar(&o.stage, "stage", "", "which result the sheets show: preliminary or final (default: the latest each unit reached)")
	cmd.Flags().StringVar(&o.compare, "compare", "", "compare with an earlier period (同比): each unit's change of total, rank and category")
	cmd.Flags().StringVar(&o.compare, "vs", "", "the same as --compare")
	cmd.Flags().StringVar(&o.date, "date", "", "the date of writing the titles carry, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&o.allowUnverified, "allow-unverified", false, "write the report although records fail their hash: those sheets say 未通过核验 and carry no signature or fingerprint")
	return cmd
}

// run builds the report from every matching assessment and writes it.
func (o *reportOptions) run() error {
	a := o.app
	if o.out == "" {
		return i18n.Errorf("give the output file: -o FILE")
	}
	o.period = rubric.NormalizePeriod(o.period)
	o.stage = strings.ToLower(strings.TrimSpace(o.stage))
	if err := report.CheckStage(o.stage); err != nil {
		return err
	}
	o.compare = rubric.NormalizePeriod(o.compare)
	var dated time.Time
	if o.date != "" {
		d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(o.date), time.Local)
		if err != nil {
			return i18n.Errorf("--date %q: write the date of writing as YYYY-MM-DD (2021-12-31)", o.date)
		}
		dated = d
	}
	format := o.format
	if format == "" {
		format = report.FormatFromPath(o.out)
	}
	return a.openStore(readsStates, func(s opened) error {
		states := s.states
		a.warnUntrusted(s.Store, states...)
		states = live(states)
		l := a.labelsOfStates(states)
		unverified, err := o.unverified(s.Store, states, l)
		if err != nil {
			return err
		}
		var us []string
		if o.units != "" {
			us = strings.FieldsFunc(o.units, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
		}
		r, err := report.Build(states, report.Filter{Period: o.period, Units: us, Unverified: unverified, Analysis: true, Compare: o.compare, Dated: dated, Stage: o.stage}, l, a.now())
		if err != nil {
			return err
		}
		if format == "zip" {
			return o.writeBundle(s.Store, r, l)
		}
		if err := r.WriteFile(o.out, format, o.force); err != nil {
			return r.Worded(err)
		}
		fmt.Fprintf(a.stdout, l.CLI.ReportWrote+"\n", o.out, len(r.Ranking))
		return nil
	})
}

// unverified finds the records of the period's assessments (every one
// ranked, not only those shown) that fail their hash. Without
// --allow-unverified that refuses the report, naming them: a signature or
// a fingerprint printed over them would vouch for values nobody recorded.
// With it, the warning goes to stderr and the records, worded, go to the
// sheets, which say 未通过核验 instead.
func (o *reportOptions) unverified(s *store.Store, states []*store.State, l *i18n.Labels) (map[string][]string, error) {
	var inPeriod []*store.State
	for _, st := range states {
		if o.period == "" || st.Assessment.Period == o.period {
			inPeriod = append(inPeriod, st)
		}
	}
	if len(inPeriod) == 0 {
		return nil, nil
	}
	bad, err := s.HashMismatches(inPeriod...)
	if err != nil {
		return nil, err
	}
	out := report.Unverified(l, bad)
	var named []string
	for _, st := range inPeriod {
		for _, rec := range out[st.Assessment.ID] {
			named = append(named, st.Assessment.Label()+" "+rec)
		}
	}
	if len(named) == 0 {
		return nil, nil
	}
	if !o.allowUnverified {
		return nil, errors.New(textwidth.Line(fmt.Sprintf(l.Report.Refused, len(named), strings.Join(named, l.Report.ListSep))))
	}
	o.app.warnMismatches(s, inPeriod...)
	return out, nil
}

// writeBundle writes the .zip: the xlsx (and --with formats), every
// attachment of the reported assessments, and manifest.csv; l words the
// line saying so, as it words the report.
func (o *reportOptions) writeBundle(s *store.Store, r *report.Report, l *i18n.Labels) error {
	formats := []string{"xlsx"}
	for _, f := range strings.FieldsFunc(o.with, func(r rune) bool { return r == ',' || r == '，' }) {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "xlsx" {
			continue
		}
		if !slices.Contains(report.Formats(), f) {
			return i18n.Errorf("--with %s: a bundle can add %s", f, strings.Join(report.Formats()[1:], ", "))
		}
		formats = append(formats, f)
	}
	err := report.AtomicWriteFunc(o.out, o.force, func(w io.Writer) error {
		return r.WriteBundle(w, formats, s.WriteBlob)
	})
	if err != nil {
		return r.Worded(err)
	}
	files := 0
	for _, sh := range r.Sheets {
		files += len(sh.Evidence)
	}
	fmt.Fprintf(o.app.stdout, l.CLI.BundleWrote+"\n", textwidth.Line(o.out), len(r.Ranking), files)
	return nil
}
