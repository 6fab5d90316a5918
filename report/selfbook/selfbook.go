// Package selfbook is the 自评表: the workbook a county fills with its
// self-assessment of each indicator (自评得分, 自评说明, 佐证材料) and
// returns, read back without trusting it (report/countybook, the one
// mechanism of every workbook a unit returns).
package selfbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/figure"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/xuri/excelize/v2"
)

// The layout: title in row 1, the unit in row 2, the header in row 3, one
// indicator a row from row 4, then the note on what to fill in. Columns
// A–D are the team's (locked, each cell's digest in the sheet "kaohe");
// E–G are the county's.
const (
	kind     = "kaohe 自评表"
	version  = "1"
	header   = 3
	firstRow = 4
	// maxRows bounds the indicators the sheet "kaohe" may say it has.
	maxRows = 10000
)

// The columns, 1-based.
const (
	colIndicator = iota + 1
	colContent
	colStandard
	colPoints
	colScore
	colAccount
	colFiles
	lastCol = colFiles
)

// Book is one unit's 自评表 of one assessment.
type Book struct {
	AssessmentID, Period, Unit, Lang string
	Sheet, Title                     string
	Rows                             []Row
}

// Row is one indicator of a Book, with what the unit claimed so far.
type Row struct {
	Indicator, Content, Standard, Points string
	Score, Account, Files                string
}

// New lays out the 自评表 of st: every indicator with points, in rubric
// order, with the self-assessment recorded so far (so a workbook sent
// again shows it).
func New(l *i18n.Labels, st *store.State) *Book {
	w := l.SelfAssess
	a := st.Assessment
	b := &Book{AssessmentID: a.ID, Period: a.Period, Unit: a.Unit, Lang: l.Lang, Sheet: w.Sheet,
		Title: fmt.Sprintf(w.Title, a.Period, a.Unit)}
	self := st.SelfScores()
	for _, c := range st.Rubric.Categories {
		for _, in := range c.Indicators {
			if in.Points <= 0 {
				continue
			}
			r := Row{Indicator: in.ID, Content: in.Content, Standard: in.Standard, Points: in.Points.String()}
			if s, ok := self[in.ID]; ok {
				r.Score, r.Account, r.Files = s.Score.String(), s.Note, strings.Join(s.Files, "、")
			}
			b.Rows = append(b.Rows, r)
		}
	}
	return b
}

// locked is every cell that is the team's, in the order the sheet "kaohe"
// lists their digests.
func (b *Book) locked(l *i18n.Labels) []countybook.Cell {
	w := l.SelfAssess
	cells := []countybook.Cell{{Col: 1, Row: 1, Text: b.Title}, {Col: 1, Row: 2, Text: fmt.Sprintf(w.UnitLine, b.Unit)}}
	for i, h := range []string{w.Indicator, w.Content, w.Standard, w.Points, w.Score, w.Account, w.Files} {
		cells = append(cells, countybook.Cell{Col: i + 1, Row: header, Text: h})
	}
	for i, r := range b.Rows {
		y := firstRow + i
		cells = append(cells, countybook.Cell{Col: colIndicator, Row: y, Text: r.Indicator}, countybook.Cell{Col: colContent, Row: y, Text: r.Content},
			countybook.Cell{Col: colStandard, Row: y, Text: r.Standard}, countybook.Cell{Col: colPoints, Row: y, Text: r.Points})
	}
	return append(cells, countybook.Cell{Col: 1, Row: b.noteRow(), Text: w.Note})
}

func (b *Book) noteRow() int { return firstRow + len(b.Rows) + 1 }

// fields are the sheet "kaohe"'s fields of b.
func (b *Book) fields() []countybook.Field {
	return []countybook.Field{{Name: "assessment", Value: b.AssessmentID}, {Name: "period", Value: b.Period}, {Name: "unit", Value: b.Unit},
		{Name: "lang", Value: b.Lang}, {Name: "sheet", Value: b.Sheet}, {Name: "rows", Value: strconv.Itoa(len(b.Rows))}}
}

// layout is what ReadMeta checks a 自评表's sheet "kaohe" against.
func layout() countybook.Layout {
	return countybook.Layout{Kind: kind, Version: version, Fields: []string{"assessment", "period", "unit", "lang", "sheet", "rows"},
		Locked: countybook.RowsLocked(maxRows, func(n int) []countybook.Cell {
			return (&Book{Rows: make([]Row, n)}).locked(i18n.For("en"))
		}),
		NotBook: func(file string, why error) error {
			return i18n.Errorf("%s is not a 自评表 kaohe wrote: %s", file, why)
		},
		Tampered: func(at string) error {
			return i18n.Errorf("%s: the cells kaohe wrote were changed (their digest does not match); only the columns 自评得分, 自评说明 and 佐证材料 are filled in", at)
		},
	}
}

// Write writes the workbook: the sheet protected but for the county's
// three columns, A4 landscape one page wide, and the sheet "kaohe".
func (b *Book) Write(l *i18n.Labels, out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := b.Sheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
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
		case c.Row == 1:
			style = st.title
		case c.Row == header:
			style = st.header
		case c.Row == 2 || c.Row == b.noteRow():
			style = st.plain
		case c.Col == colIndicator || c.Col == colPoints:
			style = st.center
		}
		if err := countybook.SetCell(f, sh, c, style); err != nil {
			return err
		}
	}
	for i, r := range b.Rows {
		y := firstRow + i
		for _, c := range []countybook.Cell{{Col: colScore, Row: y, Text: r.Score}, {Col: colAccount, Row: y, Text: r.Account}, {Col: colFiles, Row: y, Text: r.Files}} {
			if err := countybook.SetCell(f, sh, c, st.open); err != nil {
				return err
			}
		}
	}
	if err := countybook.ColumnWidths(f, sh, 8, 30, 40, 7, 10, 30, 24); err != nil {
		return err
	}
	for _, row := range []int{1, 2, b.noteRow()} {
		if err := f.MergeCell(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("G%d", row)); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, b.noteRow(), 45); err != nil {
		return err
	}
	if err := countybook.PrintA4Landscape(f, sh, 0); err != nil {
		return err
	}
	if err := countybook.Seal(f, countybook.NewMeta(kind, version, b.fields(), locked)); err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

type styles struct{ title, header, text, center, plain, open int }

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	font := &excelize.Font{Family: "SimSun", Size: 10}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "center"}
	centered := &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}
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
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 16, Bold: true}, Alignment: centered})
	s.header = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 10, Bold: true}, Alignment: centered, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	s.text = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border})
	s.center = mk(&excelize.Style{Font: font, Alignment: centered, Border: border})
	s.plain = mk(&excelize.Style{Font: font, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.open = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border, Protection: &excelize.Protection{Locked: false},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	return s, err
}

// Returned is a county's returned 自评表 as read.
type Returned struct {
	File, AssessmentID, Period, Unit, Sheet string
	// Rows are the indicators the county filled, in the sheet's order.
	Rows []Claim
}

// Claim is one filled row: the indicator, the cell of each column, and
// what was claimed.
type Claim struct {
	Indicator                  string
	ScoreAt, AccountAt, FileAt string
	Self                       assessment.SelfRecord
}

// Read opens a returned 自评表 without trusting it, checks that it is one
// kaohe wrote whose team cells are as written, and reads each filled row:
// a score (a number, full-width digits taken, from 0 to the indicator's
// points of rb, to 0.01), an account, and file names separated by 、，,;；
// or new lines. A formula is read as its text and refused, never
// evaluated. Every refusal names its cell (sheet!cell).
func Read(path string, rb *rubric.Rubric) (*Returned, error) {
	f, m, err := countybook.Read(path, layout())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ret := &Returned{File: path, AssessmentID: m.Field("assessment"), Period: m.Field("period"), Unit: m.Field("unit"), Sheet: m.Sheet()}
	ref, text, err := countybook.Changed(f, ret.Sheet, m)
	if err != nil {
		return nil, err
	}
	if ref != "" {
		return nil, i18n.Errorf("%s: a cell kaohe wrote was changed (it reads %q); only the columns 自评得分, 自评说明 and 佐证材料 are filled in", ret.Sheet+"!"+ref, text)
	}
	rows, _ := strconv.Atoi(m.Field("rows"))
	for i := 0; i < rows; i++ {
		y := firstRow + i
		c, ok, err := ret.row(f, rb, y)
		if err != nil {
			return nil, err
		}
		if ok {
			ret.Rows = append(ret.Rows, c)
		}
	}
	return ret, nil
}

// Check reads a returned 自评表 as Read does, but only to tell what it is
// for (its assessment), before the rubric is known.
func Check(path string) (assessmentID string, err error) {
	f, m, err := countybook.Read(path, layout())
	if err != nil {
		return "", err
	}
	defer f.Close()
	return m.Field("assessment"), nil
}

// row reads one indicator's row; ok is false when the county left it empty.
func (r *Returned) row(f *excelize.File, rb *rubric.Rubric, y int) (Claim, bool, error) {
	text := func(col int) (string, string, error) {
		at := countybook.At(r.Sheet, col, y)
		ref, _ := excelize.CoordinatesToCellName(col, y)
		t, err := countybook.CellText(f, r.Sheet, ref)
		return strings.TrimSpace(t), at, err
	}
	ind, _, err := text(colIndicator)
	if err != nil {
		return Claim{}, false, err
	}
	score, scoreAt, err := text(colScore)
	if err != nil {
		return Claim{}, false, err
	}
	account, accountAt, err := text(colAccount)
	if err != nil {
		return Claim{}, false, err
	}
	files, filesAt, err := text(colFiles)
	if err != nil {
		return Claim{}, false, err
	}
	c := Claim{Indicator: ind, ScoreAt: scoreAt, AccountAt: accountAt, FileAt: filesAt}
	if score == "" && account == "" && files == "" {
		return c, false, nil
	}
	_, in, ok := rb.Indicator(ind)
	if !ok {
		return c, false, i18n.Errorf("%s: the rubric has no indicator %s", countybook.At(r.Sheet, colIndicator, y), ind)
	}
	switch {
	case score == "":
		return c, false, i18n.Errorf("%s: an account or evidence without its self-score (自评得分)", scoreAt)
	case strings.HasPrefix(score, "="):
		return c, false, i18n.Errorf("%s: a formula is not read (%q); type the score itself", scoreAt, score)
	}
	d, err := decimal.Parse(figure.Normalize(score))
	if err != nil {
		return c, false, i18n.Errorf("%s: %q is not a score (write a number such as 1.5)", scoreAt, score)
	}
	if d < 0 || d > in.Points || !d.IsCents() {
		return c, false, i18n.Errorf("%s: the self-score %s is outside 0 to the indicator's %s points, or has more than two decimals", scoreAt, score, in.Points)
	}
	if n := utf8.RuneCountInString(account); n > store.MaxProblemText {
		return c, false, i18n.Errorf("%s: the text is %d characters long; an account holds at most %d", accountAt, n, store.MaxProblemText)
	}
	c.Self = assessment.SelfRecord{Score: d, Note: account}
	for _, name := range strings.FieldsFunc(files, func(r rune) bool { return strings.ContainsRune("、，,;；\n\r", r) }) {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if strings.ContainsAny(name, `/\`) || strings.ContainsFunc(name, func(c rune) bool { return c < 0x20 || c == 0x7f }) || utf8.RuneCountInString(name) > 255 || name == "." || name == ".." {
			return c, false, i18n.Errorf("%s: %q is not a file name (one name without folders or control characters)", filesAt, name)
		}
		c.Self.Files = append(c.Self.Files, name)
	}
	return c, true, nil
}
