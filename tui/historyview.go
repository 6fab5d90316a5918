package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// historyDialog shows the history of a rule or an indicator, laid out when
// it was read; any key closes it.
type historyDialog struct {
	c     *common
	title string
	lines []string
}

func newHistoryDialog(c *common, title string, lines []string) *historyDialog {
	return &historyDialog{c: c, title: title, lines: lines}
}

func (d *historyDialog) handle(msg tea.Msg) action {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return closeDialog{}
	}
	return nil
}

func (d *historyDialog) shortHelp() []key.Binding { return []key.Binding{d.c.keys.Cancel} }

func (d *historyDialog) typing() bool { return false }

func (d *historyDialog) pane(inner, _ int) (string, []string) {
	var lines []string
	for _, s := range d.lines {
		lines = appendWrapped(lines, d.c.styles.Text, "", s, inner)
	}
	return d.title, lines
}
