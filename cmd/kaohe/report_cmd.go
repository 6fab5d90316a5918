package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

func (a *app) reportCmd() *cobra.Command {
	var period, units, format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "report [--period P] [--units U,…] --format xlsx|csv|md|json -o FILE [--force]",
		Short: "Write the ranking and a score sheet per unit (Excel, CSV, Markdown or JSON)",
		Args:  cobra.NoArgs,
		Example: "  kaohe report --period 2021 --format xlsx -o 2021考核结果.xlsx\n" +
			"  kaohe report --units 吉首市,泸溪县 --format md -o 结果.md",
		RunE: func(*cobra.Command, []string) error {
			if out == "" {
				return errors.New("give the output file: -o FILE")
			}
			if format == "" {
				format = report.FormatFromPath(out)
			}
			return a.readStore(func(s *store.Store) error {
				states, err := s.States()
				if err != nil {
					return err
				}
				var l = a.labels(nil)
				if len(states) > 0 {
					l = a.labels(states[0].Rubric)
				}
				var us []string
				if units != "" {
					us = strings.FieldsFunc(units, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
				}
				r, err := report.Build(states, report.Filter{Period: period, Units: us}, l, a.now())
				if err != nil {
					return err
				}
				if err := r.WriteFile(out, format, force); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "wrote %s: %d units ranked\n", out, len(r.Ranking))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&period, "period", "", "only this period (e.g. 2021)")
	cmd.Flags().StringVar(&units, "units", "", "only these units, comma-separated")
	cmd.Flags().StringVar(&format, "format", "", "xlsx, csv, md or json (default: from the file name)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (written atomically)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
