package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// reportOptions are the inputs of `kaohe report`.
type reportOptions struct {
	app                        *app
	period, units, format, out string
	force                      bool
}

func (a *app) reportCmd() *cobra.Command {
	o := &reportOptions{app: a}
	cmd := &cobra.Command{
		Use:   "report [--period P] [--units U,…] --format xlsx|csv|md|json -o FILE [--force]",
		Short: "Write the ranking and a score sheet per unit (Excel, CSV, Markdown or JSON)",
		Args:  cobra.NoArgs,
		Example: "  kaohe report --period 2021 --format xlsx -o 2021考核结果.xlsx\n" +
			"  kaohe report --units 吉首市,泸溪县 --format md -o 结果.md",
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "only this period (e.g. 2021)")
	cmd.Flags().StringVar(&o.units, "units", "", "only these units, comma-separated")
	cmd.Flags().StringVar(&o.format, "format", "", "xlsx, csv, md or json (default: from the file name)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "output file (written atomically)")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

// run builds the report from every matching assessment and writes it.
func (o *reportOptions) run() error {
	a := o.app
	if o.out == "" {
		return errors.New("give the output file: -o FILE")
	}
	format := o.format
	if format == "" {
		format = report.FormatFromPath(o.out)
	}
	return a.readStore(func(s *store.Store) error {
		states, err := s.States()
		if err != nil {
			return err
		}
		a.warnMismatches(s, states...)
		var l = a.labels(nil)
		if len(states) > 0 {
			l = a.labels(states[0].Rubric)
		}
		var us []string
		if o.units != "" {
			us = strings.FieldsFunc(o.units, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
		}
		r, err := report.Build(states, report.Filter{Period: o.period, Units: us}, l, a.now())
		if err != nil {
			return err
		}
		if err := r.WriteFile(o.out, format, o.force); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, l.CLI.ReportWrote+"\n", o.out, len(r.Ranking))
		return nil
	})
}
