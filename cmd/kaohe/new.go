package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// newOptions are the inputs of `kaohe new`.
type newOptions struct {
	app          *app
	unit, period string
	rubricFile   string
	rubricID     string // a stored rubric: ID@VERSION, or ID
}

func (a *app) newCmd() *cobra.Command {
	o := &newOptions{app: a}
	cmd := &cobra.Command{
		Use: "new UNIT PERIOD [--rubric FILE | --rubric-id ID[@VERSION]]", Short: "Create an assessment (or report the existing one)", Args: cobra.ExactArgs(2),
		Example: "  kaohe new 吉首市 2021\n  kaohe new 吉首市 2022 --rubric-id xiangxi-fangguanfu-county@2022",
		RunE: func(_ *cobra.Command, args []string) error {
			o.unit, o.period = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.rubricFile, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	cmd.Flags().StringVar(&o.rubricID, "rubric-id", "", "a rubric stored with kaohe rubric add: `ID@VERSION`, or ID when one version is stored")
	return cmd
}

// run creates the assessment, or reports the one that exists.
func (o *newOptions) run() error {
	a := o.app
	if o.rubricFile != "" && o.rubricID != "" {
		return i18n.Errorf("give either --rubric FILE or --rubric-id ID[@VERSION], not both")
	}
	rb, err := loadRubric(o.rubricFile)
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	return a.withNewOrExistingStore(func(s *store.Store) error {
		switch {
		case o.rubricID != "":
			if rb, err = storedRubric(s, o.rubricID); err != nil {
				return err
			}
		case o.rubricFile == "":
			if rb, err = a.rubricForPeriod(s, o.period); err != nil {
				return err
			}
		}
		id, err := a.identity(s)
		if err != nil {
			return err
		}
		as, created, err := s.CreateAssessment(id, rb, o.unit, o.period)
		if err != nil {
			return err
		}
		format := a.labels(rb).CLI.Created
		if !created {
			format = a.labels(rb).CLI.Exists
		}
		fmt.Fprintf(a.stdout, format+"\n", textwidth.Line(as.Label()), as.ID, as.RubricID, as.RubricVersion)
		return nil
	})
}

// rubricForPeriod is the rubric a new assessment of period defaults to when
// none is named: the built-in one while it is the only one, else the one
// rubric whose year is the period's; several, or none, are refused naming
// the choices, so next year's assessment is never made on last year's
// rubric by mistake.
func (a *app) rubricForPeriod(s *store.Store, period string) (*rubric.Rubric, error) {
	rbs, err := s.Rubrics()
	if err != nil {
		return nil, err
	}
	if len(rbs) == 1 {
		return rbs[0], nil
	}
	m := a.labels(nil).CLI.Doors
	matches := rubric.ForPeriod(rbs, period)
	switch {
	case len(matches) == 1:
		return matches[0], nil
	case len(matches) > 1:
		return nil, fmt.Errorf(m.RubricChoices, period, rubricNames(matches))
	}
	return nil, fmt.Errorf(m.NoRubricFor, period, rubricNames(rbs))
}

// rubricNames lists rubrics as --rubric-id takes them, with their titles.
func rubricNames(rbs []*rubric.Rubric) string {
	names := make([]string, len(rbs))
	for i, rb := range rbs {
		names[i] = rb.ID + "@" + rb.Version + " " + textwidth.Line(rb.Title)
	}
	return strings.Join(names, "; ")
}
