package main

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// importOptions are the inputs of `kaohe import`.
type importOptions struct {
	app       *app
	ref, file string
}

func (a *app) importCmd() *cobra.Command {
	o := &importOptions{app: a}
	return &cobra.Command{
		Use: "import ASSESSMENT FILE.json", Short: "Record every finding of a findings file (all or nothing)", Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.file = args[0], args[1]
			return o.run()
		},
	}
}

// run checks the whole findings file against the rubric, then records it
// in one transaction.
func (o *importOptions) run() error {
	a := o.app
	data, err := os.ReadFile(o.file)
	if err != nil {
		return fmt.Errorf("cannot read findings: %w", err)
	}
	if at := store.InvalidUTF8(data); at >= 0 {
		// A JSON or YAML reader would read each invalid byte as U+FFFD.
		line, col := lineCol(data, at)
		fmt.Fprintln(a.stderr, fmt.Sprintf(a.labels(nil).CLI.Trust.NotUTF8, textwidth.Line(o.file), line, col, at+1))
		return exitError{1}
	}
	ff, err := scoring.ReadFindingsFile(data)
	if err != nil {
		fmt.Fprintln(a.stderr, a.problems(o.file, nil, err))
		return exitError{1}
	}
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		rb, err := s.Rubric(as.RubricID, as.RubricVersion)
		if err != nil {
			return err
		}
		if err := scoring.Check(rb, ff.Findings); err != nil {
			fmt.Fprintln(a.stderr, a.problems(o.file, rb, err))
			return exitError{1}
		}
		var changes []store.Change
		ids := make([]string, 0, len(ff.Findings))
		for id := range ff.Findings {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return scoring.RuleLess(ids[i], ids[j]) })
		for _, id := range ids {
			changes = append(changes, store.SetRule(id, ff.Findings[id].Value, ff.Findings[id].Note))
		}
		inds := make([]string, 0, len(ff.Notes))
		for ind := range ff.Notes {
			inds = append(inds, ind)
		}
		sort.Strings(inds)
		for _, ind := range inds {
			changes = append(changes, store.SetNote(ind, ff.Notes[ind]))
		}
		return a.record(s.Store, as, changes...)
	}))
}

// lineCol is the 1-based line and column (in characters) of byte offset at.
func lineCol(data []byte, at int) (line, col int) {
	before := data[:at]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}
