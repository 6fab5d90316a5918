package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The history view: its lines wrap to the pane under its title; any key
// closes it, a paste or a timer does not.
func TestHistoryDialog(t *testing.T) {
	c := dialogCommon(t)
	long := "11-26 09:00 1.2.a 张三@abcd  — → 3  " + strings.Repeat("很长的备注", 10)
	for _, tc := range []struct {
		name      string
		history   []string
		atLeast   int // lines drawn 30 columns wide
		msg       tea.Msg
		staysOpen bool
	}{
		{name: "esc", history: []string{"—"}, atLeast: 1, msg: key1("esc")},
		{name: "enter", history: []string{long}, atLeast: 2, msg: key1("enter")},
		{name: "a letter", history: []string{long, long}, atLeast: 4, msg: key1("j")},
		{name: "a paste", history: []string{long}, atLeast: 2, msg: tea.PasteMsg{Content: "x"}, staysOpen: true},
		{name: "a poll", history: nil, msg: pollMsg{}, staysOpen: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newHistoryDialog(c, "修改记录 1.2.a", tc.history)
			if title, lines := d.pane(30, 20); title != "修改记录 1.2.a" || len(lines) < tc.atLeast {
				t.Fatalf("pane %q with %d lines, want at least %d", title, len(lines), tc.atLeast)
			}
			if _, closes := d.handle(tc.msg).(closeDialog); closes == tc.staysOpen {
				t.Fatalf("closes %v on %T", closes, tc.msg)
			}
		})
	}
}
