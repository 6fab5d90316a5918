package tui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// readOnly refuses edits of a signed assessment, saying why and what to do
// under the input and on the status line (which a list view still shows).
func (wb *workbench) readOnly() bool {
	if wb.signed != nil {
		wb.inlineErr = wb.c.l.Workbench.ReadOnlyKey
		wb.message = wb.c.l.Workbench.ReadOnlyKey
		return true
	}
	return false
}

// wouldChange reports whether a key would change the assessment (record,
// clear, undo, attach, keep a value): in a signed one each of these is
// refused by readOnly, whatever the selected input, before any other check
// could give another reason or none.
func (wb *workbench) wouldChange(msg tea.KeyPressMsg) bool {
	k := &wb.c.keys
	if key.Matches(msg, k.Confirm) {
		return wb.current() != nil // on a category header enter only moves
	}
	for _, b := range []key.Binding{k.NoDeficiency, k.Found, k.Toggle, k.Increment, k.Decrement, k.Figure,
		k.Clear, k.IndicatorClean, k.Undo, k.Attach, k.PickHead} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

// conflicted refuses plain edits of a subject in conflict, saying what to do.
func (wb *workbench) conflicted(subject string) bool {
	if _, ok := wb.conflicts[subject]; ok {
		wb.inlineErr = wb.c.l.Screens.ConflictEdit
		return true
	}
	return false
}

func (wb *workbench) signedText() string {
	return fmt.Sprintf(wb.c.l.UI.SignedBy, textwidth.Sanitize(wb.signed.Inspector, false), wb.signed.Wall.Local().Format("2006-01-02 15:04"))
}

// recordNone is 0: "no deficiency" on a flag (否), a count (0) or a bonus
// (not awarded); on a figure it starts typing one.
func (wb *workbench) recordNone() tea.Cmd {
	r := wb.selectedRule()
	switch {
	case r == nil:
		return nil
	case r.IsBool():
		v := scoring.BoolValue(false)
		return wb.record(r.ID, &v, "")
	case countForm(r):
		v := scoring.NumValue(decimal.Zero)
		return wb.record(r.ID, &v, "")
	}
	return wb.startFigure("0")
}

// recordFound is 1: "found" on a flag (是), "awarded" on a bonus; on a
// count or figure it starts typing one.
func (wb *workbench) recordFound() tea.Cmd {
	r := wb.selectedRule()
	switch {
	case r == nil:
		return nil
	case r.IsBool():
		v := scoring.BoolValue(true)
		return wb.record(r.ID, &v, "")
	}
	return wb.startFigure("1")
}

// toggle is space: it flips a flag that is already recorded, and only that.
func (wb *workbench) toggle() tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if !r.IsBool() {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	f, ok := wb.findings[r.ID]
	if !ok {
		wb.inlineErr = wb.c.l.Screens.NotFlag
		return nil
	}
	v := scoring.BoolValue(!f.Value.Bool)
	return wb.commit(r.ID, &v, "")
}

// step is +/− on a count: + on an unrecorded count records 1, − records 0.
func (wb *workbench) step(d int64) tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if !countForm(r) {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	n := decimal.Zero
	if f, ok := wb.findings[r.ID]; ok {
		n = f.Value.Num + decimal.FromInt(d)
	} else if d > 0 {
		n = decimal.FromInt(1)
	}
	if n < 0 {
		n = 0
	}
	v := scoring.NumValue(n)
	if scoring.Validate(r, scoring.Finding{Value: v}) != nil {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	return wb.commit(r.ID, &v, "")
}

// startFigure begins typing a figure with its first character.
func (wb *workbench) startFigure(first string) tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if r.IsBool() {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	return wb.beginValue(r, first)
}

// startEdit is enter: type a figure, or edit the note. It records nothing
// on a flag (0 and 1 do).
func (wb *workbench) startEdit() tea.Cmd {
	ind := wb.current()
	if ind == nil {
		wb.moveToIndicator(wb.cursor, 1)
		return nil
	}
	if wb.readOnly() {
		return nil
	}
	r := wb.selectedRule()
	if r == nil { // the indicator note
		wb.noteArea.SetValue(wb.notes[ind.ID])
		if wb.noteArea.Value() != wb.notes[ind.ID] {
			// The editor would change it (its lines, tabs): not opened,
			// so saving cannot alter a colleague's note unseen.
			wb.inlineErr = wb.c.l.Workbench.NoteNotEditable
			return nil
		}
		wb.mode = editNote
		wb.noteArea.SetWidth(max(wb.centerWidth()-6, 10))
		wb.noteArea.SetHeight(4)
		return wb.noteArea.Focus()
	}
	if r.IsBool() {
		wb.inlineErr = wb.c.l.Screens.NotFlag
		return nil
	}
	return wb.beginValue(r, "")
}

func (wb *workbench) beginValue(r *rubric.Rule, initial string) tea.Cmd {
	if wb.readOnly() || wb.conflicted(r.ID) {
		return nil
	}
	wb.mode = editValue
	wb.inlineErr = ""
	switch f, ok := wb.findings[r.ID]; {
	case initial != "":
		wb.valueInput.SetValue(initial)
	case ok:
		wb.valueInput.SetValue(f.Value.String())
	default:
		wb.valueInput.SetValue("")
	}
	wb.valueInput.CursorEnd()
	return wb.valueInput.Focus()
}

// askRetract is x: clearing a value asks first.
func (wb *workbench) askRetract() tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if _, ok := wb.findings[r.ID]; !ok {
		return nil
	}
	if wb.readOnly() || wb.conflicted(r.ID) {
		return nil
	}
	id := r.ID
	wb.dialogs.open(newConfirm(wb.c, fmt.Sprintf(wb.c.l.Screens.ConfirmRetract, id), func() tea.Cmd { return wb.commit(id, nil, "") }))
	return nil
}

func (wb *workbench) stopEditing() {
	wb.mode = editNone
	wb.valueInput.Blur()
	wb.noteArea.Blur()
}

func (wb *workbench) updateEditing(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyPressMsg)
	k := &wb.c.keys
	if isKey && key.Matches(km, k.Cancel) {
		// esc abandons the edit in progress, whatever it is; in the filter
		// it clears the filter too.
		if wb.mode == editFilter {
			wb.filter = ""
			wb.rebuildRows()
		}
		wb.inlineErr = ""
		wb.stopEditing()
		return nil
	}
	switch wb.mode {
	case editFilter:
		if isKey && key.Matches(km, k.Confirm) {
			wb.stopEditing()
			return nil
		}
		var cmd tea.Cmd
		wb.valueInput, cmd = wb.valueInput.Update(msg)
		wb.filter = wb.valueInput.Value()
		wb.rebuildRows()
		return cmd
	case editNote:
		if isKey && key.Matches(km, k.Confirm) {
			ind := wb.current()
			text := strings.TrimSpace(wb.noteArea.Value())
			wb.stopEditing()
			if ind == nil {
				return nil
			}
			c := store.Retract(store.NotePrefix + ind.ID) // an emptied note retracts it
			if text != "" {
				c = store.SetNote(ind.ID, text)
			}
			_, c.Resolve = wb.conflicts[c.Subject]
			if wb.readOnly() {
				return nil
			}
			return wb.apply(c)
		}
		return wb.updateNoteArea(msg)
	case editValue:
		r := wb.selectedRule()
		if r == nil {
			wb.stopEditing()
			return nil
		}
		if isKey && (key.Matches(km, k.Confirm) || key.Matches(km, k.NextInput)) {
			v, ok := wb.typedValue(r)
			if !ok {
				return nil
			}
			if r.Kind == rubric.Discretion && v.Num != 0 {
				note := ""
				if f, ok := wb.findings[r.ID]; ok {
					note = f.Note
				}
				return wb.askReason(v, note, false)
			}
			wb.stopEditing()
			note := ""
			if r.Kind == rubric.Discretion {
				note = wb.c.l.Screens.NoDeduction // nothing deducted: no reason to ask for
			}
			return wb.record(r.ID, &v, note)
		}
		var cmd tea.Cmd
		wb.valueInput, cmd = wb.valueInput.Update(msg)
		return cmd
	case editResolveNew:
		return wb.updateResolveNew(msg)
	}
	return nil
}

// updateNoteArea types into the note editor, unless the note would then be
// longer than store.MaxNoteChars characters (runes, the store's count):
// then the note stays exactly as it was, cursor and all, and the inline
// error says why. A key or a paste is never cut to fit.
func (wb *workbench) updateNoteArea(msg tea.Msg) tea.Cmd {
	before := wb.noteArea.Value()
	row, col := wb.noteArea.Line(), wb.noteArea.Column()
	area, cmd := wb.noteArea.Update(msg)
	after := area.Value()
	if after != before {
		wb.inlineErr = ""
	}
	if n := utf8.RuneCountInString(after); n > store.MaxNoteChars && n > utf8.RuneCountInString(before) {
		// The widget edits its rows in place: restore from the text.
		area.SetValue(before)
		area.MoveToBegin()
		for i := 0; area.Line() < row && i <= store.MaxNoteChars; i++ { // bounded: a line per step
			area.CursorDown()
		}
		area.SetCursorColumn(col)
		wb.inlineErr = fmt.Sprintf(wb.c.l.Workbench.NoteTooLong, store.MaxNoteChars, n)
		cmd = nil
	}
	wb.noteArea = area
	return cmd
}

// askReason holds a discretionary deduction until its reason is typed; the
// figure stays on screen and no error shows before anything was wrong.
func (wb *workbench) askReason(v scoring.Value, note string, resolve bool) tea.Cmd {
	wb.stopEditing()
	wb.inlineErr = ""
	id := wb.selectedRule().ID
	d, cmd := newReasonDialog(wb.c, note, wb.c.l.UI.NoteRequired, func(reason string) tea.Cmd {
		cmd := wb.commitChange(id, &v, reason, resolve)
		wb.advance()
		return cmd
	})
	d.value = &v
	wb.dialogs.open(d)
	return cmd
}

// typedValue parses and range-checks what was typed for a rule; when it is
// not acceptable it shows why, with the allowed range, and reports false.
func (wb *workbench) typedValue(r *rubric.Rule) (scoring.Value, bool) {
	typed := wb.valueInput.Value()
	v, err := scoring.ParseValue(r, typedText(r, typed))
	if err != nil {
		var ve *scoring.ValueError
		if errors.As(err, &ve) {
			wb.inlineErr = report.ValueProblem(wb.c.l, ve) // what is wrong, in words
		} else {
			wb.inlineErr = fmt.Sprintf(wb.c.l.UI.NotANumber, typed) + "; " + wb.allowed(r)
		}
		return v, false
	}
	// The reason of a discretionary deduction is asked for next.
	if ve := scoring.Validate(r, scoring.Finding{Value: v, Note: "-"}); ve != nil {
		wb.inlineErr = report.ValueProblem(wb.c.l, ve)
		return v, false
	}
	return v, true
}

// allowed is the inline hint of what a rule accepts: report.Allowed,
// except that a yes/no rule says space toggles it.
func (wb *workbench) allowed(r *rubric.Rule) string {
	if r.IsBool() {
		return wb.c.l.UI.Allowed + wb.c.l.UI.AllowedBool
	}
	return wb.c.l.UI.Allowed + report.Allowed(wb.c.l, r)
}
