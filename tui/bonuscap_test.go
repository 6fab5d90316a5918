package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// A counted bonus held to its cap (3 × 3 = 9, capped at 6) reads in the
// score pane as what it adds, never as 扣9分.
func TestScorePaneWordsACappedBonusAsAnAddition(t *testing.T) {
	h := harnessOn(t, languageRubric(t), "甲县", []store.Change{store.SetRule("3.1.a", scoring.NumValue(3_000_000), "")})
	h.keys("n n n n n n") // 1.1 → 3.1, the seventh indicator
	screen := h.screen()
	if !strings.Contains(screen, "本指标 3.1") || !strings.Contains(screen, "加9.00分，封顶6.00分") || strings.Contains(screen, "扣9分") {
		t.Errorf("the score pane of 3.1 should say 加9.00分，封顶6.00分 and never 扣9分:\n%s", screen)
	}
}
