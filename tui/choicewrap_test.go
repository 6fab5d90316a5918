package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// On a narrow terminal a label band's numbered choices wrap between
// choices, never between a number and its label: "3" alone at the end of a
// line with 差（0分） below reads as a fourth, unnamed choice.
func TestNumberedLabelsWrapWholeChoices(t *testing.T) {
	h := harnessOn(t, languageRubric(t), "甲县", nil)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.keys("n") // 1.2, the label band 优/良/差
	screen := h.screen()
	for _, want := range []string{"1 优（10分）", "2 良（5分）", "3 差（0分）"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the choice %q is split across lines:\n%s", want, screen)
		}
	}
}

func TestWrapChoicesKeepsEachChoiceWhole(t *testing.T) {
	got := wrapChoices("    ", []string{"1 优（10分）", "2 良（5分）", "3 差（0分）"}, 30)
	want := []string{"    1 优（10分） 2 良（5分）", "    3 差（0分）"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("wrapped as %q, want %q", got, want)
	}
	// A choice wider than the line still shows whole, wrapped on its own lines.
	got = wrapChoices("    ", []string{"1 非常满意非常满意非常满意（10分）", "2 差（0分）"}, 16)
	if joined := strings.Join(got, ""); !strings.Contains(strings.ReplaceAll(joined, " ", ""), "1非常满意非常满意非常满意（10分）2差（0分）") {
		t.Errorf("a long choice lost text: %q", got)
	}
	for _, l := range got {
		if w := len([]rune(l)); w == 0 {
			t.Errorf("empty line in %q", got)
		}
	}
}
