package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/kaohe/kaohe/internal/i18n"
)

// KeyMap is every key binding of the TUI, with its help text in the UI's
// language. No screen matches a key by its text: each key it answers to is
// one of these bindings, so help and footer always say the truth.
type KeyMap struct {
	Up, Down                       key.Binding
	NextIndicator, PrevIndicator   key.Binding
	NextUnrecorded, PrevUnrecorded key.Binding
	NextConflict, ListUnrecorded   key.Binding
	Filter                         key.Binding
	ScrollUp, ScrollDown           key.Binding // the indicator pane's text
	NextInput, PrevInput           key.Binding
	NoDeficiency, Found            key.Binding // 0 and 1
	Toggle, Increment, Decrement   key.Binding
	Figure                         key.Binding // a digit or point that starts typing a figure
	IndicatorClean                 key.Binding // o
	Confirm, Cancel, Clear, Undo   key.Binding
	History, Sign, Reopen          key.Binding
	Attach, Evidence               key.Binding // 佐证材料
	AddItem                        key.Binding // i: an item of a count rule
	Complete                       key.Binding // tab in the attach prompt
	PickHead                       key.Binding // 1–9 in a conflict
	Yes                            key.Binding // y/Y/enter answers a question
	QuitYes                        key.Binding // y/Y confirms quitting with unsaved edits
	NewLine                        key.Binding // in the note editor
	ArrowUp, ArrowDown             key.Binding // suggestions and lists while typing
	Help, Quit, ForceQuit          key.Binding
	Back, New, Open                key.Binding
	Summary, Export                key.Binding
	// Problems opens the 问题 screen; the others are its keys: filter by
	// state or unit, one due date for a unit, report a rectification,
	// close (销号) and return (退回).
	Problems, ProblemState, ProblemUnit key.Binding
	ProblemDue, Rectify                 key.Binding
	CloseProblem, ReturnProblem         key.Binding

	// Advance, FlagKeys and BonusKeys are help only, matched by no screen:
	// they tell, in the footer, that after 0, 1 or a figure's enter the
	// cursor moves on to the next unrecorded rule.
	Advance, FlagKeys, BonusKeys key.Binding
}

// defaultKeyMap builds the key map with help in the given language.
func defaultKeyMap(l *i18n.Labels) KeyMap {
	w := &l.Screens
	h := l.UI.Help
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	return KeyMap{
		Up:             key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", h["up"])),
		Down:           key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", h["down"])),
		NextIndicator:  b(h["next"], "n"),
		PrevIndicator:  b(h["prev"], "p"),
		NextUnrecorded: b(h["nextOpen"], "]"),
		PrevUnrecorded: b(h["prevOpen"], "["),
		NextConflict:   b(w.NextConflict, "c"),
		ListUnrecorded: b(w.ListUnrecorded, "l"),
		Filter:         b(h["filter"], "/"),
		ScrollDown:     key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("J/pgdn", w.ScrollDown)),
		ScrollUp:       key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("K/pgup", w.ScrollUp)),
		NextInput:      b(h["nextInput"], "tab"),
		PrevInput:      b(h["prevInput"], "shift+tab"),
		// Full-width digits too: a Chinese input method in full-width mode
		// types ０ and １.
		NoDeficiency: b(w.NoDeficiency, "0", "０"),
		Found:        b(w.Found, "1", "１"),
		Toggle:       b(w.ToggleRecorded, "space"),
		Increment:    b(h["inc"], "+", "="),
		Decrement:    b(h["dec"], "-"),
		Figure: key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".",
			"０", "１", "２", "３", "４", "５", "６", "７", "８", "９", "．"),
			key.WithHelp("0-9", w.TypeFigure)),
		IndicatorClean: b(w.IndicatorClean, "o"),
		Advance:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", l.Workbench.Advance)),
		FlagKeys:       key.NewBinding(key.WithKeys("0", "1"), key.WithHelp("0/1", l.Workbench.FlagKeys)),
		BonusKeys:      key.NewBinding(key.WithKeys("0", "1"), key.WithHelp("0/1", l.Workbench.BonusKeys)),
		Confirm:        b(h["confirm"], "enter"),
		Cancel:         b(h["cancel"], "esc"),
		Clear:          b(h["clear"], "x", "delete"),
		Undo:           b(w.Undo, "u"),
		History:        b(w.History, "h"),
		Attach:         b(w.Attach, "a"),
		Evidence:       b(w.Evidence, "e"),
		AddItem:        b(l.Items.Key, "i"),
		Complete:       b(w.Complete, "tab"),
		Sign:           b(w.Sign, "S"),
		Reopen:         b(w.Reopen, "R"),
		PickHead: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1/2", w.PickHead)),
		Yes:       key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y/enter", w.Yes)),
		QuitYes:   key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", h["quit"])),
		NewLine:   key.NewBinding(key.WithKeys("ctrl+j", "alt+enter"), key.WithHelp("ctrl+j", w.NewLine)),
		ArrowUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", h["up"])),
		ArrowDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", h["down"])),
		Help:      b(h["help"], "?"),
		Quit:      b(h["quit"], "q"),
		ForceQuit: b(h["quit"], "ctrl+c"),
		Back:      b(h["back"], "b"),
		New:       b(h["new"], "n"),
		Open:      b(h["open"], "enter"),
		Summary:   b(h["summary"], "s"),
		Export:    b(h["export"], "x"),

		Problems:      b(l.Problems.Key, "P"),
		ProblemState:  b(l.Problems.KeyState, "f"),
		ProblemUnit:   b(l.Problems.KeyUnit, "u"),
		ProblemDue:    b(l.Problems.KeyDue, "d"),
		Rectify:       b(l.Problems.KeyRectify, "r"),
		CloseProblem:  b(l.Problems.KeyClose, "c"),
		ReturnProblem: b(l.Problems.KeyReturn, "t"),
	}
}
