package tui

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
)

var monkeySeed = flag.Uint64("monkey.seed", 0, "seed of TestMonkey (also KAOHE_MONKEY_SEED); 0 uses the fixed default")

// monkeyKeys is every key the TUI binds, and some it does not.
var monkeyKeys = []string{
	"j", "k", "up", "down", "n", "p", "]", "[", "c", "l", "/", "tab", "shift+tab",
	"0", "1", "2", "5", "9", ".", "space", "+", "-", "enter", "esc", "x", "u", "o", "h",
	"J", "K", "b", "q", "y", "Y", "?", "s", "S", "R", "backspace", "ctrl+j", "中", "a", "e", "z", "é",
}

// Thousands of random key presses and resizes (down to 1×1)
// through Update and View on every screen, in both languages: no panic, no
// line wider than the window. A failure names the seed that replays it.
func TestMonkey(t *testing.T) {
	seed := uint64(20261127)
	if s, err := strconv.ParseUint(os.Getenv("KAOHE_MONKEY_SEED"), 10, 64); err == nil && s != 0 {
		seed = s
	}
	if *monkeySeed != 0 {
		seed = *monkeySeed
	}
	t.Logf("monkey seed %d (replay with KAOHE_MONKEY_SEED=%d or -monkey.seed=%d)", seed, seed, seed)
	scenarios := []struct {
		name  string
		setup func(h *harness)
	}{
		{"name prompt", nil},
		{"picker", func(h *harness) { h.keys("b") }},
		{"new form", func(h *harness) { h.keys("b n") }},
		{"workbench", func(h *harness) {}},
		{"value edit", func(h *harness) { h.gotoIndicator("3.2"); h.keys("9") }},
		{"reason", func(h *harness) { h.gotoIndicator("3.4"); h.keys("1 enter") }},
		{"note", func(h *harness) { h.keys("tab tab enter 笔记") }},
		{"filter", func(h *harness) { h.keys("/ 证") }},
		{"conflict", func(h *harness) {
			h.gotoIndicator("1.2")
			h.keys("3 enter")
			conflictWith(h.t.(*testing.T), h, map[string]string{"1.2.a": "5", "1.1.a": "true"})
			h.keys("b enter c")
		}},
		{"attach prompt", func(h *harness) { h.gotoIndicator("1.2"); h.keys("a") }},
		{"evidence list", func(h *harness) {
			h.gotoIndicator("1.2")
			p := filepath.Join(t.TempDir(), "台账扫描件.pdf")
			os.WriteFile(p, []byte("%PDF-1.4"), 0o600)
			h.keys("a")
			h.typeText(p)
			h.keys("enter e")
		}},
		{"summary", func(h *harness) { h.keys("b s") }},
		{"help", func(h *harness) { h.keys("?") }},
	}
	n := 0
	for _, lang := range []string{"zh", "en"} {
		for _, sc := range scenarios {
			n++
			rng := rand.New(rand.NewPCG(seed, uint64(n)))
			t.Run(lang+"/"+sc.name, func(t *testing.T) {
				var h *harness
				if sc.setup == nil {
					h = newNameHarness(t, lang)
				} else {
					h = newHarness(t, withLang(lang), func(o *Options) { o.ReportDir = t.TempDir() })
					sc.setup(h)
				}
				monkey(t, h, rng, 120)
			})
		}
	}
}

// monkey sends steps random keys or resizes and checks every frame.
func monkey(t *testing.T, h *harness, rng *rand.Rand, steps int) {
	t.Helper()
	w, ht := 120, 40
	var last []string
	for i := 0; i < steps; i++ {
		var msg tea.Msg
		if rng.IntN(12) == 0 {
			w, ht = 1+rng.IntN(220), 1+rng.IntN(60)
			if rng.IntN(3) == 0 {
				w, ht = 72+rng.IntN(60), 20+rng.IntN(30) // usable sizes more often
			}
			msg = tea.WindowSizeMsg{Width: w, Height: ht}
			last = append(last, fmt.Sprintf("%dx%d", w, ht))
		} else {
			k := monkeyKeys[rng.IntN(len(monkeyKeys))]
			last = append(last, k)
			km := keyMsgs(k)
			if len(km) != 1 {
				km = []tea.KeyPressMsg{{Code: []rune(k)[0], Text: k}}
			}
			msg = km[0]
		}
		if len(last) > 12 {
			last = last[1:]
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic at step %d after %v: %v", i, last, r)
				}
			}()
			h.send(msg)
			frame := h.m.render()
			lines := strings.Split(frame, "\n")
			if len(lines) > max(ht, 1) {
				t.Fatalf("step %d after %v: %d lines in a window %d high", i, last, len(lines), ht)
			}
			for j, l := range lines {
				if lw := textwidth.Width(l); lw > w {
					t.Fatalf("step %d after %v: line %d is %d wide in a window %d wide:\n%s", i, last, j, lw, w, h.screen())
				}
			}
		}()
	}
}

// newNameHarness starts the TUI on a laptop where no name is set yet.
func newNameHarness(t *testing.T, lang string) *harness {
	path := filepath.Join(fastDir(t), "kaohe.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For(lang), RetryDelay: time.Millisecond, PollInterval: -1, ReportDir: t.TempDir(),
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	h := &harness{t: t, m: New(o), be: be, s: s}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	if h.m.front != screenName {
		t.Fatalf("not asked for a name:\n%s", h.screen())
	}
	return h
}
