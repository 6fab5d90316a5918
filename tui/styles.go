package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is every style of the TUI, named for what it means, built for a
// dark or a light terminal background.
type Styles struct {
	Border, Title, FocusTitle      lipgloss.Style
	Text, Dim, Strong              lipgloss.Style
	Cursor                         lipgloss.Style // the selected row
	Good, Deducted, Capped, Error  lipgloss.Style
	Conflict, Warning, Saved       lipgloss.Style
	InputActive, InputIdle         lipgloss.Style
	BarFull, BarEmpty, Header, Key lipgloss.Style
}

// NewStyles returns the styles for a dark (true) or light background.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkHex string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkHex)) }
	fg := c("#1f2328", "#e6e6e6")
	dim := c("#6e7781", "#8b949e")
	accent := c("#0550ae", "#79c0ff")
	green := c("#116329", "#56d364")
	orange := c("#953800", "#ffa657")
	red := c("#cf222e", "#ff7b72")
	purple := c("#8250df", "#d2a8ff")
	selBg := c("#ddf4ff", "#1f3a5f")
	return Styles{
		Border:      lipgloss.NewStyle().Foreground(dim),
		Title:       lipgloss.NewStyle().Foreground(fg).Bold(true),
		FocusTitle:  lipgloss.NewStyle().Foreground(accent).Bold(true),
		Text:        lipgloss.NewStyle().Foreground(fg),
		Dim:         lipgloss.NewStyle().Foreground(dim),
		Strong:      lipgloss.NewStyle().Foreground(fg).Bold(true),
		Cursor:      lipgloss.NewStyle().Background(selBg).Foreground(fg).Bold(true),
		Good:        lipgloss.NewStyle().Foreground(green),
		Deducted:    lipgloss.NewStyle().Foreground(orange),
		Capped:      lipgloss.NewStyle().Foreground(purple).Bold(true),
		Error:       lipgloss.NewStyle().Foreground(red).Bold(true),
		Conflict:    lipgloss.NewStyle().Foreground(red).Bold(true),
		Warning:     lipgloss.NewStyle().Foreground(orange).Bold(true),
		Saved:       lipgloss.NewStyle().Foreground(green),
		InputActive: lipgloss.NewStyle().Foreground(accent).Bold(true),
		InputIdle:   lipgloss.NewStyle().Foreground(fg),
		BarFull:     lipgloss.NewStyle().Foreground(green),
		BarEmpty:    lipgloss.NewStyle().Foreground(dim),
		Header:      lipgloss.NewStyle().Foreground(accent).Bold(true),
		Key:         lipgloss.NewStyle().Foreground(accent),
	}
}
