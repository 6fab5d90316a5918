package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// attachDialog is the path prompt of the files to attach to a rule or an
// indicator: tab completes (read in a command), enter attaches, esc
// cancels. It starts in the folder used last; a path of its own typed or
// pasted after that folder replaces it.
type attachDialog struct {
	c       *common
	subject string
	input   textinput.Model
	// start is the folder the prompt was given to start in, while what
	// follows it may still replace it (replacePrefill).
	start       string
	completions []string // what tab found
}

// newAttachDialog opens the prompt in start, width columns wide (a long
// path scrolls with the cursor in view).
func newAttachDialog(c *common, subject, start string, width int) (*attachDialog, tea.Cmd) {
	d := &attachDialog{c: c, subject: subject, input: newInput("", 4096), start: start}
	d.input.SetWidth(width)
	d.input.SetValue(start)
	d.input.CursorEnd()
	return d, d.input.Focus()
}

// Actions of the path prompt.
type (
	// cancelTyping closes a dialog that takes text, clearing the error
	// shown under the input.
	cancelTyping struct{}
	// runCmd runs a command and leaves the dialog open.
	runCmd struct{ cmd tea.Cmd }
	// attachPath closes the prompt and attaches what the path names.
	attachPath struct{ subject, path string }
)

func (d *attachDialog) handle(msg tea.Msg) action {
	km, isKey := msg.(tea.KeyPressMsg)
	k := &d.c.keys
	switch {
	case isKey && key.Matches(km, k.Cancel):
		return cancelTyping{}
	case isKey && key.Matches(km, k.Complete):
		return runCmd{completePath(d.input.Value())}
	case isKey && key.Matches(km, k.Confirm):
		path := strings.TrimSpace(d.input.Value())
		if path == "" {
			return nil
		}
		return attachPath{subject: d.subject, path: path}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	d.completions = nil
	d.replacePrefill()
	return runCmd{cmd}
}

func (d *attachDialog) shortHelp() []key.Binding {
	k := &d.c.keys
	return []key.Binding{k.Confirm, k.Complete, k.Cancel}
}

func (d *attachDialog) typing() bool { return true }

// replacePrefill drops the folder the prompt started with when what was
// typed (or pasted) after it is a path of its own: one starting with /, \,
// ~, a drive (C:\) or a quote, as Explorer's "copy as path" gives.
func (d *attachDialog) replacePrefill() {
	v := d.input.Value()
	if d.start == "" || !strings.HasPrefix(v, d.start) {
		return
	}
	if rest := v[len(d.start):]; ownPath(rest) {
		d.input.SetValue(rest)
		d.input.CursorEnd()
		d.start = ""
	}
}

// completed applies a completion if the prompt still holds its prefix.
func (d *attachDialog) completed(msg completedMsg) {
	if d.input.Value() != msg.prefix {
		return
	}
	switch len(msg.matches) {
	case 0:
		d.completions = []string{d.c.l.Screens.NoMatchPath}
	case 1:
		d.input.SetValue(msg.matches[0])
		d.input.CursorEnd()
		d.completions = nil
	default:
		common := msg.matches[0]
		for _, m := range msg.matches[1:] {
			for !strings.HasPrefix(m, common) {
				// Whole characters only: a Chinese name never loses half of one.
				_, size := utf8.DecodeLastRuneInString(common)
				common = common[:len(common)-size]
			}
		}
		if len(common) > len(msg.prefix) {
			d.input.SetValue(common)
			d.input.CursorEnd()
		}
		d.completions = msg.matches
	}
}

// pane is the path prompt and what tab found.
func (d *attachDialog) pane(inner, _ int) (string, []string) {
	styles := &d.c.styles
	lines := appendWrapped(nil, styles.Dim, "", fmt.Sprintf(d.c.l.Screens.AttachTo, d.subject), inner)
	lines = append(lines, fit(d.input.View(), inner))
	for i, m := range d.completions {
		if i == 8 {
			lines = append(lines, styles.Dim.Render(fmt.Sprintf("  … %d", len(d.completions)-8)))
			break
		}
		lines = append(lines, styles.Dim.Render(fit("  "+filepath.Base(strings.TrimSuffix(m, string(filepath.Separator)))+suffixSep(m), inner)))
	}
	if d.start != "" {
		lines = appendWrapped(lines, styles.Dim, "", d.c.l.Workbench.AttachReplace, inner)
	}
	return d.c.l.Screens.Attach, appendWrapped(lines, styles.Dim, "", d.c.l.Screens.AttachHint, inner)
}
