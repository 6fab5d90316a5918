package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// historyOptions are the inputs of `kaohe history`.
type historyOptions struct {
	app          *app
	ref, subject string
	asJSON       bool
}

func (a *app) historyCmd() *cobra.Command {
	o := &historyOptions{app: a}
	cmd := &cobra.Command{
		Use: "history ASSESSMENT [RULE]", Short: "The audit trail: when, who, device, old → new, note", Args: cobra.RangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject = args[0], ""
			if len(args) == 2 {
				o.subject = args[1]
			}
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

type historyEntry struct {
	Time      string `json:"time"`
	Inspector string `json:"inspector"`
	Device    string `json:"device"`
	Subject   string `json:"subject"`
	Old       string `json:"old"`
	New       string `json:"new"`
	Note      string `json:"note,omitempty"`
	Revision  string `json:"revision"`
	// Untrusted marks a revision unsigned in the name of a device that
	// signs: kept in the trail, counted nowhere.
	Untrusted bool `json:"untrusted,omitempty"`
}

// run prints one line per revision, oldest first.
func (o *historyOptions) run() error {
	a := o.app
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		if o.subject != "" {
			if err := a.knownSubject(s.Store, as, o.subject, anySubject); err != nil {
				return err
			}
		}
		all, err := s.History(as.ID, "")
		if err != nil {
			return err
		}
		notTrusted, err := s.NotTrusted(all)
		if err != nil {
			return err
		}
		byID := map[string]*store.Revision{}
		for _, r := range all {
			byID[r.ID] = r
		}
		var b strings.Builder
		var out []historyEntry
		l := a.labelsOf(s.Store, as)
		ln := textwidth.Line
		for _, r := range all {
			if o.subject != "" && r.Subject != o.subject && r.Subject != store.NotePrefix+o.subject &&
				!strings.HasPrefix(r.Subject, store.ItemPrefix+o.subject+"/") { // a rule's history holds its items'
				continue
			}
			var olds, oldsShown []string
			for _, p := range r.Parents {
				if pr := byID[p]; pr != nil {
					olds = append(olds, shown(pr))
					oldsShown = append(oldsShown, historyValue(l, pr))
				}
			}
			old, oldShown := strings.Join(olds, " | "), strings.Join(oldsShown, " | ")
			if old == "" {
				old, oldShown = "-", "-"
			}
			e := historyEntry{Time: timefmt.Machine(r.Wall), Inspector: r.Inspector, Device: r.Device,
				Subject: r.Subject, Old: old, New: shown(r), Note: r.Note, Revision: r.ID, Untrusted: notTrusted[r.ID]}
			out = append(out, e)
			if o.asJSON {
				continue
			}
			subject := report.SubjectText(l, e.Subject)
			fmt.Fprintf(&b, "%s  %s  %s  %s  %s → %s", timefmt.Human(r.Wall), pad(ln(e.Inspector), 8), ln(e.Device), pad(ln(subject), max(8, textwidth.Width(subject))),
				ln(oldShown), ln(historyValue(l, r)))
			if e.Note != "" {
				fmt.Fprintf(&b, "  「%s」", ln(e.Note))
			}
			if e.Untrusted {
				b.WriteString("  " + l.CLI.Trust.HistoryUntrusted)
			}
			b.WriteString("\n")
		}
		if o.asJSON {
			if out == nil {
				out = []historyEntry{}
			}
			return writeJSON(a.stdout, out)
		}
		_, err = io.WriteString(a.stdout, b.String())
		return err
	}))
}

// historyValue is a revision's value as history's text shows it.
func historyValue(l *i18n.Labels, r *store.Revision) string {
	return report.ShownValue(l, r.Subject, r.Decoded())
}

// retracted is a tombstone in history's JSON; the text output words it in
// the user's language.
const retracted = "(retracted)"

// shown is a revision's value as history's JSON gives it: the stored text,
// but the status by its English name (a sign-off's manifest is not shown),
// a withdrawal's text, an attachment by its file name and hash prefix.
func shown(r *store.Revision) string {
	if r.Tombstone() {
		return retracted
	}
	switch v := r.Decoded(); v.Kind {
	case assessment.KindStatus:
		return v.Status()
	case assessment.KindText:
		if r.Subject == store.SubjectWithdrawn {
			return v.Text
		}
	case assessment.KindFile:
		_, sum, _ := store.ParseEvidenceSubject(r.Subject)
		return v.File.Name + " (" + store.ShortID(sum, 8) + ")"
	}
	return *r.Value
}
