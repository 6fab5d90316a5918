package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kaohe/kaohe/internal/i18n"

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

// access is how a command uses the database, and so how openStore opens
// it. Only commands that set things up create a missing database; the
// others say there is none, so a mistyped --db does not quietly make an
// empty file.
type access int

const (
	// reads: the command only reads (history, export, score, pack,
	// evidence, devices, team list, verify). The database is opened
	// read-only, so it works on a read-only file and writes nothing, not
	// even a checkpoint.
	reads access = iota
	// readsStates: reads, starting from every assessment's state (list,
	// report, conflicts); the states are read while the open's integrity
	// check runs beside them (store.OpenStates).
	readsStates
	// writes: the command writes to an existing database.
	writes
	// creates: the command sets things up (init, new, rubric add, the
	// workbench) and creates the database if there is none yet.
	creates
)

// opened is the database as openStore opened it for a command, with every
// assessment's state when the command reads them (readsStates).
type opened struct {
	*store.Store
	states []*store.State
}

// openStore opens the database as use says, runs fn on it and closes
// (checkpoints) it. Every command that works on the database goes through
// it, but for merge (its --into target, opened with the merge's own
// options) and the workbench's first run (the file is made only once the
// inspector has typed a name).
func (a *app) openStore(use access, fn func(s opened) error) error {
	p, opts, err := a.storeToOpen(use)
	if err != nil {
		return err
	}
	var o opened
	if use == readsStates {
		o.Store, o.states, err = store.OpenStates(p, opts)
	} else {
		o.Store, err = store.Open(p, opts)
	}
	if err != nil {
		return err
	}
	return a.closeAfter(o.Store, fn(o))
}

// storeToOpen is the path and options a command opens the database with.
func (a *app) storeToOpen(use access) (string, store.Options, error) {
	p, err := a.dbPath()
	if err != nil {
		return "", store.Options{}, err
	}
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) && use != creates {
		return "", store.Options{}, i18n.Errorf("%s: no database here yet (kaohe init --inspector NAME creates it; --db or KAOHE_DB choose another)", p)
	}
	opts := a.storeOptions()
	opts.ReadOnly = use == reads || use == readsStates
	return p, opts, nil
}

// storeOptions are the options every command opens a database with: the
// clock, and the device key folder (KAOHE_CONFIG, else the user's config
// folder) so that what this laptop writes is signed, and the check cache
// (the user's cache folder) so that a file this laptop checked and nobody
// wrote since is not read whole again on every open.
func (a *app) storeOptions() store.Options {
	return store.Options{Now: a.now, KeyDir: store.DefaultKeyDir(a.getenv), BusyTimeout: a.busyTimeout, CheckDir: store.DefaultCheckDir(a.getenv)}
}

// closeAfter closes s once a command ran on it: the command's error if it
// failed (a closing checkpoint that failed too is not reported then: its
// "everything was saved" would contradict the failure), else the close's.
func (a *app) closeAfter(s *store.Store, ferr error) error {
	if ferr != nil {
		s.Close()
		return ferr
	}
	return a.closeStore(s)
}

// closeStore closes the store; a closing checkpoint that failed after
// everything was saved is printed as a warning, not an error.
func (a *app) closeStore(s *store.Store) error {
	err := s.Close()
	if store.CodeOf(err) == store.CodeCheckpoint {
		fmt.Fprintln(a.stderr, "kaohe: "+err.Error())
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
		a.mergeCmd(), a.packCmd(), a.conflictsCmd(), a.resolveCmd(), a.reportCmd(), a.verifyCmd(),
		a.attachCmd(), a.evidenceCmd(), a.detachCmd(), a.whoamiCmd(), a.devicesCmd(), a.teamCmd(), a.withdrawCmd(),
		a.itemCmd(),
		a.problemCmd(),
		a.agreementCmd(),
		a.importFiguresCmd(),
		a.planCmd(),
		a.coverageCmd(),
		a.selfAssessCmd(),
		a.feedbackCmd(),
		a.appealCmd(),
		a.finalizeCmd(),
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// findThen finds the assessment named by ref, then runs fn on it.
func findThen(ref string, fn func(s opened, as store.Assessment) error) func(s opened) error {
	return func(s opened) error {
		as, err := s.Find(ref)
		if err != nil {
			return err
		}
		return fn(s, as)
	}
}

// record writes changes and prints what was saved and the new total.
func (a *app) record(s *store.Store, as store.Assessment, changes ...store.Change) error {
	id, err := a.identity(s)
	if err != nil {
		return err
	}
	if err := blindSeen(s, as, id.Inspector, changes); err != nil {
		return err
	}
	revs, err := s.Record(id, as.ID, changes...)
	if err != nil {
		return err
	}
	st, res, err := scored(s, as)
	if err != nil {
		return err
	}
	if st.BlindFor(id.Inspector) { // the total as the blind scorer may see it
		st = st.ViewFor(id.Inspector)
		if res, err = st.Score(); err != nil {
			return err
		}
	}
	l := a.labels(st.Rubric)
	m := l.CLI
	if len(revs) == 0 {
		fmt.Fprintf(a.stdout, m.Unchanged+"\n", textwidth.Line(as.Label()), report.ResultTotalText(a.labels(st.Rubric), res))
		return nil
	}
	for _, r := range revs {
		v := report.ShownValue(l, r.Subject, r.Decoded())
		fmt.Fprintf(a.stdout, m.Saved+"\n", textwidth.Line(as.Label()), textwidth.Line(report.SubjectText(l, r.Subject)), textwidth.Line(v))
	}
	fmt.Fprintf(a.stdout, m.Totals+"\n", textwidth.Line(as.Label()),
		res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
	if extra := report.BesideTotal(l, st.Rubric, res); extra != "" {
		fmt.Fprintf(a.stdout, "%s%s%s\n", textwidth.Line(as.Label()), l.Values.Colon, extra)
	}
	for _, ic := range st.ItemConflicts() { // a plain value beside items that give another
		for _, r := range revs {
			if r.Subject == ic.Rule {
				fmt.Fprintln(a.stdout, disagreement(l, st, ic))
			}
		}
	}
	return nil
}

// blindSeen bases each change of a blind double scorer on the heads their
// workbench would show them — their own only — as the workbench does
// (store.Change.Seen): a value of the other's that is hidden from them is
// then neither a conflict that refuses the write nor overwritten by it.
// For anyone else the changes are left as they are.
func blindSeen(s *store.Store, as store.Assessment, inspector string, changes []store.Change) error {
	st, err := s.State(as.ID)
	if err != nil {
		return err
	}
	if !st.BlindFor(inspector) {
		return nil
	}
	view := st.ViewFor(inspector)
	for i := range changes {
		if changes[i].Seen != nil {
			continue
		}
		seen := []string{}
		if ss := view.Subjects[changes[i].Subject]; ss != nil {
			for _, h := range ss.Heads {
				seen = append(seen, h.ID)
			}
		}
		changes[i].Seen = seen
	}
	return nil
}

// scored is an assessment's state and its score, read again after a
// command wrote to it, for the total it prints.
func scored(s *store.Store, as store.Assessment) (*store.State, *scoring.Result, error) {
	st, err := s.State(as.ID)
	if err != nil {
		return nil, nil, err
	}
	res, err := st.Score()
	return st, res, err
}

func pad(s string, w int) string  { return textwidth.PadRight(s, w) }
func padL(s string, w int) string { return textwidth.PadLeft(s, w) }
