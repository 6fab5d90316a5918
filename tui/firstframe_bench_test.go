package tui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
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

// largeWorkbenchDB returns a private copy of a file of 1,000 assessments ×
// 36 indicators × 3 revisions, and a check cache folder that knows it
// (listed once, after the file's times have settled). The file is built
// once through the store and cached in the temporary folder
// (KAOHE_BENCH_CACHE overrides where), keyed by schema.
func largeWorkbenchDB(b *testing.B) (path, checkDir string) {
	b.Helper()
	dir := os.Getenv("KAOHE_BENCH_CACHE")
	if dir == "" {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, fmt.Sprintf("kaohe-bench-tui-large-s%d.db", store.SchemaVersion))
	if _, err := os.Stat(cached); err != nil {
		tmp := filepath.Join(b.TempDir(), "build.db")
		buildLargeDB(b, tmp)
		if err := copyTo(tmp, cached+".part"); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(cached+".part", cached); err != nil {
			b.Fatal(err)
		}
	}
	path = filepath.Join(b.TempDir(), "large.db")
	if err := copyTo(cached, path); err != nil {
		b.Fatal(err)
	}
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

// buildLargeDB writes 1,000 assessments, each with three successive values
// of every indicator's first rule.
func buildLargeDB(b *testing.B, path string) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.SetInspector("张三")
	if err != nil {
		b.Fatal(err)
	}
	rb := rubric.Default()
	full := scoring.FullFindings(rb)
	var rules []string
	for _, ind := range rb.Indicators() {
		rules = append(rules, ind.Rules[0].ID)
	}
	for ai := range 1000 {
		a, _, err := s.CreateAssessment(id, rb, fmt.Sprintf("单位%04d", ai), "2021")
		if err != nil {
			b.Fatal(err)
		}
		prev := make([][]string, len(rules))
		for k := range 3 {
			changes := make([]store.Change, len(rules))
			for i, rid := range rules {
				changes[i] = store.SetRule(rid, full[rid].Value, strings.TrimSpace(fmt.Sprintf("第%d次 %s", k+1, full[rid].Note)))
				changes[i].Seen = prev[i]
			}
			revs, err := s.Record(id, a.ID, changes...)
			if err != nil {
				b.Fatal(err)
			}
			if len(revs) != len(rules) {
				b.Fatalf("%d revisions written of %d", len(revs), len(rules))
			}
			for i := range rules {
				prev[i] = []string{revs[i].ID}
			}
		}
	}
}

// copyTo copies a file.
func copyTo(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
