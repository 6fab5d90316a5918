package main

import (
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// unsetOptions are the inputs of `kaohe unset`.
type unsetOptions struct {
	app       *app
	ref, rule string
}

func (a *app) unsetCmd() *cobra.Command {
	o := &unsetOptions{app: a}
	return &cobra.Command{
		Use: "unset ASSESSMENT RULE", Short: "Retract a rule's value (kept in history)", Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.rule = args[0], args[1]
			return o.run()
		},
	}
}

// run records a tombstone for the rule.
func (o *unsetOptions) run() error {
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := o.app.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
			return err
		}
		return o.app.record(s.Store, as, store.Retract(o.rule))
	}))
}
