package main

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/spf13/cobra"
)

// whoamiOptions are the inputs of `kaohe whoami`.
type whoamiOptions struct{ app *app }

func (a *app) whoamiCmd() *cobra.Command {
	o := &whoamiOptions{app: a}
	return &cobra.Command{
		Use: "whoami", Short: "Print the inspector's name and this laptop's device fingerprint", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
}

// run prints what an inspector reads out to the team lead on site.
func (o *whoamiOptions) run() error {
	a := o.app
	return a.openStore(writes, func(s opened) error {
		id, err := s.Identity(a.getenv("KAOHE_INSPECTOR"))
		if err != nil {
			return err
		}
		l := a.labels(nil).CLI
		name := id.Inspector
		if name == "" {
			name = l.NoInspector
		}
		signing := l.SignsAll
		if !id.Signs() {
			signing = l.WritesUnsigned
		}
		fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(l.WhoamiInspector, name)))
		fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(l.WhoamiDevice, id.Device, signing)))
		return nil
	})
}
