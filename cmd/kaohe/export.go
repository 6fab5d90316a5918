package main

import (
	"github.com/kaohe/kaohe/internal/i18n"

	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// exportOptions are the inputs of `kaohe export`.
type exportOptions struct {
	app    *app
	ref    string
	asJSON bool
}

func (a *app) exportCmd() *cobra.Command {
	o := &exportOptions{app: a}
	cmd := &cobra.Command{
		Use: "export ASSESSMENT --json", Short: "Print the current findings in the findings-file format", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON (the only format)")
	return cmd
}

// run prints the assessment's current findings and notes as JSON.
func (o *exportOptions) run() error {
	if !o.asJSON {
		return i18n.Errorf("only --json export exists: kaohe export ASSESSMENT --json > findings.json")
	}
	return o.app.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		return writeJSON(o.app.stdout, scoring.FindingsFile{Findings: st.Findings(), Notes: st.Notes()})
	}))
}
