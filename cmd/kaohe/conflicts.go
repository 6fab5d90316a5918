package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// conflictJSON is one conflict in `kaohe conflicts --json`.
type conflictJSON struct {
	Assessment string     `json:"assessment"`
	Unit       string     `json:"unit"`
	Period     string     `json:"period"`
	Subject    string     `json:"subject"`
	Heads      []headJSON `json:"heads"`
}

type headJSON struct {
	Revision  string  `json:"revision"`
	Value     *string `json:"value"`
	Inspector string  `json:"inspector"`
	Device    string  `json:"device"`
	Time      string  `json:"time"`
	Note      string  `json:"note,omitempty"`
}

// conflictsOptions are the inputs of `kaohe conflicts`.
type conflictsOptions struct {
	app    *app
	ref    string
	asJSON bool
}

func (a *app) conflictsCmd() *cobra.Command {
	o := &conflictsOptions{app: a}
	cmd := &cobra.Command{
		Use:   "conflicts [ASSESSMENT] [--json]",
		Short: "List open conflicts: each inspector's value, device, time and note",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = ""
			if len(args) == 1 {
				o.ref = args[0]
			}
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// run lists the open conflicts of one assessment or of all.
func (o *conflictsOptions) run() error {
	a := o.app
	return a.readStore(func(s *store.Store) error {
		var states []*store.State
		if o.ref != "" {
			as, err := s.Find(o.ref)
			if err != nil {
				return err
			}
			st, err := s.State(as.ID)
			if err != nil {
				return err
			}
			states = []*store.State{st}
		} else {
			var err error
			if states, err = s.States(); err != nil {
				return err
			}
		}
		out := []conflictJSON{}
		for _, st := range states {
			for _, c := range st.Conflicts() {
				cj := conflictJSON{Assessment: st.Assessment.ID, Unit: st.Assessment.Unit, Period: st.Assessment.Period, Subject: c.Subject}
				for _, h := range c.Heads {
					cj.Heads = append(cj.Heads, headJSON{Revision: h.ID, Value: h.Value, Inspector: h.Inspector, Device: h.Device,
						Time: h.Wall.UTC().Format(time.RFC3339), Note: h.Note})
				}
				out = append(out, cj)
			}
		}
		if o.asJSON {
			return writeJSON(a.stdout, out)
		}
		l := a.labels(nil)
		if len(states) > 0 {
			l = a.labels(states[0].Rubric)
		}
		if len(out) == 0 {
			fmt.Fprintln(a.stdout, l.CLI.NoConflicts)
			return nil
		}
		var b strings.Builder
		for _, c := range out {
			ln := textwidth.Line
			fmt.Fprintf(&b, "%s/%s %s\n", ln(c.Unit), ln(c.Period), ln(c.Subject))
			for i, h := range c.Heads {
				v := l.CLI.Retracted
				if h.Value != nil {
					v = *h.Value
				}
				fmt.Fprintf(&b, "  %d) %s %s  %s  %s  rev %s", i+1, pad(ln(v), 10), pad(ln(h.Inspector), 8), ln(h.Device), h.Time, ln(store.ShortID(h.Revision, 8)))
				if h.Note != "" {
					fmt.Fprintf(&b, "  「%s」", ln(h.Note))
				}
				b.WriteString("\n")
			}
		}
		fmt.Fprintf(&b, l.CLI.OpenConflicts+"\n", len(out))
		_, err := io.WriteString(a.stdout, b.String())
		return err
	})
}
