package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"io"
	"os"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
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

// storeToOpen is the path and options a command opens the database with.
func (a *app) storeToOpen(create, readOnly bool) (string, store.Options, error) {
	p, err := a.dbPath()
	if err != nil {
		return "", store.Options{}, err
	}
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) && !create {
		return "", store.Options{}, i18n.Errorf("%s: no database here yet (kaohe init --inspector NAME creates it; --db or KAOHE_DB choose another)", p)
	}
	opts := a.storeOptions()
	opts.ReadOnly = readOnly
	return p, opts, nil
}

// storeOptions are the options every command opens a database with: the
// clock, and the device key folder (KAOHE_CONFIG, else the user's config
// folder) so that what this laptop writes is signed, and the check cache
// (the user's cache folder) so that a file this laptop checked and nobody
// wrote since is not read whole again on every open.
func (a *app) storeOptions() store.Options {
	return store.Options{Now: a.now, KeyDir: store.DefaultKeyDir(a.getenv), CheckDir: store.DefaultCheckDir(a.getenv)}
}

// withStore runs fn on an existing database and closes (checkpoints) it.
// Only commands that set things up (init, new, the TUI) create a missing
// database; the others say there is none, so a mistyped --db does not
// quietly make an empty file.
func (a *app) withStore(fn func(s *store.Store) error) error {
	return a.withStoreOpened(false, false, fn)
}

// withNewOrExistingStore is withStore for commands that may create it.
func (a *app) withNewOrExistingStore(fn func(s *store.Store) error) error {
	return a.withStoreOpened(true, false, fn)
}

// withStoreOpened opens the database (readOnly for a command that only
// reads, which works on a read-only file), runs fn and closes it.
func (a *app) withStoreOpened(create, readOnly bool, fn func(s *store.Store) error) error {
	p, opts, err := a.storeToOpen(create, readOnly)
	if err != nil {
		return err
	}
	s, err := store.Open(p, opts)
	if err != nil {
		return err
	}
	return a.closeAfter(s, fn(s))
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
		a.mergeCmd(), a.packCmd(), a.conflictsCmd(), a.resolveCmd(), a.reportCmd(), a.verifyCmd(),
		a.attachCmd(), a.evidenceCmd(), a.detachCmd(), a.whoamiCmd(), a.devicesCmd(), a.teamCmd(), a.withdrawCmd()}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// withAssessment opens the store and finds the assessment named by ref.
func (a *app) withAssessment(ref string, fn func(s *store.Store, as store.Assessment) error) error {
	return a.withStore(findThen(ref, fn))
}

// findThen finds the assessment named by ref, then runs fn on it.
func findThen(ref string, fn func(s *store.Store, as store.Assessment) error) func(s *store.Store) error {
	return func(s *store.Store) error {
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
	l := a.labels(st.Rubric)
	m := l.CLI
	if len(revs) == 0 {
		fmt.Fprintf(a.stdout, m.Unchanged+"\n", textwidth.Line(as.Label()), report.ResultTotalText(a.labels(st.Rubric), res))
		return nil
	}
	for _, r := range revs {
		v := report.ShownValue(l, r.Subject, r.Value)
		fmt.Fprintf(a.stdout, m.Saved+"\n", textwidth.Line(as.Label()), textwidth.Line(report.SubjectText(l, r.Subject)), textwidth.Line(v))
	}
	fmt.Fprintf(a.stdout, m.Totals+"\n", textwidth.Line(as.Label()),
		res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
	return nil
}

func pad(s string, w int) string  { return textwidth.PadRight(s, w) }
func padL(s string, w int) string { return textwidth.PadLeft(s, w) }
