package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// confirmDialog is a question on the status line (clear this value? detach
// this file?): y/enter does it, any other key leaves things as they are.
// It draws no pane, so what it asks about stays in view.
type confirmDialog struct {
	c    *common
	text string
	do   func() tea.Cmd
}

func newConfirm(c *common, text string, do func() tea.Cmd) *confirmDialog {
	return &confirmDialog{c: c, text: text, do: do}
}

func (d *confirmDialog) handle(msg tea.Msg) action {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(km, d.c.keys.Yes) {
		return closeDialog{then: d.do}
	}
	return closeDialog{}
}

func (d *confirmDialog) shortHelp() []key.Binding { return []key.Binding{d.c.keys.Yes} }

func (d *confirmDialog) typing() bool { return false }

func (d *confirmDialog) status() (string, bool, bool) { return d.text, true, true }
