package tui

import (
	"strings"
	"testing"
)

// statusText is the status line (the line above the footer), trimmed.
func (h *harness) statusText() string {
	lines := strings.Split(h.screen(), "\n")
	return strings.TrimSpace(lines[len(lines)-2])
}

// "已保存" is said right after a save, never after opening an assessment,
// moving about, or a reload because another program wrote.
func TestSavedOnlyRightAfterASave(t *testing.T) {
	h := newHarness(t)
	if s := h.statusText(); strings.Contains(s, "已保存") {
		t.Fatalf("opening an assessment saved nothing, status %q", s)
	}
	h.keys("1")
	if s := h.statusText(); !strings.Contains(s, "已保存") {
		t.Fatalf("after recording a value, status %q", s)
	}
	h.keys("j") // the next rule: nothing saved
	if s := h.statusText(); strings.Contains(s, "已保存") {
		t.Fatalf("moving on saved nothing, status %q", s)
	}
	h.keys("1")
	// Another program writes: the workbench reloads and says so.
	h.send(versionMsg{gen: h.m.wb.pollGen, version: h.m.wb.version + 1})
	s := h.statusText()
	if !strings.Contains(s, h.m.c.l.Screens.ChangedElsewhere) || strings.Contains(s, "已保存") {
		t.Fatalf("after a reload, status %q", s)
	}
	// Leaving and reopening the assessment saves nothing either.
	h.keys("b enter")
	if s := h.statusText(); strings.Contains(s, "已保存") {
		t.Fatalf("reopening an assessment saved nothing, status %q", s)
	}
}
