package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/tui"
	"github.com/spf13/cobra"
)

// exitError carries an exit code for errors that were already printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// app is one run of the CLI.
type app struct {
	env
	term io.Writer // the real stdout, for the TUI; commands print through env.stdout, which sanitises
	lang string    // --lang: "" follows the rubric
	db   string    // --db: "" means KAOHE_DB or the default path
}

func run(args []string, e env) int {
	// Every command prints through a sanitising writer: stored or typed
	// text in a message can never reach the terminal as an escape sequence.
	a := &app{env: e, term: e.stdout}
	a.stdout, a.stderr = textwidth.Writer(e.stdout), textwidth.Writer(e.stderr)
	e = a.env
	root := a.rootCmd()
	speakHelp(root, i18n.For(helpLanguage(args)))
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		switch a.lang {
		case "", "zh", "en":
			return nil
		}
		return i18n.Errorf("--lang %q: kaohe speaks zh (中文) and en", a.lang)
	}
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	l := a.labels(nil)
	fmt.Fprintln(e.stderr, "kaohe"+l.Values.Colon+strings.TrimSpace(errorLine(l, wordCobra(err))))
	return 1
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "kaohe",
		Short: "考核 — county government assessment workbench",
		Long: "kaohe walks an inspector through every indicator of the rubric, records findings\n" +
			"in a local SQLite file, scores them exactly, merges inspectors' files and writes reports.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE:          a.runDefault,
	}
	root.PersistentFlags().StringVar(&a.lang, "lang", "", "language of labels: zh or en (default: the rubric's)")
	root.PersistentFlags().StringVar(&a.db, "db", "", "database file (default: $KAOHE_DB, else kaohe.db in the user's data folder)")
	root.AddCommand(a.rubricCmd(), a.scoreCmd())
	root.AddCommand(a.docCmd())
	root.AddCommand(a.dbCmds()...)
	a.addVersion(root)
	return root
}

// runDefault is what `kaohe` with no arguments does: the TUI, on the
// default database and the embedded rubric. A database that does not exist
// yet is created only once the inspector has typed a name, so quitting at
// the name prompt creates nothing (no file, no device key).
func (a *app) runDefault(cmd *cobra.Command, _ []string) error {
	p, opts, err := a.storeToOpen(creates)
	if err != nil {
		return err
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) || a.getenv("KAOHE_INSPECTOR") != "" {
		return a.openStore(creates, func(s opened) error {
			return a.runTUI(tui.StoreBackend{Store: s.Store, InspectorOverride: a.getenv("KAOHE_INSPECTOR")}, nil)
		})
	}
	var mu sync.Mutex
	var created *store.Store
	err = a.runTUI(nil, func() (tui.Backend, error) {
		s, err := store.Open(p, opts)
		if err != nil {
			return nil, err
		}
		mu.Lock()
		created = s
		mu.Unlock()
		return tui.StoreBackend{Store: s}, nil
	})
	mu.Lock()
	defer mu.Unlock()
	if created == nil {
		return err
	}
	return a.closeAfter(created, err)
}

// runTUI runs the workbench on a database, or with create, on none yet.
func (a *app) runTUI(be tui.Backend, create func() (tui.Backend, error)) error {
	rb := rubric.Default()
	// The Excel export proposes the current directory, not the hidden
	// data folder; the inspector can type another path.
	reportDir, err := os.Getwd()
	if err != nil {
		reportDir = "."
	}
	opts := tui.Options{
		Backend:   be,
		Create:    create,
		Labels:    a.labels(rb),
		Rubric:    rb,
		Now:       a.now,
		Dark:      true,
		ReportDir: reportDir,
	}
	unsaved, err := tui.Run(opts, a.stdin, a.term)
	if err != nil {
		return err
	}
	if unsaved > 0 {
		fmt.Fprintf(a.stderr, opts.Labels.Report.QuitUnsaved+"\n", unsaved)
	}
	return nil
}
