package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
)

// Whole frames of every screen at 80×24, one golden file each (rewritten
// with -update): the list, the form, the summary, help, the unrecorded
// list, the sign-off checks and the workbench while typing a reason.
func TestGoldenScreens(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := newHarness(t, withLang(lang))
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.keys("1 o")
		shot := func(name string) {
			t.Helper()
			golden(t, "screen_"+lang+"_"+name, h.screen()+"\n")
		}
		h.gotoIndicator("3.4")
		h.keys("0.5 enter")
		shot("reason")
		h.keys("esc l")
		shot("unrecorded")
		h.keys("esc S")
		shot("signchecks")
		h.keys("n esc ?")
		shot("help")
		h.keys("esc b")
		shot("picker")
		h.keys("s")
		shot("summary")
		h.keys("b n")
		shot("newform")
	}
}

// ? help and q quit are in the footer of every screen, at every width, in
// both languages (ctrl+c while typing into a field).
func TestFooterAlwaysShowsHelpAndQuit(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := newHarness(t, withLang(lang))
		help := i18n.For(lang).UI.Help
		for _, w := range []int{72, 80, 120, 200} {
			h.send(tea.WindowSizeMsg{Width: w, Height: 24})
			for _, step := range []string{"", "b", "s", "b n", "esc enter", "/", "esc tab tab enter"} {
				h.keys(step)
				lines := strings.Split(h.screen(), "\n")
				footer := lines[len(lines)-1]
				want := []string{"? " + help["help"], "q " + help["quit"]}
				if h.m.current() != nil && h.m.current().typing() {
					want = []string{"ctrl+c " + help["quit"]}
				}
				for _, s := range want {
					if !strings.Contains(footer, s) {
						t.Errorf("%s %d wide after %q: footer %q lacks %q", lang, w, step, footer, s)
					}
				}
				if textwidth.Width(footer) > w {
					t.Errorf("footer wider than %d: %q", w, footer)
				}
			}
			h.keys("esc esc")
		}
	}
}
