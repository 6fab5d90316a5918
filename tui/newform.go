package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
)

// yearPattern is the period every assessment has unless its rubric says
// otherwise: a four-digit year written in ASCII digits.
var yearPattern = regexp.MustCompile(`^[0-9]{4}$`)

// newForm creates an assessment: a unit (suggested from the rubric) and a
// period (checked, defaulting to the rubric's year).
type newForm struct {
	c                      *common
	unitInput, periodInput textinput.Model
	field                  int // 0 unit, 1 period, 2 rubric
	err                    string
	rubrics                []*rubric.Rubric // offered; the first is the default
	rubricSel              int
	// rubricChosen says the inspector chose the rubric (↑↓ or enter on
	// it); until then the form takes the one whose year is the period's.
	rubricChosen bool
	// suggestSel is the highlighted suggestion, the unit enter or tab
	// takes: the one typed in full, else the first, or where ↑↓ moved it;
	// -1 (↑ above the first) takes what was typed as it is.
	suggestSel int
}

// rubric is the rubric the assessment will use.
func (f *newForm) rubric() *rubric.Rubric {
	if f.rubricSel < len(f.rubrics) {
		return f.rubrics[f.rubricSel]
	}
	return f.c.opts.Rubric
}

// loadRubrics reads the rubrics on offer in a command.
func (f *newForm) loadRubrics() tea.Cmd {
	be := f.c.opts.Backend
	return func() tea.Msg {
		rbs, err := be.Rubrics()
		return rubricsMsg{rbs, err}
	}
}

// setRubrics offers the stored rubrics, the configured one first.
func (f *newForm) setRubrics(msg rubricsMsg) {
	def := f.c.opts.Rubric
	f.rubrics = []*rubric.Rubric{def}
	for _, rb := range msg.rubrics {
		if rb.ID != def.ID || rb.Version != def.Version {
			f.rubrics = append(f.rubrics, rb)
		}
	}
	f.rubricSel = min(f.rubricSel, len(f.rubrics)-1)
}

func newNewForm(c *common) *newForm {
	return &newForm{c: c, unitInput: newInput(c.l.UI.UnitPrompt, 40), periodInput: newInput(c.l.UI.PeriodPrompt, 20)}
}

// defaultPeriod is the rubric's year when its version is one, else this year.
func defaultPeriod(rb *rubric.Rubric, year int) string {
	if yearPattern.MatchString(rb.Version) {
		return rb.Version
	}
	return strconv.Itoa(year)
}

// checkPeriod returns what is wrong with a period under a rubric's
// pattern (a four-digit year unless it declares another), or "".
func checkPeriod(w *i18n.Screens, rb *rubric.Rubric, period string) string {
	re, err := rb.PeriodRegexp()
	if err != nil {
		re = yearPattern
	}
	if re.MatchString(period) {
		return ""
	}
	form := "YYYY"
	if rb.PeriodPattern != "" {
		form = rb.PeriodPattern
	}
	return fmt.Sprintf(w.PeriodForm, form)
}

func (f *newForm) reset() tea.Cmd {
	f.err, f.field, f.suggestSel, f.rubricSel, f.rubricChosen = "", 0, 0, 0, false
	f.unitInput.SetValue("")
	f.periodInput.SetValue(defaultPeriod(f.rubric(), f.c.opts.Now().Year()))
	f.periodInput.Blur()
	return tea.Batch(f.unitInput.Focus(), f.loadRubrics())
}

// focusField moves the focus to field i.
func (f *newForm) focusField(i int) tea.Cmd {
	n := 2 // unit, period; and the rubric when there is a choice
	if len(f.rubrics) > 1 {
		n = 3
	}
	f.field = (i + n) % n
	f.unitInput.Blur()
	f.periodInput.Blur()
	switch f.field {
	case 0:
		f.suggestSel = f.typedSuggestion()
		return f.unitInput.Focus()
	case 1:
		return f.periodInput.Focus()
	}
	return nil
}

// suggestions are the rubric's units that contain what was typed.
func (f *newForm) suggestions() []string {
	typed := strings.TrimSpace(f.unitInput.Value())
	var out []string
	for _, u := range f.rubric().Units {
		if typed == "" || strings.Contains(u, typed) {
			out = append(out, u)
		}
	}
	return out
}

// typedSuggestion is the suggestion to highlight after typing: the unit
// typed in full, else the first.
func (f *newForm) typedSuggestion() int {
	typed := strings.TrimSpace(f.unitInput.Value())
	for i, u := range f.suggestions() {
		if u == typed {
			return i
		}
	}
	return 0
}

func (f *newForm) update(msg tea.Msg) tea.Cmd {
	k := &f.c.keys
	if m, ok := msg.(rubricsMsg); ok {
		if m.err == nil {
			f.setRubrics(m)
		}
		return nil
	}
	km, isKey := msg.(tea.KeyPressMsg)
	sugg := f.suggestions()
	switch {
	case !isKey:
	case key.Matches(km, k.Cancel):
		return goTo(screenPicker)
	case f.field == 2 && (key.Matches(km, k.ArrowDown) || key.Matches(km, k.ArrowUp)):
		d := 1
		if key.Matches(km, k.ArrowUp) {
			d = -1
		}
		if n := len(f.rubrics); n > 0 {
			f.rubricSel = (f.rubricSel + d + n) % n
			f.rubricChosen = true
			f.periodInput.SetValue(defaultPeriod(f.rubric(), f.c.opts.Now().Year()))
		}
		return nil
	case f.field == 2 && key.Matches(km, k.Confirm):
		f.rubricChosen = true
		return f.focusField(0)
	case f.field == 2:
		return nil
	case f.field == 0 && key.Matches(km, k.ArrowDown):
		if len(sugg) > 0 {
			f.suggestSel = min(f.suggestSel+1, len(sugg)-1)
		}
		return nil
	case f.field == 0 && key.Matches(km, k.ArrowUp):
		if len(sugg) > 0 {
			f.suggestSel = max(f.suggestSel-1, -1)
		}
		return nil
	case key.Matches(km, k.NextInput), key.Matches(km, k.PrevInput), f.field == 0 && key.Matches(km, k.Confirm):
		if f.field == 0 && f.suggestSel >= 0 && f.suggestSel < len(sugg) {
			f.unitInput.SetValue(sugg[f.suggestSel])
		}
		if key.Matches(km, k.PrevInput) {
			return f.focusField(f.field - 1)
		}
		return f.focusField(f.field + 1)
	case f.field == 1 && key.Matches(km, k.Confirm):
		unit, period := strings.TrimSpace(f.unitInput.Value()), rubric.NormalizePeriod(f.periodInput.Value())
		if unit == "" {
			f.err = f.c.l.UI.UnitPrompt
			return nil
		}
		if !f.pickRubricFor(period) {
			f.err = fmt.Sprintf(f.c.l.CLI.Doors.ChooseRubricFor, period)
			return f.focusField(2)
		}
		if msg := checkPeriod(&f.c.l.Screens, f.rubric(), period); msg != "" {
			f.err = msg
			return nil
		}
		be, id, rb := f.c.opts.Backend, f.c.id, f.rubric()
		f.err = ""
		return func() tea.Msg {
			a, err := be.Create(id, rb, unit, period)
			return createdMsg{a, err}
		}
	}
	var cmd tea.Cmd
	if f.field == 0 {
		before := f.unitInput.Value()
		f.unitInput, cmd = f.unitInput.Update(msg)
		if f.unitInput.Value() != before { // typed or pasted: a new list
			f.suggestSel = f.typedSuggestion()
		}
	} else {
		f.periodInput, cmd = f.periodInput.Update(msg)
		f.pickRubricFor(rubric.NormalizePeriod(f.periodInput.Value())) // the form shows the rubric it will use
	}
	return cmd
}

// pickRubricFor selects the rubric whose year is the period's, unless the
// inspector chose one; it reports false when there is no such single
// rubric to take and the inspector must choose.
func (f *newForm) pickRubricFor(period string) bool {
	if f.rubricChosen || len(f.rubrics) <= 1 {
		return true
	}
	m := rubric.ForPeriod(f.rubrics, period)
	if len(m) != 1 {
		return false
	}
	f.rubricSel = slices.Index(f.rubrics, m[0])
	return true
}

func (f *newForm) view() []string {
	c := f.c
	l := c.l
	lines := []string{c.styles.Strong.Render(" " + l.UI.NewAssessment), "", "  " + f.unitInput.View()}
	sugg := f.suggestions()
	if f.field == 0 && len(sugg) > 0 {
		lines = append(lines, c.styles.Dim.Render("    "+l.UI.Suggestions))
		room := max(c.bodyHeight()-8, 1)
		top := scrollWindow(max(f.suggestSel, 0), len(sugg), room)
		for i, u := range sugg {
			if i < top || i >= top+room {
				continue
			}
			if i == f.suggestSel {
				lines = append(lines, c.styles.Cursor.Render("    > "+u))
			} else {
				lines = append(lines, "      "+u)
			}
		}
	}
	lines = append(lines, "", "  "+f.periodInput.View())
	// The rubric: a choice when more than one is stored.
	label := "  " + l.Rubric + l.Values.Colon
	switch {
	case len(f.rubrics) <= 1:
		lines = append(lines, "", c.styles.Dim.Render(label+rubricName(f.rubric())))
	case f.field == 2:
		lines = append(lines, "", label+c.styles.Dim.Render(f.c.l.Screens.ChooseRubric))
		for i, rb := range f.rubrics {
			if i == f.rubricSel {
				lines = append(lines, c.styles.Cursor.Render("    > "+rubricName(rb)))
			} else {
				lines = append(lines, "      "+rubricName(rb))
			}
		}
	default:
		lines = append(lines, "", label+rubricName(f.rubric())+c.styles.Dim.Render("  ("+f.c.l.Screens.TabToChoose+")"))
	}
	if f.err != "" {
		lines = append(lines, "", c.styles.Error.Render("  "+f.err))
	}
	return lines
}

// rubricName is a rubric as the form lists it: title and version.
func rubricName(rb *rubric.Rubric) string {
	t := rb.Title
	if t == "" {
		t = rb.ID
	}
	return textwidth.Sanitize(t+" "+rb.Version, false)
}

func (f *newForm) shortHelp() []key.Binding {
	k := &f.c.keys
	if f.field == 2 {
		return []key.Binding{k.ArrowDown, k.Confirm, k.NextInput, k.Cancel}
	}
	if f.field == 0 {
		return []key.Binding{k.ArrowDown, k.Confirm, k.NextInput, k.Cancel}
	}
	return []key.Binding{k.Confirm, k.NextInput, k.Cancel}
}

func (f *newForm) fullHelp() [][]key.Binding {
	k := &f.c.keys
	return [][]key.Binding{{k.ArrowUp, k.ArrowDown, k.NextInput, k.PrevInput, k.Confirm, k.Cancel}}
}

func (f *newForm) typing() bool           { return true }
func (f *newForm) status() (string, bool) { return "", false }
