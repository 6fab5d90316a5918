package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/xuri/excelize/v2"
)

// PrintTitle is a sheet's title as the office sends it: the period's year,
// the rubric's subject (its title without 考核指标), what the sheet is
// (kind: 考核结果, 考核得分表) and the date of writing — 2021年度县市（区）
// “放管服”改革政务服务工作考核结果（2026年12月2日）. A report of several
// periods names none.
func (r *Report) PrintTitle(kind string) string {
	w := r.labels.Print
	title := subjectOf(r.Title) + kind
	if r.Period != "" {
		title = fmt.Sprintf(w.YearOf, r.Period) + title
	}
	return title + fmt.Sprintf(w.Dated, r.Dated.Format(w.Date))
}

// subjectOf is a rubric's title without the words that say it is the
// rubric (考核指标, 考核细则, 评分标准), and without a trailing 考核: what is
// assessed, for the results' title.
func subjectOf(title string) string {
	for _, suffix := range []string{"考核指标", "考核细则", "考核评分标准", "评分标准", "指标"} {
		if s, ok := strings.CutSuffix(title, suffix); ok && s != "" {
			title = s
			break
		}
	}
	if s, ok := strings.CutSuffix(title, "考核"); ok && s != "" {
		title = s
	}
	return title
}

// multiPeriod says the report covers several periods: the ranking then
// has a period column.
func (r *Report) multiPeriod() bool {
	for _, row := range r.Ranking {
		if row.Period != r.Ranking[0].Period {
			return true
		}
	}
	return false
}

// PublishedColumns are the printed ranking's header cells: only what the
// office publishes (no 进度, 状态 or 冲突, which the 工作表 has).
func (r *Report) PublishedColumns() []string {
	l := r.labels
	cols := []string{l.Rank, l.Unit}
	if r.multiPeriod() {
		cols = append(cols, l.Period)
	}
	cols = append(cols, l.Total, l.Base, l.Bonus)
	for _, c := range r.Categories {
		cols = append(cols, c.ID+" "+c.Title+"（"+c.Max.String()+"）")
	}
	if r.Graded {
		cols = append(cols, l.Rules.Grade)
	}
	cols = append(cols, l.Remark)
	if r.HasAppealFigures() {
		cols = append(cols, r.appealColumns()...)
	}
	return cols
}

// publishedMark is the printed ranking's remark: a veto and records that
// fail their hash, which a reader must see; what is unfinished shows in
// the total itself (96.60（暂，8/36）), conflicts in the 工作表.
func (r *Report) publishedMark(row RankRow) string {
	var marks []string
	if len(row.VetoedBy) > 0 {
		marks = append(marks, fmt.Sprintf(r.labels.Rules.VetoRank, row.Vetoed))
	}
	if row.Unverified {
		marks = append(marks, r.labels.Report.Unverified)
	}
	if row.Appeal != nil && row.Appeal.AfterFinal > 0 {
		marks = append(marks, fmt.Sprintf(r.labels.Appeals.AfterFinal, row.Appeal.AfterFinal))
	}
	return strings.Join(marks, "；")
}

// rankingSheet is the ranking as the office prints it, with a bar chart
// of the totals below it.
func (r *Report) rankingSheet(w *sheetWriter) error {
	l := r.labels
	cols := r.PublishedColumns()
	w.text(1, 1, r.PrintTitle(l.Print.Results), w.style.title)
	w.merge(1, 1, len(cols), 1)
	for i, c := range cols {
		w.text(i+1, 2, c, w.style.header)
	}
	widths := []float64{6, 12}
	if r.multiPeriod() {
		widths = append(widths, 8)
	}
	widths = append(widths, 10, 9, 8)
	totalCol := len(widths) - 2
	for range r.Categories {
		widths = append(widths, 14)
	}
	if r.Graded {
		widths = append(widths, 8)
	}
	widths = append(widths, 20)
	if r.HasAppealFigures() {
		widths = append(widths, 8, 9, 9, 9, 8, 8, 11, 11)
	}
	for i, row := range r.Ranking {
		y := i + 3
		x := 1
		next := func() int { x++; return x - 1 }
		w.integer(next(), y, row.Rank, w.style.bold)
		w.text(next(), y, row.Unit, w.style.center)
		if r.multiPeriod() {
			w.text(next(), y, row.Period, w.style.center)
		}
		w.total(next(), y, row.Total, row.TotalText(l))
		w.num(next(), y, row.Base, w.style.number)
		w.num(next(), y, row.Bonus, w.style.number)
		for k := range r.Categories {
			at := next()
			if k < len(row.Categories) {
				w.num(at, y, row.Categories[k], w.style.number)
			}
		}
		if r.Graded {
			gs := w.style.center
			if len(row.VetoedBy) > 0 {
				gs = w.style.warn
			}
			w.text(next(), y, row.Grade, gs)
		}
		mark, style := r.publishedMark(row), w.style.text
		if mark != "" {
			style = w.style.warn
		}
		w.text(next(), y, mark, style)
		if r.HasAppealFigures() {
			r.appealXLSX(w, x, y, row)
		}
	}
	y := len(r.Ranking) + 3
	for _, note := range r.RankNotes() {
		w.text(1, y, note, w.style.text)
		w.merge(1, y, len(cols), y)
		y++
	}
	w.widths(widths...)
	w.page(2)
	r.rankingChart(w, y+1, totalCol)
	return w.flush()
}

// rankingChart is a bar per unit of its total, in ranking order from the
// top, below the ranking (at row y); the bars read the total column.
func (r *Report) rankingChart(w *sheetWriter, y, totalCol int) {
	if len(r.Ranking) == 0 {
		return
	}
	sheet := quoteSheet(w.name)
	last := len(r.Ranking) + 2
	col, _ := excelize.ColumnNumberToName(totalCol)
	height := min(max(260, 26*len(r.Ranking)+80), 4000)
	zero, no := 0.0, false
	at, _ := excelize.CoordinatesToCellName(2, y)
	w.chart(at, &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$2", sheet, col),
			Categories: fmt.Sprintf("%s!$B$3:$B$%d", sheet, last),
			Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", sheet, col, col, last),
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: r.labels.Print.RankChart}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      excelize.ChartAxis{ReverseOrder: true},
		YAxis:      excelize.ChartAxis{Minimum: &zero, MajorGridLines: true}, // bars from 0: no difference drawn larger than it is
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: 640, Height: uint(height)},
	})
}

// quoteSheet is a sheet's name as a reference writes it: 'name'.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// WorkColumns are the 工作表's header cells: what the office keeps for
// itself — progress, status, conflicts, every remark, the sign-off and
// the fingerprint (kaohe verify --fingerprint recomputes it).
func (r *Report) WorkColumns() []string {
	l := r.labels
	return []string{l.Rank, l.Unit, l.Period, l.Total, l.Progress, l.Status, l.Conflicts, l.Remark, l.Print.SignedBy, l.Report.Fingerprint}
}

// workSheet is the 工作表: one line per unit of the ranking with the
// internal columns the printed ranking leaves out.
func (r *Report) workSheet(w *sheetWriter) error {
	l := r.labels
	cols := r.WorkColumns()
	w.text(1, 1, l.Print.WorkTitle+" "+r.Dated.Format(l.Print.Date), w.style.title)
	w.merge(1, 1, len(cols), 1)
	for i, c := range cols {
		w.text(i+1, 2, c, w.style.header)
	}
	sheets := map[string]*Sheet{}
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		sheets[rowKey(sh.Unit, sh.Period, sh.RubricID+" "+sh.RubricVersion)] = sh
	}
	for i, row := range r.Ranking {
		y := i + 3
		w.integer(1, y, row.Rank, w.style.bold)
		w.text(2, y, row.Unit, w.style.center)
		w.text(3, y, row.Period, w.style.center)
		w.total(4, y, row.Total, row.TotalText(l))
		w.text(5, y, fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), w.style.center)
		w.text(6, y, r.StatusText(row), w.style.center)
		w.integer(7, y, row.Conflicts, w.style.center)
		mark, style := r.RankMark(row), w.style.text
		if mark != "" {
			style = w.style.warn
		}
		w.text(8, y, mark, style)
		if sh := sheets[rowKey(row.Unit, row.Period, row.Rubric)]; sh != nil {
			signed, fp := signedText(l, sh), sh.Fingerprint
			w.text(9, y, signed, w.style.text)
			w.text(10, y, fp, w.style.text)
		}
	}
	w.widths(6, 12, 8, 16, 8, 8, 6, 24, 22, 68)
	w.page(2)
	return w.flush()
}

// averageRows is how many rows a score sheet keeps blank under its table
// of category scores for the chart of them against the average.
const averageRows = 14

// chartRowHeight is the height of the rows under a chart: a worksheet's
// default, which excelize anchors a chart's corners by.
const chartRowHeight = 15

// averageBlock writes, from row y, the unit's score in each category
// beside the average of every unit of the period and the difference,
// then leaves room for their chart (averageChart); it returns the next
// free row and the table's first and last data rows.
func (r *Report) averageBlock(w *sheetWriter, sh *Sheet, y int) (next, first, last int) {
	l := r.labels
	if len(sh.Averages) != len(sh.Categories) {
		return y, 0, 0
	}
	w.text(1, y, l.Print.Average, w.style.bold)
	w.merge(1, y, 7, y)
	y++
	for i, c := range []string{l.ID, l.Category, "", "", l.Print.This, l.Print.Mean, l.Print.Gap} {
		if c != "" || i == 0 {
			w.text(i+1, y, c, w.style.header)
		} else {
			w.text(i+1, y, "", w.style.header)
		}
	}
	w.merge(2, y, 4, y)
	y++
	first = y
	for i, c := range sh.Categories {
		w.text(1, y, c.ID, w.style.center)
		w.text(2, y, c.Heading, w.style.text)
		w.merge(2, y, 4, y)
		w.text(3, y, "", w.style.text)
		w.text(4, y, "", w.style.text)
		w.num(5, y, c.Score, w.style.number)
		w.num(6, y, sh.Averages[i], w.style.number)
		w.num(7, y, c.Score-sh.Averages[i], w.style.number)
		y++
	}
	last = y - 1
	for range averageRows {
		// As tall as excelize takes a row to be when it anchors the
		// chart, so that the chart covers these rows and no more.
		w.height(y, chartRowHeight)
		y++
	}
	return y, first, last
}

// averageChart draws the unit's category scores against the average, as
// paired columns, in the room averageBlock left under its table.
func (r *Report) averageChart(w *sheetWriter, first, last int) {
	if first == 0 {
		return
	}
	sheet := quoteSheet(w.name)
	series := func(col string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, first-1),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheet, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, first, col, last),
		}
	}
	at, _ := excelize.CoordinatesToCellName(3, last+2)
	zero := 0.0
	w.chart(at, &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{series("E"), series("F")},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: r.labels.Print.Average}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		YAxis:     excelize.ChartAxis{Minimum: &zero, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(averageRows-3) * 20},
	})
}

// signatureLines writes, from row y, the sheet's foot: who inspected (and
// what is unfinished), records failing their hash when there are any, and
// the lines the team and the unit sign on; it returns the next row.
func (r *Report) signatureLines(w *sheetWriter, sh *Sheet, y, cols int) int {
	l := r.labels
	who := l.Inspectors
	if len(sh.Inspectors) == 1 {
		who = l.CLI.Inspector // one person
	}
	sep := map[bool]string{true: "、", false: ", "}[l.Lang == "zh"]
	foot := who + l.Values.Colon + strings.Join(sh.Inspectors, sep)
	if sh.Recorded < sh.Indicators {
		foot += "    " + fmt.Sprintf(l.UI.Unfinished, sh.Recorded, sh.Indicators)
	}
	w.text(1, y, foot, w.style.text)
	w.merge(1, y, cols, y)
	y++
	if len(sh.Unverified) > 0 {
		// The sheet itself says its records fail their hash: no signature
		// or fingerprint would vouch for it.
		w.text(1, y, l.SignOff+l.Values.Colon+signOff(l, sh), w.style.warn)
		w.merge(1, y, cols, y)
		y++
	}
	w.text(1, y, l.Print.Team+l.Print.Blank, w.style.plain)
	w.merge(1, y, 3, y)
	w.text(4, y, l.Print.Unit+l.Print.Blank, w.style.plain)
	w.merge(4, y, cols, y)
	w.height(y, 36)
	return y + 1
}

// signedText is the 工作表's sign-off cell: who signed and when, that
// nobody has, or the records failing their hash.
func signedText(l *i18n.Labels, sh *Sheet) string {
	if len(sh.Unverified) > 0 {
		return fmt.Sprintf(l.Report.UnverifiedRecords, strings.Join(sh.Unverified, l.Report.ListSep))
	}
	if sh.SignedAt != nil {
		return sh.SignedBy + " " + timefmt.Human(*sh.SignedAt)
	}
	return l.NotSigned
}

// sheetTitle is a unit's score sheet's title: the unit, then the period's
// year, the subject, 考核得分表 and the date of writing.
func (r *Report) sheetTitle(sh *Sheet) string {
	w := r.labels.Print
	title := subjectOf(sh.RubricTitle) + w.SheetTitle
	if sh.Period != "" {
		title = fmt.Sprintf(w.YearOf, sh.Period) + title
	}
	return sh.Unit + " " + title + fmt.Sprintf(w.Dated, r.Dated.Format(w.Date))
}

// printedExplain is the printed 扣分说明 cell: the deductions (or the
// bonus) as sentences, then what is unrecorded, the indicator's note and
// its evidence. The CSV and the Markdown keep explainCell, each rule's
// value and arithmetic, for those who check the figures.
func printedExplain(l *i18n.Labels, row SheetRow) string {
	lines := append([]string{}, row.Sentences...)
	lines = append(lines, row.Relapses...) // 反弹: which problem closed last period came back
	if !row.Recorded {
		lines = append(lines, l.NotRecorded)
	}
	if row.Note != "" {
		lines = append(lines, row.Note)
	}
	if len(row.Evidence) > 0 {
		lines = append(lines, l.Report.EvidenceList+strings.Join(row.Evidence, l.Report.ListSep))
	}
	return strings.Join(lines, "\n")
}
