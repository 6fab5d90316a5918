package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// selectedConflict returns the conflict of the selected input (a rule or
// the indicator's note), if any.
func (wb *workbench) selectedConflict() *store.SubjectState {
	if r := wb.selectedRule(); r != nil {
		return wb.conflicts[r.ID]
	}
	if ind := wb.current(); ind != nil {
		return wb.conflicts[store.NotePrefix+ind.ID]
	}
	return nil
}

// updateConflictKeys handles keys while a conflicted input is selected: a
// digit picks that inspector's value (after y/enter), enter types a new
// one, and the keys that would edit it say what to do instead. It reports
// whether it used the key.
func (wb *workbench) updateConflictKeys(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	ss := wb.selectedConflict()
	if ss == nil {
		return nil, false
	}
	k := &wb.c.keys
	if key.Matches(msg, k.PickHead) {
		n := int(msg.Code - '0')
		if n >= 1 && n <= len(ss.Heads) {
			if wb.readOnly() {
				return nil, true
			}
			// Asks for a note to record with it (optional), as
			// `kaohe resolve --pick … --note` takes one; enter keeps it.
			p := &pickChoice{ss: ss, head: ss.Heads[n-1], n: n}
			wb.inlineErr = ""
			d, cmd := newReasonDialog(wb.c, "", "", func(note string) tea.Cmd { return wb.pickHead(p, note) })
			d.pick = p
			wb.dialogs.open(d)
			return cmd, true
		}
	}
	if wb.selectedRule() == nil {
		return nil, false // the note: enter edits it, and saving settles it
	}
	switch {
	case key.Matches(msg, k.Confirm):
		if wb.readOnly() {
			return nil, true
		}
		wb.mode = editResolveNew
		wb.valueInput.SetValue("")
		return wb.valueInput.Focus(), true
	case key.Matches(msg, k.NoDeficiency), key.Matches(msg, k.Found), key.Matches(msg, k.Figure),
		key.Matches(msg, k.Toggle), key.Matches(msg, k.Increment), key.Matches(msg, k.Decrement), key.Matches(msg, k.Clear):
		wb.inlineErr = wb.c.l.Screens.ConflictEdit
		return nil, true
	}
	return nil, false
}

// headValue is one head's value as read.
func (wb *workbench) headValue(h *store.Revision) string {
	if v := h.Decoded(); v.Kind == assessment.KindText {
		return textwidth.Sanitize(v.Text, false) // a note, whole
	}
	return wb.shown(h.Subject, h.Decoded())
}

// pickChoice is a value chosen to settle a conflict: the n-th head.
type pickChoice struct {
	ss   *store.SubjectState
	head *store.Revision
	n    int
}

// pickHead settles a conflict with one head's value, and with the note
// typed, else the head's own note.
func (wb *workbench) pickHead(p *pickChoice, note string) tea.Cmd {
	if wb.readOnly() {
		return nil
	}
	// The store's rule for settling a conflict, the one `kaohe resolve`
	// uses; recorded through the save queue with the heads shown as
	// parents, so a value arriving meanwhile stays a conflict.
	c, err := store.ResolveChange(p.ss, store.Resolution{Keep: p.head.ID, Note: note})
	if err != nil {
		wb.failure = wb.c.l.UI.Error + oneLine(errText(wb.c.l, err))
		return nil
	}
	for _, head := range p.ss.Heads {
		c.Seen = append(c.Seen, head.ID)
	}
	cmd := wb.apply(c)
	wb.message = fmt.Sprintf(wb.c.l.Workbench.Picked, p.n, wb.headValue(p.head), p.ss.Subject)
	return cmd
}

// pickPromptLines is the prompt for the note kept with a value, shown under
// the conflict it settles.
func (wb *workbench) pickPromptLines(d *reasonDialog, inner int) []string {
	w := wb.c.l.Workbench
	p := d.pick
	lines := appendWrapped(nil, wb.c.styles.Warning, "    ", fmt.Sprintf(w.PickWhich, p.n, wb.headValue(p.head)), inner)
	// The question on a line of its own: the note gets the pane's width.
	lines = appendWrapped(lines, wb.c.styles.Text, "    ", w.PickNote, inner)
	lines = append(lines, wrapPrefixed("    ", d.input.View(), inner)...)
	if d.err != "" {
		lines = appendWrapped(lines, wb.c.styles.Error, "    ", d.err, inner)
	}
	return appendWrapped(lines, wb.c.styles.Dim, "    ", w.PickNoteHint, inner)
}

// updateResolveNew types a new value that settles a conflict.
func (wb *workbench) updateResolveNew(msg tea.Msg) tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		wb.stopEditing()
		return nil
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(km, wb.c.keys.Confirm) {
		v, ok := wb.typedValue(r)
		if !ok {
			return nil
		}
		wb.stopEditing()
		if r.Kind == rubric.Discretion {
			return wb.askReason(v, "", true) // a new deduction needs its own reason
		}
		return wb.commitChange(r.ID, &v, "", true)
	}
	var cmd tea.Cmd
	wb.valueInput, cmd = wb.valueInput.Update(msg)
	return cmd
}
