package main

import (
	"errors"
	"fmt"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// withdrawOptions are the inputs of `kaohe withdraw`.
type withdrawOptions struct {
	app         *app
	ref, reason string
	force       bool
}

func (a *app) withdrawCmd() *cobra.Command {
	o := &withdrawOptions{app: a}
	cmd := &cobra.Command{
		Use:   "withdraw ASSESSMENT [--force] [--reason TEXT]",
		Short: "Withdraw an assessment created by mistake (kept in history; list, report and the TUI leave it out)",
		Args:  cobra.ExactArgs(1),
		Example: "  kaohe withdraw 9158eb4dc65c --reason 误用2021年指标\n" +
			"  kaohe list --all   # withdrawn ones too, marked",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "withdraw it even though findings are recorded in it")
	cmd.Flags().StringVar(&o.reason, "reason", "", "why it is withdrawn (kept in history)")
	return cmd
}

// run records the withdrawal.
func (o *withdrawOptions) run() error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		m := a.labelsOf(s.Store, as).CLI.Doors
		_, err = s.Withdraw(id, as.ID, o.reason, o.force)
		var re *store.Refusal
		switch {
		case errors.As(err, &re) && re.Code == store.CodeWithdrawRecorded:
			// Its arguments are the assessment and the count.
			return fmt.Errorf(m.WithdrawRecorded, textwidth.Line(as.Label()), re.Args[1], store.ShortID(as.ID, 12))
		case errors.Is(err, store.ErrAlreadyWithdrawn):
			return fmt.Errorf(m.AlreadyWithdrawn, textwidth.Line(as.Label()))
		case err != nil:
			return err
		}
		fmt.Fprintf(a.stdout, m.Withdrawn+"\n", textwidth.Line(as.Label()), as.ID)
		return nil
	}))
}

// live leaves out the withdrawn assessments, as list, report and the TUI
// show them.
func live(states []*store.State) []*store.State {
	out := make([]*store.State, 0, len(states))
	for _, st := range states {
		if st.Withdrawn() == nil {
			out = append(out, st)
		}
	}
	return out
}
