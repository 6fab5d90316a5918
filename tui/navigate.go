package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// row is one line of the navigator tree: a category header or an indicator.
type row struct {
	cat *rubric.Category
	ind *rubric.Indicator // nil for a category header
}

// updateNavigation handles the keys that move around the rubric; it
// reports whether it used the key.
func (wb *workbench) updateNavigation(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := &wb.c.keys
	switch {
	case key.Matches(msg, k.Up):
		if wb.cursor > 0 {
			wb.setCursor(wb.cursor - 1)
		}
	case key.Matches(msg, k.Down):
		if wb.cursor < len(wb.rows)-1 {
			wb.setCursor(wb.cursor + 1)
		}
	case key.Matches(msg, k.NextIndicator):
		wb.moveToIndicator(wb.cursor+1, 1)
	case key.Matches(msg, k.PrevIndicator):
		wb.moveToIndicator(wb.cursor-1, -1)
	case key.Matches(msg, k.NextUnrecorded):
		wb.nextUnrecorded(1)
	case key.Matches(msg, k.PrevUnrecorded):
		wb.nextUnrecorded(-1)
	case key.Matches(msg, k.NextConflict):
		wb.nextConflict()
	case key.Matches(msg, k.ListUnrecorded):
		if len(wb.unrecordedRules()) == 0 {
			wb.message = wb.c.l.Screens.AllRecorded
		} else {
			wb.dialogs.open(newUnrecordedDialog(wb.c, wb.unrecordedRules))
		}
	case key.Matches(msg, k.ScrollDown):
		wb.scroll += 3
	case key.Matches(msg, k.ScrollUp):
		wb.scroll -= 3
	case key.Matches(msg, k.Filter):
		wb.mode = editFilter
		wb.valueInput.SetValue(wb.filter)
		wb.valueInput.CursorEnd()
		return wb.valueInput.Focus(), true
	case key.Matches(msg, k.Cancel):
		// esc never leaves the assessment: it clears a filter, or nothing.
		if wb.filter != "" {
			wb.filter = ""
			wb.rebuildRows()
		}
		wb.inlineErr = ""
	case key.Matches(msg, k.NextInput):
		if n := wb.inputs(); n > 0 {
			wb.sel = (wb.sel + 1) % n
			wb.inlineErr = ""
		}
	case key.Matches(msg, k.PrevInput):
		if n := wb.inputs(); n > 0 {
			wb.sel = (wb.sel - 1 + n) % n
			wb.inlineErr = ""
		}
	default:
		return nil, false
	}
	return nil, true
}

// rebuildRows applies the filter to the tree.
func (wb *workbench) rebuildRows() {
	var cur *rubric.Indicator
	if wb.cursor < len(wb.rows) {
		cur = wb.rows[wb.cursor].ind
	}
	wb.rows = wb.rows[:0]
	f := strings.ToLower(strings.TrimSpace(wb.filter))
	for ci := range wb.rb.Categories {
		c := &wb.rb.Categories[ci]
		var inds []row
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			if f == "" || matches(f, c, ind) {
				inds = append(inds, row{cat: c, ind: ind})
			}
		}
		if len(inds) > 0 || (f != "" && strings.Contains(strings.ToLower(c.Title), f)) {
			wb.rows = append(wb.rows, row{cat: c})
			wb.rows = append(wb.rows, inds...)
		}
	}
	wb.cursor = 0
	for i, r := range wb.rows {
		if r.ind != nil && r.ind == cur {
			wb.cursor = i
			return
		}
	}
	wb.sel, wb.inlineErr, wb.scroll = 0, "", 0
	for i, r := range wb.rows {
		if r.ind != nil {
			wb.cursor = i
			return
		}
	}
}

func matches(f string, c *rubric.Category, ind *rubric.Indicator) bool {
	if strings.HasPrefix(ind.ID, f) {
		return true
	}
	for _, s := range []string{ind.Content, ind.Standard, c.Title} {
		if strings.Contains(strings.ToLower(s), f) {
			return true
		}
	}
	for _, r := range ind.Rules {
		if strings.Contains(strings.ToLower(r.Label), f) {
			return true
		}
	}
	return false
}

// keepCursor keeps the cursor on its indicator after the rubric's rows were
// rebuilt from a reloaded state.
func (wb *workbench) keepCursor() {
	p := wb.place()
	wb.rebuildRows()
	wb.restore(p)
}

// current returns the indicator under the cursor, or nil on a header.
func (wb *workbench) current() *rubric.Indicator {
	if wb.cursor < 0 || wb.cursor >= len(wb.rows) {
		return nil
	}
	return wb.rows[wb.cursor].ind
}

// moveToIndicator moves the cursor from index `from` in direction dir to the
// first indicator row (from itself included).
func (wb *workbench) moveToIndicator(from, dir int) {
	for i := from; i >= 0 && i < len(wb.rows); i += dir {
		if wb.rows[i].ind != nil {
			wb.setCursor(i)
			return
		}
	}
}

// gotoIndicator puts the cursor on an indicator, clearing a filter that
// hides it; it reports whether the indicator exists.
func (wb *workbench) gotoIndicator(id string) bool {
	for pass := 0; pass < 2; pass++ {
		for i, r := range wb.rows {
			if r.ind != nil && r.ind.ID == id {
				wb.setCursor(i)
				return true
			}
		}
		if wb.filter == "" {
			return false
		}
		wb.filter = ""
		wb.rebuildRows()
	}
	return false
}

func (wb *workbench) setCursor(i int) {
	if i == wb.cursor {
		return
	}
	wb.cursor = i
	wb.sel = 0
	wb.inlineErr = ""
	wb.scroll = 0
	wb.selectFirstUnrecorded()
}

// selectFirstUnrecorded selects the input of the indicator that needs the
// inspector first: one in conflict, else the first unrecorded rule.
func (wb *workbench) selectFirstUnrecorded() {
	ind := wb.current()
	if ind == nil {
		return
	}
	for i, r := range ind.Rules {
		if _, ok := wb.conflicts[r.ID]; ok {
			wb.sel = i
			return
		}
	}
	if _, ok := wb.conflicts[store.NotePrefix+ind.ID]; ok {
		wb.sel = len(ind.Rules)
		return
	}
	for i, r := range ind.Rules {
		if _, ok := wb.findings[r.ID]; !ok {
			wb.sel = i
			return
		}
	}
}

// nextUnrecorded moves to the next (dir 1) or previous (−1) indicator that
// is not fully recorded, wrapping around; when there is none it says so.
// An inspector with an assignment on the unit walks their own indicators
// first; once those are all recorded, the others.
func (wb *workbench) nextUnrecorded(dir int) bool {
	n := len(wb.rows)
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && wb.mine == nil {
			continue
		}
		for k := 1; k <= n; k++ {
			i := ((wb.cursor+dir*k)%n + n) % n
			r := wb.rows[i]
			if r.ind == nil || (pass == 0 && !wb.isMine(r.cat)) {
				continue
			}
			if ir, ok := wb.res.Indicator(r.ind.ID); ok && !ir.Complete {
				wb.setCursor(i)
				return true
			}
		}
	}
	wb.message = wb.c.l.Screens.AllRecorded
	return false
}

// nextConflict moves to the next subject in conflict (rubric order,
// wrapping around) and selects it.
func (wb *workbench) nextConflict() {
	if len(wb.conflicts) == 0 {
		wb.message = wb.c.l.CLI.NoConflicts
		return
	}
	type spot struct {
		ind string
		sel int
	}
	var spots []spot
	for _, ind := range wb.rb.Indicators() {
		for i, r := range ind.Rules {
			if _, ok := wb.conflicts[r.ID]; ok {
				spots = append(spots, spot{ind.ID, i})
			}
		}
		if _, ok := wb.conflicts[store.NotePrefix+ind.ID]; ok {
			spots = append(spots, spot{ind.ID, len(ind.Rules)})
		}
	}
	if len(spots) == 0 {
		wb.message = wb.c.l.CLI.NoConflicts // only the status is in conflict
		return
	}
	here := wb.place()
	next := spots[0]
	for _, s := range spots {
		if scoring.RuleLess(here.indicator, s.ind) || (s.ind == here.indicator && s.sel > here.sel) {
			next = s
			break
		}
	}
	wb.gotoIndicator(next.ind)
	wb.sel = next.sel
}

// unrecordedRule is one line of the unrecorded list.
type unrecordedRule struct {
	cat  *rubric.Category
	ind  *rubric.Indicator
	rule int
}

// unrecordedRules lists every rule without a value, in rubric order; for
// an inspector with an assignment on the unit, only their own while any
// of them is left.
func (wb *workbench) unrecordedRules() []unrecordedRule {
	all := wb.allUnrecordedRules()
	if wb.mine == nil {
		return all
	}
	var mine []unrecordedRule
	for _, u := range all {
		if wb.isMine(u.cat) {
			mine = append(mine, u)
		}
	}
	if len(mine) == 0 {
		return all
	}
	return mine
}

// allUnrecordedRules lists every rule without a value, in rubric order.
func (wb *workbench) allUnrecordedRules() []unrecordedRule {
	var out []unrecordedRule
	for ci := range wb.rb.Categories {
		c := &wb.rb.Categories[ci]
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			for ri, r := range ind.Rules {
				if _, ok := wb.findings[r.ID]; !ok {
					out = append(out, unrecordedRule{c, ind, ri})
				}
			}
		}
	}
	return out
}

// inputs is the number of inputs of the current indicator (rules + note).
func (wb *workbench) inputs() int {
	if ind := wb.current(); ind != nil {
		return len(ind.Rules) + 1
	}
	return 0
}

// selectedRule returns the selected rule, or nil when the note (or nothing)
// is selected.
func (wb *workbench) selectedRule() *rubric.Rule {
	ind := wb.current()
	if ind == nil || wb.sel < 0 || wb.sel >= len(ind.Rules) {
		return nil
	}
	return &ind.Rules[wb.sel]
}
