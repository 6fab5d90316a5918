package tui

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The path prompt: what each key or paste does with the folder it started
// in, and what tab's findings do to it.
func TestAttachDialog(t *testing.T) {
	c := dialogCommon(t)
	sep := string(filepath.Separator)
	start := sep + "home" + sep + "张三" + sep
	for _, tc := range []struct {
		name      string
		msgs      []tea.Msg
		completed *completedMsg // tab's findings, arriving after the messages
		want      action        // the last message's action (runCmd: any)
		value     string
	}{
		{name: "a name continues the folder", msgs: []tea.Msg{key1("a")}, want: runCmd{}, value: start + "a"},
		{name: "a path of its own replaces it", msgs: []tea.Msg{key1("~")}, want: runCmd{}, value: "~"},
		{name: "a quoted paste replaces it", msgs: []tea.Msg{tea.PasteMsg{Content: `"C:\扫描\1.jpg"`}}, want: runCmd{}, value: `"C:\扫描\1.jpg"`},
		{name: "enter attaches", msgs: []tea.Msg{key1("x"), key1("enter")}, want: attachPath{subject: "1.2.a", path: start + "x"}, value: start + "x"},
		{name: "esc cancels", msgs: []tea.Msg{key1("esc")}, want: cancelTyping{}, value: start},
		{name: "tab completes in a command", msgs: []tea.Msg{key1("tab")}, want: runCmd{}, value: start},
		{name: "one match is taken", msgs: []tea.Msg{key1("tab")}, want: runCmd{},
			completed: &completedMsg{prefix: start, matches: []string{start + "台账.pdf"}}, value: start + "台账.pdf"},
		{name: "the common part of several", msgs: []tea.Msg{key1("tab")}, want: runCmd{},
			completed: &completedMsg{prefix: start, matches: []string{start + "照片1.jpg", start + "照片2.jpg"}}, value: start + "照片"},
		{name: "a stale finding is dropped", msgs: []tea.Msg{key1("q")}, want: runCmd{},
			completed: &completedMsg{prefix: start, matches: []string{start + "台账.pdf"}}, value: start + "q"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := newAttachDialog(c, "1.2.a", start, 60)
			if !d.typing() {
				t.Fatal("the path prompt takes no text")
			}
			var a action
			for _, m := range tc.msgs {
				a = d.handle(m)
			}
			if _, ok := tc.want.(runCmd); ok {
				if _, ok := a.(runCmd); !ok {
					t.Fatalf("action %#v, want a command", a)
				}
			} else if a != tc.want {
				t.Fatalf("action %#v, want %#v", a, tc.want)
			}
			if tc.completed != nil {
				d.completed(*tc.completed)
			}
			if got := d.input.Value(); got != tc.value {
				t.Fatalf("prompt holds %q, want %q", got, tc.value)
			}
		})
	}
}
