package tui

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// The whole program, as an inspector meets it on a new laptop: asked for a
// name, an empty picker, a new assessment for a suggested unit, a finding
// recorded, quit — and the finding is in the database afterwards.
func TestProgramSmoke(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kaohe.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := New(Options{Backend: StoreBackend{Store: s}, Labels: i18n.For("zh"), Dark: true,
		Now: func() time.Time { return time.Date(2021, 12, 1, 9, 0, 0, 0, time.UTC) }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(5*time.Second))
	}
	waitFor("督查人员姓名")
	tm.Type("张三")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("还没有考核")
	tm.Type("n")
	waitFor("可选单位")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // 吉首市, the first, highlighted
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // period 2021
	waitFor("1.1.a")
	tm.Send(tea.KeyPressMsg{Code: '1', Text: "1"})
	waitFor("已保存") // the status line; the total changes in the same frame
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	out, _ := io.ReadAll(tm.FinalOutput(t))
	if bytes.Contains(out, []byte("\x1b[38;")) {
		t.Error("colours were written despite the ASCII colour profile")
	}
	all, err := s.States()
	if err != nil || len(all) != 1 || all[0].Assessment.Label() != "吉首市/2021" {
		t.Fatalf("assessments after the session: %v %v", all, err)
	}
	if f := all[0].Findings()["1.1.a"]; f.Value.String() != "true" {
		t.Errorf("1.1.a = %q after the session", f.Value.String())
	}
	if !strings.Contains(strings.Join(all[0].Inspectors, ","), "张三") {
		t.Errorf("inspectors %v", all[0].Inspectors)
	}
}
