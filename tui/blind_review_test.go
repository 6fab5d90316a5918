package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// While scoring blind, the history of a rule or an indicator shows only
// the inspector's own revisions.
func TestABlindScorersHistoryIsTheirOwn(t *testing.T) {
	plan := []store.Change{store.SetPlan("张三", []string{"1"}), store.SetPlan("李四", []string{"1"}), store.SetDouble("张三", "李四")}
	h := harnessOn(t, rubric.Default(), "吉首市", append(plan, store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(3)), "缺3项")))
	lisi := otherLaptop(t)
	lisi.record(plan...)
	lisi.record(store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(1)), "缺1项李四"), store.SetRule("1.3.a", scoring.NumValue(decimal.FromInt(2)), "缺2项李四"))
	lisi.mergeInto(h)
	h.keys("b enter")
	h.mustContain("背靠背评分")
	h.gotoIndicator("1.3")
	h.keys("h")
	s := h.screen()
	if strings.Contains(s, "李四") {
		t.Errorf("history of 1.3 while blind shows 李四's value:\n%s", s)
	}
	h.keys("esc")
	h.gotoIndicator("1.2")
	h.keys("h")
	s = h.screen()
	if strings.Contains(s, "李四") {
		t.Errorf("history of 1.2 while blind shows 李四's value:\n%s", s)
	}
}

// While scoring blind, the sign checks tell nothing of the other's values:
// no conflict with them, no rule counted recorded because they recorded it.
func TestABlindScorersSignChecksAreOfTheirOwnView(t *testing.T) {
	plan := []store.Change{store.SetPlan("张三", []string{"1"}), store.SetPlan("李四", []string{"1"}), store.SetDouble("张三", "李四")}
	h := harnessOn(t, rubric.Default(), "吉首市", append(plan, store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(3)), "缺3项")))
	lisi := otherLaptop(t)
	lisi.record(plan...)
	lisi.record(store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(1)), "缺1项李四"), store.SetRule("1.3.a", scoring.NumValue(decimal.FromInt(2)), "缺2项李四"))
	lisi.mergeInto(h)
	h.keys("b enter")
	h.keys("S")
	s := h.screen()
	if strings.Contains(s, "冲突") || !strings.Contains(s, "1.3.a") {
		t.Errorf("the sign checks while blind tell 李四's values (a conflict on 1.2.a, 1.3.a recorded):\n%s", s)
	}
}

// A refused change does not throw away a prompt opened meanwhile.
func TestARefusedChangeKeepsThePromptBeingTyped(t *testing.T) {
	h := problemsHarness(t)
	h.keys("P")
	s := h.m.problems
	h.moveTo("1.1.a")
	h.keys("r")
	if s.prompt == nil {
		t.Fatalf("no prompt:\n%s", h.screen())
	}
	h.typeText("第一条措施")
	// submit by hand, holding the command back (the store is slow: a big evidence file)
	s.prompt.fields[1].input.SetValue("2026-11-20")
	_ = s.submitPrompt()
	// meanwhile the office opens a prompt on another problem and types
	h.moveTo("2.1.b")
	h.keys("r")
	h.typeText("第二条措施正在输入")
	second := s.prompt
	// the first change comes back refused
	h.send(problemsActedMsg{err: store.ErrNotSigned})
	if s.prompt != second {
		t.Errorf("the prompt being typed was replaced; what was typed is gone:\n%s", h.screen())
	}
}
