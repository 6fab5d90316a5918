package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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

// updateConflictKeys handles keys while a conflicted rule is selected:
// 1–9 pick that inspector's value, enter types a new one. It reports
// whether it used the key.
func (wb *workbench) updateConflictKeys(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	ss := wb.selectedConflict()
	if ss == nil {
		return nil, false
	}
	if n, err := strconv.Atoi(msg.Text); err == nil && n >= 1 && n <= len(ss.Heads) {
		return wb.pickHead(ss, ss.Heads[n-1]), true
	}
	if wb.selectedRule() == nil {
		return nil, false // the note: enter edits it, and saving settles it
	}
	if key.Matches(msg, wb.keys.Confirm) {
		if wb.readOnly() {
			return nil, true
		}
		wb.mode = editResolveNew
		wb.valueInput.SetValue("")
		return wb.valueInput.Focus(), true
	}
	return nil, false
}

// pickHead settles a conflict with one head's value (and note).
func (wb *workbench) pickHead(ss *store.SubjectState, h *store.Revision) tea.Cmd {
	if wb.readOnly() {
		return nil
	}
	if h.Tombstone() {
		return wb.commitChange(ss.Subject, nil, h.Note, true)
	}
	v, err := store.DecodeValue(*h.Value)
	if err != nil {
		wb.inlineErr = err.Error()
		return nil
	}
	return wb.commitChange(ss.Subject, &v, h.Note, true)
}

// updateResolveNew types a new value that settles a conflict.
func (wb *workbench) updateResolveNew(msg tea.Msg) tea.Cmd {
	r := wb.selectedRule()
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(km, wb.keys.Confirm) {
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
