package tui

import (
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
)

// fit makes text exactly w columns wide (cut or padded), measuring with
// the one width function kaohe uses everywhere.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return textwidth.PadRight(s, w)
}

// box draws lines inside a rounded border of exactly w×h cells with a title
// in the top edge. Lines are cut or padded to the inner width, and the body
// is cut or padded to the inner height, so every row is exactly w wide.
func box(styles *Styles, title string, focused bool, lines []string, w, h int) []string {
	return drawBox(styles, title, focused, lines, w, h, false)
}

// fittedBox is box for lines already exactly w−2 columns wide: it skips
// measuring them again (the navigator redraws 40 rows per keystroke).
func fittedBox(styles *Styles, title string, focused bool, lines []string, w, h int) []string {
	return drawBox(styles, title, focused, lines, w, h, true)
}

func drawBox(styles *Styles, title string, focused bool, lines []string, w, h int, fitted bool) []string {
	if w < 2 || h < 2 {
		out := make([]string, max(h, 0))
		for i := range out {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
		return out
	}
	inner := w - 2
	ts := styles.Title
	if focused {
		ts = styles.FocusTitle
	}
	t := textwidth.Truncate(title, max(inner-2, 0), "…")
	top := styles.Border.Render("╭─") + ts.Render(t) + styles.Border.Render(strings.Repeat("─", max(inner-1-textwidth.Width(t), 0))+"╮")
	if inner-1-textwidth.Width(t) < 0 {
		top = styles.Border.Render("╭" + strings.Repeat("─", inner) + "╮")
	}
	out := []string{top}
	side := styles.Border.Render("│")
	for i := 0; i < h-2; i++ {
		switch {
		case i >= len(lines):
			out = append(out, side+strings.Repeat(" ", inner)+side)
		case fitted:
			out = append(out, side+lines[i]+side)
		default:
			out = append(out, side+fit(lines[i], inner)+side)
		}
	}
	out = append(out, styles.Border.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return out
}

// joinColumns puts blocks of lines side by side; each block has the same
// number of lines of fixed width.
func joinColumns(blocks ...[]string) []string {
	n := 0
	for _, b := range blocks {
		n = max(n, len(b))
	}
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for _, b := range blocks {
			if i < len(b) {
				sb.WriteString(b[i])
			}
		}
		out[i] = sb.String()
	}
	return out
}

// wrapPrefixed wraps text to w columns with a prefix on the first line and
// an indent of the same width on the others, so a prefix is never left
// alone at the end of a line.
func wrapPrefixed(prefix, text string, w int) []string {
	pw := textwidth.Width(prefix)
	if w-pw < 4 {
		return textwidth.Wrap(prefix+text, max(w, 1))
	}
	lines := textwidth.Wrap(text, w-pw)
	indent := strings.Repeat(" ", pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// scrollWindow returns the first line to show so that line cur is visible in
// a window of h lines over n lines.
func scrollWindow(cur, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	start := cur - h/2
	if start < 0 {
		start = 0
	}
	if start > n-h {
		start = n - h
	}
	return start
}

// oneLine is text on one line, its runs of white space as one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
