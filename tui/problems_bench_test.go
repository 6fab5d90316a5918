package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
)

// manyProblems is an office's load on the 问题 screen: 10 periods × 120
// units × 30 problems (36,000), a third with a due date past.
func manyProblems(b *testing.B) *problemsScreen {
	b.Helper()
	m := New(Options{Labels: i18n.For("zh"), Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }})
	m.c.w, m.c.h = 120, 40
	s := newProblemsScreen(m.c)
	var msg problemsMsg
	for period := range 10 {
		for unit := range 120 {
			aid := fmt.Sprintf("%d/%d", period, unit)
			for n := range 30 {
				p := assessment.Problem{Key: fmt.Sprintf("%d.%d.a", n/5+1, n%5+1), Indicator: fmt.Sprintf("%d.%d", n/5+1, n%5+1),
					Points: decimal.FromInt(1), Status: problemStates()[n%4]}
				p.ID = p.Key
				if n%3 == 0 {
					p.Record = &assessment.ProblemRecord{Due: "2026-11-20", Status: p.Status}
				}
				msg.rows = append(msg.rows, problemRow{aid: aid, unit: fmt.Sprintf("单位%03d", unit), period: fmt.Sprint(2017 + period), p: p, found: "缺少办事指南"})
			}
		}
	}
	s.setRows(msg)
	s.sel = len(s.shown) / 2
	return s
}

// Drawing the screen over 36,000 problems draws only what is in the room.
func BenchmarkProblemsScreenView(b *testing.B) {
	s := manyProblems(b)
	b.ResetTimer()
	for b.Loop() {
		s.view()
	}
}

// The text filter over 36,000 problems, as each typed character runs it.
func BenchmarkProblemsScreenFilter(b *testing.B) {
	s := manyProblems(b)
	s.text.SetValue("单位042")
	b.ResetTimer()
	for b.Loop() {
		s.applyFilter()
	}
}
