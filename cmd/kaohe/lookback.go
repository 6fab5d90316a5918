package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// relapseTag is what the state column adds for a 反弹: " 反弹", or ""
// for a problem that repeats none.
func relapseTag(l *i18n.Labels, e *assessment.EarlierProblem) string {
	if e == nil {
		return ""
	}
	return " " + l.Lookback.Relapse
}

// unmappedLine is the line under the list naming the problems of st's
// last signed period whose indicator its rubric no longer has: listed,
// not dropped ("吉首市/2021 2020年问题（本年指标已不存在）：1.3.a（已销号）").
func unmappedLine(l *i18n.Labels, st *store.State, lb *assessment.Lookback) string {
	parts := make([]string, len(lb.Unmapped))
	for i, e := range lb.Unmapped {
		parts[i] = report.EarlierText(l, e)
	}
	return textwidth.Line(st.Assessment.Label()) + " " + fmt.Sprintf(l.Lookback.Unmapped, lb.Period()) + l.Values.Colon +
		strings.Join(parts, l.Lookback.Sep)
}
