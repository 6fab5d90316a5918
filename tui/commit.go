package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// undoStep restores what one edit of this session changed.
type undoStep struct {
	restore []store.Change
	what    string // "1.2.a 4 → 3"
}

// record is a value entered for a rule (0, 1, a typed figure and enter, a
// reason): it is committed and the cursor moves on by the one rule every
// kind follows.
func (wb *workbench) record(rule string, v *scoring.Value, note string) tea.Cmd {
	cmd := wb.commit(rule, v, note)
	wb.advance()
	return cmd
}

// advance is the one rule for moving on after a value was entered, the same
// for every kind of rule: to the indicator's next unrecorded rule, or, when
// the value completed the indicator, to the next indicator with work left,
// saying what this one now scores. A refused value (an error is showing)
// stays put. The keys that adjust a recorded value (space, +, −) stay too,
// so that they can be pressed again.
func (wb *workbench) advance() {
	ind := wb.current()
	if ind == nil || wb.inlineErr != "" {
		return
	}
	for i := range ind.Rules {
		j := (wb.sel + 1 + i) % len(ind.Rules)
		if _, ok := wb.findings[ind.Rules[j].ID]; !ok {
			wb.sel = j
			return
		}
	}
	ir, _ := wb.res.Indicator(ind.ID)
	done := fmt.Sprintf(wb.c.l.Screens.Completed, ind.ID, scoreOf(ir.Score, ir.Max))
	wb.nextUnrecorded(1)
	wb.message = done
}

// commit is a confirmed edit: it takes effect on screen at once (the score
// is recomputed in this same Update) and is queued for saving.
func (wb *workbench) commit(subject string, v *scoring.Value, note string) tea.Cmd {
	if wb.conflicted(subject) {
		return nil
	}
	return wb.commitChange(subject, v, note, false)
}

// commitChange records a rule's value (nil retracts the subject's);
// resolve settles a conflict (the new revision supersedes every head the
// inspector saw).
func (wb *workbench) commitChange(subject string, v *scoring.Value, note string, resolve bool) tea.Cmd {
	if wb.readOnly() {
		return nil
	}
	c := store.Retract(subject)
	if v != nil {
		c = store.SetRule(subject, *v, note)
	}
	c.Note, c.Resolve = note, resolve
	return wb.apply(c)
}

// apply puts changes on screen, remembers how to undo them, and queues
// them to be saved together.
func (wb *workbench) apply(changes ...store.Change) tea.Cmd {
	wb.inlineErr, wb.message = "", ""
	step := undoStep{}
	var what []string
	for _, c := range changes {
		restore, from := wb.restoring(c.Subject)
		step.restore = append(step.restore, restore)
		what = append(what, c.Subject+" "+from+" → "+wb.shown(c.Subject, c.Value))
		wb.applyLocal(c)
		if c.Resolve {
			delete(wb.conflicts, c.Subject)
		}
	}
	step.what = strings.Join(what, wb.c.l.Values.Comma)
	wb.undo = append(wb.undo, step)
	wb.rescore()
	return wb.saver.enqueue(changes...)
}

// restoring is the change that puts a subject back as it is now, and how
// its value reads.
func (wb *workbench) restoring(subject string) (store.Change, string) {
	c := store.Retract(subject)
	if ind, ok := strings.CutPrefix(subject, store.NotePrefix); ok {
		if n, ok := wb.notes[ind]; ok {
			c = store.SetNote(ind, n)
		}
		return c, wb.shown(subject, c.Value)
	}
	if f, ok := wb.findings[subject]; ok {
		c = store.SetRule(subject, f.Value, f.Note)
	}
	return c, wb.shown(subject, c.Value)
}

// shown is a value as the inspector reads it ("—" for none, a note
// quoted and cut short); the wording is report.ShownValue's, as everywhere.
func (wb *workbench) shown(subject string, v store.Value) string {
	if v.Retracted() {
		return "—"
	}
	if strings.HasPrefix(subject, store.NotePrefix) {
		return "“" + textwidth.Truncate(textwidth.Sanitize(v.Text, false), 12, "…") + "”"
	}
	return textwidth.Sanitize(report.ShownValue(wb.c.l, subject, v), false)
}

// undoLast is u: it restores what the last edit of this session changed, as
// a new revision (the history keeps both), and says what it undid.
func (wb *workbench) undoLast() tea.Cmd {
	if wb.readOnly() {
		return nil
	}
	if len(wb.undo) == 0 {
		wb.message = wb.c.l.Screens.NothingToUndo
		return nil
	}
	step := wb.undo[len(wb.undo)-1]
	wb.undo = wb.undo[:len(wb.undo)-1]
	for _, c := range step.restore {
		if _, ok := wb.conflicts[c.Subject]; ok {
			wb.inlineErr = wb.c.l.Screens.ConflictEdit
			return nil
		}
	}
	for _, c := range step.restore {
		wb.applyLocal(c)
	}
	wb.rescore()
	cmd := wb.saver.enqueue(step.restore...)
	wb.inlineErr = ""
	wb.message = fmt.Sprintf(wb.c.l.Screens.Undid, step.what)
	return cmd
}

// indicatorClean is o: every unrecorded flag and count rule of the
// indicator gets "no deficiency", in one transaction; then the cursor goes
// to what is still open here (a figure) or to the next indicator with
// unrecorded rules.
func (wb *workbench) indicatorClean() tea.Cmd {
	ind := wb.current()
	if ind == nil || wb.readOnly() {
		return nil
	}
	var changes []store.Change
	for _, r := range ind.Rules {
		if _, ok := wb.findings[r.ID]; ok {
			continue
		}
		if _, ok := wb.conflicts[r.ID]; ok {
			continue
		}
		v, ok := nothingFound(&r)
		if !ok {
			continue
		}
		changes = append(changes, store.SetRule(r.ID, v, ""))
	}
	var cmd tea.Cmd
	if len(changes) > 0 {
		cmd = wb.apply(changes...)
		wb.undo[len(wb.undo)-1].what = fmt.Sprintf(wb.c.l.Screens.Cleaned, ind.ID, len(changes))
		wb.message = fmt.Sprintf(wb.c.l.Screens.Cleaned, ind.ID, len(changes))
	}
	for i, r := range ind.Rules {
		if _, ok := wb.findings[r.ID]; !ok {
			wb.sel = i
			return cmd
		}
	}
	msg := wb.message
	if wb.nextUnrecorded(1) {
		wb.message = msg
	}
	return cmd
}

// applyLocal puts a change into the in-memory findings and notes.
func (wb *workbench) applyLocal(c store.Change) {
	if ind, ok := strings.CutPrefix(c.Subject, store.NotePrefix); ok {
		if c.Value.Retracted() {
			delete(wb.notes, ind)
		} else {
			wb.notes[ind] = c.Value.Text
		}
		return
	}
	if c.Value.Retracted() {
		delete(wb.findings, c.Subject)
		return
	}
	wb.findings[c.Subject] = scoring.Finding{Value: c.Value.Rule, Note: c.Note}
}

// saved handles a save's outcome: a failure keeps the edit on screen,
// marked unsaved, until the retry; a refusal drops it and reloads what the
// store holds so the screen shows the truth.
func (wb *workbench) saved(msg savedMsg) tea.Cmd {
	outcome, cmd := wb.saver.saved(msg)
	switch outcome {
	case outcomeSaved:
		if wb.saver.unsaved() == 0 {
			wb.failure, wb.justSaved = "", true
		}
	case outcomeRefused:
		wb.failure = wb.c.l.UI.Error + oneLine(wb.c.refusedText(msg.err))
		return tea.Batch(cmd, wb.reload())
	case outcomeFailed:
		wb.failure = fmt.Sprintf(wb.c.l.UI.SaveFailed, oneLine(errText(wb.c.l, msg.err)))
	}
	return cmd
}

// reload reads the assessment's current state from the store again.
func (wb *workbench) reload() tea.Cmd {
	be, aid := wb.c.opts.Backend, wb.a.ID
	return func() tea.Msg { return reloadedMsg(readState(be, aid)) }
}
