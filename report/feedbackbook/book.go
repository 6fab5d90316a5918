// Package feedbackbook writes a unit's 反馈 workbook — its preliminary
// result as sent to it: its score, its rank among all units of the
// period, each deduction with its rule, reason and evidence, and an empty
// 申诉理由 column per deduction — and reads the returned workbook's
// appeals back. Both go through report/countybook, the one mechanism of
// the workbooks kaohe sends a unit to fill in (locked office cells, a
// hidden rule ID per row, the digest sheet "kaohe").
package feedbackbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/kaohe/kaohe/store"
	"github.com/xuri/excelize/v2"
)

// Kind and Version are what the sheet "kaohe" says a 反馈 workbook is.
const (
	Kind    = "kaohe 反馈"
	Version = "1"
)

// MaxBookBytes is the largest returned workbook kaohe reads: a unit's
// deductions are some tens of rows, a few tens of kilobytes.
const MaxBookBytes = countybook.MaxBytes

// maxRows bounds the deductions the sheet "kaohe" may say it has.
const maxRows = 10000

// The layout: the title in row 1, the unit and the dates in rows 2 and 3,
// the header in row 4, one deduction a row from row 5, then the note.
const (
	header   = 4
	firstRow = 5
)

// The columns, 1-based: A–F and the hidden H are the office's, G the
// unit's.
const (
	colNo = iota + 1
	colRule
	colIndicator
	colPoints
	colReason
	colEvidence
	colAppeal
	colID
)

// Book is one unit's 反馈 workbook of one feedback round.
type Book struct {
	AssessmentID, Period, Unit, Lang string
	Round                            int
	Digest, IssuedOn, Deadline       string
	Sheet, Title, UnitLine, DateLine string
	Rows                             []Row
}

// Row is one deduction of the workbook.
type Row struct {
	Rule, Indicator, Points, Reason, Evidence string
}

// New lays out st's 反馈 workbook of the feedback round fb (nil: its
// current one): its preliminary total and its rank among every unit of
// the period (peers, st among them), each rule that deducts in the signed
// result; now is when it is written.
func New(l *i18n.Labels, st *store.State, fb *store.FeedbackRecord, peers []*store.State, now time.Time) (*Book, error) {
	if fb == nil {
		fb, _ = st.Feedback()
	}
	if fb == nil {
		return nil, i18n.Errorf("%s has no feedback issued; its 反馈 workbook follows the feedback", st.Assessment.Label())
	}
	a := st.Assessment
	r, err := report.Build(peers, report.Filter{Period: a.Period, Units: []string{a.Unit}, Stage: report.StagePreliminary}, l, now)
	if err != nil {
		return nil, err
	}
	var row report.RankRow
	var sh report.Sheet
	for i := range r.Ranking {
		if r.Ranking[i].Unit == textwidth.Sanitize(a.Unit, true) {
			row, sh = r.Ranking[i], r.Sheets[i]
		}
	}
	w := l.FeedbackBook
	b := &Book{AssessmentID: a.ID, Period: a.Period, Unit: a.Unit, Lang: l.Lang, Round: fb.Round, Digest: fb.Digest,
		IssuedOn: fb.IssuedOn, Deadline: fb.Deadline, Sheet: w.Sheet,
		Title:    fmt.Sprintf(w.Title, a.Period, st.Rubric.Title),
		UnitLine: fmt.Sprintf(w.UnitLine, a.Unit, row.Total.Fixed(2), row.Rank, row.Among),
		DateLine: fmt.Sprintf(w.DateLine, fb.IssuedOn, fb.Deadline, fb.Round)}
	res, err := st.Score()
	if err != nil {
		return nil, err
	}
	reasons := map[string][]string{}
	for _, p := range st.Problems(res) {
		if p.Found != "" {
			reasons[p.Rule] = append(reasons[p.Rule], p.Found)
		}
	}
	for ci := range res.Categories {
		for ii := range res.Categories[ci].Indicators {
			ir := &res.Categories[ci].Indicators[ii]
			if ir.Bonus {
				continue
			}
			_, ind, _ := st.Rubric.Indicator(ir.ID)
			for ri := range ir.Rules {
				rr := &ir.Rules[ri]
				if rr.Amount <= 0 {
					continue
				}
				name := rr.ID()
				if rr.Rule != nil {
					name += " " + rr.Rule.Name()
				}
				var ev []string
				for _, e := range sh.Evidence {
					if e.Subject == rr.ID() || e.Subject == ir.ID {
						ev = append(ev, e.Name)
					}
				}
				content := ir.ID
				if ind != nil {
					content += " " + ind.Content
				}
				b.Rows = append(b.Rows, Row{Rule: name, Indicator: clean(content), Points: rr.Amount.Fixed(2),
					Reason: clean(strings.Join(reasons[rr.ID()], "；")), Evidence: clean(strings.Join(ev, "、"))})
			}
		}
	}
	return b, nil
}

func clean(s string) string { return textwidth.Sanitize(s, true) }

// ruleID is a row's rule ID (the first word of its rule cell).
func (r Row) ruleID() string { id, _, _ := strings.Cut(r.Rule, " "); return id }

// noteRow is the row of the note under the table.
func (b *Book) noteRow() int { return firstRow + len(b.Rows) + 1 }

// fields are what the sheet "kaohe" carries besides the cells.
func (b *Book) fields() []countybook.Field {
	return []countybook.Field{{Name: "period", Value: b.Period}, {Name: "unit", Value: b.Unit}, {Name: "lang", Value: b.Lang},
		{Name: "sheet", Value: b.Sheet}, {Name: "rows", Value: strconv.Itoa(len(b.Rows))}, {Name: "assessment", Value: b.AssessmentID},
		{Name: "round", Value: strconv.Itoa(b.Round)}, {Name: "sign-off digest", Value: b.Digest},
		{Name: "issued", Value: b.IssuedOn}, {Name: "deadline", Value: b.Deadline}}
}

// fieldNames are the names of fields, in order, as Read expects them.
func fieldNames() []string {
	return []string{"period", "unit", "lang", "sheet", "rows", "assessment", "round", "sign-off digest", "issued", "deadline"}
}

// locked are the office's cells: the title, the unit and date lines, the
// header, each row's columns A–F and H, the note.
func (b *Book) locked(l *i18n.Labels) []countybook.Cell {
	w := l.FeedbackBook
	cells := []countybook.Cell{{Col: colNo, Row: 1, Text: b.Title}, {Col: colNo, Row: 2, Text: b.UnitLine}, {Col: colNo, Row: 3, Text: b.DateLine}}
	for i, h := range []string{w.No, w.Rule, w.Indicator, w.Points, w.Reason, w.Evidence, w.Appeal, w.RuleID} {
		cells = append(cells, countybook.Cell{Col: i + 1, Row: header, Text: h})
	}
	for i, r := range b.Rows {
		y := firstRow + i
		cells = append(cells, countybook.Cell{Col: colNo, Row: y, Text: strconv.Itoa(i + 1)}, countybook.Cell{Col: colRule, Row: y, Text: r.Rule},
			countybook.Cell{Col: colIndicator, Row: y, Text: r.Indicator}, countybook.Cell{Col: colPoints, Row: y, Text: r.Points},
			countybook.Cell{Col: colReason, Row: y, Text: r.Reason}, countybook.Cell{Col: colEvidence, Row: y, Text: r.Evidence},
			countybook.Cell{Col: colID, Row: y, Text: r.ruleID()})
	}
	return append(cells, countybook.Cell{Col: colNo, Row: b.noteRow(), Text: w.Note})
}

// Write writes the workbook: the sheet, protected but for the 申诉理由
// column, laid out for A4 landscape, sealed with the sheet "kaohe".
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
		case c.Row == 1:
			style = st.title
		case c.Row == 2 || c.Row == 3:
			style = st.line
		case c.Row == header:
			style = st.header
		case c.Row == b.noteRow():
			style = st.note
		case c.Col == colNo || c.Col == colPoints || c.Col == colRule:
			style = st.center
		}
		if err := countybook.SetCell(f, b.Sheet, c, style); err != nil {
			return err
		}
	}
	for i := range b.Rows {
		y := firstRow + i
		if err := countybook.SetCell(f, b.Sheet, countybook.Cell{Col: colAppeal, Row: y}, st.open); err != nil {
			return err
		}
		if err := f.SetRowHeight(b.Sheet, y, 48); err != nil {
			return err
		}
	}
	if err := b.page(f); err != nil {
		return err
	}
	if err := countybook.Seal(f, countybook.NewMeta(Kind, Version, b.fields(), locked)); err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

// page sets the widths, merges the title lines, hides the ID column and
// lays the sheet out on A4 landscape, one page wide, the header repeated.
func (b *Book) page(f *excelize.File) error {
	sh := b.Sheet
	if err := countybook.ColumnWidths(f, sh, 6, 18, 34, 8, 30, 20, 40, 10); err != nil {
		return err
	}
	if err := f.SetColVisible(sh, "H", false); err != nil {
		return err
	}
	for _, row := range []int{1, 2, 3, b.noteRow()} {
		if err := f.MergeCell(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("G%d", row)); err != nil {
			return err
		}
	}
	for row, h := range map[int]float64{1: 30, 2: 20, 3: 20, header: 30, b.noteRow(): 32} {
		if err := f.SetRowHeight(sh, row, h); err != nil {
			return err
		}
	}
	return countybook.PrintA4Landscape(f, sh, header)
}

type styles struct{ title, line, header, text, center, note, open int }

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
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
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.line = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 11}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	s.header = mk(&excelize.Style{Font: &excelize.Font{Family: "SimHei", Size: 10, Bold: true}, Alignment: centered, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	s.text = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border})
	s.center = mk(&excelize.Style{Font: font, Alignment: centered, Border: border})
	s.note = mk(&excelize.Style{Font: &excelize.Font{Family: "SimSun", Size: 9}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.open = mk(&excelize.Style{Font: font, Alignment: wrap, Border: border, Protection: &excelize.Protection{Locked: false},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	return s, err
}

// Returned is a unit's returned 反馈 workbook as read: which assessment
// and round it answers, and each appeal written in it.
type Returned struct {
	File, AssessmentID, Unit, Period, Digest string
	Round                                    int
	Appeals                                  []Appeal
}

// Appeal is one 申诉理由 the unit wrote, with the cell it was read from.
type Appeal struct {
	At, Rule, Reason string
}

// layout is what the sheet "kaohe" of a 反馈 workbook read from file is
// checked against (report/countybook): its kind, its fields, exactly the
// cells kaohe's layout locks, and the refusals worded for this workbook.
func layout(file string) countybook.Layout {
	return countybook.Layout{Kind: Kind, Version: Version, Fields: fieldNames(),
		Locked: countybook.RowsLocked(maxRows, func(n int) []countybook.Cell {
			return (&Book{Rows: make([]Row, n)}).locked(i18n.For("en"))
		}),
		NotBook: func(file string, why error) error {
			return i18n.Errorf("%s is not a %s kaohe wrote: %s", file, "反馈 workbook", why)
		},
		Tampered: func(at string) error {
			return i18n.Errorf("%s: the sheet %q was changed (its digest %s no longer matches); send the unit a new workbook", file, countybook.MetaSheet, at)
		},
	}
}

// Read opens a returned 反馈 workbook without trusting it (countybook:
// its size, its parts, its digests), and reads the 申诉理由 of each row
// that has one. Every refusal names the file and the cell (sheet!cell).
func Read(path string) (*Returned, error) {
	f, m, err := countybook.Read(path, layout(path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheet := m.Sheet()
	if ref, text, err := countybook.Changed(f, sheet, m); err != nil {
		return nil, err
	} else if ref != "" {
		return nil, i18n.Errorf("%s: %s is kaohe's and was changed (it reads %q now); only the unit's columns are filled in", path, sheet+"!"+ref, clip(text))
	}
	ret := &Returned{File: path, AssessmentID: m.Field("assessment"), Unit: m.Field("unit"), Period: m.Field("period"), Digest: m.Field("sign-off digest")}
	ret.Round, _ = strconv.Atoi(m.Field("round"))
	rows, _ := strconv.Atoi(m.Field("rows"))
	for i := 0; i < rows; i++ {
		y := firstRow + i
		rule, err := countybook.CellText(f, sheet, countybook.Cell{Col: colID, Row: y}.Ref())
		if err != nil {
			return nil, err
		}
		reason, err := countybook.CellText(f, sheet, countybook.Cell{Col: colAppeal, Row: y}.Ref())
		if err != nil {
			return nil, err
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			continue
		}
		at := countybook.At(sheet, colAppeal, y)
		if !utf8.ValidString(reason) {
			return nil, i18n.Errorf("%s: %s is not valid UTF-8 text", path, at)
		}
		if n := utf8.RuneCountInString(reason); n > store.MaxAppealReason {
			return nil, i18n.Errorf("%s: %s is %d characters long; an appeal's reason holds at most %d", path, at, n, store.MaxAppealReason)
		}
		ret.Appeals = append(ret.Appeals, Appeal{At: at, Rule: rule, Reason: reason})
	}
	return ret, nil
}

// clip shortens a changed cell's text for a refusal.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// FileName is the 反馈 workbook's file name for unit.
func FileName(l *i18n.Labels, unit string) string {
	return fmt.Sprintf(l.FeedbackBook.File, unit)
}
