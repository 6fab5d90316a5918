package main

import (
	"fmt"
	"os"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/spf13/cobra"
)

func (a *app) scoreCmd() *cobra.Command {
	var findingsFile, rubricFile string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "score [ASSESSMENT] [--findings FILE.json]",
		Short: "Score findings: a findings file, or an assessment in the database",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if findingsFile == "" {
				if len(args) == 0 {
					return fmt.Errorf("give an assessment (kaohe score 吉首市/2021) or --findings FILE.json")
				}
				return a.scoreAssessment(args[0], asJSON)
			}
			if len(args) > 0 {
				return fmt.Errorf("give either an assessment or --findings FILE.json, not both")
			}
			rb, err := loadRubric(rubricFile)
			if err != nil {
				fmt.Fprintln(a.stderr, err)
				return exitError{1}
			}
			data, err := os.ReadFile(findingsFile)
			if err != nil {
				return fmt.Errorf("cannot read findings: %w", err)
			}
			fs, err := scoring.ReadFindingsJSON(data)
			if err != nil {
				fmt.Fprintln(a.stderr, prefixLines(findingsFile, err))
				return exitError{1}
			}
			return a.printScore(rb, fs, asJSON, findingsFile)
		},
	}
	cmd.Flags().StringVar(&findingsFile, "findings", "", "findings JSON file: {\"findings\": {\"1.2.a\": 3, …}}")
	cmd.Flags().StringVar(&rubricFile, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// printScore scores and prints, or lists every invalid finding on stderr
// (prefixed by where they came from) and exits 1 with nothing on stdout.
func (a *app) printScore(rb *rubric.Rubric, fs scoring.Findings, asJSON bool, source string) error {
	res, err := scoring.Score(rb, fs)
	if err != nil {
		fmt.Fprintln(a.stderr, prefixLines(source, err))
		return exitError{1}
	}
	if asJSON {
		return report.WriteScoreJSON(a.stdout, rb, res)
	}
	return report.WriteScoreText(a.stdout, a.labels(rb), rb, res)
}
