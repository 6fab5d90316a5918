package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// resolveOptions are the inputs of `kaohe resolve`.
type resolveOptions struct {
	app               *app
	ref, subject      string
	pick, value, note string
}

func (a *app) resolveCmd() *cobra.Command {
	o := &resolveOptions{app: a}
	cmd := &cobra.Command{
		Use:   "resolve ASSESSMENT RULE (--pick INSPECTOR|REVISION | --value V) [--note TEXT]",
		Short: "Settle a conflict: keep one inspector's value or record a new one",
		Args:  cobra.ExactArgs(2),
		Example: "  kaohe resolve 吉首市/2021 1.2.a --pick 李四\n" +
			"  kaohe resolve 吉首市/2021 1.2.a --value 4 --note 复核台账后确认",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.pick, "pick", "", "keep the value of this inspector (or revision ID prefix)")
	cmd.Flags().StringVar(&o.value, "value", "", "record this value instead")
	cmd.Flags().StringVar(&o.note, "note", "", "why (kept in history)")
	return cmd
}

// run records the resolution: the picked head's value or a new one.
func (o *resolveOptions) run() error {
	if (o.pick == "") == (o.value == "") {
		return errors.New("give exactly one of --pick INSPECTOR|REVISION or --value V")
	}
	subject := o.subject
	return o.app.withAssessment(o.ref, func(s *store.Store, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		ss, ok := st.Subjects[subject]
		if !ok || !ss.Conflict() {
			return fmt.Errorf("%s %s has no open conflict (kaohe conflicts lists them)", as.Label(), subject)
		}
		c := store.Change{Subject: subject, Note: o.note, Resolve: true}
		if o.pick != "" {
			h, err := pickHead(ss, o.pick)
			if err != nil {
				return err
			}
			c.Value = h.Value
			if o.note == "" {
				c.Note = h.Note
			}
		} else {
			ref, ok := st.Rubric.Rule(subject)
			if !ok {
				return fmt.Errorf("%s: --value works for rule values; use --pick for %s", subject, subject)
			}
			v, err := scoring.ParseValue(ref.Rule, o.value)
			if err == nil {
				if ve := scoring.Validate(ref.Rule, scoring.Finding{Value: v, Note: c.Note}); ve != nil {
					err = ve
				}
			}
			if err != nil {
				return o.app.valueError(st.Rubric, err)
			}
			text := store.EncodeValue(v)
			c.Value = &text
		}
		return o.app.record(s, as, c)
	})
}

// pickHead finds the head named by an inspector or a revision ID prefix.
func pickHead(ss *store.SubjectState, pick string) (*store.Revision, error) {
	var found []*store.Revision
	for _, h := range ss.Heads {
		if h.Inspector == pick || (len(pick) >= 4 && strings.HasPrefix(h.ID, pick)) {
			found = append(found, h)
		}
	}
	switch len(found) {
	case 0:
		var names []string
		for _, h := range ss.Heads {
			names = append(names, textwidth.Line(h.Inspector)+" (rev "+store.ShortID(h.ID, 8)+")")
		}
		return nil, fmt.Errorf("no value of %q in this conflict; the values are from %s", pick, strings.Join(names, ", "))
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%q has several values in this conflict; pick by revision ID", pick)
}
