package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// The score pane says the grade, the penalty and a veto beside the total,
// for a rubric that has them (the seed has none, and shows no such line).
func TestScorePaneShowsGradeAndVeto(t *testing.T) {
	h := harnessOn(t, languageRubric(t), "甲县", []store.Change{
		store.SetRule("2.2.a", scoring.BoolValue(true), ""),
		store.SetRule("4.1.a", scoring.NumValue(2_000_000), ""),
	})
	screen := h.screen()
	// 40 − 2 × 2 = 36, 良好 by its total, but vetoed: 不合格.
	for _, want := range []string{"总分 36.00", "扣分项 −4.00", "等次：不合格；一票否决：2.2.a", "瞒报事故"} {
		if !strings.Contains(screen, want) {
			t.Errorf("score pane lacks %q:\n%s", want, screen)
		}
	}
}
