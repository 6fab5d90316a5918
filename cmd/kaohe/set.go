package main

import (
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// setOptions are the inputs of `kaohe set`.
type setOptions struct {
	app              *app
	ref, rule, value string
	note             string
}

func (a *app) setCmd() *cobra.Command {
	o := &setOptions{app: a}
	cmd := &cobra.Command{
		Use: "set ASSESSMENT RULE VALUE [--note TEXT]", Short: "Record a rule's value", Args: cobra.ExactArgs(3),
		Example: "  kaohe set 吉首市/2021 1.2.a 3\n  kaohe set 吉首市/2021 1.1.a true\n  kaohe set 吉首市/2021 3.4.a 0.5 --note 电子证照汇聚不全",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.rule, o.value = args[0], args[1], args[2]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.note, "note", "", "why: required for discretionary deductions")
	return cmd
}

// run parses the value against the rule and records it.
func (o *setOptions) run() error {
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		rb, err := s.Rubric(as.RubricID, as.RubricVersion)
		if err != nil {
			return err
		}
		if err := o.app.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
			return err
		}
		ref, _ := rb.Rule(o.rule)
		v, err := o.app.typedValue(rb, ref.Rule, o.value, o.note)
		if err != nil {
			return err
		}
		return o.app.record(s.Store, as, store.SetRule(o.rule, v, o.note))
	}))
}

// typedValue reads a value typed for a rule of rb and checks it with its
// note, as set and resolve --value both take one; a problem is worded in
// the user's language.
func (a *app) typedValue(rb *rubric.Rubric, r *rubric.Rule, typed, note string) (scoring.Value, error) {
	v, err := scoring.ParseValue(r, typed)
	if err != nil {
		return v, a.valueError(rb, err)
	}
	if ve := scoring.Validate(r, scoring.Finding{Value: v, Note: note}); ve != nil {
		return v, a.valueError(rb, ve)
	}
	return v, nil
}
