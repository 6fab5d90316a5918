package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The history view: any key closes it, nothing else does; its lines wrap
// to the pane under its title.
func TestHistoryDialog(t *testing.T) {
	c := dialogCommon(t)
	for _, tc := range []struct {
		name   string
		msg    tea.Msg
		closes bool
	}{
		{name: "esc", msg: key1("esc"), closes: true},
		{name: "enter", msg: key1("enter"), closes: true},
		{name: "a letter", msg: key1("j"), closes: true},
		{name: "a paste", msg: tea.PasteMsg{Content: "x"}},
		{name: "a poll", msg: pollMsg{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newHistoryDialog(c, "修改记录 1.2.a", []string{"11-26 09:00 1.2.a 张三@abcd  — → " + strings.Repeat("很长的备注", 10)})
			title, lines := d.pane(30, 20)
			if title != "修改记录 1.2.a" || len(lines) < 2 {
				t.Fatalf("pane %q with %d lines, want the title and the line wrapped", title, len(lines))
			}
			if _, closes := d.handle(tc.msg).(closeDialog); closes != tc.closes {
				t.Fatalf("closes %v, want %v", closes, tc.closes)
			}
		})
	}
}
