package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// flakyBackend is a real store whose saves fail while fail is set, as a
// full or unplugged disk would.
type flakyBackend struct {
	StoreBackend
	fail  atomic.Bool
	saves atomic.Int32
}

func (f *flakyBackend) Record(id store.Identity, aid string, changes ...store.Change) ([]store.Revision, error) {
	f.saves.Add(1)
	if f.fail.Load() {
		return nil, errors.New("disk I/O error")
	}
	return f.StoreBackend.Record(id, aid, changes...)
}

// harness drives the root model the way bubbletea would: each message goes
// through Update and every command it returns is run, its message fed back.
type harness struct {
	t  testing.TB
	m  Model
	be *flakyBackend
	s  *store.Store
	a  store.Assessment
}

type harnessOpt func(*Options)

func withLang(lang string) harnessOpt { return func(o *Options) { o.Labels = i18n.For(lang) } }

// newHarness opens a fresh database with inspector 张三 and the assessment
// 吉首市/2021, starts the TUI at 120×40 and opens the workbench on it.
func newHarness(t testing.TB, opts ...harnessOpt) *harness {
	t.Helper()
	return harnessOn(t, rubric.Default(), "吉首市", nil, opts...)
}

// harnessOn opens a fresh database with inspector 张三 and unit's 2021
// assessment of rb, records changes in it (failing the test on a refusal),
// starts the TUI at 120×40 and opens the workbench on it.
func harnessOn(t testing.TB, rb *rubric.Rubric, unit string, changes []store.Change, opts ...harnessOpt) *harness {
	t.Helper()
	path := filepath.Join(fastDir(t), "kaohe.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := s.CreateAssessment(id, rb, unit, "2021")
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) > 0 {
		if _, err := s.Record(id, a.ID, changes...); err != nil {
			t.Fatal(err)
		}
	}
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond, PollInterval: -1, Dark: true,
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	for _, f := range opts {
		f(&o)
	}
	h := &harness{t: t, m: New(o), be: be, s: s, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	h.keys("enter") // open the only assessment
	if h.m.front != screenWorkbench {
		t.Fatalf("workbench did not open:\n%s", h.screen())
	}
	return h
}

// laptop is another inspector's database, with the same assessment, for
// a test to write in and then merge into the harness's (mergeInto).
type laptop struct {
	t    testing.TB
	path string
	s    *store.Store
	id   store.Identity
	a    store.Assessment
}

// otherLaptop is 李四's laptop, with the assessment 吉首市/2021 of the
// default rubric.
func otherLaptop(t testing.TB) *laptop {
	t.Helper()
	l := &laptop{t: t, path: filepath.Join(t.TempDir(), "李四.db")}
	var err error
	if l.s, err = store.Open(l.path, store.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.s.Close() })
	if l.id, err = l.s.SetInspector("李四"); err != nil {
		t.Fatal(err)
	}
	if l.a, _, err = l.s.CreateAssessment(l.id, rubric.Default(), "吉首市", "2021"); err != nil {
		t.Fatal(err)
	}
	return l
}

// record records changes on the laptop, failing the test on a refusal.
func (l *laptop) record(changes ...store.Change) {
	l.t.Helper()
	if _, err := l.s.Record(l.id, l.a.ID, changes...); err != nil {
		l.t.Fatal(err)
	}
}

// mergeInto closes the laptop's database and merges it into h's.
func (l *laptop) mergeInto(h *harness) {
	l.t.Helper()
	if err := l.s.Close(); err != nil {
		l.t.Fatal(err)
	}
	if _, err := h.s.Merge(l.path); err != nil {
		l.t.Fatal(err)
	}
}

// fastDir is a temporary folder in memory (/dev/shm) when the system has
// one, so the thousands of committed writes of these tests do not wait for
// a disk; the store's behaviour is the same.
func fastDir(t testing.TB) string {
	t.Helper()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "kaohe-tui-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// send feeds one message and runs what it returns.
func (h *harness) send(msg tea.Msg) {
	m, cmd := h.m.Update(msg)
	h.m = m.(Model)
	h.run(cmd)
}

// run executes a command tree, feeding messages back. Scheduled retries are
// dropped (a test sends retryMsg when it wants one), so a failing disk
// cannot make it spin.
func (h *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0 && steps < 50; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := runWithTimeout(c)
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case retryMsg, pollMsg, tea.QuitMsg:
			// Retries and polls are sent by the tests themselves, when they choose.
		default:
			m, next := h.m.Update(msg)
			h.m = m.(Model)
			queue = append(queue, next)
		}
	}
}

func runWithTimeout(c tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(2 * time.Second):
		if os.Getenv("KAOHE_DEBUG_TIMEOUT") != "" {
			panic(fmt.Sprintf("command timed out: %T", c))
		}
		return nil
	}
}

// keys types a space-separated sequence: named keys (enter, tab, shift+tab,
// esc, space, up, down, backspace) or literal text, one key per rune.
func (h *harness) keys(seq string) {
	for _, tok := range strings.Fields(seq) {
		for _, k := range keyMsgs(tok) {
			h.send(k)
		}
	}
}

func keyMsgs(tok string) []tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc": {Code: tea.KeyEscape}, "space": {Code: tea.KeySpace, Text: " "}, "up": {Code: tea.KeyUp},
		"down": {Code: tea.KeyDown}, "backspace": {Code: tea.KeyBackspace}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+j": {Code: 'j', Mod: tea.ModCtrl}, "delete": {Code: tea.KeyDelete},
	}
	if k, ok := named[tok]; ok {
		return []tea.KeyPressMsg{k}
	}
	var out []tea.KeyPressMsg
	for _, r := range tok {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// screen is the whole frame without colour.
func (h *harness) screen() string { return ansi.Strip(h.m.render()) }

// stored returns the current stored value of a rule ("" when none).
func (h *harness) stored(rule string) string {
	h.t.Helper()
	st, err := h.s.State(h.a.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	f, ok := st.Findings()[rule]
	if !ok {
		return ""
	}
	return f.Value.String()
}

// gotoIndicator moves the cursor to an indicator with the filter.
func (h *harness) gotoIndicator(id string) {
	h.t.Helper()
	h.keys("/ " + id + " enter")
	if ind := h.m.wb.current(); ind == nil || ind.ID != id {
		h.t.Fatalf("could not go to %s", id)
	}
	h.keys("esc") // clear the filter, stay on the indicator
}

func (h *harness) mustContain(parts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			h.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

func fullFindings(h *harness) scoring.Findings { return scoring.FullFindings(h.m.wb.rb) }

// typeText types text rune by rune, spaces included.
func (h *harness) typeText(text string) {
	for _, r := range text {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// idle reports whether the workbench has nothing open: no inline edit and
// no dialog.
func (h *harness) idle() bool { return h.m.wb.mode == editNone && h.m.wb.dialogs.top() == nil }

// deductionReason is the open prompt for a deduction's reason, or nil.
func (h *harness) deductionReason() *reasonDialog {
	if d := h.m.wb.dialogs.reason(); d != nil && d.value != nil {
		return d
	}
	return nil
}
