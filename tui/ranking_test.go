package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The list is drawn as soon as the states are read; the ranking follows.
// Until it has come, the summary screen says it is being worked out (never
// that there are no assessments), and a ranking of states read before the
// latest ones is not shown.
func TestSummaryWaitsForItsRanking(t *testing.T) {
	h := newHarness(t)
	h.send(gotoMsg{to: screenPicker})
	if h.m.front != screenPicker {
		t.Fatalf("not on the list:\n%s", h.screen())
	}
	read := h.m.picker.load()().(statesMsg)
	update := func(msg tea.Msg) tea.Cmd {
		m, cmd := h.m.Update(msg)
		h.m = m.(Model)
		return cmd
	}
	first := update(read)
	second := update(read)
	if first == nil || second == nil {
		t.Fatal("no ranking worked out for the states read")
	}
	if !strings.Contains(h.screen(), "吉首市") {
		t.Fatalf("the list is not drawn before the ranking:\n%s", h.screen())
	}
	if open := update(tea.KeyPressMsg{Code: 's', Text: "s"}); open != nil {
		update(open())
	}
	if h.m.front != screenSummary {
		t.Fatalf("s did not open the summary:\n%s", h.screen())
	}
	if view := h.screen(); !strings.Contains(view, h.m.c.l.UI.Loading) || strings.Contains(view, h.m.c.l.UI.NoAssessments) {
		t.Fatalf("summary before its ranking:\n%s", view)
	}
	stale := first().(rankingMsg)
	update(stale)
	if view := h.screen(); !strings.Contains(view, h.m.c.l.UI.Loading) {
		t.Fatalf("the ranking of older states was shown:\n%s", view)
	}
	update(second())
	if view := h.screen(); strings.Contains(view, h.m.c.l.UI.Loading) || !strings.Contains(view, "吉首市") {
		t.Fatalf("summary after its ranking:\n%s", view)
	}
}
