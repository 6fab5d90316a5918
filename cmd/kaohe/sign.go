package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// signOptions are the inputs of `kaohe sign`.
type signOptions struct {
	app             *app
	ref             string
	allowIncomplete bool
}

func (a *app) signCmd() *cobra.Command {
	o := &signOptions{app: a}
	cmd := &cobra.Command{
		Use: "sign ASSESSMENT [--allow-incomplete]", Short: "Sign an assessment off; it refuses edits until reopened", Args: cobra.ExactArgs(1),
		Example: "  kaohe sign 吉首市/2021\n  kaohe sign 吉首市/2021 --allow-incomplete",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.allowIncomplete, "allow-incomplete", false, "sign although rules are unrecorded or deductions lack a reason (kept in history)")
	return cmd
}

// run records the sign-off; the store refuses an incomplete assessment
// with what is missing, which report.NotReady words in the rubric's
// language.
func (o *signOptions) run() error {
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := o.app.identity(s.Store)
		if err != nil {
			return err
		}
		if _, err := s.Sign(id, as.ID, o.allowIncomplete); err != nil {
			var ie *store.IncompleteError
			if errors.As(err, &ie) {
				return storeRefusal(errors.New(report.NotReady(o.app.labelsOf(s.Store, as), ie)))
			}
			return storeRefusal(err)
		}
		return o.app.printStatus(s.Store, as, o.app.labelsOf(s.Store, as).CLI.SignOff.Signed)
	}))
}

// printStatus prints an assessment's status and total after a status
// change; format takes the assessment and the total.
func (a *app) printStatus(s *store.Store, as store.Assessment, format string) error {
	st, res, err := scored(s, as)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, format+"\n", textwidth.Line(as.Label()), report.ResultTotalText(a.labels(st.Rubric), res))
	return nil
}

// storeRefusal makes a store error safe to print: names in it (inspectors,
// units) came from other laptops.
func storeRefusal(err error) error {
	return errors.New(textwidth.Sanitize(err.Error(), true))
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
		return i18n.Errorf("say why: kaohe reopen ASSESSMENT --reason TEXT")
	}
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := o.app.identity(s.Store)
		if err != nil {
			return err
		}
		if _, err := s.Reopen(id, as.ID, o.reason); err != nil {
			return storeRefusal(err)
		}
		return o.app.printStatus(s.Store, as, o.app.labelsOf(s.Store, as).CLI.SignOff.Reopened)
	}))
}
