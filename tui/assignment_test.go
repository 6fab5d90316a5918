package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// at is the ID of the indicator under the cursor.
func (h *harness) at() string {
	if ind := h.m.wb.current(); ind != nil {
		return ind.ID
	}
	return ""
}

// 张三, assigned category 2 of 吉首市, opens the unit at 2.1, sees his
// indicators marked in the navigator, walks with ] and [ only his own
// unrecorded ones (wrapping within category 2), lists only his with l; an
// indicator of category 1 says it is not his and still takes a value;
// once his are all recorded, ] walks on to the others.
func TestAnAssignedInspectorWalksTheirOwnIndicators(t *testing.T) {
	h := harnessOn(t, rubric.Default(), "吉首市", []store.Change{store.SetPlan("张三", []string{"2"}), store.SetPlan("李四", []string{"1", "3"})})
	if h.at() != "2.1" {
		t.Fatalf("opened at %s, want 张三's first indicator 2.1", h.at())
	}
	h.mustContain(">2.1", " 1.1", ">2.8", " 3.1")
	h.keys("[")
	if h.at() != "2.8" {
		t.Fatalf("[ from 2.1 went to %s, want 2.8 (his own, wrapping)", h.at())
	}
	h.keys("]")
	if h.at() != "2.1" {
		t.Fatalf("] from 2.8 went to %s, want 2.1 (not 3.1, 李四's)", h.at())
	}
	h.keys("l")
	if s := h.screen(); !strings.Contains(s, "2.1.a") || strings.Contains(s, "1.1.a") || strings.Contains(s, "3.1.a") {
		t.Fatalf("l lists others' rules:\n%s", s)
	}
	h.keys("esc")
	h.gotoIndicator("1.1")
	h.mustContain("不在我的分工内（我负责类别 2），仍可记录")
	h.keys("0")
	if h.stored("1.1.a") == "" {
		t.Fatal("a value outside the assignment was not recorded")
	}
	var cs []store.Change
	for rule, f := range scoring.FullFindings(h.m.wb.rb) {
		if strings.HasPrefix(rule, "2.") {
			cs = append(cs, store.SetRule(rule, f.Value, f.Note))
		}
	}
	id, _ := h.s.Identity("")
	if _, err := h.s.Record(id, h.a.ID, cs...); err != nil {
		t.Fatal(err)
	}
	h.keys("b enter")
	h.gotoIndicator("2.8")
	h.keys("]")
	if h.at() != "3.1" {
		t.Fatalf("] with his own all recorded went to %s, want the next unrecorded, 3.1", h.at())
	}
}

// 张三 and 李四 score 吉首市 blind: after 李四's laptop is merged into
// 张三's, 张三's workbench shows only his own values (1.2.a his 3, 1.3.a
// unrecorded though 李四 recorded it, no conflict on 1.2.a) with the line
// saying so; once the lead reveals, 李四's values and the disagreement
// show.
func TestABlindDoubleScorerSeesOnlyTheirOwnValues(t *testing.T) {
	plan := []store.Change{store.SetPlan("张三", []string{"1"}), store.SetPlan("李四", []string{"1"}), store.SetDouble("张三", "李四")}
	h := harnessOn(t, rubric.Default(), "吉首市", append(plan, store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(3)), "缺3项")))
	lisi := otherLaptop(t)
	lisi.record(plan...)
	lisi.record(store.SetRule("1.2.a", scoring.NumValue(decimal.FromInt(1)), "缺1项"), store.SetRule("1.3.a", scoring.NumValue(decimal.FromInt(2)), "缺2项"))
	lisi.mergeInto(h)
	h.keys("b")
	if s := h.screen(); !strings.Contains(s, "暂 99.40") {
		t.Fatalf("the list totals 吉首市 with 李四's hidden values (want 张三's own 99.40):\n%s", s)
	}
	h.keys("enter")
	h.mustContain("背靠背评分：对方结果已隐藏，待组长揭示")
	wb := h.m.wb
	if f := wb.findings["1.2.a"]; f.Value.String() != "3" || len(wb.conflicts) != 0 {
		t.Fatalf("blind: 1.2.a shows %s, conflicts %v", f.Value.String(), wb.conflicts)
	}
	if _, ok := wb.findings["1.3.a"]; ok {
		t.Fatal("李四's 1.3.a shows while blind")
	}
	h.gotoIndicator("1.3")
	if strings.Contains(h.screen(), "缺2项") {
		t.Fatalf("李四's note shows while blind:\n%s", h.screen())
	}
	// His edit of 1.2.a, on which the two disagree unseen, is saved over
	// his own value only.
	h.gotoIndicator("1.2")
	h.keys("+")
	if wb := h.m.wb; wb.failure != "" || wb.findings["1.2.a"].Value.String() != "4" {
		t.Fatalf("张三's blind edit of 1.2.a: %q, shows %s", wb.failure, wb.findings["1.2.a"].Value.String())
	}
	st, _ := h.s.State(h.a.ID)
	var heads []string
	for _, hd := range st.Subjects["1.2.a"].Heads {
		heads = append(heads, hd.Inspector+"="+hd.Decoded().Rule.String())
	}
	if got := strings.Join(heads, " "); got != "张三=4 李四=1" && got != "李四=1 张三=4" {
		t.Fatalf("1.2.a heads after 张三's blind edit: %s", got)
	}

	lead := filepath.Join(t.TempDir(), "组长.db")
	ls, err := store.Open(lead, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lid, _ := ls.SetInspector("组长")
	la, _, _ := ls.CreateAssessment(lid, rubric.Default(), "吉首市", "2021")
	if _, err := ls.Record(lid, la.ID, store.Reveal()); err != nil {
		t.Fatal(err)
	}
	ls.Close()
	if _, err := h.s.Merge(lead); err != nil {
		t.Fatal(err)
	}
	h.keys("b enter")
	if strings.Contains(h.screen(), "对方结果已隐藏") {
		t.Fatal("still blind after the reveal")
	}
	wb = h.m.wb
	if _, ok := wb.findings["1.3.a"]; !ok || wb.conflicts["1.2.a"] == nil {
		t.Fatalf("after the reveal: 1.3.a %v, 1.2.a conflict %v", wb.findings["1.3.a"], wb.conflicts["1.2.a"])
	}
}

// The workbench of 张三, assigned categories 2 and 3 of 吉首市 and scoring
// it blind with 李四, at 80×24 and 120×40: his indicators marked with >,
// the header and the status line saying the other's values are hidden,
// and an indicator of category 5 saying it is not his.
func TestGoldenAssignedBlindWorkbench(t *testing.T) {
	h := harnessOn(t, rubric.Default(), "吉首市", []store.Change{store.SetPlan("张三", []string{"2", "3"}), store.SetDouble("张三", "李四")})
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		h.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
		h.gotoIndicator("5.1")
		golden(t, "workbench_assigned_blind_"+size.name, h.screen()+"\n")
	}
}
