package main

import (
	"fmt"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"io"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/scoring"
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
	// AgainstSignOff marks a subject changed after the assessment was
	// signed; Signed is the value signed (absent when none was).
	AgainstSignOff bool      `json:"against_sign_off,omitempty"`
	Signed         *headJSON `json:"signed,omitempty"`
	// Items and ItemsGive mark a rule whose plain value (its heads)
	// disagrees with its items: how many there are and the value they
	// give.
	Items     int    `json:"items,omitempty"`
	ItemsGive string `json:"items_give,omitempty"`
	// disagrees is that disagreement as a person reads it.
	disagrees *store.ItemConflict
	state     *store.State
}

type headJSON struct {
	Revision  string  `json:"revision"`
	Value     *string `json:"value"`
	Inspector string  `json:"inspector"`
	Device    string  `json:"device"`
	Time      string  `json:"time"` // RFC 3339, local offset
	Note      string  `json:"note,omitempty"`
	shown     string  // the time as a person reads it
	value     store.Value
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
	if o.ref == "" {
		return o.app.openStore(readsStates, func(s opened) error { return o.print(live(s.states)) })
	}
	return o.app.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		return o.print([]*store.State{st})
	}))
}

// print lists the open conflicts of the states.
func (o *conflictsOptions) print(states []*store.State) error {
	a := o.app
	out := []conflictJSON{}
	for _, st := range states {
		out = append(out, conflictsOf(st)...)
	}
	if o.asJSON {
		return writeJSON(a.stdout, out)
	}
	l := a.labelsOfStates(states)
	duplicates := itemDuplicates(l, states)
	if len(out) == 0 {
		fmt.Fprintln(a.stdout, l.CLI.NoConflicts)
		_, err := io.WriteString(a.stdout, duplicates)
		return err
	}
	var b strings.Builder
	signOff, problems := false, false
	for _, c := range out {
		ln := textwidth.Line
		if c.disagrees != nil && !c.AgainstSignOff && len(c.Heads) == 1 {
			b.WriteString(ln(disagreement(l, c.state, *c.disagrees)) + "\n")
			continue
		}
		fmt.Fprintf(&b, "%s/%s %s", ln(c.Unit), ln(c.Period), ln(report.SubjectText(l, c.Subject)))
		if c.AgainstSignOff {
			signOff = true
			signed := l.CLI.SignOff.Nothing
			if c.Signed != nil {
				signed = fmt.Sprintf(l.Report.Signed, ln(report.ShownValue(l, c.Subject, c.Signed.value)), ln(c.Signed.Inspector), ln(store.ShortID(c.Signed.Revision, 8)))
			}
			fmt.Fprintf(&b, l.CLI.SignOff.Changed, signed)
		}
		b.WriteString("\n")
		for i, h := range c.Heads {
			v, width := report.ShownValue(l, c.Subject, h.value), 10
			if h.value.Kind == assessment.KindProblem { // a problem's record: its action, state and measure, whole
				v, problems = ln(report.ProblemRecordText(l, h.value.Problem)), true
				width = textwidth.Width(v)
			}
			fmt.Fprintf(&b, "  %d) %s %s  %s  %s  %s", i+1, pad(ln(v), width), pad(ln(h.Inspector), 8), ln(h.Device), h.shown,
				fmt.Sprintf(l.Report.Revision, ln(store.ShortID(h.Revision, 8))))
			if h.Note != "" {
				fmt.Fprintf(&b, "  「%s」", ln(h.Note))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, l.CLI.OpenConflicts+"\n", len(out))
	if signOff {
		b.WriteString(l.CLI.SignOff.Hint + "\n")
	}
	if problems {
		b.WriteString(l.ProblemCLI.ConflictsHint + "\n")
	}
	b.WriteString(duplicates)
	_, err := io.WriteString(a.stdout, b.String())
	return err
}

// conflictsOf lists an assessment's open conflicts, between inspectors and
// against its sign-off, one entry per subject, in rubric order.
func conflictsOf(st *store.State) []conflictJSON {
	head := func(h *store.Revision) headJSON {
		return headJSON{Revision: h.ID, Value: h.Value, value: h.Decoded(), Inspector: h.Inspector, Device: h.Device,
			Time: timefmt.Machine(h.Wall), Note: h.Note, shown: timefmt.Human(h.Wall)}
	}
	bySubject := map[string]*conflictJSON{}
	var order []string
	entry := func(subject string, heads []*store.Revision) *conflictJSON {
		if cj := bySubject[subject]; cj != nil {
			return cj
		}
		cj := &conflictJSON{Assessment: st.Assessment.ID, Unit: st.Assessment.Unit, Period: st.Assessment.Period, Subject: subject}
		for _, h := range heads {
			cj.Heads = append(cj.Heads, head(h))
		}
		bySubject[subject] = cj
		order = append(order, subject)
		return cj
	}
	for _, c := range st.Conflicts() {
		entry(c.Subject, c.Heads)
	}
	for _, c := range st.SignOffConflicts() {
		cj := entry(c.Subject, c.Heads)
		cj.AgainstSignOff = true
		if c.Signed != nil {
			h := head(c.Signed)
			cj.Signed = &h
		}
	}
	for _, ic := range st.ItemConflicts() {
		if cj := bySubject[ic.Rule]; cj != nil {
			ic := ic
			cj.Items, cj.ItemsGive, cj.disagrees, cj.state = len(ic.Items), ic.Derived.String(), &ic, st
		}
	}
	sort.Slice(order, func(i, j int) bool { return scoring.RuleLess(order[i], order[j]) })
	out := make([]conflictJSON, 0, len(order))
	for _, subj := range order {
		out = append(out, *bySubject[subj])
	}
	return out
}

// itemDuplicates lists, after a heading, the items that may be duplicates
// (the same text on one rule, most often from two laptops), one a line;
// "" when there are none. They are not conflicts: they are shown so that
// none is kept twice unseen.
func itemDuplicates(l *i18n.Labels, states []*store.State) string {
	var b strings.Builder
	for _, st := range states {
		items := st.ItemDuplicates()
		numbers := itemNumbers(st.Items(""))
		index := map[string]int{}
		for i, it := range st.Items("") {
			index[it.ID] = numbers[i]
		}
		for _, it := range items {
			fmt.Fprintf(&b, "  %s %s  %d. %s  %s  %s  %s\n", textwidth.Line(st.Assessment.Label()), it.Rule, index[it.ID],
				it.Short(), textwidth.Line(it.Text), textwidth.Line(it.Inspector), it.Device)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return l.Items.Duplicates + "\n" + b.String()
}
