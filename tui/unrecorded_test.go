package tui

import (
	"strings"
	"testing"
)

// The unrecorded list: j/k move within it, enter goes to the selected
// rule, esc, l and b close it; the list is read afresh, so the cursor stays
// within a list that shrank.
func TestUnrecordedDialog(t *testing.T) {
	c := dialogCommon(t)
	rb := c.opts.Rubric
	var all []unrecordedRule
	for ci := range rb.Categories {
		cat := &rb.Categories[ci]
		for ii := range cat.Indicators {
			for ri := range cat.Indicators[ii].Rules {
				all = append(all, unrecordedRule{cat, &cat.Indicators[ii], ri})
			}
		}
	}
	for _, tc := range []struct {
		name   string
		keys   []string
		n      int // rules listed
		want   action
		closes bool
	}{
		{name: "enter on the first", keys: []string{"enter"}, n: 3, want: gotoRule{indicator: all[0].ind.ID, sel: all[0].rule}},
		{name: "down then enter", keys: []string{"j", "enter"}, n: 3, want: gotoRule{indicator: all[1].ind.ID, sel: all[1].rule}},
		{name: "down past the end stops", keys: []string{"j", "j", "j", "j", "enter"}, n: 3, want: gotoRule{indicator: all[2].ind.ID, sel: all[2].rule}},
		{name: "up at the top stops", keys: []string{"k", "enter"}, n: 3, want: gotoRule{indicator: all[0].ind.ID, sel: all[0].rule}},
		{name: "esc", keys: []string{"esc"}, n: 3, closes: true},
		{name: "l", keys: []string{"l"}, n: 3, closes: true},
		{name: "b", keys: []string{"b"}, n: 3, closes: true},
		{name: "enter on an empty list closes", keys: []string{"enter"}, n: 0, closes: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.n
			d := newUnrecordedDialog(c, func() []unrecordedRule { return all[:n] })
			var a action
			for _, k := range tc.keys {
				a = d.handle(key1(k))
			}
			if _, closes := a.(closeDialog); closes != tc.closes || (!tc.closes && a != tc.want) {
				t.Fatalf("action %#v, want %#v (closing %v)", a, tc.want, tc.closes)
			}
		})
	}
	// Drawn: the title, the category with its count, the rules; the cursor
	// is kept within a list that shrank.
	n := 3
	d := newUnrecordedDialog(c, func() []unrecordedRule { return all[:n] })
	d.handle(key1("j"))
	d.handle(key1("j"))
	n = 1
	title, lines := d.pane(60, 20)
	body := strings.Join(lines, "\n")
	if title != c.l.Screens.ListUnrecorded || !strings.Contains(body, all[0].ind.Rules[all[0].rule].ID) || d.sel != 0 {
		t.Fatalf("pane %q, cursor %d:\n%s", title, d.sel, body)
	}
}
