package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// At 80×24 a category row shows its number and as much of its title as
// fits (its score is in the score pane), the navigator's title line shows
// the full title of the row under the cursor as far as the border holds,
// and the footer keeps tab, n and ? whatever else it drops.
func TestNarrowNavigatorTitlesAndFooter(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustContain("│2 《湘西自治州政务服… ", "│3 “互联网+政务服务”")
	lines := strings.Split(h.screen(), "\n")
	if !strings.Contains(lines[1], "╭─1.1 开展政务服务事") {
		t.Errorf("the navigator's title line does not name the row under the cursor: %q", lines[1])
	}
	foot := lines[len(lines)-1]
	for _, k := range []string{"tab 下一输入", "n 下一指标", "? 帮助"} {
		if !strings.Contains(foot, k) {
			t.Errorf("the 80-column footer drops %q: %q", k, foot)
		}
	}
	h.gotoIndicator("2.1")
	h.keys("k") // category 2's header
	if lines := strings.Split(h.screen(), "\n"); !strings.Contains(lines[1], "╭─2 《湘西自治州政务") {
		t.Errorf("the title line on category 2: %q", lines[1])
	}
	h.gotoIndicator("2.4") // a figure: its footer too keeps tab, n and ?
	h.footerKeeps("a figure")
	h.conflictAt("1.3", "3 enter", map[string]string{"1.3.a": "5"})
	h.footerKeeps("a conflict")
	h.keys("1 enter S y")
	h.footerKeeps("a signed assessment")
}

// footerKeeps checks that the footer shows tab, n and ?.
func (h *harness) footerKeeps(where string) {
	h.t.Helper()
	lines := strings.Split(h.screen(), "\n")
	foot := lines[len(lines)-1]
	for _, k := range []string{"tab 下一输入", "n 下一指标", "? 帮助"} {
		if !strings.Contains(foot, k) {
			h.t.Errorf("the %d-column footer on %s drops %q: %q", h.m.c.w, where, k, foot)
		}
	}
}
