package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// seePlan reads the lead's plan for the inspector off the unit's state
// (their categories, whether they score it blind) and returns the state
// as they may see it: while blind, without the other double scorer's
// values (State.ViewFor), so neither sees the other's, after a merge too.
// What the inspector writes then descends from what they saw, so a value
// of theirs never quietly supersedes the other's: the two meet as a
// conflict the lead settles.
func (wb *workbench) seePlan(state *store.State) *store.State {
	who := wb.c.id.Inspector
	wb.mine = nil
	for _, a := range state.Assignments() {
		if a.Inspector == who {
			wb.mine = map[string]bool{}
			for _, c := range a.Categories {
				wb.mine[c] = true
			}
		}
	}
	wb.blind = state.BlindFor(who)
	return state.ViewFor(who)
}

// isMine reports whether category is the inspector's to score: in their
// assignment, or every category when they have none on this unit.
func (wb *workbench) isMine(cat *rubric.Category) bool {
	return wb.mine == nil || (cat != nil && wb.mine[cat.ID])
}

// planLines are the indicator pane's lines about the plan: an indicator
// outside the inspector's assignment says so (still writable: the lead
// can override). The blind double scoring is said by the header and the
// status line, which no scrolling hides.
func (wb *workbench) planLines(cat *rubric.Category, inner int) []string {
	w := wb.c.l.Plan
	var lines []string
	if !wb.isMine(cat) {
		cats := make([]string, 0, len(wb.mine))
		for c := range wb.mine {
			cats = append(cats, c)
		}
		slices.Sort(cats)
		for _, s := range textwidth.Wrap(fmt.Sprintf(w.NotMine, strings.Join(cats, w.Sep)), max(inner, 1)) {
			lines = append(lines, wb.c.styles.Dim.Render(s))
		}
	}
	return lines
}

// toFirstOfMine opens an inspector with an assignment on the unit at
// their first indicator.
func (wb *workbench) toFirstOfMine() {
	if wb.mine == nil || wb.cursor >= len(wb.rows) || wb.isMine(wb.rows[wb.cursor].cat) {
		return
	}
	for i, r := range wb.rows {
		if r.ind != nil && wb.isMine(r.cat) {
			wb.setCursor(i)
			return
		}
	}
}
