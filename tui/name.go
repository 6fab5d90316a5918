package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/store"
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
		be, create := s.c.opts.Backend, s.c.opts.Create
		return func() tea.Msg { return setInspector(be, create, name) }
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// setInspector records the inspector's name, first making the database
// when there is none yet (be nil): a name it would refuse is refused
// before anything is created.
func setInspector(be Backend, create func() (Backend, error), name string) identityMsg {
	var created Backend
	if be == nil {
		if _, err := store.ValidName("inspector name", name); err != nil {
			return identityMsg{err: err}
		}
		if create == nil {
			return identityMsg{err: errors.New("no database to record the inspector's name in")}
		}
		b, err := create()
		if err != nil {
			return identityMsg{err: err}
		}
		be, created = b, b
	}
	id, err := be.SetInspector(name)
	return identityMsg{id: id, err: err, be: created}
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
