package tui

import (
	"strings"
	"testing"
)

// 0 0 1 0 0 on 3.6 records 3.6.a–e one after the other: every value moves
// on to the next unrecorded rule, so the 1 meant for 3.6.c is not lost on
// 3.6.a.
func TestFlagValuesMoveOnToTheNextRule(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.6")
	h.keys("0 0 1 0 0")
	for rule, want := range map[string]string{"3.6.a": "false", "3.6.b": "false", "3.6.c": "true", "3.6.d": "false", "3.6.e": "false"} {
		if got := h.stored(rule); got != want {
			t.Errorf("%s stored %q, want %q", rule, got, want)
		}
	}
	// The fifth value completed 3.6: on to the next indicator, saying so.
	h.mustContain("3.6 已记录完")
	if ind := h.m.wb.current(); ind == nil || ind.ID == "3.6" {
		t.Errorf("after completing 3.6 the cursor is on %v", ind)
	}
}

// A one-press 0 that completes an indicator moves on like a typed figure
// does: the 89 typed next goes to 2.4's figure, not to 2.3.c.
func TestZeroCompletingAnIndicatorMovesOn(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("2.3")
	h.keys("0 0 0 89 enter")
	if got := h.stored("2.3.c"); got != "0" {
		t.Errorf("2.3.c stored %q, want 0", got)
	}
	if got := h.stored("2.4.a"); got != "89" {
		t.Errorf("2.4.a stored %q, want 89", got)
	}
}

// The footer says the rule: after a value the cursor moves on.
func TestFooterSaysValuesMoveOn(t *testing.T) {
	h := newHarness(t)
	lines := strings.Split(h.screen(), "\n")
	if foot := lines[len(lines)-1]; !strings.Contains(foot, "0/1 否/是→下一未记录") {
		t.Errorf("the footer of a flag does not say 0/1 move on: %q", foot)
	}
	h.gotoIndicator("2.4")
	lines = strings.Split(h.screen(), "\n")
	if foot := lines[len(lines)-1]; !strings.Contains(foot, "⏎ 记后→下一未记录") {
		t.Errorf("the footer of a figure does not say enter moves on: %q", foot)
	}
}
