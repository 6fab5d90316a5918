package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// screen is what the root model shows.
type screen int

const (
	screenLoading screen = iota
	screenName
	screenPicker
	screenNew
	screenWorkbench
	screenSummary
)

// Options configure the TUI.
type Options struct {
	Backend Backend
	Labels  *i18n.Labels
	// Rubric is used for new assessments (the embedded seed by default).
	Rubric *rubric.Rubric
	// Now is the clock (for the default period).
	Now func() time.Time
	// RetryDelay is how long a failed save waits before it is retried.
	RetryDelay time.Duration
	// Dark chooses dark-background styles until the terminal reports its
	// background.
	Dark bool
	// ReportDir is where the summary screen writes the xlsx report (the
	// database's folder).
	ReportDir string
}

// Model is the root bubbletea model: it routes messages to the screen in
// front and draws the frame around it.
type Model struct {
	opts   Options
	l      *i18n.Labels
	keys   KeyMap
	styles Styles
	help   help.Model

	screen   screen
	id       store.Identity
	err      string
	showHelp bool
	confirm  bool // asking whether to quit with unsaved edits

	nameInput textinput.Model

	states    []*store.State
	summaries []report.RankRow // one per state
	report    *report.Report   // the ranking of all states
	reportErr error
	pickerSel int

	unitInput, periodInput textinput.Model
	formField              int // 0 unit, 1 period
	suggestSel             int

	wb *workbench

	reportPath string // the last report written from the summary

	w, h int
}

// New builds the root model.
func New(opts Options) Model {
	if opts.Labels == nil {
		opts.Labels = i18n.For("zh")
	}
	if opts.Rubric == nil {
		opts.Rubric = rubric.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RetryDelay == 0 {
		opts.RetryDelay = 2 * time.Second
	}
	if opts.ReportDir == "" {
		opts.ReportDir = "."
	}
	m := Model{opts: opts, l: opts.Labels, keys: DefaultKeyMap(opts.Labels), styles: NewStyles(opts.Dark), help: help.New(), w: 80, h: 24}
	m.nameInput = newInput(m.l.UI.NamePrompt, 40)
	m.unitInput = newInput(m.l.UI.UnitPrompt, 40)
	m.periodInput = newInput(m.l.UI.PeriodPrompt, 20)
	return m
}

func newInput(prompt string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = limit
	st := ti.Styles()
	st.Cursor.Blink = false // a steady cursor: no timer redraws
	ti.SetStyles(st)
	return ti
}

// Init asks for the identity and the terminal's background colour.
func (m Model) Init() tea.Cmd {
	be := m.opts.Backend
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg {
		id, err := be.Identity()
		return identityMsg{id, err}
	})
}

func (m Model) loadStates() tea.Cmd {
	be, l, now := m.opts.Backend, m.l, m.opts.Now()
	return func() tea.Msg {
		states, err := be.States()
		if err != nil {
			return statesMsg{err: err}
		}
		msg := statesMsg{states: states}
		for _, st := range states {
			sm, err := report.Summarize(st)
			if err != nil {
				sm = report.RankRow{Unit: st.Assessment.Unit, Period: st.Assessment.Period, Status: st.Status()}
			}
			msg.summaries = append(msg.summaries, sm)
		}
		if len(states) > 0 {
			msg.report, msg.reportErr = report.Build(states, report.Filter{}, l, now)
		}
		return msg
	}
}

func (m Model) loadState(id string) tea.Cmd {
	be := m.opts.Backend
	return func() tea.Msg {
		st, err := be.State(id)
		return stateMsg{st, err}
	}
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		if m.wb != nil {
			m.wb.w, m.wb.h = m.w, m.h-3
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.styles = NewStyles(msg.IsDark())
		return m, nil
	case identityMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		m.id = msg.id
		if m.id.Inspector == "" {
			m.screen = screenName
			return m, m.nameInput.Focus()
		}
		m.screen = screenPicker
		return m, m.loadStates()
	case statesMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		m.states, m.summaries, m.report, m.reportErr = msg.states, msg.summaries, msg.report, msg.reportErr
		m.pickerSel = clamp(m.pickerSel, 0, max(len(m.states)-1, 0))
		return m, nil
	case createdMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			m.screen = screenNew
			return m, nil
		}
		m.err = ""
		return m, m.loadState(msg.a.ID)
	case stateMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		m.err = ""
		if m.wb != nil && m.wb.a.ID == msg.state.Assessment.ID {
			m.wb.load(msg.state)
		} else {
			m.wb = newWorkbench(m.l, &m.styles, &m.keys, m.opts.Backend, m.id, msg.state, m.opts.RetryDelay)
		}
		m.wb.st = &m.styles
		m.wb.keys = &m.keys
		m.wb.w, m.wb.h = m.w, m.h-3
		m.screen = screenWorkbench
		return m, nil
	case reloadedMsg:
		if msg.err == nil && m.wb != nil && m.wb.a.ID == msg.state.Assessment.ID {
			m.wb.load(msg.state)
		}
		return m, nil
	case savedMsg, retryMsg:
		if m.wb != nil {
			m.wb.st, m.wb.keys = &m.styles, &m.keys
			return m, m.wb.update(msg)
		}
		return m, nil
	case reportWrittenMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		m.err, m.reportPath = "", msg.path
		return m, nil
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	case tea.PasteMsg:
		return m.updateInputs(msg)
	}
	return m.updateInputs(msg)
}

// updateInputs passes other messages (cursor blinks) to the focused input.
func (m Model) updateInputs(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenName:
		m.nameInput, cmd = m.nameInput.Update(msg)
	case screenNew:
		if m.formField == 0 {
			m.unitInput, cmd = m.unitInput.Update(msg)
		} else {
			m.periodInput, cmd = m.periodInput.Update(msg)
		}
	case screenWorkbench:
		if m.wb != nil && m.wb.mode != editNone {
			m.wb.st, m.wb.keys = &m.styles, &m.keys
			cmd = m.wb.updateEditing(msg)
		}
	}
	return m, cmd
}

func (m Model) editing() bool {
	switch m.screen {
	case screenName, screenNew:
		return true
	case screenWorkbench:
		return m.wb != nil && m.wb.mode != editNone
	}
	return false
}

func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.confirm {
		switch msg.String() {
		case "y", "Y":
			return m, tea.Quit
		default:
			m.confirm = false
			return m, nil
		}
	}
	if msg.String() == "ctrl+c" || (!m.editing() && key.Matches(msg, m.keys.Quit)) {
		return m.quit()
	}
	if !m.editing() && key.Matches(msg, m.keys.Help) {
		m.showHelp = !m.showHelp
		return m, nil
	}
	if m.showHelp && key.Matches(msg, m.keys.Cancel) {
		m.showHelp = false
		return m, nil
	}
	switch m.screen {
	case screenName:
		return m.updateName(msg)
	case screenPicker:
		return m.updatePicker(msg)
	case screenNew:
		return m.updateNew(msg)
	case screenSummary:
		switch {
		case key.Matches(msg, m.keys.Export):
			return m, m.writeReport()
		case key.Matches(msg, m.keys.Back), key.Matches(msg, m.keys.Cancel):
			m.screen = screenPicker
			return m, m.loadStates()
		}
		return m, nil
	case screenWorkbench:
		m.wb.st, m.wb.keys = &m.styles, &m.keys
		if !m.editing() && (key.Matches(msg, m.keys.Back) || (key.Matches(msg, m.keys.Cancel) && m.wb.filter == "")) {
			if m.wb.unsaved() > 0 {
				m.wb.status, m.wb.statusErr = fmt.Sprintf(m.l.UI.Saving, m.wb.unsaved()), true
				return m, nil
			}
			m.screen = screenPicker
			m.wb = nil
			return m, m.loadStates()
		}
		return m, m.wb.update(msg)
	}
	return m, nil
}

// quit leaves at once, or asks first when edits are not yet saved.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.wb != nil && m.wb.unsaved() > 0 {
		m.confirm = true
		return m, nil
	}
	return m, tea.Quit
}

// Unsaved is the number of edits not yet saved (for the caller, after Run).
func (m Model) Unsaved() int {
	if m.wb == nil {
		return 0
	}
	return m.wb.unsaved()
}

func (m Model) updateName(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Confirm) {
		name := strings.TrimSpace(m.nameInput.Value())
		if name == "" {
			return m, nil
		}
		be := m.opts.Backend
		return m, func() tea.Msg {
			id, err := be.SetInspector(name)
			return identityMsg{id, err}
		}
	}
	var cmd tea.Cmd
	m.nameInput, cmd = m.nameInput.Update(msg)
	return m, cmd
}

func (m Model) updatePicker(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Up):
		m.pickerSel = max(m.pickerSel-1, 0)
	case key.Matches(msg, m.keys.Down):
		m.pickerSel = min(m.pickerSel+1, max(len(m.states)-1, 0))
	case key.Matches(msg, m.keys.New):
		m.screen = screenNew
		m.err = ""
		m.formField = 0
		m.suggestSel = -1
		m.unitInput.SetValue("")
		m.periodInput.SetValue(strconv.Itoa(m.opts.Now().Year()))
		m.periodInput.Blur()
		return m, m.unitInput.Focus()
	case key.Matches(msg, m.keys.Open):
		if m.pickerSel < len(m.states) {
			return m, m.loadState(m.states[m.pickerSel].Assessment.ID)
		}
	case key.Matches(msg, m.keys.Summary):
		if len(m.states) > 0 {
			m.screen = screenSummary
			m.reportPath = ""
		}
	}
	return m, nil
}

// suggestions are the rubric's units that contain what was typed.
func (m Model) suggestions() []string {
	typed := strings.TrimSpace(m.unitInput.Value())
	var out []string
	for _, u := range m.opts.Rubric.Units {
		if typed == "" || strings.Contains(u, typed) {
			out = append(out, u)
		}
	}
	return out
}

func (m Model) updateNew(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	sugg := m.suggestions()
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.screen = screenPicker
		m.err = ""
		return m, nil
	case m.formField == 0 && (msg.String() == "down" || msg.String() == "up"):
		if len(sugg) > 0 {
			if msg.String() == "down" {
				m.suggestSel = min(m.suggestSel+1, len(sugg)-1)
			} else {
				m.suggestSel = max(m.suggestSel-1, 0)
			}
		}
		return m, nil
	case key.Matches(msg, m.keys.NextInput), key.Matches(msg, m.keys.PrevInput),
		m.formField == 0 && key.Matches(msg, m.keys.Confirm):
		if m.formField == 0 {
			if m.suggestSel >= 0 && m.suggestSel < len(sugg) {
				m.unitInput.SetValue(sugg[m.suggestSel])
			}
			m.formField = 1
			m.unitInput.Blur()
			return m, m.periodInput.Focus()
		}
		m.formField = 0
		m.periodInput.Blur()
		return m, m.unitInput.Focus()
	case m.formField == 1 && key.Matches(msg, m.keys.Confirm):
		unit, period := strings.TrimSpace(m.unitInput.Value()), strings.TrimSpace(m.periodInput.Value())
		if unit == "" || period == "" {
			m.err = m.l.UI.UnitPrompt + " / " + m.l.UI.PeriodPrompt
			return m, nil
		}
		be, id, rb := m.opts.Backend, m.id, m.opts.Rubric
		m.err = m.l.UI.Creating
		return m, func() tea.Msg {
			a, err := be.Create(id, rb, unit, period)
			return createdMsg{a, err}
		}
	}
	var cmd tea.Cmd
	if m.formField == 0 {
		m.unitInput, cmd = m.unitInput.Update(msg)
		m.suggestSel = -1
	} else {
		m.periodInput, cmd = m.periodInput.Update(msg)
	}
	return m, cmd
}

// View draws the screen in front.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.l.UI.AppTitle
	return v
}

// render is the frame as text (View without the tea.View wrapper).
func (m Model) render() string {
	if m.w < minWidth || m.h < minHeight {
		return m.tooSmall()
	}
	var body []string
	switch m.screen {
	case screenLoading:
		body = []string{m.l.UI.Loading}
	case screenName:
		body = m.nameView()
	case screenPicker:
		body = m.pickerView()
	case screenNew:
		body = m.newView()
	case screenWorkbench:
		body = m.workbenchView()
	case screenSummary:
		body = m.summaryView()
	}
	if m.showHelp {
		body = m.helpView()
	}
	// Header, body, status, help footer: exactly m.h lines of m.w columns.
	header := m.styles.Header.Render(fit(" "+m.l.UI.AppTitle+m.headerInfo(), m.w))
	lines := []string{header}
	for i := 0; i < m.h-3; i++ {
		switch {
		case i >= len(body):
			lines = append(lines, strings.Repeat(" ", m.w))
		case m.screen == screenWorkbench && !m.showHelp:
			lines = append(lines, body[i]) // the panes are exactly m.w wide
		default:
			lines = append(lines, fit(body[i], m.w))
		}
	}
	lines = append(lines, m.statusLine(), m.footer())
	return strings.Join(lines, "\n")
}

func (m Model) headerInfo() string {
	s := ""
	if m.id.Inspector != "" {
		s += "  " + m.l.Inspectors + ": " + textwidth.Sanitize(m.id.Inspector, false)
	}
	if m.screen == screenWorkbench && m.wb != nil {
		s += "  " + textwidth.Sanitize(m.wb.a.Label(), false)
		if m.wb.signed != nil {
			s += "  [" + m.l.Signed + "·" + m.l.UI.ReadOnly + "]"
		}
	}
	return s
}

func (m Model) tooSmall() string {
	msg := fmt.Sprintf(m.l.UI.Enlarge, minWidth, minHeight)
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	lines := textwidth.Wrap(msg, m.w)
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	for i := range lines {
		lines[i] = fit(lines[i], m.w)
	}
	return strings.Join(lines, "\n")
}

func (m Model) statusLine() string {
	switch {
	case m.confirm:
		return m.styles.Warning.Render(fit(fmt.Sprintf(m.l.UI.QuitConfirm, m.Unsaved()), m.w))
	case m.err != "":
		return m.styles.Error.Render(fit(m.l.UI.Error+oneLine(m.err), m.w))
	case m.screen == screenWorkbench && m.wb != nil:
		st := m.styles.Saved
		if m.wb.statusErr {
			st = m.styles.Error
		}
		s := m.wb.status
		if n := m.wb.unsaved(); n > 0 && m.wb.statusErr {
			s += "  [" + strconv.Itoa(n) + " " + m.l.UI.Unsaved + "]"
		}
		return st.Render(fit(" "+s, m.w))
	}
	return fit("", m.w)
}

func (m Model) footer() string {
	m.help.SetWidth(m.w)
	var s string
	switch m.screen {
	case screenWorkbench:
		s = m.help.ShortHelpView(workbenchHelp{&m.keys}.ShortHelp())
	case screenPicker:
		s = m.help.ShortHelpView(pickerHelp{&m.keys}.ShortHelp())
	case screenNew, screenName:
		s = m.help.ShortHelpView([]key.Binding{m.keys.NextInput, m.keys.Confirm, m.keys.Cancel})
	case screenSummary:
		s = m.help.ShortHelpView([]key.Binding{m.keys.Export, m.keys.Back, m.keys.Quit})
	}
	return fit(s, m.w)
}

func (m Model) helpView() []string {
	m.help.SetWidth(m.w)
	m.help.ShowAll = true
	var s string
	if m.screen == screenWorkbench {
		s = m.help.View(workbenchHelp{&m.keys})
	} else {
		s = m.help.View(pickerHelp{&m.keys})
	}
	return append([]string{m.styles.Header.Render(m.l.UI.Help["help"]), ""}, strings.Split(s, "\n")...)
}

func (m Model) nameView() []string {
	return []string{
		"",
		m.styles.Strong.Render("  " + m.l.UI.AskName),
		"",
		"  " + m.nameInput.View(),
		"",
		m.styles.Dim.Render("  " + m.l.UI.NameHint),
	}
}

func (m Model) pickerView() []string {
	l := m.l
	lines := []string{m.styles.Strong.Render(" " + l.UI.Picker), ""}
	if len(m.states) == 0 {
		return append(lines, "  "+l.UI.NoAssessments)
	}
	// The rubric column only when there is room (and something to tell).
	showRubric := m.w >= 100
	inspW := clamp(m.w-70, 10, 24)
	head := " " + fit(l.Unit, 12) + fit(l.Period, 8)
	if showRubric {
		head += fit(l.Rubric, 17) + " "
	}
	head += fit(l.Inspectors, inspW) + textwidth.PadLeft(l.Progress, 8) + textwidth.PadLeft(l.Total, 9) + "  " +
		fit(l.Status, 8) + textwidth.PadLeft(l.Conflicts, 6)
	lines = append(lines, m.styles.Header.Render(head))
	seen := map[string]int{}
	for _, st := range m.states {
		seen[st.Assessment.Label()]++
	}
	for i, st := range m.states {
		sm := m.summaries[i]
		period := st.Assessment.Period
		if !showRubric && seen[st.Assessment.Label()] > 1 {
			// Same unit and period under several rubrics: say which.
			period += "·" + st.Assessment.RubricVersion
		}
		row := " " + fit(textwidth.Sanitize(st.Assessment.Unit, false), 12) + fit(textwidth.Sanitize(period, false), 8)
		if showRubric {
			row += fit(textwidth.Sanitize(st.Assessment.RubricID+" "+st.Assessment.RubricVersion, false), 17) + " "
		}
		row += fit(textwidth.Sanitize(strings.Join(st.Inspectors, ","), false), inspW) + textwidth.PadLeft(fmt.Sprintf("%d/%d", sm.Recorded, sm.Indicators), 8) +
			textwidth.PadLeft(sm.Total.Fixed(2), 9) + "  " + fit(l.StatusName(sm.Status), 8) + textwidth.PadLeft(strconv.Itoa(sm.Conflicts), 6)
		switch {
		case i == m.pickerSel:
			row = m.styles.Cursor.Render(fit(row, m.w))
		case sm.Conflicts > 0:
			row = m.styles.Conflict.Render(row)
		}
		lines = append(lines, row)
	}
	return lines
}

func (m Model) newView() []string {
	l := m.l
	lines := []string{m.styles.Strong.Render(" " + l.UI.NewAssessment), "", "  " + m.unitInput.View()}
	sugg := m.suggestions()
	if m.formField == 0 && len(sugg) > 0 {
		lines = append(lines, m.styles.Dim.Render("    "+l.UI.Suggestions))
		for i, u := range sugg {
			if i == m.suggestSel {
				lines = append(lines, m.styles.Cursor.Render("    > "+u))
			} else {
				lines = append(lines, "      "+u)
			}
		}
	}
	lines = append(lines, "", "  "+m.periodInput.View())
	return lines
}

func (m Model) workbenchView() []string {
	wb := m.wb
	wb.w, wb.h = m.w, m.h-3
	nw, cw, sw := wb.layout()
	return joinColumns(wb.navigatorView(nw, wb.h), wb.indicatorView(cw, wb.h), wb.scoreView(sw, wb.h))
}
