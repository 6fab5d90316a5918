package tui

import "testing"

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
