package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/kaohe/kaohe/internal/i18n"
)

// KeyMap is every key binding of the TUI, with its help text in the UI's
// language. DefaultKeyMap returns a fresh value.
type KeyMap struct {
	Up, Down                       key.Binding
	NextIndicator, PrevIndicator   key.Binding
	NextUnrecorded, PrevUnrecorded key.Binding
	Filter                         key.Binding
	NextInput, PrevInput           key.Binding
	Toggle, Increment, Decrement   key.Binding
	Confirm, Cancel, Clear         key.Binding
	Help, Quit, Back, New, Open    key.Binding
	Summary, Export                key.Binding
}

// DefaultKeyMap builds the key map with help in the given language.
func DefaultKeyMap(l *i18n.Labels) KeyMap {
	h := l.UI.Help
	b := func(help string, keys ...string) key.Binding {
		shown := keys[0]
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, h[help]))
	}
	return KeyMap{
		Up:             key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", h["up"])),
		Down:           key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", h["down"])),
		NextIndicator:  b("next", "n"),
		PrevIndicator:  b("prev", "p"),
		NextUnrecorded: b("nextOpen", "]"),
		PrevUnrecorded: b("prevOpen", "["),
		Filter:         b("filter", "/"),
		NextInput:      b("nextInput", "tab"),
		PrevInput:      b("prevInput", "shift+tab"),
		Toggle:         b("toggle", "space"),
		Increment:      b("inc", "+", "="),
		Decrement:      b("dec", "-"),
		Confirm:        b("confirm", "enter"),
		Cancel:         b("cancel", "esc"),
		Clear:          b("clear", "x", "delete"),
		Help:           b("help", "?"),
		Quit:           b("quit", "q", "ctrl+c"),
		Back:           b("back", "b"),
		New:            b("new", "n"),
		Open:           b("open", "enter"),
		Summary:        b("summary", "s"),
		Export:         b("export", "x"),
	}
}

// workbenchHelp is the KeyMap view the help bubble shows on the workbench.
type workbenchHelp struct{ k *KeyMap }

// ShortHelp is the footer line.
func (w workbenchHelp) ShortHelp() []key.Binding {
	k := w.k
	return []key.Binding{k.Down, k.NextIndicator, k.NextUnrecorded, k.NextInput, k.Toggle, k.Confirm, k.Filter, k.Help, k.Quit}
}

// FullHelp is the ? screen.
func (w workbenchHelp) FullHelp() [][]key.Binding {
	k := w.k
	return [][]key.Binding{
		{k.Up, k.Down, k.NextIndicator, k.PrevIndicator, k.NextUnrecorded, k.PrevUnrecorded, k.Filter},
		{k.NextInput, k.PrevInput, k.Toggle, k.Increment, k.Decrement, k.Confirm, k.Cancel, k.Clear},
		{k.Back, k.Help, k.Quit},
	}
}

// pickerHelp is the KeyMap view of the assessment picker.
type pickerHelp struct{ k *KeyMap }

// ShortHelp is the footer line.
func (p pickerHelp) ShortHelp() []key.Binding {
	return []key.Binding{p.k.Down, p.k.Open, p.k.New, p.k.Summary, p.k.Help, p.k.Quit}
}

// FullHelp is the ? screen.
func (p pickerHelp) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.k.Up, p.k.Down, p.k.Open, p.k.New, p.k.Summary}, {p.k.Help, p.k.Quit}}
}
