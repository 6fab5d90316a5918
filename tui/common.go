package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// common is what every screen shares, passed by pointer: the options,
// wording, styles, keys, the inspector and the window size. A screen never
// copies it, so a new background colour or size reaches every screen at once.
type common struct {
	opts   Options
	l      *i18n.Labels
	styles Styles
	keys   KeyMap
	help   help.Model
	id     store.Identity
	w, h   int
	// pollSeq numbers the workbenches' poll timers, so a closed one's
	// timer is told apart.
	pollSeq int
	// lastDir is the folder evidence files were last attached from; the
	// next attach prompt starts there.
	lastDir string
	// styleGen counts style changes (the terminal's background), so cached
	// drawings made with older styles are redrawn.
	styleGen int
}

// bodyHeight is the height between the header and the status and footer lines.
func (c *common) bodyHeight() int { return c.h - 3 }

// screen is one screen of the TUI. The root model routes messages to the
// screen in front and draws the frame (header, status, footer) around it.
type screen interface {
	update(msg tea.Msg) tea.Cmd
	// view is the body: at most bodyHeight lines.
	view() []string
	// shortHelp is the footer's keys; fullHelp is the ? screen.
	shortHelp() []key.Binding
	fullHelp() [][]key.Binding
	// typing reports whether keys go into a text field (q and ? are text).
	typing() bool
	// status is the screen's own status line ("" for none) and whether it
	// is an error.
	status() (string, bool)
}

// screenID names a screen for switching.
type screenID int

const (
	screenLoading screenID = iota
	screenName
	screenPicker
	screenNew
	screenWorkbench
	screenSummary
	screenProblems
)

// gotoMsg asks the root model to bring a screen to the front.
type gotoMsg struct{ to screenID }

func goTo(s screenID) tea.Cmd { return func() tea.Msg { return gotoMsg{s} } }

// errText is err's message in the workbench's language: the store's
// refusals, disk problems and period rules are worded through
// report.ErrorText, as the command line words them.
func errText(l *i18n.Labels, err error) string {
	return report.ErrorText(l, err)
}
