package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// mergeOptions are the inputs of `kaohe merge`.
type mergeOptions struct {
	app     *app
	into    string
	sources []string
	asJSON  bool
}

func (a *app) mergeCmd() *cobra.Command {
	o := &mergeOptions{app: a}
	cmd := &cobra.Command{
		Use:     "merge --into TARGET.db SOURCE.db…",
		Short:   "Merge inspectors' databases into one (all or nothing; sources are never modified)",
		Args:    cobra.MinimumNArgs(1),
		Example: "  kaohe merge --into 汇总.db 张三.db 李四.db",
		RunE: func(_ *cobra.Command, sources []string) error {
			o.sources = sources
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.into, "into", "", "the database to merge into (created if missing)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the summary as JSON")
	return cmd
}

// run merges every source into the target, all or nothing.
func (o *mergeOptions) run() error {
	a := o.app
	if o.into == "" {
		return i18n.Errorf("give the target: kaohe merge --into TARGET.db SOURCE.db…")
	}
	// Named for this process, after the folders of merges that were
	// killed outright are removed.
	tmp, err := store.NewMergeTempDir()
	if err != nil {
		return err
	}
	stop := a.onInterrupt(func() {
		// The private copies of the sources go; the target is either
		// unchanged or fully merged (one transaction).
		os.RemoveAll(tmp)
		fmt.Fprintf(a.stderr, "kaohe: interrupted; %s is either unchanged or fully merged, never half\n", o.into)
	})
	defer func() {
		os.RemoveAll(tmp)
		stop() // only once the copies are gone
	}()
	opts := a.storeOptions()
	opts.TempDir = tmp
	opts.DeferWAL = true // a refused merge leaves a packed target as it was
	s, err := store.Open(o.into, opts)
	if err != nil {
		return err
	}
	sums, err := s.Merge(o.sources...)
	var off []*store.Revision
	if err == nil {
		off, err = s.OffRoster()
	}
	cerr := a.closeStore(s)
	if err != nil {
		return fmt.Errorf("%v (nothing was merged; %s is unchanged)", err, o.into)
	}
	if cerr != nil {
		return cerr
	}
	if o.asJSON {
		for i := range sums {
			for k := range sums[i].StatusChanges {
				c := &sums[i].StatusChanges[k]
				c.Time = timefmt.Local(c.Time)
			}
		}
		return writeJSON(a.stdout, sums)
	}
	labels := a.labels(nil)
	l := labels.CLI
	for _, m := range sums {
		fmt.Fprintf(a.stdout, l.MergeSummary+"\n",
			textwidth.Line(m.Source), m.AssessmentsNew, m.AssessmentsUpdated, m.RevisionsAdded, m.RevisionsKnown, m.NewConflicts)
		for _, c := range m.StatusChanges {
			fmt.Fprintln(a.stdout, "  "+statusChangeLine(labels, c))
		}
		if m.Unsigned > 0 {
			fmt.Fprintf(a.stdout, l.MergeUnsigned+"\n", m.Unsigned)
		}
		if len(m.Untrusted) > 0 {
			fmt.Fprintf(a.stdout, l.Trust.MergeUntrusted+"\n", len(m.Untrusted), shortIDs(m.Untrusted))
		}
	}
	for _, r := range off {
		fmt.Fprintf(a.stdout, l.OffRoster+"\n", store.ShortID(r.ID, 8), textwidth.Line(r.Subject), textwidth.Line(r.Inspector), r.Device, textwidth.Line(r.Inspector))
	}
	fmt.Fprintf(a.stdout, l.MergedInto+"\n", textwidth.Line(o.into))
	return nil
}

// statusChangeLine says who signed or reopened what, when and why, and
// the status the assessment has now.
func statusChangeLine(l *i18n.Labels, c store.StatusChange) string {
	m := &l.CLI.SignOff
	ln := textwidth.Line
	format := m.SignedBy
	if c.Status == store.StatusDraft {
		format = m.ReopenedBy
	}
	line := fmt.Sprintf(format, ln(c.Assessment), ln(c.Inspector), ln(c.Device), timefmt.Human(c.Time))
	if c.Status == store.StatusDraft && c.Note != "" {
		line += fmt.Sprintf(m.Reason, ln(c.Note))
	}
	if c.Now == store.StatusSigned && c.Status != store.StatusSigned {
		return line + fmt.Sprintf(m.StillSigned, ln(c.Assessment))
	}
	return line + fmt.Sprintf(m.Now, l.StatusName(c.Now))
}

// onInterrupt runs cleanup and exits 130 if the process is interrupted
// (Ctrl-C, SIGTERM) before the returned stop is called.
func (a *app) onInterrupt(cleanup func()) (stop func()) {
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			cleanup()
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}

// shortIDs lists revision IDs by their first 8 characters, comma-separated.
func shortIDs(ids []string) string {
	short := make([]string, len(ids))
	for i, id := range ids {
		short[i] = store.ShortID(id, 8)
	}
	return strings.Join(short, ", ")
}
