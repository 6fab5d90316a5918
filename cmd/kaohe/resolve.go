package main

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// resolveOptions are the inputs of `kaohe resolve`.
type resolveOptions struct {
	app               *app
	ref, subject      string
	pick, value, note string
	keepSigned        bool
}

func (a *app) resolveCmd() *cobra.Command {
	o := &resolveOptions{app: a}
	cmd := &cobra.Command{
		Use:   "resolve ASSESSMENT RULE (--pick INSPECTOR|REVISION|items | --value V | --keep-signed) [--note TEXT]",
		Short: "Settle a conflict: keep one inspector's value, record a new one, or keep the signed value",
		Args:  cobra.ExactArgs(2),
		Example: "  kaohe resolve 吉首市/2021 1.2.a --pick 李四\n" +
			"  kaohe resolve 吉首市/2021 1.2.a --value 4 --note 复核台账后确认\n" +
			"  kaohe resolve 吉首市/2021 2.4.a --keep-signed --note 以签字为准\n" +
			"  kaohe resolve 吉首市/2021 1.2.a --pick items --note 以条目为准",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.pick, "pick", "", "keep the value of this inspector (or revision ID prefix); items keeps a rule's items over its plain number")
	cmd.Flags().StringVar(&o.value, "value", "", "record this value instead")
	cmd.Flags().BoolVar(&o.keepSigned, "keep-signed", false, "keep the value the sign-off signed (a value changed after signing)")
	cmd.Flags().StringVar(&o.note, "note", "", "why (kept in history)")
	return cmd
}

// run asks the store to settle the conflict (the rules live in
// store.Resolve) and prints the result.
func (o *resolveOptions) run() error {
	given := 0
	for _, set := range []bool{o.pick != "", o.value != "", o.keepSigned} {
		if set {
			given++
		}
	}
	if given != 1 {
		return i18n.Errorf("give exactly one of --pick INSPECTOR|REVISION, --value V or --keep-signed")
	}
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := o.app.knownSubject(s.Store, as, o.subject, anySubject); err != nil {
			return err
		}
		id, err := o.app.identity(s.Store)
		if err != nil {
			return err
		}
		r := store.Resolution{Keep: o.pick, Note: o.note}
		if o.keepSigned {
			r.Keep = store.KeepSigned
		}
		if o.value != "" {
			rb, err := s.Rubric(as.RubricID, as.RubricVersion)
			if err != nil {
				return err
			}
			ref, ok := rb.Rule(o.subject)
			if !ok {
				return i18n.Errorf("%s: --value works for rule values; use --pick for %s", o.subject, o.subject)
			}
			v, err := o.app.typedValue(rb, ref.Rule, o.value, o.note)
			if err != nil {
				return err
			}
			r.Value = new(store.SetRule(o.subject, v, "").Value)
		}
		rev, err := s.Resolve(id, as.ID, o.subject, r)
		if err != nil {
			return storeRefusal(err)
		}
		l := o.app.labelsOf(s.Store, as).CLI
		v := report.ShownValue(o.app.labelsOf(s.Store, as), rev.Subject, rev.Decoded())
		fmt.Fprintf(o.app.stdout, l.Saved+"\n", textwidth.Line(as.Label()), textwidth.Line(rev.Subject), textwidth.Line(v))
		return o.app.printStatus(s.Store, as, l.SignOff.Settled)
	}))
}
