package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

func (a *app) mergeCmd() *cobra.Command {
	var into string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "merge --into TARGET.db SOURCE.db…",
		Short:   "Merge inspectors' databases into one (all or nothing; sources are never modified)",
		Args:    cobra.MinimumNArgs(1),
		Example: "  kaohe merge --into 汇总.db 张三.db 李四.db",
		RunE: func(_ *cobra.Command, sources []string) error {
			if into == "" {
				return errors.New("give the target: kaohe merge --into TARGET.db SOURCE.db…")
			}
			tmp, err := os.MkdirTemp("", "kaohe-merge-*")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			stop := a.onInterrupt(func() {
				// The private copies of the sources go; the target is
				// either unchanged or fully merged (one transaction).
				os.RemoveAll(tmp)
				fmt.Fprintf(a.stderr, "kaohe: interrupted; %s is either unchanged or fully merged, never half\n", into)
			})
			defer stop()
			s, err := store.Open(into, store.Options{Now: a.now, TempDir: tmp})
			if err != nil {
				return err
			}
			sums, err := s.Merge(sources...)
			cerr := a.closeStore(s)
			if err != nil {
				return fmt.Errorf("%v (nothing was merged; %s is unchanged)", err, into)
			}
			if cerr != nil {
				return cerr
			}
			if asJSON {
				return writeJSON(a.stdout, sums)
			}
			for _, m := range sums {
				fmt.Fprintf(a.stdout, "%s: %d new assessments, %d updated, %d revisions added (%d already present), %d new conflicts\n",
					m.Source, m.AssessmentsNew, m.AssessmentsUpdated, m.RevisionsAdded, m.RevisionsKnown, m.NewConflicts)
			}
			fmt.Fprintf(a.stdout, "merged into %s\n", into)
			return nil
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "the database to merge into (created if missing)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}

func (a *app) packCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "pack OUT.db",
		Short: "Write a self-contained copy of the database for handing over (USB stick, mail)",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.readStore(func(s *store.Store) error {
				if err := s.Pack(args[0]); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "packed %s into %s\n", s.Path(), args[0])
				return nil
			})
		},
	}
}

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

func (a *app) conflictsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "conflicts [ASSESSMENT] [--json]",
		Short: "List open conflicts: each inspector's value, device, time and note",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.readStore(func(s *store.Store) error {
				var states []*store.State
				if len(args) == 1 {
					as, err := s.Find(args[0])
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
				if asJSON {
					return writeJSON(a.stdout, out)
				}
				if len(out) == 0 {
					fmt.Fprintln(a.stdout, "no open conflicts")
					return nil
				}
				var b strings.Builder
				for _, c := range out {
					fmt.Fprintf(&b, "%s/%s %s\n", c.Unit, c.Period, c.Subject)
					for i, h := range c.Heads {
						v := "(retracted)"
						if h.Value != nil {
							v = *h.Value
						}
						fmt.Fprintf(&b, "  %d) %-10s %s  %s  %s  rev %s", i+1, v, pad(h.Inspector, 8), h.Device, h.Time, store.ShortID(h.Revision, 8))
						if h.Note != "" {
							fmt.Fprintf(&b, "  「%s」", h.Note)
						}
						b.WriteString("\n")
					}
				}
				fmt.Fprintf(&b, "%d open conflicts; settle each with kaohe resolve ASSESSMENT RULE --pick INSPECTOR|REVISION or --value V\n", len(out))
				_, err := io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) resolveCmd() *cobra.Command {
	var pick, value, note string
	cmd := &cobra.Command{
		Use:   "resolve ASSESSMENT RULE (--pick INSPECTOR|REVISION | --value V) [--note TEXT]",
		Short: "Settle a conflict: keep one inspector's value or record a new one",
		Args:  cobra.ExactArgs(2),
		Example: "  kaohe resolve 吉首市/2021 1.2.a --pick 李四\n" +
			"  kaohe resolve 吉首市/2021 1.2.a --value 4 --note 复核台账后确认",
		RunE: func(_ *cobra.Command, args []string) error {
			if (pick == "") == (value == "") {
				return errors.New("give exactly one of --pick INSPECTOR|REVISION or --value V")
			}
			subject := args[1]
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				st, err := s.State(as.ID)
				if err != nil {
					return err
				}
				ss, ok := st.Subjects[subject]
				if !ok || !ss.Conflict() {
					return fmt.Errorf("%s %s has no open conflict (kaohe conflicts lists them)", as.Label(), subject)
				}
				c := store.Change{Subject: subject, Note: note, Resolve: true}
				if pick != "" {
					h, err := pickHead(ss, pick)
					if err != nil {
						return err
					}
					c.Value = h.Value
					if note == "" {
						c.Note = h.Note
					}
				} else {
					ref, ok := st.Rubric.Rule(subject)
					if !ok {
						return fmt.Errorf("%s: --value works for rule values; use --pick for %s", subject, subject)
					}
					v, err := scoring.ParseValue(ref.Rule, value)
					if err != nil {
						return err
					}
					text := store.EncodeValue(v)
					c.Value = &text
				}
				return a.record(s, as, c)
			})
		},
	}
	cmd.Flags().StringVar(&pick, "pick", "", "keep the value of this inspector (or revision ID prefix)")
	cmd.Flags().StringVar(&value, "value", "", "record this value instead")
	cmd.Flags().StringVar(&note, "note", "", "why (kept in history)")
	return cmd
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
			names = append(names, h.Inspector+" (rev "+store.ShortID(h.ID, 8)+")")
		}
		return nil, fmt.Errorf("no value of %q in this conflict; the values are from %s", pick, strings.Join(names, ", "))
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%q has several values in this conflict; pick by revision ID", pick)
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
