package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
)

// The navigator tells every indicator apart at the narrowest layout
// (6.4 and 6.5 both begin 积极开展“放管服”改革…).
func TestNavigatorTitlesAreDistinct(t *testing.T) {
	titles := distinctTitles(rubric.Default())
	if titles["6.4"] != "开展…外出考察学习" || titles["6.5"] != "开展…典型经验宣传" {
		t.Errorf("6.4 %q, 6.5 %q", titles["6.4"], titles["6.5"])
	}
	seen := map[string]string{}
	for id, title := range titles {
		head := textwidth.Head(title, 8)
		if other, ok := seen[head]; ok {
			t.Errorf("%s and %s both begin %q", id, other, head)
		}
		seen[head] = id
	}
}

// The indicator pane's first line names the indicator under its category
// (the rubric gives an indicator no title of its own, only 考核内容), so
// the category's title no longer reads as the indicator's: at every width
// the indicator's number is kept and the category's title is cut instead.
func TestIndicatorHeaderNamesItsCategory(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.3")
	h.mustContain("1 行政审批制度改革 / 1.3")
	if strings.Contains(h.screen(), "1.3  行政审批制度改革") {
		t.Fatalf("the category's title reads as 1.3's:\n%s", h.screen())
	}
	h.send(tea.WindowSizeMsg{Width: 72, Height: 24})
	h.gotoIndicator("2.1") // a category title longer than the pane
	_, cw, _ := h.m.wb.layout()
	head := ansi.Strip(h.m.wb.indicatorView(cw, 24)[1])
	if !strings.Contains(head, "… / 2.1") {
		t.Fatalf("a long category title must be cut before the indicator's number: %q", head)
	}
}
