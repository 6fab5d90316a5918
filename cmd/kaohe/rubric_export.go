package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/spf13/cobra"
)

// rubricExportOptions are the inputs of `kaohe rubric export`.
type rubricExportOptions struct {
	app       *app
	file, out string
	force     bool
}

func (a *app) rubricExportCmd() *cobra.Command {
	o := &rubricExportOptions{app: a}
	cmd := &cobra.Command{
		Use:   "export [--rubric FILE] -o 指标.xlsx [--force]",
		Short: "Write a rubric as an Excel/WPS workbook a clerk can edit",
		Long: "Writes the rubric (the embedded one unless --rubric) as a workbook: 基本信息 (id, version,\n" +
			"title, language, units), 指标 (one row per indicator, like the rubric table), 规则 (one\n" +
			"row per rule, 种类 chosen from a drop-down), 分组 (rules sharing a cap), 档次 (one row\n" +
			"per band of a band rule), 等次 (the grades) and 种类 (what each kind means).\n" +
			"`kaohe rubric import` and every --rubric read it back.",
		Example: "  kaohe rubric export -o 指标.xlsx\n  kaohe rubric export --rubric 2022.yaml -o 2022指标.xlsx",
		Args:    cobra.NoArgs,
		RunE:    func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.file, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "the .xlsx file to write")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

// run writes the workbook.
func (o *rubricExportOptions) run() error {
	a := o.app
	if o.out == "" {
		return i18n.Errorf("give the workbook to write: kaohe rubric export -o 指标.xlsx")
	}
	if !isWorkbook(o.out) {
		return i18n.Errorf("%s: the workbook's name must end in .xlsx", o.out)
	}
	rb, err := loadRubric(o.file)
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	data, err := sheet.Write(rb)
	if err != nil {
		return err
	}
	if err := report.AtomicWrite(o.out, data, o.force); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, a.labels(rb).CLI.Rubric.Wrote+"\n", o.out, rb.ID, rb.Version, len(rb.Indicators()), rb.RuleCount())
	return nil
}
