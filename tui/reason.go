package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// reasonDialog asks for a line of text with the note's limit: the reason of
// a discretionary deduction or the note kept with a value that settles a
// conflict (both typed under the rule, see ruleLines), or the reason for
// reopening (reopenDialog, its own pane). Enter gives it, esc cancels.
type reasonDialog struct {
	c     *common
	input textinput.Model
	// required is the error when enter finds nothing typed ("" when the
	// text may be empty).
	required string
	err      string // what is wrong, under the input
	give     func(text string) tea.Cmd
	// value is the deduction waiting for its reason, pick the value kept
	// in a conflict: what the inline drawing shows beside the input.
	value *scoring.Value
	pick  *pickChoice
}

func newReasonDialog(c *common, initial, required string, give func(string) tea.Cmd) (*reasonDialog, tea.Cmd) {
	// No widget limit: the widget counts screen columns (a Chinese
	// character as two) and cuts; store.MaxNoteChars is kept in handle.
	d := &reasonDialog{c: c, input: newInput("", 0), required: required, give: give}
	d.input.SetValue(initial)
	d.input.CursorEnd()
	return d, d.input.Focus()
}

// giveText closes a dialog and hands what was typed on.
type giveText struct {
	text string
	give func(string) tea.Cmd
}

func (d *reasonDialog) handle(msg tea.Msg) action {
	km, isKey := msg.(tea.KeyPressMsg)
	switch {
	case isKey && key.Matches(km, d.c.keys.Cancel):
		return cancelTyping{}
	case isKey && key.Matches(km, d.c.keys.Confirm):
		text := strings.TrimSpace(d.input.Value())
		if text == "" && d.required != "" {
			d.err = d.required
			return nil
		}
		return giveText{text: text, give: d.give}
	}
	// A key or a paste that would pass the limit leaves the text as it was.
	before, pos := d.input.Value(), d.input.Position()
	in, cmd := d.input.Update(msg)
	if n := utf8.RuneCountInString(in.Value()); n > store.MaxNoteChars && n > utf8.RuneCountInString(before) {
		in.SetValue(before)
		in.SetCursor(pos)
		d.err = fmt.Sprintf(d.c.l.Workbench.NoteTooLong, store.MaxNoteChars, n)
		cmd = nil
	}
	d.input = in
	return runCmd{cmd}
}

func (d *reasonDialog) shortHelp() []key.Binding {
	return []key.Binding{d.c.keys.Confirm, d.c.keys.Cancel}
}

func (d *reasonDialog) typing() bool { return true }

// reopenDialog is the reason for reopening a signed assessment, in a pane
// of its own.
type reopenDialog struct{ *reasonDialog }

func (d reopenDialog) pane(inner, _ int) (string, []string) {
	w, styles := &d.c.l.Screens, &d.c.styles
	lines := append(wrapPrefixed(w.Reopen+d.c.l.Values.Colon, d.input.View(), inner), "")
	lines = appendWrapped(lines, styles.Dim, "", w.ReopenReason, inner)
	if d.err != "" {
		lines = appendWrapped(lines, styles.Error, "", d.err, inner)
	}
	return w.Reopen, lines
}
