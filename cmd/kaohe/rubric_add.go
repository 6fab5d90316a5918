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
	app *app
}

func (a *app) rubricAddCmd() *cobra.Command {
	o := &rubricAddOptions{app: a}
	return &cobra.Command{
		Use:   "add FILE",
		Short: "Store a rubric (YAML or .xlsx) in the database, so assessments can be created on it",
		Long: "Checks the rubric and stores it under its id and version. The same id and version with\n" +
			"other content is refused (a changed rubric needs a new version), and so is the built-in\n" +
			"rubric's id and version. Create an assessment on it with `kaohe new --rubric-id ID@VERSION`.",
		Example: "  kaohe rubric add 2022.yaml\n  kaohe rubric add 指标.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE:    func(_ *cobra.Command, args []string) error { return o.run(args) },
	}
}

// rubricListing is one line of `kaohe rubric list`.
type rubricListing struct {
	ID          string `json:"id"`
	Version     string `json:"version"`
	Title       string `json:"title"`
	SHA256      string `json:"sha256"`
	BuiltIn     bool   `json:"built_in"`
	Assessments int    `json:"assessments"`
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
	rb, err := loadRubric(args[0])
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	return a.withNewOrExistingStore(func(s *store.Store) error {
		added, err := s.AddRubric(rb)
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
		return nil
	})
}

// run lists the stored rubrics.
func (o *rubricListOptions) run() error {
	a := o.app
	return a.withStore(func(s *store.Store) error {
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
			out = append(out, rubricListing{rb.ID, rb.Version, rb.Title, sum, i == 0, n})
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
