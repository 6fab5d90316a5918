package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// checksMsg carries the store's checks before a sign-off.
type checksMsg struct {
	readiness store.Readiness
	err       error
}

func (checksMsg) forWorkbench() {}

// startSign is S: the store's checks (the ones `kaohe sign` applies) are
// read and listed; a complete assessment is signed after y/enter, an
// incomplete one only after the inspector confirms signing it incomplete;
// open conflicts must be settled first.
func (wb *workbench) startSign() tea.Cmd {
	if wb.signed != nil {
		wb.message = wb.signedText()
		return nil
	}
	if wb.saver.unsaved() > 0 {
		wb.failure = fmt.Sprintf(wb.c.l.UI.Saving, wb.saver.unsaved())
		return nil
	}
	be, aid, who := wb.c.opts.Backend, wb.a.ID, wb.c.id.Inspector
	return func() tea.Msg {
		st, err := be.State(aid)
		if err != nil {
			return checksMsg{err: err}
		}
		// While scoring blind, the checks are of what the inspector may
		// see: a conflict with, or a rule recorded by, the other double
		// scorer would tell their values.
		return checksMsg{readiness: st.ViewFor(who).Readiness()}
	}
}

// showChecks opens the list of what the checks found, asking to sign.
func (wb *workbench) showChecks(msg checksMsg) {
	if msg.err != nil {
		wb.failure = wb.c.l.UI.Error + oneLine(errText(wb.c.l, msg.err))
		return
	}
	w := &wb.c.l.Readiness
	r := msg.readiness
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	sign := func(incomplete bool) func() tea.Cmd {
		return func() tea.Cmd {
			return func() tea.Msg {
				rev, err := be.Sign(id, aid, incomplete)
				if err != nil {
					return statusSavedMsg{err: err}
				}
				return statusSavedMsg{signed: &rev}
			}
		}
	}
	switch {
	case len(r.Conflicts) > 0:
		wb.failure = fmt.Sprintf(w.SignConflicts, len(r.Conflicts))
		wb.dialogs.open(newChecks(wb.c, r, "", nil))
	case r.Complete():
		wb.dialogs.open(newChecks(wb.c, r, w.SignConfirm, sign(false)))
	default:
		wb.dialogs.open(newChecks(wb.c, r, fmt.Sprintf(w.SignIncomplete, report.ReadinessSummary(wb.c.l, r)), sign(true)))
	}
}

// startReopen is R on a signed assessment: it asks for the reason.
func (wb *workbench) startReopen() tea.Cmd {
	if wb.signed == nil {
		return nil
	}
	wb.inlineErr = ""
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	d, cmd := newReasonDialog(wb.c, "", wb.c.l.Screens.ReopenReason, func(reason string) tea.Cmd {
		return func() tea.Msg {
			_, err := be.Reopen(id, aid, reason)
			return statusSavedMsg{err: err}
		}
	})
	wb.dialogs.open(reopenDialog{d})
	return cmd
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
		signed = wb.shown(subject, c.Signed.Decoded())
	}
	var now []string
	for _, h := range c.Heads {
		now = append(now, wb.shown(subject, h.Decoded())+"（"+textwidth.Line(h.Inspector)+"）")
	}
	return appendWrapped(nil, wb.c.styles.Conflict, "    ", fmt.Sprintf(wb.c.l.Screens.SignOffChanged, signed, strings.Join(now, "、")), inner)
}

// askKeepSigned asks, then keeps the signed value of subject.
func (wb *workbench) askKeepSigned(subject string) tea.Cmd {
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	wb.dialogs.open(newConfirm(wb.c, fmt.Sprintf(wb.c.l.Screens.KeepSignedAsk, subject), func() tea.Cmd {
		return func() tea.Msg {
			_, err := be.KeepSigned(id, aid, subject)
			return statusSavedMsg{err: err}
		}
	}))
	return nil
}
