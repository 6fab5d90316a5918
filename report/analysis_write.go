package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
)

// CommonColumns are the 共性问题's header cells.
func (r *Report) CommonColumns() []string {
	l := r.labels
	a := &l.Analysis
	return []string{a.Order, l.Indicator, l.Content, l.Points, a.Lost, a.UnitsLost, a.Typical}
}

// TypicalText words an indicator's typical findings on one line:
// 不动产登记（2个单位）、林木采伐（2个单位）.
func TypicalText(l *i18n.Labels, ts []Typical) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf(l.Analysis.TypicalCount, t.Text, t.Units)
	}
	return strings.Join(parts, l.Report.ListSep)
}

// commonRecords are the 共性问题 as text cells (header first).
func (r *Report) commonRecords(an *Analysis) [][]string {
	out := [][]string{r.CommonColumns()}
	for i, c := range an.Common {
		out = append(out, []string{strconv.Itoa(i + 1), c.Indicator, c.Content, c.Max.Fixed(2), c.Lost.Fixed(2),
			fmt.Sprintf("%d/%d", c.Units, c.Among), TypicalText(r.labels, c.Typical)})
	}
	return out
}

// MarginColumns are the 名次差距's header cells.
func (r *Report) MarginColumns() []string {
	l := r.labels
	return []string{l.Rank, l.Unit, l.Total, l.Unit, l.Total, l.Analysis.MarginTitle, l.Remark}
}

// SwapText is what swaps a pair (MarginText without the figures).
func SwapText(l *i18n.Labels, m Margin) string {
	a := &l.Analysis
	switch {
	case m.Vetoed:
		return fmt.Sprintf(a.VetoedBelow, m.Lower)
	case len(m.Swap) == 0:
		return a.NoneSwaps
	case m.Single:
		return fmt.Sprintf(a.Swaps, changeWithEffect(l, m.Swap[0]))
	}
	parts := make([]string, len(m.Swap))
	for i, c := range m.Swap {
		parts[i] = changeWithEffect(l, c)
	}
	return a.NoSingle + a.Sep + fmt.Sprintf(a.SwapTogether, strings.Join(parts, l.Report.ListSep))
}

// marginRecords are the margins as text cells (header first); the rank
// column names the pair's places (1–2).
func (r *Report) marginRecords(an *Analysis) [][]string {
	out := [][]string{r.MarginColumns()}
	for i, m := range an.Margins {
		out = append(out, []string{fmt.Sprintf("%d–%d", i+1, i+2), m.Upper, m.UpperTotal.Fixed(2), m.Lower, m.LowerTotal.Fixed(2),
			m.Margin.Fixed(2), SwapText(r.labels, m)})
	}
	return out
}

// CompareColumns are the comparison's header cells.
func (r *Report) CompareColumns() []string {
	l := r.labels
	a := &l.Analysis
	c := r.Compare
	cols := []string{l.Unit, fmt.Sprintf(a.TotalIn, c.Period), fmt.Sprintf(a.TotalIn, c.Earlier), a.Change,
		fmt.Sprintf(a.RankIn, c.Period), fmt.Sprintf(a.RankIn, c.Earlier), a.RankChange}
	for _, cc := range c.Categories {
		cols = append(cols, fmt.Sprintf(a.CategoryChange, cc.ID))
	}
	return cols
}

// RankChangeText words a change of rank: 上升1位, 下降2位, 持平.
func RankChangeText(l *i18n.Labels, n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf(l.Analysis.RankUp, n)
	case n < 0:
		return fmt.Sprintf(l.Analysis.RankDown, -n)
	}
	return l.Analysis.RankSame
}

// signed is a change with its sign: +0.40, -1.00, 0.00.
func signed(d decimal.Dec) string {
	if d > 0 {
		return "+" + d.Fixed(2)
	}
	return d.Fixed(2)
}

// compareRecords are the comparison's units as text cells (header first).
func (r *Report) compareRecords() [][]string {
	l := r.labels
	out := [][]string{r.CompareColumns()}
	for _, u := range r.Compare.Units {
		rec := []string{u.Unit, u.Total.Fixed(2), u.EarlierTotal.Fixed(2), signed(u.Change),
			strconv.Itoa(u.Rank), strconv.Itoa(u.EarlierRank), RankChangeText(l, u.RankChange)}
		for _, d := range u.Categories {
			if d.Matched {
				rec = append(rec, signed(d.Change))
			} else {
				rec = append(rec, l.Analysis.None)
			}
		}
		out = append(out, rec)
	}
	return out
}

// CompareNotes are the lines under the comparison: which rubrics, the
// units assessed in one period only, and what has no counterpart.
func (r *Report) CompareNotes() []string {
	l := r.labels
	a := &l.Analysis
	c := r.Compare
	var out []string
	if c.Rubric == c.EarlierRubric {
		out = append(out, fmt.Sprintf(a.SameRubric, clean(c.Rubric)))
	} else {
		out = append(out, fmt.Sprintf(a.RubricChanged, clean(c.Rubric), clean(c.EarlierRubric)))
	}
	if len(c.OnlyNow) > 0 {
		out = append(out, fmt.Sprintf(a.OnlyIn, c.Period, strings.Join(c.OnlyNow, l.Report.ListSep)))
	}
	if len(c.OnlyEarlier) > 0 {
		out = append(out, fmt.Sprintf(a.OnlyIn, c.Earlier, strings.Join(c.OnlyEarlier, l.Report.ListSep)))
	}
	items := func(format, have, lack string, list []RubricItem) {
		if len(list) == 0 {
			return
		}
		parts := make([]string, len(list))
		for i, it := range list {
			parts[i] = it.ID + " " + it.Text
		}
		out = append(out, fmt.Sprintf(format, have, lack, strings.Join(parts, l.Report.ListSep)))
	}
	items(a.CategoriesOnly, c.Period, c.Earlier, c.CategoriesAdded)
	items(a.CategoriesOnly, c.Earlier, c.Period, c.CategoriesRemoved)
	items(a.IndicatorsOnly, c.Period, c.Earlier, c.IndicatorsAdded)
	items(a.IndicatorsOnly, c.Earlier, c.Period, c.IndicatorsRemoved)
	for _, cc := range c.Categories {
		if cc.EarlierID != "" && !cc.Alike {
			out = append(out, fmt.Sprintf(a.NotAlike, cc.ID+" "+cc.Title))
		}
	}
	return out
}

// analysisTitle is a section's title, with the period when the report
// has the analyses of several.
func (r *Report) analysisTitle(title string, an *Analysis) string {
	if len(r.Analyses) > 1 {
		return title + " " + fmt.Sprintf(r.labels.Analysis.PeriodHeading, an.Period)
	}
	return title
}

// compareTitle is the comparison's heading: 2021与2020比较.
func (r *Report) compareTitle() string {
	return fmt.Sprintf(r.labels.Analysis.CompareHeading, r.Compare.Period, r.Compare.Earlier)
}

// analysisCSV are the analyses and the comparison as CSV records, each
// section under a title line, after a blank line.
func (r *Report) analysisCSV() [][]string {
	a := &r.labels.Analysis
	var recs [][]string
	for i := range r.Analyses {
		an := &r.Analyses[i]
		recs = append(recs, []string{}, []string{r.analysisTitle(a.CommonTitle, an)})
		if len(an.Common) == 0 {
			recs = append(recs, []string{a.NoCommon})
		} else {
			recs = append(recs, r.commonRecords(an)...)
		}
		recs = append(recs, []string{}, []string{r.analysisTitle(a.MarginTitle, an)})
		if len(an.Margins) == 0 {
			recs = append(recs, []string{a.NoPairs})
		} else {
			recs = append(recs, r.marginRecords(an)...)
		}
	}
	if r.Compare != nil {
		recs = append(recs, []string{}, []string{a.CompareTitle + " " + r.compareTitle()})
		recs = append(recs, r.compareRecords()...)
		for _, n := range r.CompareNotes() {
			recs = append(recs, []string{n})
		}
	}
	return recs
}

// analysisMarkdown writes the analyses and the comparison as Markdown
// sections.
func (r *Report) analysisMarkdown(b *strings.Builder) {
	a := &r.labels.Analysis
	for i := range r.Analyses {
		an := &r.Analyses[i]
		fmt.Fprintf(b, "\n## %s\n\n", mdCell(r.analysisTitle(a.CommonTitle, an)))
		if len(an.Common) == 0 {
			fmt.Fprintf(b, "%s\n", a.NoCommon)
		} else {
			mdTable(b, r.commonRecords(an))
		}
		fmt.Fprintf(b, "\n## %s\n\n", mdCell(r.analysisTitle(a.MarginTitle, an)))
		if len(an.Margins) == 0 {
			fmt.Fprintf(b, "%s\n", a.NoPairs)
		}
		for _, m := range an.Margins {
			fmt.Fprintf(b, "- %s\n", mdCell(MarginText(r.labels, m)))
		}
	}
	if r.Compare != nil {
		fmt.Fprintf(b, "\n## %s\n\n", mdCell(a.CompareTitle+" "+r.compareTitle()))
		mdTable(b, r.compareRecords())
		b.WriteString("\n")
		for _, n := range r.CompareNotes() {
			fmt.Fprintf(b, "- %s\n", mdCell(n))
		}
	}
}

// MarginShort words a margin for a narrow screen: the pair, the margin and
// the change that swaps them (the first of a set, with how many more),
// without the rules' names.
func MarginShort(l *i18n.Labels, m Margin) string {
	a := &l.Analysis
	head := fmt.Sprintf(a.Pair, m.Upper, m.Lower, m.Margin.Fixed(2))
	short := func(c Change) string {
		return c.Unit + " " + c.Rule + " " + FormatValue(l, &c.From) + " → " + FormatValue(l, &c.To) + fmt.Sprintf(a.Effect, signed(c.Effect))
	}
	switch {
	case m.Vetoed:
		return head + fmt.Sprintf(a.VetoedBelow, m.Lower)
	case len(m.Swap) == 0:
		return head + a.NoneSwaps
	case m.Single:
		return head + short(m.Swap[0])
	}
	return head + fmt.Sprintf(a.Together, short(m.Swap[0]), len(m.Swap)-1)
}
