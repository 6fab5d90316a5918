package main

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// detachOptions are the inputs of `kaohe detach`.
type detachOptions struct {
	app                  *app
	ref, subject, prefix string
}

func (a *app) detachCmd() *cobra.Command {
	o := &detachOptions{app: a}
	return &cobra.Command{
		Use:     "detach ASSESSMENT RULE|INDICATOR SHA256-PREFIX",
		Short:   "Retract an evidence file from a rule or indicator (history and bytes are kept)",
		Args:    cobra.ExactArgs(3),
		Example: "  kaohe detach 吉首市/2021 1.2.a 3f9a2c",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject, o.prefix = args[0], args[1], args[2]
			return o.run()
		},
	}
}

// run retracts the attachment.
func (o *detachOptions) run() error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := a.knownSubject(s.Store, as, o.subject, ruleOrIndicator); err != nil {
			return err
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		att, err := s.Detach(id, as.ID, o.subject, o.prefix)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(a.labelsOf(s.Store, as).CLI.Detached, as.Label(), att.Subject, att.Name, store.ShortID(att.SHA256, 12))))
		return nil
	}))
}
