package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// itemDialog is the line of text of a new item on a count rule, typed
// under the rule: enter adds it, esc cancels.
type itemDialog struct {
	*reasonDialog
	rule string
}

// itemAddedMsg says what adding an item did.
type itemAddedMsg struct {
	rule, text string
	err        error
}

func (itemAddedMsg) forWorkbench() {}

// startItem opens the item prompt on the selected rule, when it is a count
// rule without a range (a range's amount is given on the command line).
func (wb *workbench) startItem() tea.Cmd {
	r := wb.selectedRule()
	if wb.readOnly() || r == nil || !assessment.ItemsAllowed(r) {
		return nil
	}
	if len(r.Range) > 0 {
		wb.message = fmt.Sprintf(wb.c.l.Items.RangeOnCLI, r.ID)
		return nil
	}
	rule := r.ID
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	d, cmd := newReasonDialog(wb.c, "", wb.c.l.Items.Required, func(text string) tea.Cmd {
		return func() tea.Msg {
			_, err := be.AddItem(id, aid, rule, text, nil, "")
			return itemAddedMsg{rule: rule, text: text, err: err}
		}
	})
	wb.dialogs.open(&itemDialog{reasonDialog: d, rule: rule})
	return cmd
}

// itemAdded reports the result and reloads the assessment.
func (wb *workbench) itemAdded(msg itemAddedMsg) tea.Cmd {
	if msg.err != nil {
		wb.failure = wb.c.l.UI.Error + oneLine(wb.c.refusedText(msg.err))
	} else {
		wb.failure = ""
		wb.message = fmt.Sprintf(wb.c.l.Items.AddedShort, textwidth.Line(msg.text), msg.rule)
	}
	return wb.reload()
}

// itemLines lists a count rule's items under it and, while one is being
// typed, its prompt.
func (wb *workbench) itemLines(r *rubric.Rule, inner int) []string {
	var out []string
	l := wb.c.l
	for i, it := range wb.items[r.ID] {
		s := fmt.Sprintf("    %d. %s  %s", i+1, textwidth.Sanitize(it.Text, false), textwidth.Sanitize(it.Inspector, false))
		if wb.itemRelapsed(r.ID, it.Text) {
			s += "  [" + l.Lookback.Relapse + "]" // closed last period, found again
		}
		if it.Duplicate {
			s += "  [" + l.Items.Duplicate + "]"
			out = append(out, wb.c.styles.Warning.Render(fit(s, inner)))
			continue
		}
		out = append(out, fit(s, inner))
	}
	if d, ok := wb.dialogs.top().(*itemDialog); ok && d.rule == r.ID {
		out = append(out, wrapPrefixed("    "+l.Items.Prompt, d.input.View(), inner)...)
		if d.err != "" {
			out = appendWrapped(out, wb.c.styles.Error, "    ", d.err, inner)
		}
	}
	return out
}

// itemsOf groups a state's live items by rule.
func itemsOf(state *store.State) map[string][]store.Item {
	out := map[string][]store.Item{}
	for _, it := range state.Items("") {
		out[it.Rule] = append(out[it.Rule], it)
	}
	return out
}
