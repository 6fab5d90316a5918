package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
)

// Options configure the TUI.
type Options struct {
	// Backend is the database. It is nil on a laptop that has none yet.
	Backend Backend
	// Create makes the database when Backend is nil. It is called only
	// once the inspector has typed a valid name, so that quitting at the
	// name prompt leaves nothing behind (no database file, no device key).
	Create func() (Backend, error)
	Labels *i18n.Labels
	// Rubric is used for new assessments (the embedded seed by default).
	Rubric *rubric.Rubric
	// Now is the clock (for the default period).
	Now func() time.Time
	// RetryDelay is how long a failed save waits before it is retried.
	RetryDelay time.Duration
	// PollInterval is how often the open assessment is checked for writes
	// by other programs (one second by default; negative turns it off).
	PollInterval time.Duration
	// Dark chooses dark-background styles until the terminal reports its
	// background.
	Dark bool
	// ReportDir is the folder the summary screen proposes for the xlsx
	// report (the current directory by default).
	ReportDir string
	// OpenFile shows a file with the system's viewer (xdg-open, open,
	// start by default); tests substitute their own.
	OpenFile func(path string) error
}

// Model is the root bubbletea model: it routes messages to the screen in
// front and draws the frame (header, status line, footer) around it.
type Model struct {
	c     *common
	front screenID

	name    *nameScreen
	picker  *pickerScreen
	form    *newForm
	wb      *workbench
	summary *summaryScreen
	// problems is the 问题 screen (problems.go).
	problems *problemsScreen

	err         string
	showHelp    bool
	confirmQuit bool // asking whether to quit with unsaved edits

	// places remembers where the inspector was in each assessment, so
	// reopening one returns there.
	places map[string]place
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
	if opts.PollInterval == 0 {
		opts.PollInterval = time.Second
	}
	if opts.ReportDir == "" {
		opts.ReportDir = "."
	}
	c := &common{opts: opts, l: opts.Labels, keys: defaultKeyMap(opts.Labels),
		styles: NewStyles(opts.Dark), help: help.New(), w: 80, h: 24}
	return Model{c: c, front: screenLoading, name: newNameScreen(c), picker: newPickerScreen(c),
		form: newNewForm(c), summary: newSummaryScreen(c), problems: newProblemsScreen(c), places: map[string]place{}}
}

func newInput(prompt string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = limit
	inputStyles := ti.Styles()
	inputStyles.Cursor.Blink = false // a steady cursor: no timer redraws
	ti.SetStyles(inputStyles)
	return ti
}

// Init asks for the identity and the terminal's background colour.
func (m Model) Init() tea.Cmd {
	be := m.c.opts.Backend
	if be == nil { // nothing yet: ask for the name
		return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg { return identityMsg{} })
	}
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg {
		id, err := be.Identity()
		return identityMsg{id: id, err: err}
	})
}

// current is the screen in front (nil while loading).
func (m Model) current() screen {
	switch m.front {
	case screenName:
		return m.name
	case screenPicker:
		return m.picker
	case screenNew:
		return m.form
	case screenWorkbench:
		if m.wb != nil {
			return m.wb
		}
	case screenSummary:
		return m.summary
	case screenProblems:
		return m.problems
	}
	return nil
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.w, m.c.h = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.c.styles = NewStyles(msg.IsDark())
		m.c.styleGen++
		return m, nil
	case identityMsg:
		if msg.be != nil {
			m.c.opts.Backend = msg.be
		}
		if msg.err != nil {
			m.err = errText(m.c.l, msg.err)
			return m, nil
		}
		m.err = ""
		m.c.id = msg.id
		if m.c.id.Inspector == "" {
			m.front = screenName
			return m, m.name.focus()
		}
		m.front = screenPicker
		return m, m.picker.load()
	case gotoMsg:
		return m.switchTo(msg.to)
	case statesMsg:
		if msg.err != nil {
			m.err = errText(m.c.l, msg.err)
			return m, nil
		}
		m.picker.setStates(msg)
		return m, m.summary.setStates(msg)
	case rankingMsg:
		m.summary.setRanking(msg)
		return m, nil
	case createdMsg:
		if msg.err != nil {
			m.form.err = errText(m.c.l, msg.err)
			return m, nil
		}
		m.form.err = ""
		return m, loadState(m.c.opts.Backend, msg.a.ID)
	case stateMsg:
		if msg.err != nil {
			m.err = errText(m.c.l, msg.err)
			return m, nil
		}
		m.err = ""
		if m.wb != nil && m.wb.a.ID == msg.state.Assessment.ID {
			m.wb.load(msg.state)
		} else {
			m.wb = newWorkbench(m.c, msg.state, msg.version)
			if p, ok := m.places[m.wb.a.ID]; ok {
				m.wb.restore(p)
			}
		}
		m.wb.lookedBack(msg.lookback, msg.lookErr)
		m.front = screenWorkbench
		return m, m.wb.startPolling()
	case openProblemsMsg:
		next, cmd := m.switchTo(screenProblems)
		m = next.(Model)
		return m, tea.Batch(cmd, m.problems.open(msg.aid, msg.back))
	case completedMsg:
		// tab's findings for a path prompt: the workbench's, or the one
		// of the 问题 screen's rectification.
		if m.front == screenProblems {
			return m, m.problems.update(msg)
		}
		if m.wb != nil {
			return m, m.wb.update(msg)
		}
		return m, nil
	case workbenchMsg:
		if m.wb != nil {
			return m, m.wb.update(msg)
		}
		return m, nil
	case reportWrittenMsg:
		return m, m.summary.update(msg)
	case rubricsMsg:
		return m, m.form.update(msg)
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	}
	if s := m.current(); s != nil {
		return m, s.update(msg)
	}
	return m, nil
}

// switchTo brings a screen to the front.
func (m Model) switchTo(to screenID) (tea.Model, tea.Cmd) {
	m.err = ""
	if m.front == screenWorkbench && to != screenWorkbench && m.wb != nil {
		m.places[m.wb.a.ID] = m.wb.place()
		m.wb = nil
	}
	m.front = to
	switch to {
	case screenPicker:
		return m, m.picker.load()
	case screenNew:
		return m, m.form.reset()
	case screenSummary:
		m.summary.reportPath = ""
		return m, m.summary.focus()
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := &m.c.keys
	if m.confirmQuit {
		m.confirmQuit = false
		if key.Matches(msg, k.QuitYes) {
			return m, tea.Quit
		}
		return m, nil
	}
	s := m.current()
	typing := s != nil && s.typing()
	if key.Matches(msg, k.ForceQuit) || (!typing && key.Matches(msg, k.Quit)) {
		return m.quit()
	}
	if m.showHelp {
		// Help covers the screen: ? or esc closes it, other keys wait.
		if key.Matches(msg, k.Help) || key.Matches(msg, k.Cancel) {
			m.showHelp = false
		}
		return m, nil
	}
	if !typing && key.Matches(msg, k.Help) {
		m.showHelp = true
		return m, nil
	}
	if s == nil {
		return m, nil
	}
	return m, s.update(msg)
}

// quit leaves at once, or asks first when edits are not yet saved.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.Unsaved() > 0 {
		m.confirmQuit = true
		return m, nil
	}
	return m, tea.Quit
}

// Unsaved is the number of edits not yet saved (for the caller, after Run).
func (m Model) Unsaved() int {
	if m.wb == nil {
		return 0
	}
	return m.wb.saver.unsaved()
}

// View draws the screen in front.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.c.l.UI.AppTitle
	return v
}

// render is the frame as text (View without the tea.View wrapper).
func (m Model) render() string {
	c := m.c
	if c.w < minWidth || c.h < minHeight {
		return m.tooSmall()
	}
	s := m.current()
	var body []string
	switch {
	case m.showHelp:
		body = m.helpView(s)
	case s == nil:
		body = []string{c.l.UI.Loading}
	default:
		body = s.view()
	}
	// Header, body, status, footer: exactly h lines of w columns.
	header := c.styles.Header.Render(fit(" "+c.l.UI.AppTitle+m.headerInfo(), c.w))
	lines := make([]string, 0, c.h)
	lines = append(lines, header)
	exact := m.front == screenWorkbench && !m.showHelp // the panes are exactly w wide
	for i := 0; i < c.bodyHeight(); i++ {
		switch {
		case i >= len(body):
			lines = append(lines, strings.Repeat(" ", c.w))
		case exact:
			lines = append(lines, body[i])
		default:
			lines = append(lines, fit(body[i], c.w))
		}
	}
	lines = append(lines, m.statusLine(s), m.footer(s))
	return strings.Join(lines, "\n")
}

func (m Model) headerInfo() string {
	c := m.c
	s := ""
	if c.id.Inspector != "" {
		s += "  " + c.l.CLI.Inspector + c.l.Values.Colon + textwidth.Sanitize(c.id.Inspector, false)
	}
	if m.front == screenWorkbench && m.wb != nil {
		s += "  " + textwidth.Sanitize(m.wb.a.Label(), false)
		if m.wb.signed != nil {
			s += "  [" + c.l.Signed + "·" + c.l.UI.ReadOnly + "]"
		}
		if m.wb.blind {
			s += "  [" + c.l.Plan.BlindMark + "]"
		}
	}
	return s
}

func (m Model) tooSmall() string {
	c := m.c
	if c.w <= 0 || c.h <= 0 {
		return ""
	}
	lines := textwidth.Wrap(fmt.Sprintf(c.l.UI.Enlarge, minWidth, minHeight), c.w)
	if len(lines) > c.h {
		lines = lines[:c.h]
	}
	for i := range lines {
		lines[i] = fit(lines[i], c.w)
	}
	return strings.Join(lines, "\n")
}

func (m Model) statusLine(s screen) string {
	c := m.c
	switch {
	case m.confirmQuit:
		return c.styles.Warning.Render(fit(fmt.Sprintf(c.l.UI.QuitConfirm, m.Unsaved()), c.w))
	case m.err != "":
		return c.styles.Error.Render(fit(c.l.UI.Error+oneLine(m.err), c.w))
	case m.showHelp:
		return c.styles.Dim.Render(fit(" "+c.l.Screens.CloseHelp, c.w))
	case s != nil:
		text, isErr := s.status()
		style := c.styles.Saved
		if isErr {
			style = c.styles.Error
		}
		return style.Render(fit(" "+oneLine(text), c.w))
	}
	return fit("", c.w)
}

// footer is the keys of the screen in front, and always, at the right, how
// to get help and how to quit (ctrl+c while typing into a field).
func (m Model) footer(s screen) string {
	c := m.c
	helpStyles := c.help.Styles
	sep := helpStyles.ShortSeparator.Render(" • ")
	item := func(k, desc string) string {
		return helpStyles.ShortKey.Render(k) + " " + helpStyles.ShortDesc.Render(desc)
	}
	tail := item("?", c.l.UI.Help["help"]) + sep + item("q", c.l.UI.Help["quit"])
	if m.showHelp {
		tail = item("esc", c.l.UI.Help["cancel"]) + sep + item("q", c.l.UI.Help["quit"])
	} else if s != nil && s.typing() {
		tail = item("ctrl+c", c.l.UI.Help["quit"])
	}
	var parts []string
	if s != nil && !m.showHelp {
		parts = footerParts(s, item, c.w-textwidth.Width(tail)-1)
	}
	line := " " + strings.Join(append(parts, tail), sep)
	if textwidth.Width(line) > c.w {
		line = " " + tail
	}
	return fit(line, c.w)
}

// hasEssential is a screen whose footer keeps some keys before the others
// when it is too narrow for all of them.
type hasEssential interface{ essential() []key.Binding }

// footerParts are the screen's footer keys that fit in room columns, in the
// screen's order: when not all fit, the essential ones are kept first, then
// the others in order as long as each still fits.
func footerParts(s screen, item func(k, desc string) string, room int) []string {
	type part struct {
		text      string
		essential bool
	}
	var ess []key.Binding
	if e, ok := s.(hasEssential); ok {
		ess = e.essential()
	}
	isEssential := func(h key.Help) bool {
		for _, b := range ess {
			if b.Help() == h {
				return true
			}
		}
		return false
	}
	var all []part
	for _, b := range s.shortHelp() {
		if b.Enabled() {
			h := b.Help()
			all = append(all, part{item(h.Key, h.Desc), isEssential(h)})
		}
	}
	keep := make([]bool, len(all))
	used := 0
	take := func(essential bool) {
		for i, p := range all {
			if p.essential != essential || keep[i] {
				continue
			}
			if pw := textwidth.Width(p.text) + 3; used+pw <= room {
				keep[i], used = true, used+pw
			}
		}
	}
	take(true)
	take(false)
	var out []string
	for i, p := range all {
		if keep[i] {
			out = append(out, p.text)
		}
	}
	return out
}

// loadState reads one assessment in a command.
func loadState(be Backend, id string) tea.Cmd {
	return func() tea.Msg { return readState(be, id) }
}

// readState reads one assessment and the data version it was read at. The
// version first: a write between the two reads is seen again by the next
// poll, never missed.
func readState(be Backend, id string) stateMsg {
	v, _ := be.DataVersion()
	state, err := be.State(id)
	msg := stateMsg{state: state, version: v, err: err}
	if lb, ok := be.(lookBacker); ok && err == nil {
		msg.lookback, msg.lookErr = lb.LookBack(state)
	}
	return msg
}
