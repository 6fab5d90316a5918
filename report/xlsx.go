package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// xlsxStyles are the cell styles of the workbook.
type xlsxStyles struct {
	title, header, text, center, number, bold, boldNumber, warn int
	// plain is text without borders: the signature lines.
	plain int
	// marked holds, by the text after the figure, the styles of totals
	// shown with a mark (provisional), made as they are needed.
	marked map[string]int
	// sizes are the font sizes of the styles not of 10 points.
	sizes map[int]float64
	// footer is every sheet's page footer (its page numbers).
	footer string
	// wrapped remembers the texts already broken into lines (lines).
	wrapped  map[wrapKey][]string
	boldFont *excelize.Font
	centered *excelize.Alignment
	border   []excelize.Border
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := &excelize.Font{Family: "SimSun", Size: 10}
	bold := &excelize.Font{Family: "SimHei", Size: 10, Bold: true}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "center"}
	centered := &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}
	s := xlsxStyles{marked: map[string]int{}, sizes: map[int]float64{}, wrapped: map[wrapKey][]string{}, boldFont: bold, centered: centered, border: border}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 14, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.sizes[s.title] = 14
	s.header = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	s.text = mk(&excelize.Style{Font: font, Alignment: wrapTop, Border: border})
	s.center = mk(&excelize.Style{Font: font, Alignment: centered, Border: border})
	s.number = mk(&excelize.Style{Font: font, Alignment: centered, Border: border, NumFmt: 2})
	s.bold = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border})
	s.boldNumber = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border, NumFmt: 2})
	s.plain = mk(&excelize.Style{Font: font, Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}})
	s.warn = mk(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 10, Color: "C00000"}, Alignment: wrapTop, Border: border})
	return s, err
}

// sheetWriter lays out one worksheet in memory, then writes it in one pass
// through excelize's StreamWriter (flush). Setting cells one by one on the
// workbook costs a look-up among all its sheets per call, which made a
// report of 1,000 units take minutes; streaming keeps the cost per unit flat.
type sheetWriter struct {
	f       *excelize.File
	name    string
	err     error
	style   xlsxStyles
	rows    [][]any // rows[y-1][x-1]: an excelize.Cell or nil
	heights map[int]float64
	merges  [][2]string
	colW    []float64
	frozen  int // header rows repeated on every page and frozen (0: none)
	charts  []sheetChart
}

// sheetChart is a chart to add to the sheet at a cell.
type sheetChart struct {
	at    string
	chart *excelize.Chart
}

// chart adds a chart to the sheet at a cell when it is flushed.
func (w *sheetWriter) chart(at string, c *excelize.Chart) {
	w.charts = append(w.charts, sheetChart{at, c})
}

func (w *sheetWriter) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// put places a value at col, row.
func (w *sheetWriter) put(col, row int, v any, style int) {
	for len(w.rows) < row {
		w.rows = append(w.rows, nil)
	}
	r := w.rows[row-1]
	for len(r) < col {
		r = append(r, nil)
	}
	r[col-1] = excelize.Cell{StyleID: style, Value: v}
	w.rows[row-1] = r
}

func (w *sheetWriter) text(col, row int, v string, style int) { w.put(col, row, v, style) }

// num writes an exact decimal as a numeric cell shown with two decimals.
// The stream writer takes numbers as float64 only: a score of at most
// fifteen significant digits (excelize writes no more) converts to the
// float64 whose shortest decimal form, the text written to the file, is
// exactly the score; anything else is refused, never rounded.
func (w *sheetWriter) num(col, row int, d decimal.Dec, style int) {
	v, err := strconv.ParseFloat(d.String(), 64)
	if err == nil && (significantDigits(d.String()) > 15 || strconv.FormatFloat(v, 'f', -1, 64) != d.String()) {
		err = fmt.Errorf("score %s cannot be written exactly", d)
	}
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.put(col, row, v, style)
}

// significantDigits counts a decimal's digits from its first nonzero one
// (its sign and point left out).
func significantDigits(s string) int {
	n, started := 0, false
	for _, r := range s {
		switch {
		case r < '0' || r > '9':
		case started || r != '0':
			started = true
			n++
		}
	}
	return n
}

func (w *sheetWriter) integer(col, row, n int, style int) { w.put(col, row, n, style) }

func (w *sheetWriter) height(row int, h float64) {
	if w.heights == nil {
		w.heights = map[int]float64{}
	}
	w.heights[row] = min(h, maxRowHeight)
}

// maxRowHeight is the tallest row a worksheet allows, in points.
const maxRowHeight = 409

func (w *sheetWriter) merge(c1, r1, c2, r2 int) {
	if c1 != c2 || r1 != r2 {
		w.merges = append(w.merges, [2]string{w.cell(c1, r1), w.cell(c2, r2)})
	}
}

func (w *sheetWriter) widths(ws ...float64) { w.colW = ws }

// page asks for A4 landscape, fit to one page wide, with the first
// headerRows rows repeated on every printed page and frozen on screen.
func (w *sheetWriter) page(headerRows int) { w.frozen = headerRows }

// flush writes the worksheet: page setup first (the stream writer keeps
// it), then columns, panes, rows in order, merged cells.
func (w *sheetWriter) flush() error {
	if w.err != nil {
		return w.err
	}
	w.layoutText()
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if err := w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if w.style.footer != "" {
		if err := w.f.SetHeaderFooter(w.name, &excelize.HeaderFooterOptions{OddFooter: w.style.footer}); err != nil {
			return err
		}
	}
	if err := w.addCharts(); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(w.name)
	if err != nil {
		return err
	}
	for i, width := range w.colW {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if w.frozen > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: w.frozen, TopLeftCell: w.cell(1, w.frozen+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	for i, cells := range w.rows {
		y := i + 1
		h, tall := w.heights[y]
		if cells == nil && !tall {
			continue
		}
		var opts []excelize.RowOpts
		if tall {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(w.cell(1, y), cells, opts...); err != nil {
			return fmt.Errorf("row %d: %w", y, err)
		}
	}
	for _, m := range w.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// addCharts adds the sheet's charts before its rows are streamed (the
// stream writer keeps the drawing; a chart added after it is lost), with
// the columns' widths set first so that excelize anchors each chart's
// corners where the columns will be.
func (w *sheetWriter) addCharts() error {
	if len(w.charts) == 0 {
		return nil
	}
	for i, width := range w.colW {
		if err := w.f.SetColWidth(w.name, colName(i+1), colName(i+1), width); err != nil {
			return err
		}
	}
	for _, c := range w.charts {
		if err := w.f.AddChart(w.name, c.at, c.chart); err != nil {
			return err
		}
	}
	return nil
}

// colName is a column's letters (1: A).
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// printTitles is the defined name that repeats a sheet's header rows on
// every printed page.
func printTitles(sheet string, headerRows int) *excelize.DefinedName {
	return &excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows)}
}

// setPrintTitles gives every sheet (in workbook order) its print titles.
// excelize's SetDefinedName compares each new name with every existing one,
// looking each one's sheet up by index (a cost cubic in the number of
// sheets: minutes for 1,000 units), so only the first goes through it and
// the others are copies of the entry it made, with their own sheet and
// range.
func setPrintTitles(f *excelize.File, sheets []string, headerRows int) error {
	if len(sheets) == 0 {
		return nil
	}
	if err := f.SetDefinedName(printTitles(sheets[0], headerRows)); err != nil {
		return err
	}
	if f.WorkBook == nil || f.WorkBook.DefinedNames == nil {
		return errors.New("excelize kept no defined names")
	}
	names := f.WorkBook.DefinedNames.DefinedName
	first := names[len(names)-1]
	for i, sheet := range sheets[1:] {
		d := first
		id := i + 1
		d.LocalSheetID = &id
		d.Data = printTitles(sheet, headerRows).RefersTo
		names = append(names, d)
	}
	f.WorkBook.DefinedNames.DefinedName = names
	return nil
}

// WriteXLSX writes the report as a workbook fit to print and send: the
// ranking first (titled with the period and the date of writing, only the
// published columns, a bar chart of the totals), the analysis sheets,
// then one score sheet per unit in ranking order (deductions as sentences,
// the categories against the average, the signature lines), then the
// 工作表 of what the office keeps for itself. Every sheet is A4, fit to
// the page's width, its header rows repeated on every page, numbered at
// the foot (第 1 页 共 3 页).
func (r *Report) WriteXLSX(out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	l := r.labels
	st.footer = l.Print.Footer
	names := newSheetNames()
	rankName := names.take(l.Rank)
	if err := f.SetSheetName("Sheet1", rankName); err != nil {
		return err
	}
	order := []string{rankName}
	if err := r.rankingSheet(&sheetWriter{f: f, name: rankName, style: st}); err != nil {
		return err
	}
	if order, err = r.analysisSheets(f, st, names, order); err != nil {
		return err
	}
	if len(r.SelfGaps) > 0 {
		name := names.take(l.SelfAssess.GapSheet)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := r.selfGapSheet(&sheetWriter{f: f, name: name, style: st}); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		order = append(order, name)
	}
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		name := names.take(sh.Unit + " " + sh.Period)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := r.scoreSheet(&sheetWriter{f: f, name: name, style: st}, sh); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		order = append(order, name)
	}
	// The internal columns and the fingerprints, on a sheet of their own
	// after the ones the office prints.
	work := names.take(l.Print.WorkSheet)
	if _, err := f.NewSheet(work); err != nil {
		return err
	}
	if err := r.workSheet(&sheetWriter{f: f, name: work, style: st}); err != nil {
		return fmt.Errorf("sheet %s: %w", work, err)
	}
	order = append(order, work)
	if err := setPrintTitles(f, order, 2); err != nil {
		return err
	}
	if r.bundled() {
		// In a bundle, one more sheet lists every evidence file, each a
		// link to the file beside the workbook.
		name := names.take(evidenceSheetTitle(l))
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := r.evidenceSheet(&sheetWriter{f: f, name: name, style: st}); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	// The ranking, the first sheet of a new workbook, is already the active
	// one: SetActiveSheet would read every streamed sheet back to unselect it.
	_, err = f.WriteTo(out)
	return err
}

// RankingColumns are the ranking's header cells.
func (r *Report) RankingColumns() []string {
	l := r.labels
	cols := []string{l.Rank, l.Unit, l.Period, l.Total, l.Base, l.Bonus}
	for _, c := range r.Categories {
		cols = append(cols, c.ID+" "+c.Title+"（"+c.Max.String()+"）")
	}
	cols = append(cols, l.Progress, l.Status, l.Conflicts, l.Remark)
	if r.Graded {
		cols = append(cols, l.Rules.Grade)
	}
	if r.HasAppealFigures() {
		cols = append(cols, r.appealColumns()...)
	}
	return cols
}

// SheetColumns are a score sheet's header cells: the rubric's own columns
// followed by the deduction, the score and why.
func (r *Report) SheetColumns() []string {
	l := r.labels
	return []string{l.ID, l.Category, l.Content, l.Standard, l.Deduction, l.Score, l.Explain}
}

func (r *Report) scoreSheet(w *sheetWriter, sh *Sheet) error {
	l := r.labels
	cols := r.SheetColumns()
	w.text(1, 1, r.sheetTitle(sh), w.style.title)
	w.merge(1, 1, len(cols), 1)
	for i, c := range cols {
		w.text(i+1, 2, c, w.style.header)
	}
	y := 3
	for _, c := range sh.Categories {
		first := y
		for _, row := range c.Rows {
			w.text(1, y, c.ID, w.style.center)
			w.text(2, y, c.Heading, w.style.center)
			w.text(3, y, row.Content, w.style.text)
			w.text(4, y, row.Standard, w.style.text)
			if c.Bonus {
				w.text(5, y, "", w.style.number) // a bonus is never shown as a deduction
			} else {
				w.num(5, y, row.Deduction, w.style.number)
			}
			if len(row.Relapses) > 0 {
				w.relapse(5, y, row.Deduction, " "+l.Lookback.Relapse)
			}
			w.num(6, y, row.Score, w.style.number)
			why := printedExplain(l, row)
			w.text(7, y, why, w.style.text)
			y++
		}
		w.merge(1, first, 1, y-1)
		w.merge(2, first, 2, y-1)
		// Subtotal of the category.
		w.text(1, y, c.ID, w.style.bold)
		w.text(2, y, l.Subtotal, w.style.bold)
		w.text(3, y, fmt.Sprintf("%s %s", l.Max, c.Max.Fixed(2)), w.style.bold)
		w.merge(3, y, 4, y)
		if c.Bonus {
			w.text(5, y, "", w.style.boldNumber) // a bonus category deducts nothing
			w.num(6, y, c.Score, w.style.boldNumber)
			w.text(7, y, l.Bonus+" +"+c.Score.Fixed(2), w.style.text)
		} else {
			w.num(5, y, c.Max-c.Score, w.style.boldNumber)
			w.num(6, y, c.Score, w.style.boldNumber)
			w.text(7, y, "", w.style.text)
		}
		y++
	}
	type totalRow struct {
		label   string
		maxText string
		score   decimal.Dec
		final   bool
		why     string
	}
	totals := []totalRow{
		{l.Base, fmt.Sprintf("%s %s", l.Max, sh.BaseMax.Fixed(2)), sh.Base, true, ""},
		{l.Bonus, fmt.Sprintf("%s %s", l.Max, sh.BonusMax.Fixed(2)), sh.Bonus, true, ""},
	}
	if sh.HasPenalty {
		totals = append(totals, totalRow{l.Rules.Penalty, "", -sh.Penalty, true, ""})
	}
	totals = append(totals, totalRow{l.Total, fmt.Sprintf("%s %s", l.Max, (sh.BaseMax + sh.BonusMax).Fixed(2)), sh.Total, sh.Recorded >= sh.Indicators, sh.Verdict})
	for _, t := range totals {
		w.text(1, y, t.label, w.style.bold)
		w.merge(1, y, 2, y)
		w.text(3, y, t.maxText, w.style.bold)
		w.merge(3, y, 5, y)
		text := t.score.Fixed(2)
		if !t.final {
			text = sh.TotalText(l)
		}
		w.total(6, y, t.score, text)
		style := w.style.text
		if len(sh.VetoedBy) > 0 && t.why != "" {
			style = w.style.warn
		}
		w.text(7, y, t.why, style)
		y++
	}
	if sh.Range != nil {
		w.text(1, y, fmt.Sprintf(l.UI.Range, sh.Range.Min.Fixed(2), sh.Range.Max.Fixed(2))+"；"+fmt.Sprintf(l.UI.OpenConflicts, sh.Conflicts), w.style.warn)
		w.merge(1, y, len(cols), y)
		y++
	}
	for _, line := range sh.StageLines(l) {
		w.text(1, y, line, w.style.text)
		w.merge(1, y, len(cols), y)
		y++
	}
	y, first, last := r.averageBlock(w, sh, y)
	r.signatureLines(w, sh, y, len(cols))
	w.widths(6, 16, 42, 42, 8, 8, 36)
	w.page(2)
	r.averageChart(w, first, last)
	return w.flush()
}

// explainCell is the 扣分说明 cell: each rule that deducted, with its value
// and note, which cap bound; then the indicator's free note.
func explainCell(l *i18n.Labels, bonus bool, row SheetRow) string {
	var lines []string
	if bonus && row.Recorded {
		lines = append(lines, l.Bonus+" +"+row.Bonus.Fixed(2))
	}
	lines = append(lines, row.Explain...)
	lines = append(lines, row.Relapses...)
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

// signOff says who signed and when, or that nobody has, followed by the
// assessment's fingerprint (kaohe verify --fingerprint recomputes it); for
// records that fail their hash, 未通过核验 and which they are, in place of
// both.
func signOff(l *i18n.Labels, sh *Sheet) string {
	text := signedText(l, sh)
	if len(sh.Unverified) > 0 {
		return text
	}
	if sh.Fingerprint != "" {
		text += "  " + l.Report.Fingerprint + " " + sh.Fingerprint
	}
	return text
}

// total writes a total as a number shown as text says (TotalText): a
// provisional total stays a number a spreadsheet can sort and add, and is
// shown with its mark, 96.60（暂，8/36）, by a number format of its own (a
// bare 96.60 would look final to whoever reads the sheet).
func (w *sheetWriter) total(col, row int, d decimal.Dec, text string) {
	suffix, ok := strings.CutPrefix(text, d.Fixed(2))
	if !ok || suffix == "" {
		w.num(col, row, d, w.style.boldNumber)
		return
	}
	style, ok := w.style.marked[suffix]
	if !ok {
		format := `0.00"` + strings.ReplaceAll(suffix, `"`, "") + `"`
		var err error
		style, err = w.f.NewStyle(&excelize.Style{Font: w.style.boldFont, Alignment: w.style.centered, Border: w.style.border, CustomNumFmt: &format})
		if err != nil && w.err == nil {
			w.err = err
		}
		w.style.marked[suffix] = style
	}
	w.num(col, row, d, style)
}

// relapse writes a deduction that repeats a problem closed last period:
// still the number (the column sums), shown in red with the mark after it
// (1.00 反弹) by a number format of its own.
func (w *sheetWriter) relapse(col, row int, d decimal.Dec, mark string) {
	key := "\x00relapse" + mark
	style, ok := w.style.marked[key]
	if !ok {
		format := `0.00"` + strings.ReplaceAll(mark, `"`, "") + `"`
		var err error
		style, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 10, Color: "C00000"},
			Alignment: w.style.centered, Border: w.style.border, CustomNumFmt: &format})
		if err != nil && w.err == nil {
			w.err = err
		}
		w.style.marked[key] = style
	}
	w.num(col, row, d, style)
}

// sheetNames hands out valid, unique worksheet names (at most 31
// characters, none of []:*?/\).
type sheetNames map[string]bool

func newSheetNames() sheetNames { return sheetNames{} }

func (n sheetNames) take(want string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(want))
	clean = strings.Trim(clean, "'")
	if clean == "" {
		clean = "sheet"
	}
	base := []rune(clean)
	if len(base) > 31 {
		base = base[:31]
	}
	name := string(base)
	for i := 2; n[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf("(%d)", i)
		b := base
		if len(b)+len(suffix) > 31 {
			b = b[:31-len(suffix)]
		}
		name = string(b) + suffix
	}
	n[strings.ToLower(name)] = true
	return name
}
