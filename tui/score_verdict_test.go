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

// The score pane says the grade, the penalty and a veto beside the total,
// for a rubric that has them (the seed has none, and shows no such line).
func TestScorePaneShowsGradeAndVeto(t *testing.T) {
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
	if _, err := s.Record(id, a.ID, store.Set("2.2.a", scoring.BoolValue(true), ""), store.Set("4.1.a", scoring.NumValue(2_000_000), "")); err != nil {
		t.Fatal(err)
	}
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond, PollInterval: -1, Dark: true,
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	h := &harness{t: t, m: New(o), be: be, s: s, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	h.keys("enter")
	screen := h.screen()
	// 40 − 2 × 2 = 36, 良好 by its total, but vetoed: 不合格.
	for _, want := range []string{"总分 36.00", "扣分项 −4.00", "等次：不合格；一票否决：2.2.a", "瞒报事故"} {
		if !strings.Contains(screen, want) {
			t.Errorf("score pane lacks %q:\n%s", want, screen)
		}
	}
}
