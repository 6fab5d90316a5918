package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/spf13/cobra"
)

// initOptions are the inputs of `kaohe init`.
type initOptions struct {
	app       *app
	inspector string
}

func (a *app) initCmd() *cobra.Command {
	o := &initOptions{app: a}
	cmd := &cobra.Command{
		Use: "init --inspector NAME", Short: "Set the inspector's name for this database (once per laptop)", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.inspector, "inspector", "", "the inspector's name as it should appear in history and reports")
	return cmd
}

// run sets the inspector's name, creating the database if needed.
func (o *initOptions) run() error {
	if strings.TrimSpace(o.inspector) == "" {
		return i18n.Errorf("give the inspector's name: kaohe init --inspector NAME")
	}
	return o.app.openStore(creates, func(s opened) error {
		id, err := s.SetInspector(o.inspector)
		if err != nil {
			return err
		}
		fmt.Fprintf(o.app.stdout, o.app.labels(nil).CLI.InspectorSet+"\n", textwidth.Line(id.Inspector), id.Device, s.Path())
		return nil
	})
}
