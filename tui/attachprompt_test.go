package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The attach prompt starts in the folder used last; a path typed or pasted
// there that is a path of its own (/…, ~…, C:\…) replaces that folder
// instead of being appended to it, and the file it names is attached.
func TestAttachPromptTypedPathReplacesTheLastFolder(t *testing.T) {
	h := newHarness(t)
	last, other := t.TempDir(), t.TempDir()
	scan := filepath.Join(other, "台账.pdf")
	if err := os.WriteFile(scan, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.m.c.lastDir = last
	h.gotoIndicator("1.2")
	h.keys("a")
	h.mustContain("直接输入 /、~ 或盘符开头的路径即替换上次的文件夹")
	if got := h.attachPrompt().input.Value(); got != last+string(filepath.Separator) {
		t.Fatalf("the prompt starts with %q, want the last folder", got)
	}
	h.typeText(scan)
	if got := h.attachPrompt().input.Value(); got != scan {
		t.Fatalf("typing %s in the prompt made %q", scan, got)
	}
	h.keys("enter")
	st, _ := h.s.State(h.a.ID)
	if atts := st.Attachments("1.2.a"); len(atts) != 1 || atts[0].Name != "台账.pdf" {
		t.Fatalf("attachments %+v; status: %s", atts, h.screen())
	}
	for _, c := range []struct{ typed, want string }{
		{"~/扫描件", "~/扫描件"},
		{`C:\扫描\1.jpg`, `C:\扫描\1.jpg`},
		{"照片.jpg", filepath.Join(other, "照片.jpg")}, // a name: in the folder proposed
	} {
		h.keys("a")
		h.typeText(c.typed)
		if got := h.attachPrompt().input.Value(); got != c.want {
			t.Errorf("typing %q made %q, want %q", c.typed, got, c.want)
		}
		h.keys("esc")
	}
	// A pasted path, quoted as Explorer copies it, replaces the folder too.
	h.keys("a")
	h.send(tea.PasteMsg{Content: `"` + scan + `"`})
	if got := h.attachPrompt().input.Value(); got != `"`+scan+`"` {
		t.Errorf("pasting a quoted path made %q", got)
	}
}

// attachPrompt is the open path prompt.
func (h *harness) attachPrompt() *attachDialog {
	h.t.Helper()
	d, ok := h.m.wb.dialogs.top().(*attachDialog)
	if !ok {
		h.t.Fatalf("no path prompt open:\n%s", h.screen())
	}
	return d
}
