package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// readiness is what stands between an assessment and its sign-off.
type readiness struct {
	unrecorded []string // rule IDs without a value
	conflicts  []string // subjects in conflict
	noReason   []string // discretionary deductions without a reason
	noEvidence []string // deductions without the evidence the rubric asks for
}

func (r readiness) complete() bool {
	return len(r.unrecorded) == 0 && len(r.conflicts) == 0 && len(r.noReason) == 0 && len(r.noEvidence) == 0
}

func readinessFrom(state *store.State, fs scoring.Findings, conflicts []*store.SubjectState) readiness {
	var r readiness
	for _, ind := range state.Rubric.Indicators() {
		for _, rule := range ind.Rules {
			f, ok := fs[rule.ID]
			switch {
			case !ok:
				r.unrecorded = append(r.unrecorded, rule.ID)
			case rule.Kind == rubric.Discretion && f.Value.Num != 0 && strings.TrimSpace(f.Note) == "":
				r.noReason = append(r.noReason, rule.ID)
			}
		}
	}
	for _, c := range conflicts {
		r.conflicts = append(r.conflicts, c.Subject)
	}
	return r
}

// startSign is S: the checks are listed; a complete assessment is signed
// after y/enter, an incomplete one only after the inspector confirms
// signing it incomplete; open conflicts must be settled first.
func (wb *workbench) startSign() tea.Cmd {
	w := wb.c.words
	if wb.signed != nil {
		wb.message = wb.signedText()
		return nil
	}
	if wb.saver.unsaved() > 0 {
		wb.failure = fmt.Sprintf(wb.c.l.UI.Saving, wb.saver.unsaved())
		return nil
	}
	var conflicts []*store.SubjectState
	for _, c := range wb.conflicts {
		conflicts = append(conflicts, c)
	}
	r := readinessFrom(&store.State{Rubric: wb.rb}, wb.findings, conflicts)
	for _, ind := range wb.rb.Indicators() {
		for _, rule := range ind.Rules {
			if wb.missingEvidence(rule.ID) {
				r.noEvidence = append(r.noEvidence, rule.ID)
			}
		}
	}
	wb.checks = r
	wb.mode = viewChecks
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	sign := func(incomplete bool) func() tea.Cmd {
		return func() tea.Cmd {
			wb.mode = editNone
			return func() tea.Msg {
				_, err := be.Sign(id, aid, incomplete)
				return statusSavedMsg{err}
			}
		}
	}
	switch {
	case len(r.conflicts) > 0:
		wb.failure = fmt.Sprintf(w.SignConflicts, len(r.conflicts))
	case r.complete():
		wb.ask = &question{text: w.SignConfirm, action: sign(false)}
	default:
		wb.ask = &question{text: fmt.Sprintf(w.SignIncomplete, len(r.unrecorded), len(r.noReason), len(r.noEvidence)), action: sign(true)}
	}
	return nil
}

// startReopen is R on a signed assessment: it asks for the reason.
func (wb *workbench) startReopen() tea.Cmd {
	if wb.signed == nil {
		return nil
	}
	wb.mode = editReopen
	wb.reasonIn.SetValue("")
	wb.inlineErr = ""
	return wb.reasonIn.Focus()
}

// updateReopen types the reason and reopens on enter.
func (wb *workbench) updateReopen(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(km, wb.c.keys.Confirm) {
		reason := strings.TrimSpace(wb.reasonIn.Value())
		if reason == "" {
			wb.inlineErr = wb.c.words.ReopenReason
			return nil
		}
		wb.stopEditing()
		be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
		return func() tea.Msg {
			_, err := be.Reopen(id, aid, reason)
			return statusSavedMsg{err}
		}
	}
	var cmd tea.Cmd
	wb.reasonIn, cmd = wb.reasonIn.Update(msg)
	return cmd
}

// checksView lists what the sign-off checks found.
func (wb *workbench) checksView(inner int) []string {
	w := wb.c.words
	r := wb.checks
	var lines []string
	if wb.ask != nil { // the question first, in full: the lists may not fit
		lines = appendWrapped(lines, wb.c.styles.Warning, "", wb.ask.text, inner)
		lines = append(lines, "")
	}
	add := func(title string, ids []string) {
		if len(ids) == 0 {
			return
		}
		lines = append(lines, wb.c.styles.Header.Render(fit(fmt.Sprintf(title, len(ids)), inner)))
		lines = appendWrapped(lines, wb.c.styles.Text, "  ", strings.Join(ids, " "), inner)
	}
	add(w.ChecksConflicts, r.conflicts)
	add(w.ChecksUnrecorded, r.unrecorded)
	add(w.ChecksNoReason, r.noReason)
	add(w.ChecksNoEvidence, r.noEvidence)
	if r.complete() {
		lines = append(lines, wb.c.styles.Good.Render(w.ChecksOK))
	}
	return lines
}

// signOffLines says, under a rule changed after the sign-off, what was
// signed, what it is now and what to do.
func (wb *workbench) signOffLines(subject string, inner int) []string {
	c, ok := wb.signOff[subject]
	if !ok {
		return nil
	}
	signed := wb.c.l.NotRecorded
	if c.Signed != nil {
		signed = textwidth.Line(store.DisplayValue(c.Signed))
	}
	var now []string
	for _, h := range c.Heads {
		now = append(now, textwidth.Line(store.DisplayValue(h))+"（"+textwidth.Line(h.Inspector)+"）")
	}
	return appendWrapped(nil, wb.c.styles.Conflict, "    ", fmt.Sprintf(wb.c.words.SignOffChanged, signed, strings.Join(now, "、")), inner)
}

// askKeepSigned asks, then keeps the signed value of subject.
func (wb *workbench) askKeepSigned(subject string) tea.Cmd {
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	wb.ask = &question{text: fmt.Sprintf(wb.c.words.KeepSignedAsk, subject), action: func() tea.Cmd {
		return func() tea.Msg {
			_, err := be.KeepSigned(id, aid, subject)
			return statusSavedMsg{err}
		}
	}}
	return nil
}
