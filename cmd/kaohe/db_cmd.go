package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// dbPath resolves the database: --db, then KAOHE_DB, then the user's data
// directory.
func (a *app) dbPath() (string, error) {
	if a.db != "" {
		return a.db, nil
	}
	if p := a.getenv("KAOHE_DB"); p != "" {
		return p, nil
	}
	return store.DefaultPath(a.getenv)
}

// openStoreFor opens the database for a command; the caller must close it.
// Only commands that set things up (init, new, the TUI) create a missing
// database; the others say there is none, so a mistyped --db does not
// quietly make an empty file. readOnly opens it for a command that only
// reads, which works on a read-only file.
func (a *app) openStoreFor(create, readOnly bool) (*store.Store, error) {
	p, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) && !create {
		return nil, fmt.Errorf("%s: no database here yet (kaohe init --inspector NAME creates it; --db or KAOHE_DB choose another)", p)
	}
	return store.Open(p, store.Options{Now: a.now, ReadOnly: readOnly})
}

// withStore runs fn on an existing database and closes (checkpoints) it.
func (a *app) withStore(fn func(s *store.Store) error) error {
	return a.withStoreMode(false, fn)
}

// withNewOrExistingStore is withStore for commands that may create it.
func (a *app) withNewOrExistingStore(fn func(s *store.Store) error) error {
	return a.withStoreMode(true, fn)
}

func (a *app) withStoreMode(create bool, fn func(s *store.Store) error) error {
	return a.withStoreOpened(create, false, fn)
}

func (a *app) withStoreOpened(create, readOnly bool, fn func(s *store.Store) error) error {
	s, err := a.openStoreFor(create, readOnly)
	if err != nil {
		return err
	}
	ferr := fn(s)
	cerr := a.closeStore(s)
	if ferr != nil {
		return ferr
	}
	return cerr
}

// closeStore closes the store; a closing checkpoint that failed after
// everything was saved is printed as a warning, not an error.
func (a *app) closeStore(s *store.Store) error {
	err := s.Close()
	var ce *store.CheckpointError
	if errors.As(err, &ce) {
		fmt.Fprintln(a.stderr, "kaohe: "+ce.Error())
		return nil
	}
	return err
}

// identity is who writes: the stored inspector, or KAOHE_INSPECTOR.
func (a *app) identity(s *store.Store) (store.Identity, error) {
	id, err := s.Identity(a.getenv("KAOHE_INSPECTOR"))
	if err != nil {
		return id, err
	}
	if id.Inspector == "" {
		return id, store.ErrNoInspector
	}
	return id, nil
}

// dbCmds are the commands that work on the database.
func (a *app) dbCmds() []*cobra.Command {
	return []*cobra.Command{a.whereCmd(), a.initCmd(), a.newCmd(), a.listCmd(), a.setCmd(), a.unsetCmd(),
		a.noteCmd(), a.importCmd(), a.exportCmd(), a.historyCmd(), a.signCmd(), a.reopenCmd(),
		a.mergeCmd(), a.packCmd(), a.conflictsCmd(), a.resolveCmd(), a.reportCmd()}
}

func (a *app) whereCmd() *cobra.Command {
	return &cobra.Command{
		Use: "where", Short: "Print the path of the database in use", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, err := a.dbPath()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, p)
			return nil
		},
	}
}

func (a *app) initCmd() *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use: "init --inspector NAME", Short: "Set the inspector's name for this database (once per laptop)", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if strings.TrimSpace(name) == "" {
				return errors.New("give the inspector's name: kaohe init --inspector NAME")
			}
			return a.withNewOrExistingStore(func(s *store.Store) error {
				id, err := s.SetInspector(name)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "inspector %s, device %s, database %s\n", id.Inspector, id.Device, s.Path())
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&name, "inspector", "", "the inspector's name as it should appear in history and reports")
	return cmd
}

func (a *app) newCmd() *cobra.Command {
	var rubricFile string
	cmd := &cobra.Command{
		Use: "new UNIT PERIOD", Short: "Create an assessment (or report the existing one)", Args: cobra.ExactArgs(2),
		Example: "  kaohe new 吉首市 2021",
		RunE: func(_ *cobra.Command, args []string) error {
			rb, err := loadRubric(rubricFile)
			if err != nil {
				fmt.Fprintln(a.stderr, err)
				return exitError{1}
			}
			return a.withNewOrExistingStore(func(s *store.Store) error {
				id, err := a.identity(s)
				if err != nil {
					return err
				}
				as, created, err := s.CreateAssessment(id, rb, args[0], args[1])
				if err != nil {
					return err
				}
				verb := "created"
				if !created {
					verb = "exists"
				}
				fmt.Fprintf(a.stdout, "%s %s  id %s  rubric %s %s\n", verb, as.Label(), as.ID, as.RubricID, as.RubricVersion)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&rubricFile, "rubric", "", "rubric YAML file (default: the embedded seed rubric)")
	return cmd
}

// summary is one assessment's line in `kaohe list`.
type summary struct {
	ID         string       `json:"id"`
	Unit       string       `json:"unit"`
	Period     string       `json:"period"`
	Rubric     string       `json:"rubric"`
	Inspectors []string     `json:"inspectors"`
	Progress   string       `json:"progress"`
	Recorded   int          `json:"indicators_recorded"`
	Indicators int          `json:"indicators_total"`
	Total      *decimal.Dec `json:"total"`
	Status     string       `json:"status"`
	Conflicts  int          `json:"conflicts"`
}

func summarize(st *store.State) summary {
	sm := summary{ID: st.Assessment.ID, Unit: st.Assessment.Unit, Period: st.Assessment.Period,
		Rubric: st.Assessment.RubricID + " " + st.Assessment.RubricVersion, Inspectors: st.Inspectors,
		Status: st.Status(), Conflicts: len(st.Conflicts())}
	if sm.Inspectors == nil {
		sm.Inspectors = []string{}
	}
	if row, err := report.Summarize(st); err == nil {
		sm.Total = &row.Total
		sm.Recorded, sm.Indicators = row.Recorded, row.Indicators
	}
	sm.Progress = fmt.Sprintf("%d/%d", sm.Recorded, sm.Indicators)
	return sm
}

func (a *app) listCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "list", Short: "List assessments: unit, period, inspectors, progress, total, status, conflicts", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return a.readStore(func(s *store.Store) error {
				states, err := s.States()
				if err != nil {
					return err
				}
				rows := make([]summary, 0, len(states))
				for _, st := range states {
					rows = append(rows, summarize(st))
				}
				if asJSON {
					return writeJSON(a.stdout, rows)
				}
				if len(rows) == 0 {
					fmt.Fprintln(a.stdout, "no assessments yet: kaohe new UNIT PERIOD")
					return nil
				}
				l := a.labels(nil)
				var b strings.Builder
				fmt.Fprintf(&b, "%s %s %s %s %s  %s %s  %s\n", pad(l.Unit, 10), pad(l.Period, 8), pad(l.Inspectors, 16),
					padL(l.Progress, 8), padL(l.Total, 8), pad(l.Status, 8), padL(l.Conflicts, 9), "id")
				for _, r := range rows {
					total := "-"
					if r.Total != nil {
						total = r.Total.Fixed(2)
					}
					fmt.Fprintf(&b, "%s %s %s %s %s  %s %s  %s\n", pad(r.Unit, 10), pad(r.Period, 8),
						pad(strings.Join(r.Inspectors, ","), 16), padL(r.Progress, 8), padL(total, 8), pad(l.StatusName(r.Status), 8),
						padL(fmt.Sprint(r.Conflicts), 9), store.ShortID(r.ID, 12))
				}
				_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func pad(s string, w int) string  { return textwidth.PadRight(s, w) }
func padL(s string, w int) string { return textwidth.PadLeft(s, w) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// withAssessment opens the store and finds the assessment named by ref.
func (a *app) withAssessment(ref string, fn func(s *store.Store, as store.Assessment) error) error {
	return a.withStore(func(s *store.Store) error {
		as, err := s.Find(ref)
		if err != nil {
			return err
		}
		return fn(s, as)
	})
}

// record writes changes and prints what was saved and the new total.
func (a *app) record(s *store.Store, as store.Assessment, changes ...store.Change) error {
	id, err := a.identity(s)
	if err != nil {
		return err
	}
	revs, err := s.Record(id, as.ID, changes...)
	if err != nil {
		return err
	}
	st, err := s.State(as.ID)
	if err != nil {
		return err
	}
	res, err := st.Score()
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		fmt.Fprintf(a.stdout, "%s: unchanged; total %s\n", as.Label(), res.Total.Fixed(2))
		return nil
	}
	for _, r := range revs {
		v := "(retracted)"
		if !r.Tombstone() {
			v = *r.Value
		}
		fmt.Fprintf(a.stdout, "saved %s %s = %s\n", as.Label(), r.Subject, textwidth.Sanitize(v, false))
	}
	fmt.Fprintf(a.stdout, "%s: total %s (base %s + bonus %s), %d/%d indicators recorded\n", as.Label(),
		res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
	return nil
}

func (a *app) setCmd() *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use: "set ASSESSMENT RULE VALUE [--note TEXT]", Short: "Record a rule's value", Args: cobra.ExactArgs(3),
		Example: "  kaohe set 吉首市/2021 1.2.a 3\n  kaohe set 吉首市/2021 1.1.a true\n  kaohe set 吉首市/2021 3.4.a 0.5 --note 电子证照汇聚不全",
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				rb, err := s.Rubric(as.RubricID, as.RubricVersion)
				if err != nil {
					return err
				}
				ref, ok := rb.Rule(args[1])
				if !ok {
					return fmt.Errorf("%s: rubric %s %s has no rule %q (kaohe rubric show lists them)", args[1], rb.ID, rb.Version, args[1])
				}
				v, err := scoring.ParseValue(ref.Rule, args[2])
				if err != nil {
					return err
				}
				text := store.EncodeValue(v)
				return a.record(s, as, store.Change{Subject: args[1], Value: &text, Note: note})
			})
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "why: required for discretionary deductions")
	return cmd
}

func (a *app) unsetCmd() *cobra.Command {
	return &cobra.Command{
		Use: "unset ASSESSMENT RULE", Short: "Retract a rule's value (kept in history)", Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				return a.record(s, as, store.Change{Subject: args[1]})
			})
		},
	}
}

func (a *app) noteCmd() *cobra.Command {
	return &cobra.Command{
		Use: "note ASSESSMENT INDICATOR TEXT", Short: "Set an indicator's free note (empty text clears it)", Args: cobra.ExactArgs(3),
		Example: "  kaohe note 吉首市/2021 2.1 大厅面积4800平方米，已提交扩建方案",
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				c := store.Change{Subject: store.NotePrefix + args[1]}
				if strings.TrimSpace(args[2]) != "" {
					c.Value = store.StringValue(args[2])
				}
				return a.record(s, as, c)
			})
		},
	}
}

func (a *app) importCmd() *cobra.Command {
	return &cobra.Command{
		Use: "import ASSESSMENT FILE.json", Short: "Record every finding of a findings file (all or nothing)", Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[1])
			if err != nil {
				return fmt.Errorf("cannot read findings: %w", err)
			}
			ff, err := scoring.ReadFindingsFile(data)
			if err != nil {
				fmt.Fprintln(a.stderr, prefixLines(args[1], err))
				return exitError{1}
			}
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				rb, err := s.Rubric(as.RubricID, as.RubricVersion)
				if err != nil {
					return err
				}
				if err := scoring.Check(rb, ff.Findings); err != nil {
					fmt.Fprintln(a.stderr, prefixLines(args[1], err))
					return exitError{1}
				}
				var changes []store.Change
				ids := make([]string, 0, len(ff.Findings))
				for id := range ff.Findings {
					ids = append(ids, id)
				}
				sort.Slice(ids, func(i, j int) bool { return scoring.RuleLess(ids[i], ids[j]) })
				for _, id := range ids {
					text := store.EncodeValue(ff.Findings[id].Value)
					changes = append(changes, store.Change{Subject: id, Value: &text, Note: ff.Findings[id].Note})
				}
				inds := make([]string, 0, len(ff.Notes))
				for ind := range ff.Notes {
					inds = append(inds, ind)
				}
				sort.Strings(inds)
				for _, ind := range inds {
					changes = append(changes, store.Change{Subject: store.NotePrefix + ind, Value: store.StringValue(ff.Notes[ind])})
				}
				return a.record(s, as, changes...)
			})
		},
	}
}

func (a *app) exportCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "export ASSESSMENT --json", Short: "Print the current findings in the findings-file format", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if !asJSON {
				return errors.New("only --json export exists: kaohe export ASSESSMENT --json > findings.json")
			}
			return a.readAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				st, err := s.State(as.ID)
				if err != nil {
					return err
				}
				return writeJSON(a.stdout, scoring.FindingsFile{Findings: st.Findings(), Notes: st.Notes()})
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (the only format)")
	return cmd
}

func (a *app) historyCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "history ASSESSMENT [RULE]", Short: "The audit trail: when, who, device, old → new, note", Args: cobra.RangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			subject := ""
			if len(args) == 2 {
				subject = args[1]
			}
			return a.readAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				all, err := s.History(as.ID, "")
				if err != nil {
					return err
				}
				byID := map[string]*store.Revision{}
				for _, r := range all {
					byID[r.ID] = r
				}
				var b strings.Builder
				var out []historyEntry
				for _, r := range all {
					if subject != "" && r.Subject != subject && r.Subject != store.NotePrefix+subject {
						continue
					}
					var olds []string
					for _, p := range r.Parents {
						if pr := byID[p]; pr != nil {
							olds = append(olds, shown(pr))
						}
					}
					old := strings.Join(olds, " | ")
					if old == "" {
						old = "-"
					}
					e := historyEntry{Time: r.Wall.In(time.Local).Format("2006-01-02 15:04:05"), Inspector: r.Inspector, Device: r.Device,
						Subject: r.Subject, Old: old, New: shown(r), Note: r.Note, Revision: r.ID}
					out = append(out, e)
					fmt.Fprintf(&b, "%s  %s  %s  %s  %s → %s", e.Time, pad(e.Inspector, 8), e.Device, pad(e.Subject, 8), e.Old, e.New)
					if e.Note != "" {
						fmt.Fprintf(&b, "  「%s」", e.Note)
					}
					b.WriteString("\n")
				}
				if asJSON {
					if out == nil {
						out = []historyEntry{}
					}
					return writeJSON(a.stdout, out)
				}
				_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
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
}

// shown is a revision's value as history prints it.
func shown(r *store.Revision) string {
	if r.Tombstone() {
		return "(retracted)"
	}
	return *r.Value
}

func (a *app) signCmd() *cobra.Command {
	return &cobra.Command{
		Use: "sign ASSESSMENT", Short: "Sign an assessment off; it refuses edits until reopened", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				st, err := s.State(as.ID)
				if err != nil {
					return err
				}
				if st.Status() == store.StatusSigned {
					return fmt.Errorf("%s is already signed", as.Label())
				}
				if n := len(st.Conflicts()); n > 0 {
					return fmt.Errorf("%s has %d open conflicts; settle them (kaohe conflicts) before signing", as.Label(), n)
				}
				return a.record(s, as, store.Change{Subject: store.SubjectStatus, Value: store.StringValue(store.StatusSigned), Note: "sign-off", Resolve: true})
			})
		},
	}
}

func (a *app) reopenCmd() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use: "reopen ASSESSMENT --reason TEXT", Short: "Reopen a signed assessment for editing", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return errors.New("say why: kaohe reopen ASSESSMENT --reason TEXT")
			}
			return a.withAssessment(args[0], func(s *store.Store, as store.Assessment) error {
				st, err := s.State(as.ID)
				if err != nil {
					return err
				}
				if st.Status() != store.StatusSigned {
					return fmt.Errorf("%s is not signed", as.Label())
				}
				return a.record(s, as, store.Change{Subject: store.SubjectStatus, Value: store.StringValue(store.StatusDraft), Note: reason, Resolve: true})
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the assessment is reopened (recorded in history)")
	return cmd
}

// scoreAssessment prints the score of an assessment in the database.
func (a *app) scoreAssessment(ref string, asJSON bool) error {
	return a.readAssessment(ref, func(s *store.Store, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		res, err := st.Score()
		if err != nil {
			fmt.Fprintln(a.stderr, prefixLines(as.Label(), err))
			return exitError{1}
		}
		if asJSON {
			return report.WriteScoreJSON(a.stdout, st.Rubric, res)
		}
		return report.WriteScoreText(a.stdout, a.labels(st.Rubric), st.Rubric, res)
	})
}
