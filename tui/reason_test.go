package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/store"
)

// The reason prompt: enter gives the text (trimmed), or refuses an empty
// one when a reason is required; esc cancels; a paste past the note's
// limit leaves the text as it was and says why.
func TestReasonDialog(t *testing.T) {
	c := dialogCommon(t)
	for _, tc := range []struct {
		name     string
		required string
		msgs     []tea.Msg
		gives    string // "" with gave false: nothing given
		gave     bool
		cancels  bool
		err      string
		value    string
	}{
		{name: "enter gives the text", required: "须填写理由", msgs: []tea.Msg{tea.PasteMsg{Content: " 汇聚不全 "}, key1("enter")}, gives: "汇聚不全", gave: true, value: " 汇聚不全 "},
		{name: "empty refused when required", required: "须填写理由", msgs: []tea.Msg{key1("enter")}, err: "须填写理由"},
		{name: "empty given when optional", msgs: []tea.Msg{key1("enter")}, gave: true},
		{name: "esc cancels", required: "须填写理由", msgs: []tea.Msg{key1("a"), key1("esc")}, cancels: true, value: "a"},
		{name: "over the limit refused", msgs: []tea.Msg{key1("a"), tea.PasteMsg{Content: strings.Repeat("字", store.MaxNoteChars)}},
			err: "备注最多", value: "a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			given, gave := "", false
			d, _ := newReasonDialog(c, "", tc.required, func(s string) tea.Cmd { given, gave = s, true; return nil })
			if !d.typing() {
				t.Fatal("a reason takes no text")
			}
			var a action
			for _, m := range tc.msgs {
				a = d.handle(m)
			}
			if g, ok := a.(giveText); ok {
				g.give(g.text)
			}
			if _, ok := a.(cancelTyping); ok != tc.cancels {
				t.Fatalf("action %#v, cancels %v", a, tc.cancels)
			}
			if gave != tc.gave || given != tc.gives {
				t.Fatalf("gave %v %q, want %v %q", gave, given, tc.gave, tc.gives)
			}
			if !strings.HasPrefix(d.err, tc.err) || (tc.err == "" && d.err != "") {
				t.Fatalf("error %q, want %q", d.err, tc.err)
			}
			if d.input.Value() != tc.value {
				t.Fatalf("the input holds %q, want %q", d.input.Value(), tc.value)
			}
		})
	}
	// Reopening has a pane of its own, with the error in it.
	d, _ := newReasonDialog(c, "", c.l.Screens.ReopenReason, nil)
	d.handle(key1("enter"))
	title, lines := reopenDialog{d}.pane(60, 20)
	if title != c.l.Screens.Reopen || !strings.Contains(strings.Join(lines, "\n"), c.l.Screens.ReopenReason) {
		t.Fatalf("reopen pane %q: %q", title, lines)
	}
}
