package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// signOptions are the inputs of `kaohe sign`.
type signOptions struct {
	app *app
	ref string
}

func (a *app) signCmd() *cobra.Command {
	o := &signOptions{app: a}
	return &cobra.Command{
		Use: "sign ASSESSMENT", Short: "Sign an assessment off; it refuses edits until reopened", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return o.run()
		},
	}
}

// run records the sign-off.
func (o *signOptions) run() error {
	return o.app.withAssessment(o.ref, func(s *store.Store, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		if st.Status() == store.StatusSigned {
			return fmt.Errorf("%s is already signed", as.Label())
		}
		if n := len(st.Conflicts()); n > 0 {
			return fmt.Errorf("%s has %d open conflicts; settle them (kaohe conflicts) before signing", as.Label(), n)
		}
		return o.app.record(s, as, store.Change{Subject: store.SubjectStatus, Value: store.StringValue(store.StatusSigned), Note: "sign-off", Resolve: true})
	})
}

// reopenOptions are the inputs of `kaohe reopen`.
type reopenOptions struct {
	app         *app
	ref, reason string
}

func (a *app) reopenCmd() *cobra.Command {
	o := &reopenOptions{app: a}
	cmd := &cobra.Command{
		Use: "reopen ASSESSMENT --reason TEXT", Short: "Reopen a signed assessment for editing", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.reason, "reason", "", "why the assessment is reopened (recorded in history)")
	return cmd
}

// run records the reopening with its reason.
func (o *reopenOptions) run() error {
	if strings.TrimSpace(o.reason) == "" {
		return errors.New("say why: kaohe reopen ASSESSMENT --reason TEXT")
	}
	return o.app.withAssessment(o.ref, func(s *store.Store, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		if st.Status() != store.StatusSigned {
			return fmt.Errorf("%s is not signed", as.Label())
		}
		return o.app.record(s, as, store.Change{Subject: store.SubjectStatus, Value: store.StringValue(store.StatusDraft), Note: o.reason, Resolve: true})
	})
}
