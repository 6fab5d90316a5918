package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// rubricAddOptions are the inputs of `kaohe rubric add`.
type rubricAddOptions struct {
	app           *app
	allowMismatch bool // store it although numbers disagree with its words
}

func (a *app) rubricAddCmd() *cobra.Command {
	o := &rubricAddOptions{app: a}
	cmd := &cobra.Command{
		Use:   "add FILE [--allow-mismatch]",
		Short: "Store a rubric (YAML or .xlsx) in the database, so assessments can be created on it",
		Long: "Checks the rubric and stores it under its id and version. A number that disagrees with\n" +
			"the words it models (扣分 0.3 with “扣0.2分” in the clause) is refused unless\n" +
			"--allow-mismatch is given, which records the mismatches with the rubric. The same id and version with\n" +
			"other content is refused (a changed rubric needs a new version), and so is the built-in\n" +
			"rubric's id and version. Create an assessment on it with `kaohe new --rubric-id ID@VERSION`.",
		Example: "  kaohe rubric add 2022.yaml\n  kaohe rubric add 指标.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE:    func(_ *cobra.Command, args []string) error { return o.run(args) },
	}
	cmd.Flags().BoolVar(&o.allowMismatch, "allow-mismatch", false,
		"store the rubric although numbers disagree with its words (扣分 0.3 with “扣0.2分” in the clause); the mismatches are recorded with it")
	return cmd
}

// rubricListing is one line of `kaohe rubric list`.
type rubricListing struct {
	ID          string `json:"id"`
	Version     string `json:"version"`
	Title       string `json:"title"`
	SHA256      string `json:"sha256"`
	BuiltIn     bool   `json:"built_in"`
	Assessments int    `json:"assessments"`
	// Mismatches are the numbers that disagreed with the rubric's words
	// when it was stored with --allow-mismatch.
	Mismatches []string `json:"mismatches,omitempty"`
}

// rubricListOptions are the inputs of `kaohe rubric list`.
type rubricListOptions struct {
	app    *app
	asJSON bool
}

func (a *app) rubricListCmd() *cobra.Command {
	o := &rubricListOptions{app: a}
	cmd := &cobra.Command{
		Use:     "list [--json]",
		Short:   "List the rubrics assessments can be created on (the built-in one first)",
		Example: "  kaohe rubric list",
		Args:    cobra.NoArgs,
		RunE:    func(_ *cobra.Command, args []string) error { return o.run() },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// storedRubric finds a rubric by ID@VERSION, or by ID alone when one version
// of it is known (the built-in one counts as known).
func storedRubric(s *store.Store, ref string) (*rubric.Rubric, error) {
	id, version, hasVersion := strings.Cut(strings.TrimSpace(ref), "@")
	rbs, err := s.Rubrics()
	if err != nil {
		return nil, err
	}
	var matches []*rubric.Rubric
	var known []string
	for _, rb := range rbs {
		known = append(known, rb.ID+"@"+rb.Version)
		if rb.ID == id && (!hasVersion || rb.Version == version) {
			matches = append(matches, rb)
		}
	}
	switch {
	case len(matches) == 1:
		return matches[0], nil
	case len(matches) > 1:
		var vs []string
		for _, rb := range matches {
			vs = append(vs, rb.ID+"@"+rb.Version)
		}
		return nil, i18n.Errorf("rubric %s has several versions; name one: %s", id, strings.Join(vs, ", "))
	}
	return nil, i18n.Errorf("no rubric %s in the database (kaohe rubric list shows them: %s; kaohe rubric add FILE stores one)", ref, strings.Join(known, ", "))
}

// run checks and stores the rubric file.
func (o *rubricAddOptions) run(args []string) error {
	a := o.app
	rb, mismatches, err := a.loadRubricChecked(args[0])
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	w := a.labels(rb).Agreement
	if len(mismatches) > 0 && !o.allowMismatch {
		fmt.Fprintln(a.stderr, mismatches)
		fmt.Fprintf(a.stderr, w.Refused+"\n", args[0], len(mismatches))
		return exitError{1}
	}
	var record []string
	for _, m := range mismatches {
		record = append(record, m.Error())
	}
	return a.openStore(creates, func(s opened) error {
		added, err := s.AddRubricAllowingMismatch(rb, record)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		_, sum, err := store.CanonicalRubric(rb)
		if err != nil {
			return err
		}
		l := a.labels(rb).CLI.Rubric
		format := l.Added
		if !added {
			format = l.AlreadyStored
		}
		fmt.Fprintf(a.stdout, format+"\n", rb.ID, rb.Version, rb.Title, sum)
		if len(record) > 0 {
			fmt.Fprintf(a.stdout, w.Allowed+"\n", len(record))
		}
		return nil
	})
}

// run lists the stored rubrics.
func (o *rubricListOptions) run() error {
	a := o.app
	return a.openStore(writes, func(s opened) error {
		rbs, err := s.Rubrics()
		if err != nil {
			return err
		}
		var out []rubricListing
		for i, rb := range rbs {
			_, sum, err := store.CanonicalRubric(rb)
			if err != nil {
				return err
			}
			n, err := s.RubricAssessments(rb.ID, rb.Version)
			if err != nil {
				return err
			}
			ms, err := s.RubricMismatches(rb.ID, rb.Version)
			if err != nil {
				return err
			}
			out = append(out, rubricListing{rb.ID, rb.Version, rb.Title, sum, i == 0, n, ms})
		}
		if o.asJSON {
			return writeJSON(a.stdout, out)
		}
		// --lang, else the built-in rubric's language (it is listed first).
		l := a.labels(rbs[0]).CLI.Rubric
		var b strings.Builder
		for _, r := range out {
			mark := " "
			if r.BuiltIn {
				mark = "*"
			}
			fmt.Fprintf(&b, l.ListLine+"\n", mark,
				textwidth.PadRight(r.ID+"@"+r.Version, 32), textwidth.PadRight(r.Title, 48), r.SHA256, r.Assessments)
		}
		b.WriteString(l.BuiltIn + "\n")
		_, err = fmt.Fprint(a.stdout, b.String())
		return err
	})
}
