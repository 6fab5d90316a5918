package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
)

// openHistory is h: the history of the selected rule, or of the whole
// indicator (its rules and note) when the note is selected. It is read in a
// command.
func (wb *workbench) openHistory() tea.Cmd {
	ind := wb.current()
	if ind == nil {
		return nil
	}
	subjects := map[string]bool{}
	title := ind.ID
	if r := wb.selectedRule(); r != nil {
		subjects[r.ID] = true
		title = r.ID
	} else {
		for _, r := range ind.Rules {
			subjects[r.ID] = true
		}
		subjects[store.NotePrefix+ind.ID] = true
	}
	be, aid := wb.c.opts.Backend, wb.a.ID
	// While scoring blind, the history is the inspector's own: the other
	// double scorer's revisions would show their values.
	blind, who := wb.blind, wb.c.id.Inspector
	return func() tea.Msg {
		all, err := be.History(aid, "")
		if err != nil {
			return historyMsg{title: title, err: err}
		}
		var revs []*store.Revision
		for _, r := range all {
			if subjects[r.Subject] && (!blind || r.Inspector == who) {
				revs = append(revs, r)
			}
		}
		notTrusted, err := be.NotTrusted(revs)
		return historyMsg{title: title, revs: revs, notTrusted: notTrusted, err: err}
	}
}

// showHistory lays out the revisions, newest first: when, who, device,
// old → new, note.
func (wb *workbench) showHistory(msg historyMsg) {
	title := wb.c.l.Screens.HistoryTitle + " " + msg.title
	if msg.err != nil {
		wb.dialogs.open(newHistoryDialog(wb.c, title, []string{wb.c.l.UI.Error + oneLine(errText(wb.c.l, msg.err))}))
		return
	}
	if len(msg.revs) == 0 {
		wb.dialogs.open(newHistoryDialog(wb.c, title, []string{wb.c.l.Screens.HistoryEmpty}))
		return
	}
	var lines []string
	byID := map[string]*store.Revision{}
	for _, r := range msg.revs {
		byID[r.ID] = r
	}
	for i := len(msg.revs) - 1; i >= 0; i-- {
		r := msg.revs[i]
		var old []string
		for _, p := range r.Parents {
			if pr, ok := byID[p]; ok {
				old = append(old, wb.shown(pr.Subject, pr.Decoded()))
			}
		}
		from := "—"
		if len(old) > 0 {
			from = strings.Join(old, "/")
		}
		line := fmt.Sprintf("%s %s %s@%s  %s → %s", r.Wall.Local().Format("01-02 15:04"), wb.displaySubject(r.Subject),
			textwidth.Sanitize(r.Inspector, false), textwidth.Sanitize(textwidth.Head(r.Device, 8), false),
			from, wb.shown(r.Subject, r.Decoded()))
		if r.Note != "" {
			line += "  " + textwidth.Sanitize(r.Note, false)
		}
		if msg.notTrusted[r.ID] {
			line += "  " + wb.c.l.CLI.Trust.HistoryUntrusted
		}
		lines = append(lines, oneLine(line))
	}
	wb.dialogs.open(newHistoryDialog(wb.c, title, lines))
}

// displaySubject is a subject as the history lists it (a note as 指标备注1.2).
func (wb *workbench) displaySubject(subject string) string {
	if ind, ok := strings.CutPrefix(subject, store.NotePrefix); ok {
		return wb.c.l.UI.IndicatorNote + ind
	}
	return subject
}
