package main

import (
	"fmt"
	"io"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/report/rectify"
	"github.com/kaohe/kaohe/rubric"
	"github.com/spf13/cobra"
)

// problemBookOptions are the inputs of `kaohe problem export|import`.
type problemBookOptions struct {
	app                *app
	period, unit, asOf string
	out, file          string
	force              bool
}

// problemBookCmds are the commands of the workbooks of rectification:
// the 问题清单 a unit fills in and returns, and the office's 整改台账.
func (a *app) problemBookCmds() []*cobra.Command {
	return []*cobra.Command{a.problemExportCmd(), a.problemImportCmd()}
}

func (a *app) problemExportCmd() *cobra.Command {
	o := &problemBookOptions{app: a}
	cmd := &cobra.Command{
		Use:   "export --period P [--unit U] -o FILE [--as-of DATE] [--force]",
		Short: "Write a unit's 问题清单 to fill in and return (with --unit), or the office's 整改台账 of every unit",
		Args:  cobra.NoArgs,
		Example: "  kaohe problem export --period 2021 --unit 吉首市 -o 吉首市问题清单.xlsx\n" +
			"  kaohe problem export --period 2021 -o 整改台账.xlsx --as-of 2022-04-01",
		RunE: func(*cobra.Command, []string) error { return o.export() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period (e.g. 2021)")
	cmd.Flags().StringVar(&o.unit, "unit", "", "the unit whose 问题清单 to write (none: the ledger of every unit)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "output file (written atomically)")
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "the ledger's day for 逾期, YYYY-MM-DD (default: today)")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

func (a *app) problemImportCmd() *cobra.Command {
	o := &problemBookOptions{app: a}
	cmd := &cobra.Command{
		Use:   "import FILE [--period P] [--unit U]",
		Short: "Read a unit's returned 问题清单: each filled row is recorded as the unit's rectification, all or nothing",
		Args:  cobra.ExactArgs(1),
		Example: "  kaohe problem import 吉首市问题清单.xlsx\n" +
			"  kaohe problem import 吉首市问题清单.xlsx --unit 吉首市 --period 2021",
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			return o.importBook()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "refuse the workbook unless it is of this period")
	cmd.Flags().StringVar(&o.unit, "unit", "", "refuse the workbook unless it is this unit's")
	return cmd
}

// export writes the unit's 问题清单, or without a unit the ledger.
func (o *problemBookOptions) export() error {
	a := o.app
	if o.out == "" {
		return i18n.Errorf("give the output file: -o FILE")
	}
	if o.period == "" {
		return i18n.Errorf("give the period: --period P")
	}
	o.period = rubric.NormalizePeriod(o.period)
	asOf := o.asOf
	if asOf == "" {
		asOf = a.today()
	} else if !assessment.ValidDate(asOf) {
		return i18n.Errorf("%q is not a date written YYYY-MM-DD", asOf)
	}
	return a.openStore(reads, func(s opened) error {
		entries, err := rectify.Collect(s.Store, o.period, o.unit)
		if err != nil {
			return err
		}
		var rb *rubric.Rubric
		if len(entries) > 0 {
			rb = entries[0].State.Rubric
		}
		l := a.labels(rb)
		if o.unit != "" {
			b, err := rectify.NewBook(l, entries, o.period, o.unit)
			if err != nil {
				return err
			}
			if err := report.AtomicWriteFunc(o.out, o.force, func(w io.Writer) error { return b.Write(l, w) }); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, l.ProblemBook.Exported+"\n", textwidth.Line(o.out), textwidth.Line(o.unit+"/"+o.period), len(b.Rows))
			return nil
		}
		lg, err := rectify.NewLedger(entries, o.period, asOf)
		if err != nil {
			return err
		}
		if err := report.AtomicWriteFunc(o.out, o.force, func(w io.Writer) error { return lg.Write(l, w) }); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, l.ProblemBook.ExportedLedger+"\n", textwidth.Line(o.out), o.period, lg.Count(), lg.Units())
		return nil
	})
}

// importBook records a returned 问题清单 and says what it recorded.
func (o *problemBookOptions) importBook() error {
	a := o.app
	return a.openStore(writes, func(s opened) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		got, err := rectify.Import(s.Store, id, o.file, rectify.ImportOptions{Period: rubric.NormalizePeriod(o.period), Unit: o.unit})
		if err != nil {
			return err
		}
		l := a.labels(nil)
		if got.Returned.Lang != "" {
			l = a.labelsIn(got.Returned.Lang)
		}
		fmt.Fprintf(a.stdout, l.ProblemBook.Imported+"\n", textwidth.Line(o.file), len(got.Recorded), got.Unchanged, got.Empty)
		for _, p := range got.Recorded {
			fmt.Fprintf(a.stdout, "  %s  %s\n", p.ID, textwidth.Line(p.Record.Measure))
		}
		for _, p := range got.StillReturned {
			fmt.Fprintf(a.stdout, "  "+l.ProblemBook.StillReturned+"\n", p.ID)
		}
		return nil
	})
}

// labelsIn is the labels of lang unless --lang asks for others.
func (a *app) labelsIn(lang string) *i18n.Labels {
	if a.lang != "" {
		return i18n.For(a.lang)
	}
	return i18n.For(lang)
}
