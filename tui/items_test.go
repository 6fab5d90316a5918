package tui

import (
	"strings"
	"testing"
)

// On count rule 1.2.a, i opens a line under the rule; the text typed and
// enter add it as an item: it is listed under the rule, the rule's value
// is the items' number and the score follows. The same text again is
// refused, naming the item, and adds nothing.
func TestAddItemOnACountRule(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.2")
	for _, text := range []string{"殡葬", "人防"} {
		h.keys("i")
		h.mustContain("新条目：") // else: i did not open the item prompt
		h.typeText(text)
		h.keys("enter")
	}
	st, err := h.s.State(h.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if items := st.Items("1.2.a"); len(items) != 2 || items[0].Text != "殡葬" || items[1].Text != "人防" || items[0].Inspector != "张三" {
		t.Fatalf("items: %+v", items)
	}
	h.mustContain("1. 殡葬  张三", "2. 人防  张三", "[2]", "→ -0.40") // else: the rule does not show its items or their count
	h.keys("i")
	h.typeText("殡葬")
	h.keys("enter")
	if !strings.Contains(h.screen(), "已有条目") {
		t.Fatalf("the same text twice was not refused:\n%s", h.screen())
	}
	st, _ = h.s.State(h.a.ID)
	if n := len(st.Items("1.2.a")); n != 2 {
		t.Fatalf("%d items after a refused duplicate", n)
	}
	// A flag rule takes no items: i does nothing there.
	h.keys("tab")
	h.keys("i")
	if h.m.wb.dialogs.top() != nil {
		t.Fatal("i opened an item prompt on a flag rule")
	}
}
