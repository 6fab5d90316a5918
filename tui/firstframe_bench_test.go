package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// BenchmarkWorkbenchFirstFrame is the workbench's start on the office's
// decade file (1,000 assessments × 36 indicators × 3 revisions): the store
// opened as `kaohe` opens it (writable, with the check cache, which knows
// the file from an earlier open), the program's first messages run, and
// the first frame with the list drawn at 120×40. Its yardstick is
// BenchmarkWorkbenchListYardstick, what `kaohe list` does before printing.
func BenchmarkWorkbenchFirstFrame(b *testing.B) {
	path, checkDir := largeWorkbenchDB(b)
	last := fmt.Sprintf("单位%04d", 0)
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		s, err := store.Open(path, store.Options{CheckDir: checkDir})
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Backend: StoreBackend{Store: s}, Labels: i18n.For("zh"), PollInterval: -1, Dark: true})
		m = untilListed(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 120, Height: 40} })
		m = untilListed(m, m.Init())
		if view := ansi.Strip(m.render()); m.front != screenPicker || !strings.Contains(view, last) {
			b.Fatalf("no list drawn:\n%s", view)
		}
		s.Close()
	}
}

// untilListed runs a command tree as bubbletea would, each message through
// Update and what it returns run in turn, until the list has its states
// (the frame drawn next shows them; what is still to run, the ranking,
// runs beside it in the program), waiting as long as each command takes
// (the harness's time limit would cut a slow machine's load short);
// retries, polls and quitting are left out.
func untilListed(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && m.picker.states == nil {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, retryMsg, pollMsg, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			next, more := m.Update(msg)
			m = next.(Model)
			queue = append(queue, more)
		}
	}
	return m
}

// BenchmarkWorkbenchListYardstick is what `kaohe list` does on the same
// file before it prints: open with the states read (read-only, the check
// cache knowing the file), the hash and trust warnings' checks, and every
// assessment's score and summary.
func BenchmarkWorkbenchListYardstick(b *testing.B) {
	path, checkDir := largeWorkbenchDB(b)
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		s, states, err := store.OpenStates(path, store.Options{ReadOnly: true, CheckDir: checkDir})
		if err != nil || len(states) != 1000 {
			b.Fatal(len(states), err)
		}
		if _, err := s.HashMismatches(states...); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Untrusted(states...); err != nil {
			b.Fatal(err)
		}
		for _, st := range states {
			if _, err := report.Summarize(st); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
	}
}

// largeWorkbenchDB returns a private copy of the decade file
// (seed.LargeCopy), and a check cache folder that knows it (listed once,
// after the file's times have settled).
func largeWorkbenchDB(b *testing.B) (path, checkDir string) {
	b.Helper()
	path = seed.LargeCopy(b)
	checkDir = filepath.Join(b.TempDir(), "checked")
	time.Sleep(2100 * time.Millisecond) // the check cache remembers settled files only
	s, states, err := store.OpenStates(path, store.Options{ReadOnly: true, CheckDir: checkDir})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.HashMismatches(states...); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path, checkDir
}
