package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/rubric"
)

// unrecordedDialog lists every rule without a value, per category: j/k
// move, enter goes to the rule, esc (or L, or b) closes. The list is read
// afresh on every key and drawing, so a value arriving meanwhile drops out.
type unrecordedDialog struct {
	c    *common
	list func() []unrecordedRule
	cursorList
}

func newUnrecordedDialog(c *common, list func() []unrecordedRule) *unrecordedDialog {
	return &unrecordedDialog{c: c, list: list}
}

// gotoRule closes the dialog and selects a rule: the sel-th input of an
// indicator.
type gotoRule struct {
	indicator string
	sel       int
}

func (d *unrecordedDialog) handle(msg tea.Msg) action {
	k, list := &d.c.keys, d.list()
	km, ok := d.key(k, msg, len(list))
	switch {
	case !ok:
	case key.Matches(km, k.Cancel), key.Matches(km, k.ListUnrecorded), key.Matches(km, k.Back):
		return closeDialog{}
	case key.Matches(km, k.Confirm):
		if d.sel < len(list) {
			u := list[d.sel]
			return gotoRule{indicator: u.ind.ID, sel: u.rule}
		}
		return closeDialog{}
	}
	return nil
}

func (d *unrecordedDialog) shortHelp() []key.Binding {
	k := &d.c.keys
	return []key.Binding{k.Down, k.Confirm, k.Cancel}
}

func (d *unrecordedDialog) typing() bool { return false }

// pane is per category the number of unrecorded rules, then the rules, the
// selected one in view.
func (d *unrecordedDialog) pane(inner, body int) (string, []string) {
	styles := &d.c.styles
	list := d.list()
	d.sel = clamp(d.sel, 0, max(len(list)-1, 0))
	lines := []string{styles.Strong.Render(fit(d.c.l.Screens.UnrecordedTitle, inner))}
	selLine := 0
	var cat *rubric.Category
	for i, u := range list {
		if u.cat != cat {
			cat = u.cat
			n := 0
			for _, v := range list {
				if v.cat == cat {
					n++
				}
			}
			lines = append(lines, styles.Header.Render(fit(cat.ID+" "+cat.Title, inner-8)+fmt.Sprintf("%8d", n)))
		}
		r := u.ind.Rules[u.rule]
		line := fit("  "+r.ID+" "+r.Name(), inner)
		if i == d.sel {
			selLine = len(lines)
			line = styles.Cursor.Render(line)
		}
		lines = append(lines, line)
	}
	start := scrollWindow(selLine, len(lines), body)
	return d.c.l.Screens.ListUnrecorded, lines[start:]
}
