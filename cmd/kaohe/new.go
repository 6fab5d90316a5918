package main

import (
	"fmt"

	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// newOptions are the inputs of `kaohe new`.
type newOptions struct {
	app          *app
	unit, period string
	rubricFile   string
}

func (a *app) newCmd() *cobra.Command {
	o := &newOptions{app: a}
	cmd := &cobra.Command{
		Use: "new UNIT PERIOD", Short: "Create an assessment (or report the existing one)", Args: cobra.ExactArgs(2),
		Example: "  kaohe new 吉首市 2021",
		RunE: func(_ *cobra.Command, args []string) error {
			o.unit, o.period = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.rubricFile, "rubric", "", "rubric YAML file (default: the embedded seed rubric)")
	return cmd
}

// run creates the assessment, or reports the one that exists.
func (o *newOptions) run() error {
	a := o.app
	rb, err := loadRubric(o.rubricFile)
	if err != nil {
		fmt.Fprintln(a.stderr, err)
		return exitError{1}
	}
	return a.withNewOrExistingStore(func(s *store.Store) error {
		id, err := a.identity(s)
		if err != nil {
			return err
		}
		as, created, err := s.CreateAssessment(id, rb, o.unit, o.period)
		if err != nil {
			return err
		}
		verb := "created"
		if !created {
			verb = "exists"
		}
		fmt.Fprintf(a.stdout, "%s %s  id %s  rubric %s %s\n", verb, as.Label(), as.ID, as.RubricID, as.RubricVersion)
		return nil
	})
}
