package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// cleanFigure is what a clean pass types for a rule that takes a figure:
// the target (shortfall, ratio), the full mark (convert), 0 (discretion).
func cleanFigure(r *rubric.Rule) string {
	switch r.Kind {
	case rubric.Shortfall, rubric.Ratio:
		return r.Target.String()
	case rubric.Convert:
		return r.FullMark().String()
	case rubric.Discretion:
		return "0"
	}
	return ""
}

// A clean pass of the whole seed rubric — o on each indicator,
// the figures the seed asks for typed, 0 for the bonus — records every rule,
// totals 100.00 and takes at most 80 keystrokes.
func TestCleanPassOfTheSeedRubric(t *testing.T) {
	h := newHarness(t)
	presses := 0
	var trail []string
	press := func(seq string) {
		for _, tok := range strings.Fields(seq) {
			presses += len(keyMsgs(tok))
		}
		h.keys(seq)
		trail = append(trail, h.m.wb.place().indicator+":"+seq)
	}
	for guard := 0; guard < 200; guard++ {
		wb := h.m.wb
		ind := wb.current()
		r := wb.selectedRule()
		if ind == nil {
			t.Fatalf("the pass left the indicators after %d keys:\n%s", presses, h.screen())
		}
		if _, recorded := wb.findings[r.ID]; recorded {
			if wb.res.Progress.IndicatorsRecorded == wb.res.Progress.IndicatorsTotal {
				break
			}
			t.Fatalf("%s is selected but recorded (after %d keys):\n%s", r.ID, presses, h.screen())
		}
		switch r.Kind {
		case rubric.Flag, rubric.Count:
			press("o")
		case rubric.Bonus:
			press("0")
		default:
			press(cleanFigure(r) + " enter")
			if _, ok := wb.findings[r.ID]; !ok {
				t.Fatalf("%s not recorded after typing %s:\n%s", r.ID, cleanFigure(r), h.screen())
			}
			if h.m.wb.selectedRule().ID == r.ID { // nothing left here: move on
				press("o")
			}
		}
		if wb.res.Progress.IndicatorsRecorded == wb.res.Progress.IndicatorsTotal {
			break
		}
	}
	res := h.m.wb.res
	t.Logf("clean pass of the seed rubric: %d keystrokes: %s", presses, strings.Join(trail, " | "))
	if got := res.Total.Fixed(2); got != "100.00" {
		t.Errorf("total %s, want 100.00", got)
	}
	st, err := h.s.State(h.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	fs := st.Findings()
	for _, ind := range h.m.wb.rb.Indicators() {
		for _, r := range ind.Rules {
			if _, ok := fs[r.ID]; !ok {
				t.Errorf("%s not recorded in the database", r.ID)
			}
		}
	}
	if presses > 80 {
		t.Errorf("a clean pass took %d keystrokes, more than 80", presses)
	}
	h.keys("]")
	h.mustContain("全部规则已记录")
}
