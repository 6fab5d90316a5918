package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// The county's self-score shows under the indicator's head: plainly where
// the verified score is not lower (1.1, claimed 2 of 2), with the gap
// where it is (1.3 claimed 3, 0.10 deducted), and not at all where the
// county claimed nothing (1.2).
func TestTheWorkbenchShowsTheSelfScoreBesideTheIndicator(t *testing.T) {
	h := harnessOn(t, rubric.Default(), "吉首市", []store.Change{
		store.SetSelf("1.1", decimal.MustParse("2"), "已建立机制", nil),
		store.SetSelf("1.3", decimal.MustParse("3"), "", nil),
		store.SetRule("1.3.a", scoring.NumValue(decimal.FromInt(1)), "缺1项"),
	})
	h.gotoIndicator("1.1")
	h.mustContain("自评 2：已建立机制")
	h.gotoIndicator("1.3")
	h.mustContain("自评 3，高于核定 0.10")
	h.gotoIndicator("1.2")
	if s := h.screen(); strings.Contains(s, "自评 ") {
		t.Fatalf("1.2, with no self-assessment, shows one:\n%s", s)
	}
}
