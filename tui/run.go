package tui

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
)

// Run runs the TUI until the user quits. It returns the number of edits
// still unsaved at exit (the user confirmed quitting with them).
func Run(opts Options, in io.Reader, out io.Writer) (int, error) {
	p := tea.NewProgram(New(opts), tea.WithInput(in), tea.WithOutput(out))
	defer os.RemoveAll(viewRoot()) // the copies of opened evidence files
	final, err := p.Run()
	if err != nil {
		return 0, err
	}
	if m, ok := final.(Model); ok {
		return m.Unsaved(), nil
	}
	return 0, nil
}
