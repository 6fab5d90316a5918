package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/xuri/excelize/v2"
)

// xlsxStyles are the cell styles of the workbook.
type xlsxStyles struct {
	title, header, text, center, number, bold, boldNumber, warn int
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
	var s xlsxStyles
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
	s.header = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	s.text = mk(&excelize.Style{Font: font, Alignment: wrapTop, Border: border})
	s.center = mk(&excelize.Style{Font: font, Alignment: centered, Border: border})
	s.number = mk(&excelize.Style{Font: font, Alignment: centered, Border: border, NumFmt: 2})
	s.bold = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border})
	s.boldNumber = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border, NumFmt: 2})
	s.warn = mk(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 10, Color: "C00000"}, Alignment: wrapTop, Border: border})
	return s, err
}

// sheetWriter fills one worksheet, remembering the first error.
type sheetWriter struct {
	f     *excelize.File
	name  string
	err   error
	style xlsxStyles
}

func (w *sheetWriter) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (w *sheetWriter) text(col, row int, v string, style int) {
	if w.err != nil {
		return
	}
	c := w.cell(col, row)
	if w.err = w.f.SetCellStr(w.name, c, v); w.err == nil {
		w.err = w.f.SetCellStyle(w.name, c, c, style)
	}
}

// num writes an exact decimal as a numeric cell (its text is the number:
// no float64 is involved) shown with two decimals.
func (w *sheetWriter) num(col, row int, d decimal.Dec, style int) {
	if w.err != nil {
		return
	}
	c := w.cell(col, row)
	if w.err = w.f.SetCellDefault(w.name, c, d.Fixed(2)); w.err == nil {
		w.err = w.f.SetCellStyle(w.name, c, c, style)
	}
}

func (w *sheetWriter) integer(col, row, n int, style int) {
	if w.err != nil {
		return
	}
	c := w.cell(col, row)
	if w.err = w.f.SetCellInt(w.name, c, int64(n)); w.err == nil {
		w.err = w.f.SetCellStyle(w.name, c, c, style)
	}
}

// fitHeight sets a row's height to show wrapped texts in columns of the
// given widths (spreadsheet programs do not grow rows for wrapped text on
// their own when opening a file). A CJK character is two width units.
func (w *sheetWriter) fitHeight(row int, widths []float64, texts ...string) {
	if w.err != nil {
		return
	}
	lines := 1
	for i, t := range texts {
		if i >= len(widths) {
			break
		}
		perLine := int(widths[i]) - 1
		n := 0
		for _, para := range strings.Split(t, "\n") {
			n += max(1, (textwidth.Width(para)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	w.err = w.f.SetRowHeight(w.name, row, rowHeight(lines))
}

// maxRowHeight is the tallest row a worksheet allows, in points.
const maxRowHeight = 409

// rowHeight is the height in points that shows lines of wrapped text,
// capped at the tallest row a worksheet allows: a very long note is cut
// on screen (the cell keeps all of it) instead of failing the report.
func rowHeight(lines int) float64 {
	return min(float64(lines)*13.5+3, maxRowHeight)
}

func (w *sheetWriter) merge(c1, r1, c2, r2 int) {
	if w.err == nil && (c1 != c2 || r1 != r2) {
		w.err = w.f.MergeCell(w.name, w.cell(c1, r1), w.cell(c2, r2))
	}
}

func (w *sheetWriter) widths(ws ...float64) {
	for i, width := range ws {
		if w.err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.err = w.f.SetColWidth(w.name, col, col, width)
	}
}

// page sets A4 landscape, fit to one page wide, with the first headerRows
// rows repeated on every printed page and frozen on screen.
func (w *sheetWriter) page(headerRows int) {
	if w.err != nil {
		return
	}
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if w.err = w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); w.err != nil {
		return
	}
	if w.err = w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &yes}); w.err != nil {
		return
	}
	top := w.cell(1, headerRows+1)
	if w.err = w.f.SetPanes(w.name, &excelize.Panes{Freeze: true, YSplit: headerRows, TopLeftCell: top, ActivePane: "bottomLeft"}); w.err != nil {
		return
	}
	w.err = w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: w.name,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(w.name, "'", "''"), headerRows)})
}

// WriteXLSX writes the report as a workbook: the ranking sheet first, then
// one score sheet per unit in ranking order.
func (r *Report) WriteXLSX(out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	l := r.labels
	names := newSheetNames()
	rankName := names.take(l.Rank)
	if err := f.SetSheetName("Sheet1", rankName); err != nil {
		return err
	}
	if err := r.rankingSheet(&sheetWriter{f: f, name: rankName, style: st}); err != nil {
		return err
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
	}
	f.SetActiveSheet(0)
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
	return append(cols, l.Progress, l.Status, l.Conflicts, l.Remark)
}

func (r *Report) rankingSheet(w *sheetWriter) error {
	l := r.labels
	cols := r.RankingColumns()
	title := r.Title + " — " + l.Rank
	if r.Period != "" {
		title = r.Title + "（" + r.Period + "）— " + l.Rank
	}
	w.text(1, 1, title, w.style.title)
	w.merge(1, 1, len(cols), 1)
	for i, c := range cols {
		w.text(i+1, 2, c, w.style.header)
	}
	for i, row := range r.Ranking {
		y := i + 3
		w.integer(1, y, row.Rank, w.style.bold)
		w.text(2, y, row.Unit, w.style.center)
		w.text(3, y, row.Period, w.style.center)
		w.num(4, y, row.Total, w.style.boldNumber)
		w.num(5, y, row.Base, w.style.number)
		w.num(6, y, row.Bonus, w.style.number)
		for k := range r.Categories {
			if k < len(row.Categories) {
				w.num(7+k, y, row.Categories[k], w.style.number)
			}
		}
		x := 7 + len(r.Categories)
		w.text(x, y, fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), w.style.center)
		w.text(x+1, y, l.StatusName(row.Status), w.style.center)
		w.integer(x+2, y, row.Conflicts, w.style.center)
		mark := r.RankMark(row)
		style := w.style.text
		if mark != "" {
			style = w.style.warn
		}
		w.text(x+3, y, mark, style)
	}
	widths := []float64{6, 12, 8, 9, 9, 8}
	for range r.Categories {
		widths = append(widths, 11)
	}
	w.widths(append(widths, 8, 8, 6, 22)...)
	if w.err == nil {
		w.err = w.f.SetRowHeight(w.name, 2, 45)
	}
	w.page(2)
	return w.err
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
	w.text(1, 1, sh.Unit+" "+sh.Period+"  "+sh.RubricTitle, w.style.title)
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
			w.num(6, y, row.Score, w.style.number)
			why := explainCell(l, c.Bonus, row)
			w.text(7, y, why, w.style.text)
			w.fitHeight(y, []float64{42, 42, 36}, row.Content, row.Standard, why)
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
	totals := []struct {
		label string
		max   decimal.Dec
		score decimal.Dec
	}{
		{l.Base, sh.BaseMax, sh.Base},
		{l.Bonus, sh.BonusMax, sh.Bonus},
		{l.Total, sh.BaseMax + sh.BonusMax, sh.Total},
	}
	for _, t := range totals {
		w.text(1, y, t.label, w.style.bold)
		w.merge(1, y, 2, y)
		w.text(3, y, fmt.Sprintf("%s %s", l.Max, t.max.Fixed(2)), w.style.bold)
		w.merge(3, y, 5, y)
		w.num(6, y, t.score, w.style.boldNumber)
		w.text(7, y, "", w.style.text)
		y++
	}
	if sh.Range != nil {
		w.text(1, y, fmt.Sprintf(l.UI.Range, sh.Range.Min.Fixed(2), sh.Range.Max.Fixed(2))+"；"+fmt.Sprintf(l.UI.OpenConflicts, sh.Conflicts), w.style.warn)
		w.merge(1, y, len(cols), y)
		y++
	}
	foot := fmt.Sprintf("%s：%s    %s：%s", l.Inspectors, strings.Join(sh.Inspectors, "、"), l.SignOff, signOff(l, sh))
	if sh.Recorded < sh.Indicators {
		foot += "    " + fmt.Sprintf(l.UI.Unfinished, sh.Recorded, sh.Indicators)
	}
	w.text(1, y, foot, w.style.text)
	w.merge(1, y, len(cols), y)
	w.widths(6, 16, 42, 42, 8, 8, 36)
	w.page(2)
	return w.err
}

// explainCell is the 扣分说明 cell: each rule that deducted, with its value
// and note, which cap bound; then the indicator's free note.
func explainCell(l *i18n.Labels, bonus bool, row SheetRow) string {
	var lines []string
	if bonus && row.Recorded {
		lines = append(lines, l.Bonus+" +"+row.Bonus.Fixed(2))
	}
	lines = append(lines, row.Explain...)
	if !row.Recorded {
		lines = append(lines, l.NotRecorded)
	}
	if row.Note != "" {
		lines = append(lines, row.Note)
	}
	return strings.Join(lines, "\n")
}

// signOff says who signed and when, or that nobody has.
func signOff(l *i18n.Labels, sh *Sheet) string {
	if sh.SignedAt == nil {
		return l.NotSigned
	}
	return sh.SignedBy + " " + sh.SignedAt.Local().Format("2006-01-02 15:04")
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
