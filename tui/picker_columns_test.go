package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/rubric"
)

// The list says which rubric each assessment is on, narrow or wide, so
// 吉首市/2022 on the 2021 rubric and on the 2022 one are told apart; a
// withdrawn assessment is not offered.
func TestPickerShowsRubricVersionAndHidesWithdrawn(t *testing.T) {
	h := newHarness(t)
	next := *rubric.Default()
	next.Version, next.Title = "2022", "二〇二二年度考核指标"
	id, _ := h.s.Identity("")
	good, _, err := h.s.CreateAssessment(id, &next, "泸溪县", "2022")
	if err != nil {
		t.Fatal(err)
	}
	wrong, _, err := h.s.CreateAssessment(id, rubric.Default(), "泸溪县", "2022")
	if err != nil {
		t.Fatal(err)
	}
	h.keys("b")
	row := func(version string) string {
		for _, l := range strings.Split(h.screen(), "\n") {
			if strings.Contains(l, "泸溪县") && strings.Contains(l, "2022") && strings.Contains(l, " "+version+" ") {
				return l
			}
		}
		return ""
	}
	for _, w := range []int{80, 120} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 30})
		if row("2021") == "" || row("2022") == "" {
			t.Errorf("at %d columns the two 泸溪县/2022 rows do not say their rubric:\n%s", w, h.screen())
		}
	}
	if _, err := h.s.Withdraw(id, wrong.ID, "误用", false); err != nil {
		t.Fatal(err)
	}
	h.keys("n esc") // back to the list, which reloads
	if strings.Count(h.screen(), "泸溪县") != 1 {
		t.Fatalf("the withdrawn 泸溪县/2022 is still offered:\n%s", h.screen())
	}
	for _, i := range h.m.picker.shown {
		if h.m.picker.states[i].Assessment.ID == wrong.ID {
			t.Fatal("the withdrawn assessment can be opened")
		}
	}
	_ = good
}
