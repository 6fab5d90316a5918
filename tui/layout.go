package tui

import (
	"charm.land/lipgloss/v2"
)

// Minimum usable size; below it the workbench asks for a larger window.
const (
	minWidth  = 72
	minHeight = 20
)

// layout splits the width between the three panes.
func (wb *workbench) layout() (nav, center, score int) {
	w := wb.c.w
	nav = clamp(w*30/100, 24, 56)
	score = clamp(w*27/100, 24, 44)
	center = w - nav - score
	return
}

func (wb *workbench) centerWidth() int {
	_, c, _ := wb.layout()
	return c
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// appendWrapped adds text wrapped to inner columns, each line after a
// prefix (an indent, never an orphan), in a style.
func appendWrapped(lines []string, style lipgloss.Style, prefix, text string, inner int) []string {
	for _, s := range wrapPrefixed(prefix, text, inner) {
		lines = append(lines, style.Render(fit(s, inner)))
	}
	return lines
}
