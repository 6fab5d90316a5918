package tui

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/report"
)

// lookedBack takes what the unit's last signed period left, read with the
// state; a failure to read it is said on the status line, and the
// workbench works on without it.
func (wb *workbench) lookedBack(l *assessment.Lookback, err error) {
	wb.lookback = l
	if err != nil {
		wb.failure = errText(wb.c.l, err)
	}
}

// relapsed reports whether a closed problem of last period is found again
// now, as the inspector records: its rule deducts, and when the rule is
// recorded as items, one of them reads as the problem's item.
func (wb *workbench) relapsed(e assessment.EarlierProblem) bool {
	if !e.Closed() || e.NowRule == "" || wb.res == nil {
		return false
	}
	ref, ok := wb.rb.Rule(e.NowRule)
	if !ok {
		return false
	}
	ir, ok := wb.res.Indicator(ref.Indicator.ID)
	if !ok || ir.Bonus {
		return false
	}
	for _, rr := range ir.Rules {
		if rr.ID() != e.NowRule {
			continue
		}
		veto := rr.Vetoed()
		if !veto && rr.Amount <= 0 {
			return false
		}
		its := wb.items[e.NowRule]
		if len(its) == 0 {
			return e.RepeatedBy("")
		}
		for _, it := range its {
			if e.RepeatedBy(it.Text) {
				return true
			}
		}
		return false
	}
	return false
}

// earlierLines are the indicator pane's lines on last period's problems
// under the indicator: "上年问题：1.2.a 殡葬（已销号）", 反弹 beside one
// found again.
func (wb *workbench) earlierLines(indicator string, inner int) []string {
	list := wb.lookback.On(indicator)
	if len(list) == 0 {
		return nil
	}
	l := wb.c.l
	parts := make([]string, len(list))
	relapse := false
	for i, e := range list {
		parts[i] = report.EarlierText(l, e)
		if wb.relapsed(e) {
			parts[i] += " " + l.Lookback.Relapse
			relapse = true
		}
	}
	style := wb.c.styles.Dim
	if relapse {
		style = wb.c.styles.Warning
	}
	var out []string
	for _, s := range wrapPrefixed(l.Lookback.Earlier, strings.Join(parts, l.Lookback.Sep), inner) {
		out = append(out, style.Render(s))
	}
	return out
}

// unmappedLines are the score pane's lines on last period's problems
// whose indicator this rubric no longer has: listed, not dropped, one a
// line under their heading.
func (wb *workbench) unmappedLines(inner int) []string {
	if wb.lookback == nil || len(wb.lookback.Unmapped) == 0 {
		return nil
	}
	l := wb.c.l
	out := appendWrapped(nil, wb.c.styles.Dim, "", fmt.Sprintf(l.Lookback.Unmapped, wb.lookback.Period()), inner)
	for _, e := range wb.lookback.Unmapped {
		out = appendWrapped(out, wb.c.styles.Dim, " ", report.EarlierText(l, e), inner)
	}
	return out
}

// itemRelapsed reports whether an item recorded on a rule now repeats a
// problem closed last period (its rule deducts: the item is a finding).
func (wb *workbench) itemRelapsed(rule, text string) bool {
	for _, e := range wb.lookback.On(wb.indicatorOf(rule)) {
		if e.NowRule == rule && e.RepeatedBy(text) && wb.relapsed(e) {
			return true
		}
	}
	return false
}

// indicatorOf is the indicator of a rule of the rubric, "" for none.
func (wb *workbench) indicatorOf(rule string) string {
	if ref, ok := wb.rb.Rule(rule); ok {
		return ref.Indicator.ID
	}
	return ""
}
