package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric/diff"
	"github.com/spf13/cobra"
)

// rubricDiffOptions are the inputs of `kaohe rubric diff`.
type rubricDiffOptions struct {
	app    *app
	asJSON bool
}

func (a *app) rubricDiffCmd() *cobra.Command {
	o := &rubricDiffOptions{app: a}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [--json]",
		Short: "Compare two versions of a rubric (YAML or .xlsx), clause by clause",
		Long: "Lists categories and indicators added, removed and renumbered (matched by their words,\n" +
			"so a moved item is not reported as removed and added), points changed, and standards and\n" +
			"rules changed clause by clause: what to check when a new 考核细则 replaces last year's.",
		Example: "  kaohe rubric diff rubric-2021.yaml 指标2022.xlsx\n  kaohe rubric diff --json old.yaml new.yaml",
		Args:    cobra.ExactArgs(2),
		RunE:    func(_ *cobra.Command, args []string) error { return o.run(args) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// diffWords are the words of the diff text in one language.
type diffWords i18n.RubricDiff

func (w diffWords) name(field string) string {
	if n, ok := w.Field[field]; ok {
		return n
	}
	if g, ok := strings.CutPrefix(field, "group "); ok {
		return fmt.Sprintf(w.Group, g)
	}
	return field
}

// statusWord is the word of an item's status; a changed item under another
// ID is renumbered.
func (w diffWords) statusWord(status, oldID, newID string) string {
	switch {
	case status == diff.Added:
		return w.Added
	case status == diff.Removed:
		return w.Removed
	case oldID != newID:
		return w.Renumbered
	}
	return w.Changed
}

func ids(oldID, newID string) string {
	switch {
	case oldID == "":
		return newID
	case newID == "" || oldID == newID:
		return oldID
	}
	return oldID + " → " + newID
}

func mark(status string) string {
	switch status {
	case diff.Added:
		return "+"
	case diff.Removed:
		return "-"
	}
	return "~"
}

func showValue(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func writeFields(b *strings.Builder, w diffText, indent string, fs []diff.Field) {
	for _, f := range fs {
		fmt.Fprintf(b, "%s%s%s%s → %s\n", indent, w.name(f.Name), w.Colon, showValue(w.value(f.Name, f.Old)), showValue(w.value(f.Name, f.New)))
	}
}

// writeItem prints a category or an indicator added, removed, changed or
// renumbered (changed under another ID), then its fields that changed.
func writeItem(b *strings.Builder, w diffText, status, oldID, newID, text string, fs []diff.Field) {
	fmt.Fprintf(b, "%s %s %s  [%s]\n", mark(status), ids(oldID, newID), text, w.statusWord(status, oldID, newID))
	writeFields(b, w, "    ", fs)
}

// writeDiff prints a rubric comparison for people: + added, - removed,
// ~ changed, then the fields that changed and the standard clause by clause.
func writeDiff(out io.Writer, rep *diff.Report, w diffText) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s\n", rep.Old, rep.New)
	if rep.Empty() {
		fmt.Fprintln(&b, w.Same)
	}
	writeFields(&b, w, "", rep.Fields)
	writeGrades(&b, w, rep.Grades)
	for _, u := range rep.UnitsAdded {
		fmt.Fprintf(&b, "+ %s %s\n", w.Units, u)
	}
	for _, u := range rep.UnitsGone {
		fmt.Fprintf(&b, "- %s %s\n", w.Units, u)
	}
	if len(rep.Categories) > 0 {
		fmt.Fprintf(&b, "\n%s\n", w.Categories)
	}
	for _, c := range rep.Categories {
		writeItem(&b, w, c.Status, c.OldID, c.NewID, c.Title, c.Fields)
	}
	if len(rep.Indicators) > 0 {
		fmt.Fprintf(&b, "\n%s\n", w.Indicators)
	}
	for _, ind := range rep.Indicators {
		writeItem(&b, w, ind.Status, ind.OldID, ind.NewID, ind.Content, ind.Fields)
		if len(ind.Standard) > 0 {
			fmt.Fprintf(&b, "    %s%s\n", w.Standard, strings.TrimSpace(w.Colon))
			for _, l := range ind.Standard {
				fmt.Fprintf(&b, "      %s %s\n", l.Op, l.Text)
			}
		}
		for _, r := range ind.Rules {
			fmt.Fprintf(&b, "    %s %s %s  %s%s\n", mark(r.Status), w.Rule, ids(r.OldID, r.NewID), r.Clause, w.vetoMark(r.Veto))
			if r.Status == diff.Changed {
				writeFields(&b, w, "        ", r.Fields)
				writeBands(&b, w, "        ", r.Bands)
				continue
			}
			// An added or removed rule: its parameters on one line.
			var ps []string
			for _, f := range r.Fields {
				ps = append(ps, w.name(f.Name)+" "+w.value(f.Name, f.Old+f.New))
			}
			if len(ps) > 0 {
				fmt.Fprintf(&b, "        %s\n", strings.Join(ps, ", "))
			}
			writeBands(&b, w, "        ", r.Bands)
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// run compares the two rubric files.
func (o *rubricDiffOptions) run(args []string) error {
	a := o.app
	old, err := loadRubric(args[0])
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	newer, err := loadRubric(args[1])
	if err != nil {
		a.printRubricError(err)
		return exitError{1}
	}
	rep := diff.Compare(old, newer)
	if o.asJSON {
		return writeJSON(a.stdout, rep)
	}
	// --lang, else the newer rubric's language.
	return writeDiff(a.stdout, rep, newDiffText(a.labels(newer)))
}
