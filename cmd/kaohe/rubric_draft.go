package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/draft"
	"github.com/spf13/cobra"
)

// rubricDraftCmd is `kaohe rubric draft TABLE.txt -o draft.yaml`: a rubric
// drafted from the text of a rubric table, for a person to finish.
func (a *app) rubricDraftCmd() *cobra.Command {
	var opts draft.Options
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "draft TABLE.txt [--id ID --version V] -o draft.yaml [--force]",
		Short: "Draft a rubric from a rubric table saved as text (Word/WPS); rules it is unsure of are marked review",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch strings.ToLower(filepath.Ext(out)) {
			case ".yaml", ".yml":
			case ".xlsx":
				return fmt.Errorf("-o %s: this build cannot write a draft as a workbook yet; write it as YAML (-o draft.yaml)", out)
			case "":
				if out != "" {
					return fmt.Errorf("-o %s: name the draft file with .yaml", out)
				}
			default:
				return fmt.Errorf("-o %s: a draft is written as YAML; name it with .yaml", out)
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("%s: cannot read the table: %w", args[0], errors.Unwrap(err))
			}
			rb, err := draft.FromBytes(data, opts)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			yamlOut := draft.WriteYAML(rb)
			name := out
			if name == "" {
				name = "draft.yaml"
			}
			// The draft is checked as the loader will read the file, so
			// problems name their line in it.
			_, loadErr := rubric.Parse(name, yamlOut)
			if out == "" {
				if _, err := a.stdout.Write(yamlOut); err != nil {
					return err
				}
			} else if err := report.AtomicWrite(out, yamlOut, force); err != nil {
				return err
			}
			w := a.stdout
			if out == "" {
				w = a.stderr // keep stdout the YAML alone
			}
			fmt.Fprintf(w, "%s: drafted %d categories, %d indicators, %d rules from %s\n",
				name, len(rb.Categories), len(rb.Indicators()), rb.RuleCount(), args[0])
			printReviews(w, name, rb)
			if loadErr != nil {
				fmt.Fprintf(a.stderr, "%s does not validate yet; fix the table or the draft:\n%v\n", name, loadErr)
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.ID, "id", "", "rubric id (default: draft)")
	cmd.Flags().StringVar(&opts.Version, "version", "", "rubric version (default: draft)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "draft file to write (.yaml); default: standard output")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

// printReviews lists the rules of a rubric still marked for review.
func printReviews(w io.Writer, name string, rb *rubric.Rubric) {
	rs := rb.Reviews()
	if len(rs) == 0 {
		return
	}
	noun := "rules"
	if len(rs) == 1 {
		noun = "rule"
	}
	fmt.Fprintf(w, "%s: %d %s to review (待核对):\n", name, len(rs), noun)
	for _, r := range rs {
		fmt.Fprintf(w, "  %-8s %s\n           «%s»\n", r.ID, r.Review, r.Clause)
	}
}
