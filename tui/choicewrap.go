package tui

import (
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
)

// wrapChoices lays out numbered choices (1 优（10分） 2 良（5分） …) to w
// columns with a prefix on the first line and its indent on the others,
// breaking only between choices, so a number never ends a line apart from
// the label it picks. A choice wider than a line wraps on lines of its own.
func wrapChoices(prefix string, parts []string, w int) []string {
	pw := textwidth.Width(prefix)
	if w-pw < 4 {
		return wrapPrefixed(prefix, strings.Join(parts, " "), w)
	}
	indent := strings.Repeat(" ", pw)
	var lines []string
	line := ""
	flush := func() {
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
	}
	for _, p := range parts {
		switch {
		case line == "" && textwidth.Width(p) <= w-pw:
			line = p
		case line != "" && textwidth.Width(line)+1+textwidth.Width(p) <= w-pw:
			line += " " + p
		case textwidth.Width(p) <= w-pw:
			flush()
			line = p
		default:
			flush()
			lines = append(lines, textwidth.Wrap(p, w-pw)...)
		}
	}
	flush()
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}
