package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// clean is every rule of rb recorded as deducting nothing: no flag found,
// no item missing, every target met.
func clean(t *testing.T, rb *rubric.Rubric) []store.Change {
	t.Helper()
	var out []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			var v scoring.Value
			switch r.Kind {
			case rubric.Flag, rubric.Bonus, rubric.Veto:
				v = scoring.BoolValue(false)
			case rubric.Count:
				v = scoring.NumValue(0)
				if r.Form() == rubric.FormList {
					v = scoring.ListValue()
				}
			case rubric.Shortfall, rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			case rubric.Discretion:
				v = scoring.NumValue(decimal.Dec(0))
			default:
				t.Fatalf("no clean value for a %s rule", r.Kind)
			}
			out = append(out, store.SetRule(r.ID, v, ""))
		}
	}
	return out
}

// lastYear stores 吉首市's signed 2020 assessment under the default rubric:
// nothing deducted but for 1.1.a found (未开展事项梳理) and two items on 1.2.a
// (殡葬, 人防); 1.1.a and 殡葬 were rectified and closed (已销号), 人防 left
// open.
func lastYear(t *testing.T, s *store.Store, id store.Identity) {
	t.Helper()
	a := seed.Assessment(t, s, id, "吉首市", "2020")
	seed.Record(t, s, id, a.ID, clean(t, rubric.Default())...)
	seed.Record(t, s, id, a.ID, store.Retract("1.2.a"), seed.SetJSON(t, "1.1.a", "true", "未开展事项梳理"))
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := store.ProblemsOf(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Found == "人防" {
			continue
		}
		for _, act := range []store.ProblemAction{{Action: assessment.ActionRectify, Measure: "已整改"}, {Action: assessment.ActionClose}} {
			if _, err := s.ActOnProblems(id, a.ID, []string{p.ID}, false, act); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// 回头看 in the workbench: opening 吉首市 2021 shows on each indicator the
// problems 2020 found there and their state; 殡葬, closed last year and
// recorded again this year, is marked 反弹, and 1.1.a becomes 反弹 the
// moment the inspector records it found again (1), as the score changes.
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
	lastYear(t, s, id)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	var cs []store.Change
	for _, c := range clean(t, rubric.Default()) {
		if c.Subject != "1.1.a" && c.Subject != "1.2.a" {
			cs = append(cs, c)
		}
	}
	seed.Record(t, s, id, a.ID, cs...)
	if _, err := s.AddItem(id, a.ID, "1.2.a", "殡葬", nil, ""); err != nil {
		t.Fatal(err)
	}
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	h := &harness{t: t, be: be, s: s, a: a, m: New(Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond,
		PollInterval: -1, Dark: true, Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }})}
	h.send(tea.WindowSizeMsg{Width: 160, Height: 50})
	h.run(h.m.Init())
	h.run(loadState(be, a.ID))
	if h.m.front != screenWorkbench || h.m.wb.a.ID != a.ID {
		t.Fatalf("2021 did not open:\n%s", h.screen())
	}
	h.mustContain("上年问题：1.1.a 未开展事项梳理（已销号）")
	if strings.Contains(h.screen(), "反弹") {
		t.Fatalf("1.1.a is not recorded in 2021, yet a relapse is shown:\n%s", h.screen())
	}
	h.keys("1") // 1.1.a found again
	h.mustContain("上年问题：1.1.a 未开展事项梳理（已销号） 反弹")
	h.gotoIndicator("1.2")
	h.mustContain("上年问题：1.2.a 殡葬（已销号） 反弹；1.2.a 人防（待整改）")
	h.gotoIndicator("1.3")
	if strings.Contains(h.screen(), "上年问题") {
		t.Fatalf("1.3 had no problem in 2020:\n%s", h.screen())
	}
}
