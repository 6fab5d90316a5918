package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// nameScreen asks a new laptop's inspector for a name, once.
type nameScreen struct {
	c     *common
	input textinput.Model
}

func newNameScreen(c *common) *nameScreen {
	return &nameScreen{c: c, input: newInput(c.l.UI.NamePrompt, 40)}
}

func (s *nameScreen) focus() tea.Cmd { return s.input.Focus() }

func (s *nameScreen) update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, s.c.keys.Confirm) {
		name := strings.TrimSpace(s.input.Value())
		if name == "" {
			return nil
		}
		be := s.c.opts.Backend
		return func() tea.Msg {
			id, err := be.SetInspector(name)
			return identityMsg{id, err}
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

func (s *nameScreen) view() []string {
	styles := &s.c.styles
	return []string{
		"",
		styles.Strong.Render("  " + s.c.l.UI.AskName),
		"",
		"  " + s.input.View(),
		"",
		styles.Dim.Render("  " + s.c.l.UI.NameHint),
	}
}

func (s *nameScreen) shortHelp() []key.Binding  { return []key.Binding{s.c.keys.Confirm} }
func (s *nameScreen) fullHelp() [][]key.Binding { return [][]key.Binding{s.shortHelp()} }
func (s *nameScreen) typing() bool              { return true }
func (s *nameScreen) status() (string, bool)    { return "", false }
