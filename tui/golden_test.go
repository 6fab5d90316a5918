package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// updating reports the -update flag (registered by teatest's golden
// package, which this test shares).
func updating() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	return ok && g.Get() == true
}

// golden compares text with testdata/NAME.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -run Golden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from its golden file (rerun with -update if the change is intended)\n--- want\n%s\n--- got\n%s", name, want, got)
	}
}

// Each pane's text at fixed sizes, on a small recorded state: 1.2 with a
// count over its cap and a flag, 3.2 with the cards' group cap binding.
func TestGoldenPanes(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.2")
	h.keys("91500 enter 4 enter 4 enter")
	h.gotoIndicator("1.2")
	h.keys("8 enter 1 p tab") // 1 completed 1.2 and moved on: back to 1.2.b
	wb := h.m.wb
	for _, sz := range []struct {
		name string
		w, h int
	}{{"wide", 0, 30}, {"narrow", 1, 21}} {
		nw, cw, sw := 36, 50, 34
		if sz.w == 1 {
			nw, cw, sw = 24, 32, 24
		}
		golden(t, "navigator_"+sz.name, strip(wb.navigatorView(nw, sz.h)))
		golden(t, "indicator_"+sz.name, strip(wb.indicatorView(cw, sz.h)))
		golden(t, "score_"+sz.name, strip(wb.scoreView(sw, sz.h)))
	}
}

func strip(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) + "\n" }
