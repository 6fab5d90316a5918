package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// loadRubric returns the rubric in FILE — a YAML file, or an Excel/WPS
// workbook when the name ends in .xlsx — or the embedded one when path is "".
// Every command that takes a rubric file loads it here.
func loadRubric(path string) (*rubric.Rubric, error) {
	if path == "" {
		return rubric.Default(), nil
	}
	if isWorkbook(path) {
		return sheet.LoadFile(path)
	}
	return rubric.LoadFile(path)
}

// isWorkbook reports whether a rubric file name is an Excel workbook.
func isWorkbook(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".xlsx")
}

// labelsOf is the wording for an assessment: --lang, else its rubric's
// language.
func (a *app) labelsOf(s *store.Store, as store.Assessment) *i18n.Labels {
	rb, err := s.Rubric(as.RubricID, as.RubricVersion)
	if err != nil {
		return a.labels(nil)
	}
	return a.labels(rb)
}

// labelsOfStates is the wording for a command over several assessments:
// --lang, else the first one's rubric language.
func (a *app) labelsOfStates(states []*store.State) *i18n.Labels {
	if len(states) == 0 {
		return a.labels(nil)
	}
	return a.labels(states[0].Rubric)
}

// labels picks the label language: --lang, else the rubric's language.
func (a *app) labels(rb *rubric.Rubric) *i18n.Labels {
	if a.lang != "" {
		return i18n.For(a.lang)
	}
	if rb != nil && rb.Language != "" {
		return i18n.For(rb.Language)
	}
	return i18n.For("zh")
}

func (a *app) rubricCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "rubric", Short: "Show or validate a rubric file"}
	var file string
	var asJSON bool
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the rubric tree with points (--json for machines)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rb, err := loadRubric(file)
			if err != nil {
				return err
			}
			if asJSON {
				return writeRubricJSON(a.stdout, rb)
			}
			return a.printRubricTree(a.stdout, rb)
		},
	}
	show.Flags().StringVar(&file, "rubric", "", "rubric file, YAML or .xlsx (default: the embedded seed rubric)")
	show.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	validate := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a rubric file (YAML or .xlsx); list every error as file:line:col or file:sheet!cell",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rb, mismatches, err := a.loadRubricChecked(args[0])
			if err != nil {
				a.printRubricError(err)
				return exitError{1}
			}
			if len(mismatches) > 0 {
				fmt.Fprintln(a.stderr, mismatches)
				fmt.Fprintf(a.stderr, a.labels(rb).Agreement.Found+"\n", args[0], len(mismatches))
				return exitError{1}
			}
			l := a.labels(rb).CLI.Rubric
			fmt.Fprintf(a.stdout, l.Valid+"\n",
				args[0], rb.ID, rb.Version, len(rb.Categories), len(rb.Indicators()), rb.RuleCount(), rb.BasePoints(), rb.BonusPoints())
			printReviews(a.stdout, l, args[0], rb)
			return nil
		},
	}
	cmd.AddCommand(show, validate)
	cmd.AddCommand(a.rubricExportCmd())
	cmd.AddCommand(a.rubricImportCmd())
	cmd.AddCommand(a.rubricDiffCmd())
	cmd.AddCommand(a.rubricAddCmd())
	cmd.AddCommand(a.rubricListCmd())
	cmd.AddCommand(a.rubricDraftCmd())
	return cmd
}

// rubricJSON is the JSON shape of `kaohe rubric show --json`: the rubric tree,
// plus a flat list of indicators for convenience.
type rubricJSON struct {
	*rubric.Rubric
	BasePoints  decimal.Dec     `json:"base_points"`
	BonusPoints decimal.Dec     `json:"bonus_points"`
	Indicators  []indicatorJSON `json:"indicators"`
}

type indicatorJSON struct {
	Category string `json:"category"`
	*rubric.Indicator
}

func writeRubricJSON(w io.Writer, rb *rubric.Rubric) error {
	doc := rubricJSON{Rubric: rb, BasePoints: rb.BasePoints(), BonusPoints: rb.BonusPoints()}
	for ci := range rb.Categories {
		for ii := range rb.Categories[ci].Indicators {
			doc.Indicators = append(doc.Indicators, indicatorJSON{rb.Categories[ci].ID, &rb.Categories[ci].Indicators[ii]})
		}
	}
	return writeJSON(w, doc)
}

// printRubricTree prints categories, indicators and rules with their points.
func (a *app) printRubricTree(w io.Writer, rb *rubric.Rubric) error {
	if rb == nil {
		rb = rubric.Default()
	}
	l := a.labels(rb)
	var b strings.Builder
	fmt.Fprintf(&b, l.RubricShow.Header+"\n", rb.Title, rb.ID, rb.Version, rb.BasePoints(), rb.BonusPoints())
	if g := gradesSummary(l, rb); g != "" {
		fmt.Fprintf(&b, "%s\n", g)
	}
	for _, c := range rb.Categories {
		suffix := fmt.Sprintf(l.PointsSuffix, c.Points)
		if c.Bonus {
			suffix = fmt.Sprintf(l.BonusSuffix, c.Points)
		}
		if c.Penalty {
			suffix = report.PenaltySuffix(l, &c)
		}
		fmt.Fprintf(&b, "%s %s%s\n", c.ID, c.Title, suffix)
		for _, ind := range c.Indicators {
			fmt.Fprintf(&b, "  %-5s %s\n", ind.ID, ind.Content)
			for _, r := range ind.Rules {
				fmt.Fprintf(&b, "        %-7s %s %s\n", r.ID, textwidth.PadRight(kindName(l, r.Kind), 10), ruleSummary(l, &r))
				if r.Review != "" {
					fmt.Fprintf(&b, "                %s%s%s\n", l.CLI.Rubric.ReviewMark, l.Values.Colon, r.Review)
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ruleSummary is a one-line description of a rule's parameters, named
// as rubric diff names the fields (their YAML keys in English).
func ruleSummary(l *i18n.Labels, r *rubric.Rule) string {
	var parts []string
	param := func(field string, v any) {
		name := field
		if field == "max_value" {
			name = "max" // as it always was shown
		}
		if w := l.CLI.Rubric.Diff.Field[field]; w != "" {
			name = w
		}
		parts = append(parts, fmt.Sprintf(l.RubricShow.Param, name, v))
	}
	if r.Amount != nil && r.Kind == rubric.Bonus {
		parts = append(parts, fmt.Sprintf(l.RubricShow.Param, l.ShowLanguage.BonusAmount, r.Amount)) // it adds
	} else if r.Amount != nil {
		param("amount", r.Amount)
	}
	if r.Target != nil {
		param("target", r.Target)
	}
	if r.Step != nil {
		param("step", r.Step)
	}
	if r.Kind == rubric.Convert {
		param("full", r.FullMark())
	}
	if r.Cap != nil {
		param("cap", r.Cap)
	}
	if r.MaxValue != nil {
		param("max_value", r.MaxValue)
	}
	parts = append(parts, languageSummary(l, r)...)
	return strings.Join(parts, " ") + "  " + r.Name()
}

// kindName is a rule kind in l's words.
func kindName(l *i18n.Labels, k rubric.Kind) string {
	if w := l.Kind[string(k)]; w != "" {
		return w
	}
	return string(k)
}
