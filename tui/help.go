package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/kaohe/kaohe/internal/textwidth"
)

// helpView is the ? screen: the full help of the screen in front, then the
// keys every screen shares. How to close it is on the status line.
func (m Model) helpView(s screen) []string {
	c := m.c
	c.help.SetWidth(c.w)
	c.help.ShowAll = true
	defer func() { c.help.ShowAll = false }()
	// How to close it is on the status line under the help.
	lines := []string{c.styles.Header.Render(c.l.UI.Help["help"])}
	if s == nil {
		return lines
	}
	groups := s.fullHelp()
	groups = append(groups, []key.Binding{c.keys.Help, c.keys.Quit, c.keys.ForceQuit})
	// Groups side by side while they fit the width, the rest below: every
	// key is listed at every width.
	var row [][]string
	rowW := 0
	flush := func() {
		lines = append(lines, joinColumns(padBlocks(row)...)...)
		row, rowW = nil, 0
	}
	for _, g := range groups {
		block := strings.Split(c.help.FullHelpView([][]key.Binding{g}), "\n")
		bw := 0
		for _, l := range block {
			bw = max(bw, textwidth.Width(l))
		}
		bw += 4
		if rowW+bw > c.w && len(row) > 0 {
			flush()
		}
		for i := range block {
			block[i] = fit(block[i], bw)
		}
		row = append(row, block)
		rowW += bw
	}
	if len(row) > 0 {
		flush()
	}
	return lines
}

// padBlocks gives every block of a row the same number of lines.
func padBlocks(blocks [][]string) [][]string {
	n := 0
	for _, b := range blocks {
		n = max(n, len(b))
	}
	for i, b := range blocks {
		w := 0
		if len(b) > 0 {
			w = textwidth.Width(b[0])
		}
		for len(b) < n {
			b = append(b, strings.Repeat(" ", w))
		}
		blocks[i] = b
	}
	return blocks
}
