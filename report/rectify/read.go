package rectify

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/kaohe/kaohe/store"
	"github.com/xuri/excelize/v2"
)

// MaxBookBytes is the largest returned workbook kaohe reads: a unit's
// problems are some tens of rows, a few tens of kilobytes.
const MaxBookBytes = countybook.MaxBytes

// maxRows bounds the problems the sheet "kaohe" may say the workbook has.
const maxRows = 100000

// Returned is a unit's returned workbook as read: what the sheet "kaohe"
// says it is, and each problem's row.
type Returned struct {
	File                      string
	Period, Unit, Lang, Sheet string
	Rows                      []ReturnedRow
	// changed is the first locked cell whose text lost its digest ("" when
	// none), and what it reads now.
	changed, changedText string
}

// ReturnedRow is one problem's row: the hidden problem ID and what the
// unit filled in, its completion date read as YYYY-MM-DD.
type ReturnedRow struct {
	Row                                      int
	ID                                       string
	Measure, Completion, DoneOn, Responsible string
}

// Filled reports whether the unit wrote anything in the row.
func (r ReturnedRow) Filled() bool {
	return r.Measure != "" || r.Completion != "" || r.DoneOn != "" || r.Responsible != ""
}

// at names a cell of the problems sheet as a refusal does: sheet!cell.
func (r *Returned) at(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return r.Sheet + "!" + c
}

// notBook refuses a file that is not a workbook kaohe wrote.
func notBook(file string, why error) error {
	return i18n.Errorf("%s is not a 问题清单 kaohe wrote: %s", file, why)
}

// Read opens a returned workbook without trusting it (internal/workbook:
// its size, its parts' inflated sizes, its XML), checks it is a 问题清单
// kaohe wrote whose office cells are as written, and reads each row. A
// formula anywhere is read as its text ("=…"), never evaluated. A row that
// is filled needs its measure; a completion date is a date (a real date
// cell, or text written 2022-03-01, 2022/3/1 or 2022年3月1日); a problem
// ID appears once. Every refusal names the cell (sheet!cell). Import
// reads through it, and names what kaohe would write now in a changed
// cell.
func Read(path string) (*Returned, error) {
	ret, err := read(path)
	if err == nil && ret.changed != "" {
		return nil, ret.errChanged("", false)
	}
	return ret, err
}

// read is Read, but a changed office cell is left in the result
// (changed, changedText) for the caller to word.
func read(path string) (*Returned, error) {
	f, m, err := countybook.Read(path, layout())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ret := &Returned{File: path, Period: m.Field("period"), Unit: m.Field("unit"), Lang: m.Field("lang"), Sheet: m.Sheet()}
	sheet := ret.Sheet
	ref, text, err := countybook.Changed(f, sheet, m)
	if err != nil {
		return nil, err
	}
	if ref != "" {
		ret.changed, ret.changedText = ref, text
		return ret, nil
	}
	rows, _ := strconv.Atoi(m.Field("rows"))
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	first := map[string]string{}
	for i := 0; i < rows; i++ {
		y := firstRow + i
		id, err := cellText(f, sheet, ret.cell(colID, y))
		if err != nil {
			return nil, err
		}
		row := ReturnedRow{Row: y, ID: id}
		if _, _, ok := SplitRef(id); !ok {
			return nil, i18n.Errorf("%s: the problem ID %q is not one kaohe wrote", ret.at(colID, y), id)
		}
		if at, dup := first[id]; dup {
			_, key, _ := SplitRef(id)
			return nil, i18n.Errorf("%s: problem %s is listed twice (first at %s)", ret.at(colID, y), shownID(key), at)
		}
		first[id] = ret.at(colID, y)
		for _, c := range []struct {
			col int
			to  *string
		}{{colMeasure, &row.Measure}, {colCompletion, &row.Completion}, {colResponsible, &row.Responsible}} {
			text, err := cellText(f, sheet, ret.cell(c.col, y))
			if err != nil {
				return nil, err
			}
			*c.to = strings.TrimSpace(text)
		}
		if row.DoneOn, err = readDate(f, sheet, ret.cell(colDoneOn, y), ret.at(colDoneOn, y), date1904); err != nil {
			return nil, err
		}
		if err := ret.checkRow(row); err != nil {
			return nil, err
		}
		ret.Rows = append(ret.Rows, row)
	}
	return ret, nil
}

// cell is a cell's reference in the problems sheet.
func (r *Returned) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// checkRow refuses a filled row without its measure, and texts the record
// does not hold, naming the cell.
func (r *Returned) checkRow(row ReturnedRow) error {
	if !row.Filled() {
		return nil
	}
	if row.Measure == "" {
		return i18n.Errorf("%s: a row that reports a rectification needs its measure (整改措施)", r.at(colMeasure, row.Row))
	}
	for _, c := range []struct {
		col  int
		text string
	}{{colMeasure, row.Measure}, {colCompletion, row.Completion}} {
		if n := utf8.RuneCountInString(c.text); n > store.MaxProblemText {
			return i18n.Errorf("%s: the text is %d characters long; a measure or a report holds at most %d", r.at(c.col, row.Row), n, store.MaxProblemText)
		}
	}
	if n := utf8.RuneCountInString(row.Responsible); n > store.MaxProblemName {
		return i18n.Errorf("%s: the name is %d characters long; a responsible person holds at most %d", r.at(colResponsible, row.Row), n, store.MaxProblemName)
	}
	if strings.IndexFunc(row.Responsible, unicode.IsControl) >= 0 {
		return i18n.Errorf("%s: a responsible person is one line", r.at(colResponsible, row.Row))
	}
	return nil
}

// layout is what the sheet "kaohe" of a 问题清单 is checked against
// (report/countybook): its kind, its fields, and exactly the cells kaohe's
// layout locks.
func layout() countybook.Layout {
	return countybook.Layout{Kind: bookKind, Version: bookVersion,
		Fields: []string{"period", "unit", "lang", "sheet", "rows"},
		Locked: countybook.RowsLocked(maxRows, func(n int) []countybook.Cell {
			return sealed((&Book{Rows: make([]BookRow, n)}).locked(i18n.For("en")))
		}),
		NotBook: notBook,
		Tampered: func(at string) error {
			return i18n.Errorf("%s: the cells kaohe wrote were changed (their digest does not match); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in", at)
		},
	}
}

// cellText is a cell's text as written: a formula's text, never its value
// (report/countybook).
func cellText(f *excelize.File, sheet, ref string) (string, error) {
	return countybook.CellText(f, sheet, ref)
}

// datePattern is a date written as text: 2022-03-01, 2022/3/1, 2022年3月1日.
func datePattern() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$`)
}

// readDate reads a completion date: empty, a date cell (a number styled as
// a date, or an ISO date cell), or text in one of the forms datePattern
// takes; anything else is refused naming at.
func readDate(f *excelize.File, sheet, ref, at string, date1904 bool) (string, error) {
	text, err := cellText(f, sheet, ref)
	if err != nil {
		return "", err
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(text, "=") {
		switch typ {
		case excelize.CellTypeDate:
			if t, err := time.Parse(time.RFC3339, text); err == nil {
				return t.Format(assessment.DateLayout), nil
			}
			if len(text) >= 10 && assessment.ValidDate(text[:10]) {
				return text[:10], nil
			}
		case excelize.CellTypeUnset, excelize.CellTypeNumber:
			if v, err := strconv.ParseFloat(text, 64); err == nil {
				if !dateStyled(f, sheet, ref) || v < 1 || v >= 2958466 {
					return "", i18n.Errorf("%s: the number %s is not a date (type the date, such as 2022-03-01)", at, text)
				}
				t, err := excelize.ExcelDateToTime(v, date1904)
				if err != nil {
					return "", i18n.Errorf("%s: the number %s is not a date (type the date, such as 2022-03-01)", at, text)
				}
				return t.Format(assessment.DateLayout), nil
			}
		}
	}
	if d, ok := parseDateText(text); ok {
		return d, nil
	}
	return "", i18n.Errorf("%s: %q is not a date (write it as 2022-03-01, 2022/3/1 or 2022年3月1日)", at, text)
}

// parseDateText reads a date written as text, as YYYY-MM-DD.
func parseDateText(text string) (string, bool) {
	m := datePattern().FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	var parts []string
	for _, p := range m[2:] {
		if p != "" {
			parts = append(parts, p)
		}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(parts[0])
	d, _ := strconv.Atoi(parts[1])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return "", false
	}
	return t.Format(assessment.DateLayout), true
}

// dateStyled reports whether a numeric cell is shown as a date: its number
// format is one of the built-in date formats, or a custom format with a
// year or day in it (outside quoted text and [..] sections), as WPS and
// Excel give a cell the user typed a date into.
func dateStyled(f *excelize.File, sheet, ref string) bool {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormat(*st.CustomNumFmt)
	}
	n := st.NumFmt
	return (n >= 14 && n <= 17) || n == 22 || (n >= 27 && n <= 36) || (n >= 50 && n <= 58)
}

// dateFormat reports whether a custom number format shows a date.
func dateFormat(code string) bool {
	var b strings.Builder
	quoted, bracket := false, false
	for _, r := range code {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s := b.String()
	return strings.ContainsAny(s, "yd") || strings.Contains(s, "年") || strings.Contains(s, "日")
}

// errChanged is the refusal of a changed office cell, with what kaohe
// writes there now when it can say.
func (r *Returned) errChanged(now string, known bool) error {
	at := r.Sheet + "!" + r.changed
	if known {
		return i18n.Errorf("%s: a cell kaohe wrote was changed (it reads %q; kaohe wrote %q); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in", at, r.changedText, now)
	}
	return i18n.Errorf("%s: a cell kaohe wrote was changed (it reads %q); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in", at, r.changedText)
}

// shownID is a problem's ID as lists show it, from its key: the rule, or
// the rule and the item's short ID ("1.2.a#3f9c2a1b").
func shownID(key string) string {
	rule, item, ok := strings.Cut(key, "/")
	if !ok {
		return key
	}
	return rule + "#" + assessment.Item{ID: item}.Short()
}
