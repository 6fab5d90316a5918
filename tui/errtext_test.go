package tui

import (
	"strings"
	"testing"
)

// A refusal from the store reaches a Chinese workbench in Chinese, as it
// reaches the command line: the new form's error line for a unit name
// with a zero-width character says so in Chinese, not in the store's
// English.
func TestStoreRefusalWordedInTheWorkbench(t *testing.T) {
	h := newHarness(t)
	h.keys("b n 凤凰\u200b县 enter enter")
	screen := h.screen()
	if h.m.front != screenNew {
		t.Fatalf("a unit with a zero-width character was created:\n%s", screen)
	}
	if strings.Contains(screen, "zero-width") || !strings.Contains(screen, "含有零宽字符") {
		t.Fatalf("the refusal is shown in English:\n%s", screen)
	}
}
