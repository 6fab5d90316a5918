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
	"github.com/kaohe/kaohe/store/seed"
)

// 回头看 in the workbench: opening 吉首市 2021 shows on each indicator the
// problems 2020 found there and their state; 殡葬, closed last year and
// recorded again this year, is marked 反弹, and 1.1.a becomes 反弹 the
// moment the inspector records it found again (1), as the score changes;
// 1.3.a, closed and clean this year, is shown without.
func TestWorkbenchShowsLastYearsProblemsAndRelapse(t *testing.T) {
	s, err := store.Open(filepath.Join(fastDir(t), "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	seed.LastYear(t, s, id, "吉首市", "2020")
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	var cs []store.Change
	for _, c := range seed.Clean(rubric.Default()) {
		if c.Subject != "1.1.a" && c.Subject != "1.2.a" {
			cs = append(cs, c)
		}
	}
	seed.Record(t, s, id, a.ID, cs...)
	if _, err := s.AddItem(id, a.ID, "1.2.a", "殡葬", nil, ""); err != nil {
		t.Fatal(err)
	}
	h := openAt(t, s, a)
	h.mustContain("上年问题：1.1.a 未开展事项梳理（已销号）")
	if strings.Contains(h.screen(), "反弹") {
		t.Fatalf("1.1.a is not recorded in 2021, yet a relapse is shown:\n%s", h.screen())
	}
	h.keys("1") // 1.1.a found again
	h.mustContain("上年问题：1.1.a 未开展事项梳理（已销号） 反弹")
	h.gotoIndicator("1.2")
	h.mustContain("上年问题：1.2.a 殡葬（已销号） 反弹；1.2.a 人防（待整改）")
	h.mustContain("1. 殡葬  张三  [反弹]")
	h.gotoIndicator("1.3")
	h.mustContain("上年问题：1.3.a（已销号）")
	h.gotoIndicator("1.4")
	if strings.Contains(h.screen(), "上年问题") {
		t.Fatalf("1.4 had no problem in 2020:\n%s", h.screen())
	}
}

// Under next year's rubric, whose 1.1 and 1.2 swapped places and whose 1.3
// is gone, 2020's problems follow their words: 事项梳理's under 1.2 as
// 1.2.a, 殡葬 and 人防 under 1.1 as 1.1.a (殡葬 反弹 again), and 1.3.a is
// listed in the score pane as having no indicator any more, not dropped.
func TestWorkbenchLooksBackAcrossAChangedRubric(t *testing.T) {
	s, err := store.Open(filepath.Join(fastDir(t), "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	seed.LastYear(t, s, id, "吉首市", "2020")
	rb := seed.NextYearRubric(t)
	a, _, err := s.CreateAssessment(id, rb, "吉首市", "2021")
	if err != nil {
		t.Fatal(err)
	}
	seed.Record(t, s, id, a.ID, seed.Clean(rb)...)
	seed.Record(t, s, id, a.ID, store.Retract("1.1.a"))
	if _, err := s.AddItem(id, a.ID, "1.1.a", "殡葬", nil, ""); err != nil {
		t.Fatal(err)
	}
	h := openAt(t, s, a)
	h.mustContain("上年问题：1.1.a 殡葬（已销号） 反弹；1.1.a 人防（待整改）", "2020年问题（本年指标已不存在）", " 1.3.a（已销号）")
	h.gotoIndicator("1.2")
	h.mustContain("上年问题：1.2.a 未开展事项梳理（已销号）")
}

// openAt opens the workbench on assessment a of store s, as the picker
// does, with the test options of harnessOn.
func openAt(t *testing.T, s *store.Store, a store.Assessment) *harness {
	t.Helper()
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	h := &harness{t: t, be: be, s: s, a: a, m: New(Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond,
		PollInterval: -1, Dark: true, Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }})}
	h.send(tea.WindowSizeMsg{Width: 160, Height: 50})
	h.run(h.m.Init())
	h.run(loadState(be, a.ID))
	if h.m.front != screenWorkbench || h.m.wb.a.ID != a.ID {
		t.Fatalf("%s did not open:\n%s", a.Label(), h.screen())
	}
	return h
}

// The 问题 screen marks a problem that repeats one closed last period:
// [反弹] before what was found, in the workbench's scope and in the list
// of every assessment, and the selected one's detail says which 2020
// problem came back.
func TestProblemsScreenMarksRelapse(t *testing.T) {
	s, err := store.Open(filepath.Join(fastDir(t), "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	seed.LastYear(t, s, id, "吉首市", "2020")
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, a.ID, seed.Clean(rubric.Default())...)
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "1.1.a", "true", "仍未开展"), store.Retract("1.2.a"))
	for _, text := range []string{"殡葬", "水土保持"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	h := openAt(t, s, a)
	h.keys("P")
	if h.m.front != screenProblems {
		t.Fatalf("P did not open the 问题 screen:\n%s", h.screen())
	}
	check := func() {
		t.Helper()
		h.mustContain("[反弹] 仍未开展", "[反弹] 殡葬", "反弹：2020年 1.1.a 未开展事项梳理 已销号，本年再次扣分")
		if strings.Contains(h.screen(), "[反弹] 水土保持") {
			t.Errorf("水土保持 is new in 2021, yet marked 反弹:\n%s", h.screen())
		}
	}
	check()
	h.keys("b b")
	h.keys("P") // from the list: every assessment
	if h.m.front != screenProblems {
		t.Fatalf("P in the list did not open the 问题 screen:\n%s", h.screen())
	}
	h.mustContain("吉首市 2020")
	for range 4 { // past 2020's problems to 2021's first
		if h.m.problems.selected() != nil && h.m.problems.selected().aid == a.ID {
			break
		}
		h.keys("j")
	}
	check()
}
