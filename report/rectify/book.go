package rectify

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/xuri/excelize/v2"
)

// The layout of a unit's 问题清单. The problems sheet has the title in row
// 1, the unit in row 2, the header in row 3 and one problem a row from row
// 4, then a note on what to fill in. Columns A–E and the hidden column J
// are the office's (locked: the sheet is protected, and only F–I are
// styled unlocked); F–I are the unit's.
//
// The hidden, very hidden sheet "kaohe" says what the workbook is: its
// format, period, unit, language and problems sheet, then one row per
// locked cell of the problems sheet with the cell's reference and a digest
// of its text, and in B8 the digest of all of it. Import reads the
// unit's four columns only, and refuses the workbook when a locked cell's
// text no longer has its digest (naming that cell), or when the sheet
// "kaohe" itself was changed (naming its digest cell). Protection has no
// password: a password written in kaohe's source would be no secret, and
// the digests, not the protection, are what catch a change.
const (
	// MetaSheet is the hidden sheet that says what the workbook is
	// (report/countybook).
	MetaSheet = countybook.MetaSheet
	// bookKind and bookVersion are the first row of MetaSheet.
	bookKind    = "kaohe 问题清单"
	bookVersion = "1"
	// firstRow is the row of the first problem; header the header's.
	header   = 3
	firstRow = 4
)

// The columns of the problems sheet, 1-based.
const (
	colNo = iota + 1
	colIndicator
	colProblem
	colPoints
	colDue
	colMeasure
	colCompletion
	colDoneOn
	colResponsible
	colID
	lastCol = colID
)

// colWidths are the columns' widths in characters (a CJK character is
// two): room for a line of the indicator and the problem, and for the
// unit to write its measure by hand on a printed copy.
func colWidths() [lastCol]float64 {
	return [lastCol]float64{6, 26, 34, 7, 12, 34, 26, 12, 10, 40}
}

// Book is one unit's 问题清单 of one period, as it is written and as an
// import compares a returned workbook with what kaohe writes now.
type Book struct {
	Period, Unit, Lang string
	// Sheet is the problems sheet's name; Title the title in row 1.
	Sheet, Title string
	Rows         []BookRow
}

// BookRow is one problem of a Book.
type BookRow struct {
	// ID is the problem's ID in the hidden column: the assessment's ID
	// and the problem's key (ProblemRef).
	ID                                       string
	Indicator, Problem, Points, Due          string
	Measure, Completion, DoneOn, Responsible string
}

// ProblemRef is how the hidden column names a problem: its assessment's
// ID, a colon, the problem's key. SplitRef reads it back.
func ProblemRef(assessmentID, key string) string { return assessmentID + ":" + key }

// SplitRef reads a hidden column's problem ID.
func SplitRef(ref string) (assessmentID, key string, ok bool) {
	aid, key, ok := strings.Cut(ref, ":")
	if !ok || len(aid) != 32 || strings.Trim(aid, "0123456789abcdef") != "" || key == "" {
		return "", "", false
	}
	return aid, key, true
}

// NewBook lays out the problems of entries (a unit's assessments of
// period, from Collect) as the unit's 问题清单: every problem but the
// withdrawn, in rubric order, each with what is recorded so far (the due
// date, and what was reported, so that a workbook sent again shows it).
func NewBook(l *i18n.Labels, entries []Entry, period, unit string) (*Book, error) {
	w := l.ProblemBook
	b := &Book{Period: period, Unit: unit, Lang: l.Lang, Sheet: w.Sheet}
	for _, e := range entries {
		if b.Title == "" {
			b.Title = fmt.Sprintf(w.Title, period, bookTitle(e.State.Rubric.Title))
		}
		for _, p := range e.Problems {
			if p.Status == assessment.ProblemWithdrawn {
				continue
			}
			r := BookRow{ID: ProblemRef(e.State.Assessment.ID, p.Key), Indicator: indicatorText(e.State, p),
				Problem: problemText(e.State, p), Points: pointsText(l, p)}
			if rec := p.Record; rec != nil {
				r.Due, r.Measure, r.Completion, r.DoneOn, r.Responsible = rec.Due, rec.Measure, rec.Completion, rec.DoneOn, rec.Responsible
			}
			b.Rows = append(b.Rows, r)
		}
	}
	if len(b.Rows) == 0 {
		return nil, errNoProblems(period, unit)
	}
	return b, nil
}

// bookTitle is the rubric's title as the workbook's title names it: a
// rubric titled "…考核指标" makes "…考核问题清单", not "…考核指标问题清单".
func bookTitle(title string) string {
	for _, suffix := range []string{"指标", "细则", "评分标准"} {
		if t, ok := strings.CutSuffix(title, suffix); ok {
			return t
		}
	}
	return title
}

// cell is one cell of the problems sheet as kaohe writes it.
type cell struct {
	col, row int
	text     string
}

// ref is the cell's reference ("C5").
func (c cell) ref() string {
	s, _ := excelize.CoordinatesToCellName(c.col, c.row)
	return s
}

// locked is every cell of the problems sheet that is the office's, in the
// order their digests are listed: the title, the unit, the header, each
// problem's columns A–E and J, the note.
func (b *Book) locked(l *i18n.Labels) []cell {
	w := l.ProblemBook
	cells := []cell{{colNo, 1, b.Title}, {colNo, 2, fmt.Sprintf(w.UnitLine, b.Unit)}}
	for i, h := range []string{w.No, w.Indicator, w.Problem, w.Points, w.Due, w.Measure, w.Completion, w.DoneOn, w.Responsible, w.ProblemID} {
		cells = append(cells, cell{i + 1, header, h})
	}
	for i, r := range b.Rows {
		y := firstRow + i
		cells = append(cells, cell{colNo, y, strconv.Itoa(i + 1)}, cell{colIndicator, y, r.Indicator}, cell{colProblem, y, r.Problem},
			cell{colPoints, y, r.Points}, cell{colDue, y, r.Due}, cell{colID, y, r.ID})
	}
	return append(cells, cell{colNo, b.noteRow(), w.Note})
}

// noteRow is the row of the note under the table.
func (b *Book) noteRow() int { return firstRow + len(b.Rows) + 1 }

// Write writes the workbook: the problems sheet, protected but for the
// unit's four columns, laid out for A4 landscape, and the hidden sheet
// "kaohe".
func (b *Book) Write(l *i18n.Labels, out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", b.Sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	locked := b.locked(l)
	for _, c := range locked {
		style := st.text
		switch {
		case c.row == 1:
			style = st.title
		case c.row == 2:
			style = st.unitLine
		case c.row == header:
			style = st.header
		case c.row == b.noteRow():
			style = st.note
		case c.col == colNo || c.col == colPoints || c.col == colDue:
			style = st.center
		}
		if err := setText(f, b.Sheet, c, style); err != nil {
			return err
		}
	}
	for i, r := range b.Rows {
		y := firstRow + i
		for _, c := range []cell{{colMeasure, y, r.Measure}, {colCompletion, y, r.Completion}, {colDoneOn, y, r.DoneOn}, {colResponsible, y, r.Responsible}} {
			style := st.open
			if c.col == colDoneOn {
				style = st.openCenter
			}
			if err := setText(f, b.Sheet, c, style); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(b.Sheet, y, rowHeight(r)); err != nil {
			return err
		}
	}
	if err := b.page(f); err != nil {
		return err
	}
	if err := b.seal(f, locked); err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

// setText writes a cell's text as a string cell ("" leaves it empty but
// styled).
func setText(f *excelize.File, sheet string, c cell, style int) error {
	ref := c.ref()
	if c.text != "" {
		if err := f.SetCellStr(sheet, ref, c.text); err != nil {
			return err
		}
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// page sets the column widths, the merged title rows, the hidden ID
// column, and A4 landscape one page wide with the header repeated.
func (b *Book) page(f *excelize.File) error {
	sh := b.Sheet
	widths := colWidths()
	if err := countybook.ColumnWidths(f, sh, widths[:]...); err != nil {
		return err
	}
	if err := f.SetColVisible(sh, "J", false); err != nil {
		return err
	}
	for _, row := range []int{1, 2, b.noteRow()} {
		if err := f.MergeCell(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("I%d", row)); err != nil {
			return err
		}
	}
	for row, h := range map[int]float64{1: 30, 2: 20, header: 30, b.noteRow(): 32} {
		if err := f.SetRowHeight(sh, row, h); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: fmt.Sprintf("A%d", firstRow), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	margin, small := 0.5, 0.3
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &small, Footer: &small}); err != nil {
		return err
	}
	centered := true
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Horizontally: &centered}); err != nil {
		return err
	}
	return countybook.PrintA4Landscape(f, sh, header)
}

// metaFields are the fields the sheet "kaohe" of b gives (after its kind
// and version): its period, unit, language, problems sheet and rows.
func (b *Book) metaFields() []countybook.Field {
	return []countybook.Field{{Name: "period", Value: b.Period}, {Name: "unit", Value: b.Unit}, {Name: "lang", Value: b.Lang},
		{Name: "sheet", Value: b.Sheet}, {Name: "rows", Value: strconv.Itoa(len(b.Rows))}}
}

// seal protects the problems sheet and writes the very hidden sheet
// "kaohe" (report/countybook).
func (b *Book) seal(f *excelize.File, locked []cell) error {
	return countybook.Seal(f, countybook.NewMeta(bookKind, bookVersion, b.metaFields(), sealed(locked)))
}

// sealed is the locked cells as the sheet "kaohe" lists them.
func sealed(locked []cell) []countybook.Cell {
	cells := make([]countybook.Cell, len(locked))
	for i, c := range locked {
		cells[i] = countybook.Cell{Col: c.col, Row: c.row, Text: c.text}
	}
	return cells
}

// rowHeight is the height in points that shows a problem's wrapped texts
// (and leaves room for two lines of the unit's own when printed blank).
func rowHeight(r BookRow) float64 {
	lines, widths := 2, colWidths()
	for _, c := range []struct {
		text  string
		width float64
	}{{r.Indicator, widths[colIndicator-1]}, {r.Problem, widths[colProblem-1]}, {r.Measure, widths[colMeasure-1]},
		{r.Completion, widths[colCompletion-1]}, {r.Responsible, widths[colResponsible-1]}} {
		lines = max(lines, wrappedLines(c.text, c.width))
	}
	return min(float64(lines)*14+4, 409)
}

// wrappedLines is how many lines text takes wrapped in a column of width
// characters.
func wrappedLines(text string, width float64) int {
	per := max(1, int(width)-2)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += max(1, (textwidth.Width(para)+per-1)/per)
	}
	return n
}

// styles are the cell styles of both workbooks.
type styles struct {
	title, unitLine, header, text, center, note, open, openCenter, red int
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := &excelize.Font{Family: "SimSun", Size: 10}
	bold := &excelize.Font{Family: "SimHei", Size: 10, Bold: true}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "center"}
	centered := &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}
	unlocked := &excelize.Protection{Locked: false}
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.unitLine = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 11}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	s.header = mk(&excelize.Style{Font: bold, Alignment: centered, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	s.text = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border})
	s.center = mk(&excelize.Style{Font: font, Alignment: centered, Border: border})
	s.note = mk(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 9}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.open = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border, Protection: unlocked, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	s.openCenter = mk(&excelize.Style{Font: font, Alignment: centered, Border: border, Protection: unlocked, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	s.red = mk(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 10, Color: "C00000"}, Alignment: centered, Border: border})
	return s, err
}
