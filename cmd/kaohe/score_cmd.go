package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"os"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// scoreOptions are the inputs of `kaohe score`.
type scoreOptions struct {
	app                      *app
	ref                      string
	findingsFile, rubricFile string
	asJSON                   bool
}

func (a *app) scoreCmd() *cobra.Command {
	o := &scoreOptions{app: a}
	cmd := &cobra.Command{
		Use:   "score [ASSESSMENT] [--findings FILE.json]",
		Short: "Score findings: a findings file, or an assessment in the database",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ref = ""
			if len(args) > 0 {
				o.ref = args[0]
			}
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.findingsFile, "findings", "", "findings JSON file: {\"findings\": {\"1.2.a\": 3, …}}")
	cmd.Flags().StringVar(&o.rubricFile, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// run scores a findings file or an assessment in the database.
func (o *scoreOptions) run() error {
	a := o.app
	if o.findingsFile == "" {
		if o.ref == "" {
			return i18n.Errorf("give an assessment (kaohe score 吉首市/2021) or --findings FILE.json")
		}
		return o.scoreAssessment()
	}
	if o.ref != "" {
		return i18n.Errorf("give either an assessment or --findings FILE.json, not both")
	}
	rb, err := loadRubric(o.rubricFile)
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	data, err := os.ReadFile(o.findingsFile)
	if err != nil {
		return fmt.Errorf("cannot read findings: %w", err)
	}
	fs, err := scoring.ReadFindingsJSON(data)
	if err != nil {
		fmt.Fprintln(a.stderr, a.problems(o.findingsFile, rb, err))
		return exitError{1}
	}
	return a.printScore(rb, fs, o.asJSON, o.findingsFile)
}

// scoreAssessment prints the score of an assessment in the database.
func (o *scoreOptions) scoreAssessment() error {
	a := o.app
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		a.warnMismatches(s.Store, st)
		res, err := st.Score()
		if err != nil {
			fmt.Fprintln(a.stderr, a.problems(as.Label(), st.Rubric, err))
			return exitError{1}
		}
		if err := a.writeScore(st.Rubric, res, o.asJSON); err != nil || o.asJSON {
			return err
		}
		return a.printStages(st, res)
	}))
}

// printScore scores and prints, or lists every invalid finding on stderr
// (prefixed by where they came from) and exits 1 with nothing on stdout.
func (a *app) printScore(rb *rubric.Rubric, fs scoring.Findings, asJSON bool, source string) error {
	res, err := scoring.Score(rb, fs)
	if err != nil {
		fmt.Fprintln(a.stderr, a.problems(source, rb, err))
		return exitError{1}
	}
	return a.writeScore(rb, res, asJSON)
}

// writeScore prints a score as JSON or as the text table.
func (a *app) writeScore(rb *rubric.Rubric, res *scoring.Result, asJSON bool) error {
	if asJSON {
		return report.WriteScoreJSON(a.stdout, rb, res)
	}
	return report.WriteScoreText(a.stdout, a.labels(rb), rb, res)
}

// printStages follows the score of a result sent to the unit with its
// preliminary total, the total with the appeals decided so far, and its
// stage (初步, 申诉中, 已终审).
func (a *app) printStages(st *store.State, pre *scoring.Result) error {
	if fb, _ := st.Feedback(); fb == nil {
		return nil
	}
	fin, err := scoring.Score(st.Rubric, st.FinalFindings())
	if err != nil {
		return err
	}
	l := a.labels(st.Rubric)
	_, err = fmt.Fprintf(a.stdout, l.Appeals.ScoreStages+"\n", pre.Total.Fixed(2), fin.Total.Fixed(2), report.StageName(l, st.Stage()))
	return err
}
