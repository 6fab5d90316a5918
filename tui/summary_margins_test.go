package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store/seed"
)

// summaryOf opens the summary at 80×24 over 吉首市 (the harness's) and the
// other units given, each with its findings (rule, JSON value …).
func summaryOf(t *testing.T, units map[string][]string) *harness {
	t.Helper()
	h := newHarness(t)
	id, _ := h.s.Identity("")
	record := func(aid string, kv []string) {
		for i := 0; i+1 < len(kv); i += 2 {
			seed.Record(t, h.s, id, aid, seed.SetJSON(t, kv[i], kv[i+1], ""))
		}
	}
	for unit, kv := range units {
		if unit == "吉首市" {
			record(h.a.ID, kv)
			continue
		}
		a, _, err := h.s.CreateAssessment(id, rubric.Default(), unit, "2021")
		if err != nil {
			t.Fatal(err)
		}
		record(a.ID, kv)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.keys("b s")
	return h
}

// The summary says how close each rank is, under the ranking, in the
// words worked out by hand in report's tests: 吉首市 99.07 and 泸溪县 99.00
// are 0.07 apart and 吉首市's 2.4.a 89 → 86 (−0.09) swaps them; 花垣县's
// 1.1.a swaps it with 泸溪县. Three units leave room for the legend too.
func TestSummaryShowsRankMargins(t *testing.T) {
	h := summaryOf(t, map[string][]string{
		"吉首市": {"1.2.a", "3", "2.4.a", "89"},
		"泸溪县": {"1.2.a", "8"},
		"花垣县": {"1.1.a", "true", "1.2.a", "2"},
	})
	h.mustContain("2021年度名次差距",
		"吉首市/泸溪县 相差 0.07：吉首市 2.4.a 89 → 86（-0.09）",
		"泸溪县/花垣县 相差 0.40：花垣县 1.1.a 是 → 否（+1.00）",
		"7 “放管服”")
	if strings.Contains(h.screen(), "最接近") {
		t.Errorf("every pair is shown, yet headed as the closest:\n%s", h.screen())
	}
}

// Eight units at 80×24: the three closest pairs, in ranking order, take
// the place of the categories' legend; every line fits the width.
func TestSummaryShowsTheClosestRanksAt80x24(t *testing.T) {
	h := summaryOf(t, map[string][]string{
		"吉首市": {"1.2.a", "3", "2.4.a", "89"},   // 99.07
		"泸溪县": {"1.2.a", "8"},                  // 99.00
		"凤凰县": {"1.1.a", "true"},               // 99.00, tied with 泸溪县
		"花垣县": {"1.1.a", "true", "1.2.a", "2"}, // 98.60
		"保靖县": {"2.8.a", "2"},                  // 98.00
		"古丈县": {"2.8.a", "3"},                  // 97.00
		"永顺县": {"2.8.a", "5"},                  // 95.00
		"龙山县": {"2.7.a", "10"},                 // 95.00, tied with 永顺县
	})
	screen := h.screen()
	golden(t, "screen_zh_summary_margins", screen+"\n")
	h.mustContain("2021年度名次差距（最接近的3对）", "凤凰县/泸溪县 相差 0.00", "永顺县/龙山县 相差 0.00", "吉首市/凤凰县 相差 0.07")
	for i, line := range strings.Split(screen, "\n") {
		if w := textwidth.Width(line); w > 80 {
			t.Errorf("line %d is %d wide: %q", i+1, w, line)
		}
	}
}
