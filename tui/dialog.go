package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// dialog is a modal the workbench shows over its panes: a question, the
// sign-off checks, a list. Each one is its own type that owns its state and
// its keys, and answers a message with an action the workbench carries out
// (it never reaches into the workbench), so a new modal is a new file rather
// than a case in every switch. The workbench keeps its inline editing (a
// figure, the note, the filter) and asks the top dialog first.
type dialog interface {
	// handle takes a key (or, when typing, a paste) and says what to do.
	handle(msg tea.Msg) action
	// shortHelp is the footer's keys while the dialog is on top.
	shortHelp() []key.Binding
	// typing reports whether keys go into a text field (q and ? are text).
	typing() bool
}

// paneDialog is a dialog that draws the centre pane; a dialog without a
// pane (a question) leaves the pane beneath it on screen.
type paneDialog interface {
	dialog
	// pane is the centre pane's title and lines, inner columns wide and at
	// most body lines long.
	pane(inner, body int) (title string, lines []string)
}

// statusDialog is a dialog that speaks on the status line (a question).
type statusDialog interface {
	dialog
	// status is the status line's text and whether it stands out; ok false
	// leaves the status line to the workbench.
	status() (text string, isErr, ok bool)
}

// action is what a dialog asks of the workbench after a message: nil for
// nothing, or one of the types below (each dialog's own actions are in its
// file).
type action any

// closeDialog closes the dialog on top, then runs then (if any): the
// action a question answered yes asks for.
type closeDialog struct{ then func() tea.Cmd }

// cursorList is the cursor of a dialog's list of n items: j/k move it.
type cursorList struct{ sel int }

// key is the key pressed in a list dialog, and false when the message was
// no key or the key moved the cursor (nothing more to do).
func (l *cursorList) key(k *KeyMap, msg tea.Msg, n int) (tea.KeyPressMsg, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(km, k.Down):
		l.sel = min(l.sel+1, max(n-1, 0))
	case key.Matches(km, k.Up):
		l.sel = max(l.sel-1, 0)
	default:
		return km, true
	}
	return km, false
}

// overlay is the workbench's stack of dialogs, the top one in front.
type overlay struct{ stack []dialog }

// open puts a dialog on top.
func (o *overlay) open(d dialog) { o.stack = append(o.stack, d) }

// close removes the dialog on top.
func (o *overlay) close() {
	if len(o.stack) > 0 {
		o.stack = o.stack[:len(o.stack)-1]
	}
}

// top is the dialog in front, or nil.
func (o *overlay) top() dialog {
	if len(o.stack) == 0 {
		return nil
	}
	return o.stack[len(o.stack)-1]
}

// pane is the top-most dialog that draws the centre pane, or nil.
func (o *overlay) pane() paneDialog {
	for i := len(o.stack) - 1; i >= 0; i-- {
		if p, ok := o.stack[i].(paneDialog); ok {
			return p
		}
	}
	return nil
}

// status is what the top-most speaking dialog says on the status line.
func (o *overlay) status() (string, bool, bool) {
	for i := len(o.stack) - 1; i >= 0; i-- {
		if s, ok := o.stack[i].(statusDialog); ok {
			if text, isErr, ok := s.status(); ok {
				return text, isErr, true
			}
		}
	}
	return "", false, false
}

// act carries out a dialog's action.
func (wb *workbench) act(a action) tea.Cmd {
	switch a := a.(type) {
	case closeDialog:
		wb.dialogs.close()
		if a.then != nil {
			return a.then()
		}
	case cancelTyping:
		wb.dialogs.close()
		wb.inlineErr = ""
	case giveText:
		wb.dialogs.close()
		return a.give(a.text)
	case runCmd:
		return a.cmd
	case attachPath:
		return wb.attach(a)
	case gotoRule:
		wb.dialogs.close()
		wb.gotoIndicator(a.indicator)
		wb.sel = a.sel
	case attachMore, openAttachment, askDetach:
		return wb.evidenceAction(a)
	}
	return nil
}

// holdsFocus reports whether a dialog other than a question is open: the
// panes beneath it are not where the keys go.
func (o *overlay) holdsFocus() bool {
	for _, d := range o.stack {
		if _, ok := d.(*confirmDialog); !ok {
			return true
		}
	}
	return false
}

// reason is the open reason typed under a rule, or nil.
func (o *overlay) reason() *reasonDialog {
	d, _ := o.top().(*reasonDialog)
	return d
}

// inputError is the error shown under the selected input: the open reason
// dialog's, else the workbench's own.
func (wb *workbench) inputError() string {
	if d := wb.dialogs.reason(); d != nil {
		return d.err
	}
	return wb.inlineErr
}

// editingInline reports whether the keys go into the indicator pane: a
// figure or the note typed there, or a reason typed under a rule.
func (wb *workbench) editingInline() bool {
	return wb.mode != editNone && wb.mode != editFilter || wb.dialogs.reason() != nil
}
