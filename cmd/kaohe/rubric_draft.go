package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/draft"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/spf13/cobra"
)

// rubricDraftOptions are the inputs of `kaohe rubric draft`.
type rubricDraftOptions struct {
	app   *app
	table string
	out   string
	force bool
	draft.Options
}

func (a *app) rubricDraftCmd() *cobra.Command {
	o := &rubricDraftOptions{app: a}
	cmd := &cobra.Command{
		Use:   "draft TABLE.txt [--id ID --version V] -o draft.yaml|draft.xlsx [--force]",
		Short: "Draft a rubric from a rubric table saved as text (Word/WPS); rules it is unsure of are marked review",
		Args:  cobra.ExactArgs(1),
		Example: "  kaohe rubric draft 2025考核细则.txt --id gov-county --version 2025 -o draft.yaml\n" +
			"  kaohe rubric draft 2025考核细则.txt --id gov-county --version 2025 -o 指标.xlsx\n" +
			"  kaohe rubric validate draft.yaml",
		RunE: func(_ *cobra.Command, args []string) error {
			o.table = args[0]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.ID, "id", "", "rubric id (default: draft)")
	cmd.Flags().StringVar(&o.Version, "version", "", "rubric version (default: draft)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "draft file to write: .yaml, or .xlsx for a workbook to finish in WPS/Excel; default: YAML on standard output")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

// run drafts the table, writes the draft, and lists what to review. The
// draft is written even when the table's arithmetic is wrong (it is there to
// be fixed); then the command fails naming the lines of the draft to fix.
func (o *rubricDraftOptions) run() error {
	a := o.app
	for _, f := range []struct{ flag, what, value string }{{"--id", "rubric id", o.ID}, {"--version", "rubric version", o.Version}} {
		if f.value == "" {
			continue // draft
		}
		if err := rubric.ValidID(f.what, f.value); err != nil {
			return fmt.Errorf("%s: %w", f.flag, err)
		}
	}
	workbook := isWorkbook(o.out)
	switch strings.ToLower(filepath.Ext(o.out)) {
	case ".yaml", ".yml", ".xlsx":
	case "":
		if o.out != "" {
			return i18n.Errorf("-o %s: name the draft file with .yaml or .xlsx", o.out)
		}
	default:
		return i18n.Errorf("-o %s: a draft is written as YAML (.yaml) or as a workbook (.xlsx)", o.out)
	}
	if o.out != "" {
		if st, err := os.Stat(filepath.Dir(o.out)); err != nil || !st.IsDir() {
			return i18n.Errorf("-o %s: there is no folder %s to write the draft in", o.out, filepath.Dir(o.out))
		}
	}
	data, err := draft.ReadTable(o.table)
	if err != nil {
		return err
	}
	text, encoding, err := draft.Decode(data)
	if err != nil {
		return fmt.Errorf("%s: %w", o.table, err)
	}
	rb, err := draft.FromText(text, o.Options)
	if err != nil {
		return fmt.Errorf("%s: %w", o.table, err)
	}
	name, w := o.out, a.stdout
	if o.out == "" {
		name, w = "draft.yaml", a.stderr // keep stdout the YAML alone
	}
	// Checked as the loader will read the file, so problems name its lines
	// (or, in a workbook, its cells).
	var out []byte
	var loadErr error
	if workbook {
		if out, err = sheet.Write(rb); err != nil {
			return fmt.Errorf("%s: %w", o.out, err)
		}
		_, loadErr = sheet.Parse(name, out)
	} else {
		out = draft.WriteYAML(rb)
		_, loadErr = rubric.Parse(name, out)
	}
	if o.out == "" {
		if _, err := a.stdout.Write(out); err != nil {
			return err
		}
	} else if err := report.AtomicWrite(o.out, out, o.force); err != nil {
		return err
	}
	l := a.labels(rb).CLI.Rubric
	from := o.table
	if encoding != "UTF-8" {
		from += fmt.Sprintf(l.ReadAs, encoding)
	}
	fmt.Fprintf(w, l.Drafted+"\n", name, len(rb.Categories), len(rb.Indicators()), rb.RuleCount(), from)
	printReviews(w, l, name, rb)
	if loadErr != nil {
		fmt.Fprintf(a.stderr, l.NotValidYet+"\n", name, report.ErrorText(a.labels(rb), loadErr))
		return exitError{1}
	}
	return nil
}

// printReviews lists the rules of a rubric still marked for review.
func printReviews(w io.Writer, l i18n.RubricCLI, name string, rb *rubric.Rubric) {
	rs := rb.Reviews()
	if len(rs) == 0 {
		return
	}
	format := l.ToReview
	if len(rs) == 1 {
		format = l.ToReviewOne
	}
	fmt.Fprintf(w, format+"\n", name, len(rs))
	for _, r := range rs {
		fmt.Fprintf(w, "  %-8s %s\n           «%s»\n", r.ID, r.Review, r.Clause)
	}
}
