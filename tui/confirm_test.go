package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Each answer to a question: y and enter do it, any other key closes the
// question without doing it; a paste is no answer.
func TestConfirmDialog(t *testing.T) {
	c := dialogCommon(t)
	for _, tc := range []struct {
		name   string
		msg    tea.Msg
		closes bool
		does   bool
	}{
		{name: "y", msg: key1("y"), closes: true, does: true},
		{name: "Y", msg: key1("Y"), closes: true, does: true},
		{name: "enter", msg: key1("enter"), closes: true, does: true},
		{name: "n", msg: key1("n"), closes: true},
		{name: "esc", msg: key1("esc"), closes: true},
		{name: "x again", msg: key1("x"), closes: true},
		{name: "paste", msg: tea.PasteMsg{Content: "y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := false
			d := newConfirm(c, "清除 1.2.a？", func() tea.Cmd { done = true; return nil })
			if text, isErr, ok := d.status(); text != "清除 1.2.a？" || !isErr || !ok {
				t.Fatalf("status %q %v %v", text, isErr, ok)
			}
			if d.typing() {
				t.Fatal("a question takes text")
			}
			a := d.handle(tc.msg)
			closes := runClosing(a)
			if closes != tc.closes {
				t.Fatalf("action %#v, want closing %v", a, tc.closes)
			}
			if done != tc.does {
				t.Fatalf("done %v, want %v", done, tc.does)
			}
		})
	}
}
