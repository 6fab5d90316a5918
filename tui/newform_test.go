package tui

import (
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// The unit list shows which unit enter takes (the first, or the one the
// arrows moved to, among those matching what was typed), and enter takes
// exactly that one.
func TestNewFormEnterTakesTheShownUnit(t *testing.T) {
	h := newHarness(t)
	h.keys("b n")
	h.mustContain("> 吉首市")
	h.keys("enter")
	if got := h.m.form.unitInput.Value(); got != "吉首市" {
		t.Fatalf("enter without ↓ took unit %q, the form showed > 吉首市", got)
	}
	h.keys("esc n 泸")
	h.mustContain("> 泸溪县")
	h.keys("enter")
	if got := h.m.form.unitInput.Value(); got != "泸溪县" {
		t.Fatalf("typed 泸 then enter took unit %q, the form showed > 泸溪县", got)
	}
	h.keys("esc n down down enter")
	if got := h.m.form.unitInput.Value(); got != "凤凰县" {
		t.Fatalf("↓↓ enter took unit %q", got)
	}
	// A unit the rubric does not list is taken as typed.
	h.keys("esc n 州本级 enter")
	if got := h.m.form.unitInput.Value(); got != "州本级" {
		t.Fatalf("typed 州本级 then enter took unit %q", got)
	}
	// ↑ above the first suggestion keeps what was typed.
	h.keys("esc n 吉首 up enter")
	if got := h.m.form.unitInput.Value(); got != "吉首" {
		t.Fatalf("typed 吉首 ↑ enter took unit %q", got)
	}
}

// The form folds full-width digits (２０２１ is 2021, the same assessment),
// takes the stored rubric whose year is the period's unless one was
// chosen, and asks when no single rubric is for the period.
func TestNewFormPeriodAndRubricOfTheYear(t *testing.T) {
	h := newHarness(t)
	next := *rubric.Default()
	next.Version, next.Title = "2022", "二〇二二年度考核指标"
	if _, err := h.s.AddRubric(&next); err != nil {
		t.Fatal(err)
	}
	h.keys("b n 吉首市 enter backspace backspace backspace backspace ２０２１ enter")
	if h.m.front != screenWorkbench || h.m.wb.a.ID != h.a.ID {
		t.Fatalf("２０２１ did not open 吉首市/2021: %+v\n%s", h.m.wb.a, h.screen())
	}
	h.keys("b n 泸溪县 enter backspace backspace backspace backspace 2022")
	h.mustContain("考核指标：二〇二二年度考核指标 2022")
	h.keys("enter")
	if h.m.front != screenWorkbench || h.m.wb.a.RubricVersion != "2022" || h.m.wb.a.Period != "2022" {
		t.Fatalf("泸溪县 2022 was made on %+v", h.m.wb.a)
	}
	h.keys("b n 凤凰县 enter backspace backspace backspace backspace 2023 enter")
	if h.m.front != screenNew {
		t.Fatalf("2023, which no rubric is for, was created: %+v", h.m.wb.a)
	}
	h.mustContain("年度 2023 没有唯一对应的考核指标")
	// ↓ picks the other rubric (and proposes its year); the period is typed again.
	h.keys("down enter tab backspace backspace backspace backspace 2023 enter")
	if h.m.front != screenWorkbench || h.m.wb.a.RubricVersion != "2022" || h.m.wb.a.Period != "2023" {
		t.Fatalf("the chosen rubric was not used: %+v\n%s", h.m.wb.a, h.screen())
	}
}
