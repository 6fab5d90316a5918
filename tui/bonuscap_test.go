package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// A counted bonus held to its cap (3 × 3 = 9, capped at 6) reads in the
// score pane as what it adds, never as 扣9分.
func TestScorePaneWordsACappedBonusAsAnAddition(t *testing.T) {
	rb, err := rubric.LoadFile("../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(fastDir(t), "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := s.CreateAssessment(id, rb, "甲县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, store.SetRule("3.1.a", scoring.NumValue(3_000_000), "")); err != nil {
		t.Fatal(err)
	}
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond, PollInterval: -1, Dark: true,
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	h := &harness{t: t, m: New(o), be: be, s: s, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	h.keys("enter n n n n n n") // 1.1 → 3.1, the seventh indicator
	screen := h.screen()
	if !strings.Contains(screen, "本指标 3.1") || !strings.Contains(screen, "加9分，封顶6分") || strings.Contains(screen, "扣9分") {
		t.Errorf("the score pane of 3.1 should say 加9分，封顶6分 and never 扣9分:\n%s", screen)
	}
}
