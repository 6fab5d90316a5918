package main

import (
	"strings"

	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// noteOptions are the inputs of `kaohe note`.
type noteOptions struct {
	app                  *app
	ref, indicator, text string
}

func (a *app) noteCmd() *cobra.Command {
	o := &noteOptions{app: a}
	return &cobra.Command{
		Use: "note ASSESSMENT INDICATOR TEXT", Short: "Set an indicator's free note (empty text clears it)", Args: cobra.ExactArgs(3),
		Example: "  kaohe note 吉首市/2021 2.1 大厅面积4800平方米，已提交扩建方案",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.indicator, o.text = args[0], args[1], args[2]
			return o.run()
		},
	}
}

// run records the note, or clears it for empty text.
func (o *noteOptions) run() error {
	return o.app.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := o.app.knownSubject(s.Store, as, o.indicator, indicatorOnly); err != nil {
			return err
		}
		c := store.Retract(store.NotePrefix + o.indicator) // empty text retracts the note
		if strings.TrimSpace(o.text) != "" {
			c = store.SetNote(o.indicator, o.text)
		}
		return o.app.record(s.Store, as, c)
	}))
}
