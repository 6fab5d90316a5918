package main

import (
	"errors"
	"fmt"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/spf13/cobra"
)

func (a *app) rubricExportCmd() *cobra.Command {
	var file, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export [--rubric FILE] -o 指标.xlsx [--force]",
		Short: "Write a rubric as an Excel/WPS workbook a clerk can edit",
		Long: "Writes the rubric (the embedded one unless --rubric) as a workbook: 基本信息 (id, version,\n" +
			"title, language, units), 指标 (one row per indicator, like the rubric table), 规则 (one\n" +
			"row per rule, 种类 chosen from a drop-down), 分组 (rules sharing a cap) and 种类 (what\n" +
			"each kind means). `kaohe rubric import` and every --rubric read it back.",
		Example: "  kaohe rubric export -o 指标.xlsx\n  kaohe rubric export --rubric 2022.yaml -o 2022指标.xlsx",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if out == "" {
				return errors.New("give the workbook to write: kaohe rubric export -o 指标.xlsx")
			}
			if !isWorkbook(out) {
				return fmt.Errorf("%s: the workbook's name must end in .xlsx", out)
			}
			rb, err := loadRubric(file)
			if err != nil {
				fmt.Fprintln(a.stderr, err)
				return exitError{1}
			}
			data, err := sheet.Write(rb)
			if err != nil {
				return err
			}
			if err := report.AtomicWrite(out, data, force); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s: %s %s, %d indicators, %d rules\n", out, rb.ID, rb.Version, len(rb.Indicators()), rb.RuleCount())
			return nil
		},
	}
	cmd.Flags().StringVar(&file, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the .xlsx file to write")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
