package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/xuri/excelize/v2"
)

// xlsxStyles are the cell styles of the workbook.
type xlsxStyles struct {
	title, header, text, center, number, bold, boldNumber, warn int
	// marked holds, by the text after the figure, the styles of totals
	// shown with a mark (provisional), made as they are needed.
	marked   map[string]int
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
	s := xlsxStyles{marked: map[string]int{}, boldFont: bold, centered: centered, border: border}
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
	digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(d.String()), "0")
	if err == nil && (len(digits) > 15 || strconv.FormatFloat(v, 'f', -1, 64) != d.String()) {
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

func (w *sheetWriter) integer(col, row, n int, style int) { w.put(col, row, n, style) }

// fitHeight sets a row's height to show wrapped texts in columns of the
// given widths (spreadsheet programs do not grow rows for wrapped text on
// their own when opening a file). A CJK character is two width units.
func (w *sheetWriter) fitHeight(row int, widths []float64, texts ...string) {
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
	w.height(row, rowHeight(lines))
}

func (w *sheetWriter) height(row int, h float64) {
	if w.heights == nil {
		w.heights = map[int]float64{}
	}
	w.heights[row] = min(h, maxRowHeight)
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
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if err := w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
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
	order := []string{rankName}
	if err := r.rankingSheet(&sheetWriter{f: f, name: rankName, style: st}); err != nil {
		return err
	}
	if order, err = r.analysisSheets(f, st, names, order); err != nil {
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
		order = append(order, name)
	}
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
	return cols
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
		w.total(4, y, row.Total, row.TotalText(l))
		w.num(5, y, row.Base, w.style.number)
		w.num(6, y, row.Bonus, w.style.number)
		for k := range r.Categories {
			if k < len(row.Categories) {
				w.num(7+k, y, row.Categories[k], w.style.number)
			}
		}
		x := 7 + len(r.Categories)
		w.text(x, y, fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), w.style.center)
		w.text(x+1, y, r.StatusText(row), w.style.center)
		w.integer(x+2, y, row.Conflicts, w.style.center)
		mark := r.RankMark(row)
		style := w.style.text
		if mark != "" {
			style = w.style.warn
		}
		w.text(x+3, y, mark, style)
		if r.Graded {
			gs := w.style.center
			if len(row.VetoedBy) > 0 {
				gs = w.style.warn
			}
			w.text(x+4, y, row.Grade, gs)
		}
	}
	y := len(r.Ranking) + 3
	for _, note := range r.RankNotes() {
		w.text(1, y, note, w.style.text)
		w.merge(1, y, len(cols), y)
		y++
	}
	widths := []float64{6, 12, 8, 9, 9, 8}
	for range r.Categories {
		widths = append(widths, 11)
	}
	widths = append(widths, 8, 8, 6, 22)
	if r.Graded {
		widths = append(widths, 8)
	}
	w.widths(widths...)
	w.height(2, 45)
	w.page(2)
	return w.flush()
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
			if len(row.Relapses) > 0 {
				w.relapse(5, y, row.Deduction, " "+l.Lookback.Relapse)
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
	who := l.Inspectors
	if len(sh.Inspectors) == 1 {
		who = l.CLI.Inspector // one person
	}
	sep := map[bool]string{true: "、", false: ", "}[l.Lang == "zh"]
	foot := who + l.Values.Colon + strings.Join(sh.Inspectors, sep) + "    " + l.SignOff + l.Values.Colon + signOff(l, sh)
	if sh.Recorded < sh.Indicators {
		foot += "    " + fmt.Sprintf(l.UI.Unfinished, sh.Recorded, sh.Indicators)
	}
	w.text(1, y, foot, w.style.text)
	w.merge(1, y, len(cols), y)
	w.widths(6, 16, 42, 42, 8, 8, 36)
	w.page(2)
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
	if len(sh.Unverified) > 0 {
		return fmt.Sprintf(l.Report.UnverifiedRecords, strings.Join(sh.Unverified, l.Report.ListSep))
	}
	text := l.NotSigned
	if sh.SignedAt != nil {
		text = sh.SignedBy + " " + timefmt.Human(*sh.SignedAt)
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
