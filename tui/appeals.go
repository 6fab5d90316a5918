package tui

import (
	"fmt"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// appealsOf groups a state's appeals of its latest feedback round by rule,
// for the indicator pane.
func appealsOf(state *store.State) map[string][]store.Appeal {
	fb, _ := state.Feedback()
	if fb == nil {
		return nil
	}
	out := map[string][]store.Appeal{}
	for _, a := range state.RoundAppeals(fb.Round) {
		out[a.Rule] = append(out[a.Rule], a)
	}
	return out
}

// appealLines are the appeals of a rule under it: the date, the unit's
// reason and the decision (with its reason), an open one marked.
func (wb *workbench) appealLines(rule string, inner int) []string {
	appeals := wb.appeals[rule]
	if len(appeals) == 0 {
		return nil
	}
	l := wb.c.l
	var out []string
	for _, a := range appeals {
		reason := textwidth.Sanitize(a.Reason, false)
		if a.Late {
			reason += l.Appeals.Late
		}
		decision := report.DecisionText(l, a)
		if a.DecisionRevision != nil && !a.DecisionConflict {
			decision += l.Values.Colon + textwidth.Sanitize(a.DecisionRevision.Note, false)
		}
		text := fmt.Sprintf(l.Appeals.AppealItem, a.On, reason, decision)
		style := wb.c.styles.Dim
		if a.Open() {
			style = wb.c.styles.Warning
		}
		if wb.afterFinal[assessment.AppealSubject(a.ID)] || wb.afterFinal[assessment.DecisionSubject(a.ID)] {
			text += l.Appeals.AfterFinalMark
			style = wb.c.styles.Conflict
		}
		out = appendWrapped(out, style, "    "+l.Appeals.AppealsOfRule+l.Values.Colon, text, inner)
	}
	return out
}

// stageText is the list's status cell of an assessment: its status, or
// for a signed result sent to the unit the stage it reached (初步, 申诉中,
// 已终审).
func (c *common) stageText(state *store.State, status string) string {
	switch stage := state.Stage(); stage {
	case "", "signed":
		return c.l.StatusName(status)
	default:
		return report.StageName(c.l, stage)
	}
}
