package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// SelfGapRow is one indicator a unit claimed more for in its
// self-assessment (自评) than was verified: a 虚报 candidate.
type SelfGapRow struct {
	Unit      string      `json:"unit"`
	Period    string      `json:"period"`
	Indicator string      `json:"indicator"`
	Content   string      `json:"content"`
	Claimed   decimal.Dec `json:"claimed"`
	Score     decimal.Dec `json:"score"`
	Gap       decimal.Dec `json:"gap"`
}

// selfGapRows are st's indicators verified lower than claimed, largest
// gap first.
func selfGapRows(st *store.State, res *scoring.Result) []SelfGapRow {
	var out []SelfGapRow
	for _, g := range assessment.SelfGaps(res, st.SelfScores()) {
		content := ""
		if _, in, ok := st.Rubric.Indicator(g.Indicator); ok {
			content = clean(in.Content)
		}
		out = append(out, SelfGapRow{Unit: st.Assessment.Unit, Period: st.Assessment.Period, Indicator: g.Indicator, Content: content,
			Claimed: g.Claimed, Score: g.Score, Gap: g.Gap})
	}
	return out
}

// SelfGapColumns are the 自评差异's header cells.
func (r *Report) SelfGapColumns() []string {
	l := r.labels
	w := l.SelfAssess
	return []string{w.GapUnit, l.Period, w.Indicator, w.Content, w.GapClaimed, w.GapScore, w.GapBy}
}

// selfGapRecords are the 自评差异 as text cells (header first).
func (r *Report) selfGapRecords() [][]string {
	out := [][]string{r.SelfGapColumns()}
	for _, g := range r.SelfGaps {
		out = append(out, []string{g.Unit, g.Period, g.Indicator, g.Content, g.Claimed.Fixed(2), g.Score.Fixed(2), g.Gap.Fixed(2)})
	}
	return out
}

// selfGapCSV is the 自评差异 under its title line, after a blank line;
// nothing when no unit claimed more than verified.
func (r *Report) selfGapCSV() [][]string {
	if len(r.SelfGaps) == 0 {
		return nil
	}
	return append([][]string{{}, {r.labels.SelfAssess.GapSheet}}, r.selfGapRecords()...)
}

// selfGapMarkdown writes the 自评差异 as a Markdown section.
func (r *Report) selfGapMarkdown(b *strings.Builder) {
	if len(r.SelfGaps) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", mdCell(r.labels.SelfAssess.GapSheet))
	mdTable(b, r.selfGapRecords())
}

// selfGapSheet is the 自评差异 sheet.
func (r *Report) selfGapSheet(w *sheetWriter) error {
	cols := r.SelfGapColumns()
	w.sheetTitle(r.titled(r.labels.SelfAssess.GapSheet, r.Period), cols)
	widths := []float64{12, 8, 8, 50, 9, 9, 9}
	for i, g := range r.SelfGaps {
		y := i + 3
		w.text(1, y, g.Unit, w.style.center)
		w.text(2, y, g.Period, w.style.center)
		w.text(3, y, g.Indicator, w.style.center)
		w.text(4, y, g.Content, w.style.text)
		w.num(5, y, g.Claimed, w.style.number)
		w.num(6, y, g.Score, w.style.number)
		w.num(7, y, g.Gap, w.style.boldNumber)
	}
	w.widths(widths...)
	return w.flush()
}
