package tui

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
)

// scoreView renders the right pane: totals, category bars and why the
// current indicator scores what it does.
func (wb *workbench) scoreView(w, h int) []string {
	inner := w - 2
	l := wb.c.l
	res := wb.res
	var lines []string
	total := l.Total + " " + report.ResultTotalText(l, res)
	lines = append(lines, wb.c.styles.Strong.Render(fit(total, inner)))
	for _, extra := range report.BesideTotalParts(l, wb.rb, res) { // penalty, grade, veto: none in the seed
		style := wb.c.styles.Strong
		if res.Vetoed() {
			style = wb.c.styles.Conflict
		}
		lines = appendWrapped(lines, style, "", extra, inner)
	}
	if wb.rng != nil {
		lines = append(lines, wb.c.styles.Conflict.Render(fit(fmt.Sprintf(l.UI.Range, wb.rng.Min.Fixed(2), wb.rng.Max.Fixed(2)), inner)))
	}
	lines = append(lines, fit(fmt.Sprintf("%s %s / %s", l.Base, res.Base.Fixed(2), res.BaseMax), inner))
	lines = append(lines, fit(fmt.Sprintf("%s %s / %s", l.Bonus, res.Bonus.Fixed(2), res.BonusMax), inner))
	p := res.Progress
	lines = append(lines, fit(fmt.Sprintf("%s %d/%d", l.Progress, p.IndicatorsRecorded, p.IndicatorsTotal), inner))
	lines = append(lines, wb.unmappedLines(inner)...)
	lines = append(lines, "")
	barW := max(inner-16, 2)
	for _, c := range res.Categories {
		label := textwidth.PadRight(c.ID, 2)
		fig := textwidth.PadLeft(scoreOf(c.Score, c.Max), 12)
		lines = append(lines, label+" "+wb.bar(c.Score, c.Max, barW)+" "+fig)
	}
	ind := wb.current()
	if ind != nil {
		ir, _ := res.Indicator(ind.ID)
		lines = append(lines, "", wb.c.styles.Header.Render(fit(l.UI.ThisIndicator+" "+ind.ID, inner)))
		for _, rr := range ir.Rules {
			v := "—"
			if rr.Recorded {
				v = report.FormatValue(l, rr.Value)
			}
			left := " " + rr.ID() + " " + v
			right := rr.Amount.Fixed(2)
			if rr.Capped {
				right = rr.Raw.Fixed(2) + "→" + rr.Amount.Fixed(2)
			}
			lines = append(lines, fit(left, inner-textwidth.Width(right)-1)+" "+right)
			if rr.Capped {
				lines = appendWrapped(lines, wb.c.styles.Capped, "   ", report.CapBound(l, ir.Bonus, rr.Raw, *rr.Cap()), inner)
			}
		}
		for _, g := range ir.Groups {
			if g.Capped {
				lines = appendWrapped(lines, wb.c.styles.Capped, " ", l.GroupCapped+" "+report.CapBound(l, ir.Bonus, g.Raw, g.Cap), inner)
			}
		}
		rawLabel := l.UI.Raw
		if ir.Bonus {
			rawLabel = wb.c.l.Screens.BonusTotal // a bonus is never shown as a deduction
		}
		raw := fmt.Sprintf(" %s %s", rawLabel, ir.Raw.Fixed(2))
		lines = append(lines, fit(raw, inner))
		if ir.Capped {
			lines = appendWrapped(lines, wb.c.styles.Capped, " ", l.IndicatorCapped+" "+report.CapBound(l, ir.Bonus, ir.Raw, ir.Cap), inner)
		}
		sc := " " + fmt.Sprintf(l.UI.ScoreLine, ir.Score.Fixed(2), ir.Max.String())
		if wb.rng != nil {
			if sp, ok := wb.rng.Indicators[ind.ID]; ok && sp.Min != sp.Max {
				sc += fmt.Sprintf(" (%s–%s)", sp.Min.Fixed(2), sp.Max.Fixed(2))
			}
		}
		lines = append(lines, wb.c.styles.Strong.Render(fit(sc, inner)))
	}
	if len(lines) > h-2 { // short window: drop the spacing lines first
		var packed []string
		for _, ln := range lines {
			if ln != "" {
				packed = append(packed, ln)
			}
		}
		lines = packed
	}
	return box(&wb.c.styles, l.UI.ScorePanel, false, lines, w, h)
}

// scoreOf is the one format of a score everywhere: 13.00 / 15.
func scoreOf(score, maxPts decimal.Dec) string { return score.Fixed(2) + " / " + maxPts.String() }

// trim prints a figure without trailing zeros (a band's 6分).
func trim(d decimal.Dec) string { return d.String() }

// bar draws score/max as a bar of ASCII cells (no East-Asian-ambiguous
// glyphs, so it is the same width in every locale).
func (wb *workbench) bar(score, maxPts decimal.Dec, w int) string {
	return drawBar(&wb.c.styles, score, maxPts, w)
}

// drawBar draws score/max in w cells.
func drawBar(styles *Styles, score, maxPts decimal.Dec, w int) string {
	if maxPts <= 0 || w <= 0 {
		return strings.Repeat(" ", max(w, 0))
	}
	full := int(int64(score) * int64(w) / int64(maxPts))
	full = clamp(full, 0, w)
	return styles.BarFull.Render(strings.Repeat("#", full)) + styles.BarEmpty.Render(strings.Repeat("-", w-full))
}
