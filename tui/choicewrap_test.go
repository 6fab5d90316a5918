package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// On a narrow terminal a label band's numbered choices wrap between
// choices, never between a number and its label: "3" alone at the end of a
// line with 差（0分） below reads as a fourth, unnamed choice.
func TestNumberedLabelsWrapWholeChoices(t *testing.T) {
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
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond, PollInterval: -1, Dark: true,
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	h := &harness{t: t, m: New(o), be: be, s: s, a: a}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.m.Init())
	h.keys("enter n") // 1.2, the label band 优/良/差
	screen := h.screen()
	for _, want := range []string{"1 优（10分）", "2 良（5分）", "3 差（0分）"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the choice %q is split across lines:\n%s", want, screen)
		}
	}
}

func TestWrapChoicesKeepsEachChoiceWhole(t *testing.T) {
	got := wrapChoices("    ", []string{"1 优（10分）", "2 良（5分）", "3 差（0分）"}, 30)
	want := []string{"    1 优（10分） 2 良（5分）", "    3 差（0分）"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("wrapped as %q, want %q", got, want)
	}
	// A choice wider than the line still shows whole, wrapped on its own lines.
	got = wrapChoices("    ", []string{"1 非常满意非常满意非常满意（10分）", "2 差（0分）"}, 16)
	if joined := strings.Join(got, ""); !strings.Contains(strings.ReplaceAll(joined, " ", ""), "1非常满意非常满意非常满意（10分）2差（0分）") {
		t.Errorf("a long choice lost text: %q", got)
	}
	for _, l := range got {
		if w := len([]rune(l)); w == 0 {
			t.Errorf("empty line in %q", got)
		}
	}
}
