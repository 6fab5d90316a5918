package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"path/filepath"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/spf13/cobra"
)

// rubricImportOptions are the inputs of `kaohe rubric import`.
type rubricImportOptions struct {
	app   *app
	out   string
	force bool
}

func (a *app) rubricImportCmd() *cobra.Command {
	o := &rubricImportOptions{app: a}
	cmd := &cobra.Command{
		Use:   "import 指标.xlsx [-o rubric.yaml] [--force]",
		Short: "Turn a rubric workbook back into the YAML format (checked first)",
		Long: "Reads a workbook written by `kaohe rubric export` (and edited in Excel or WPS), checks it\n" +
			"like `kaohe rubric validate` — every problem named by sheet and cell — and writes the\n" +
			"rubric as YAML in the layout of rubric/default.yaml (to stdout without -o).",
		Example: "  kaohe rubric import 指标.xlsx -o rubric.yaml",
		Args:    cobra.ExactArgs(1),
		RunE:    func(_ *cobra.Command, args []string) error { return o.run(args) },
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "the YAML file to write (default: stdout)")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

// run checks the workbook and writes it as YAML.
func (o *rubricImportOptions) run(args []string) error {
	a := o.app
	if !isWorkbook(args[0]) {
		return i18n.Errorf("%s: import reads a workbook (.xlsx); a YAML rubric needs no import", args[0])
	}
	rb, err := loadRubric(args[0])
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	data := rubric.MarshalYAML(rb, fmt.Sprintf("kaohe rubric: %s\nImported from %s by `kaohe rubric import`.\nEditing the content of this file means giving it a new version.", rb.Title, filepath.Base(args[0])))
	if o.out == "" || o.out == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	if isWorkbook(o.out) {
		return i18n.Errorf("import writes YAML: name the output rubric.yaml")
	}
	if err := report.AtomicWrite(o.out, data, o.force); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, a.labels(rb).CLI.Rubric.Wrote+"\n", o.out, rb.ID, rb.Version, len(rb.Indicators()), rb.RuleCount())
	return nil
}
