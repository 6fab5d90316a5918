package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/kaohe/kaohe/rubric/draft"
	"github.com/xuri/excelize/v2"
)

// maxPlatformBytes bounds a platform table's file: one row per county is
// some kilobytes, a whole province's export a few megabytes.
const maxPlatformBytes = 32 << 20

// platformTable is the 一体化平台's spreadsheet read as text, one row of
// cells per row of the sheet (or line of the CSV), with what the reader
// needs to name a cell and to see what a cell's text does not say.
type platformTable struct {
	rows [][]string
	// place names a cell (0-based row and column) where the user finds
	// it: Sheet1!C3 in a workbook, 平台数据.csv:3:2 (line, field) in a CSV.
	place func(row, col int) string
	// formula is a cell's formula ("" for none). A formula is read as its
	// text, never evaluated, and refused: a figure is typed, not computed
	// from cells kaohe does not check.
	formula func(row, col int) string
	// percent reports a number cell shown as a percentage: it stores
	// 0.985 and shows 98.5%.
	percent func(row, col int) bool
	// workbook is set for an .xlsx table, whose number cells hold the
	// binary double Excel and WPS store (89.3 is 89.299999999999997):
	// they are read as the 15 significant digits those programs show.
	workbook bool
	close    func()
}

// cell is the text of a cell, "" beyond the end of its row.
func (t *platformTable) cell(row, col int) string {
	if row >= len(t.rows) || col >= len(t.rows[row]) {
		return ""
	}
	return t.rows[row][col]
}

// readPlatformTable reads a platform table: an .xlsx workbook (vetted as
// every workbook kaohe reads is: bounded size, no zip bomb, damaged parts
// named; sheet "" is its first sheet) or a CSV file in UTF-8 (with or
// without a byte-order mark) or GBK, told apart by its bytes, not its name.
func readPlatformTable(path, sheet string) (*platformTable, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, i18n.Errorf("%s: cannot read the table: %v", path, osReason(err))
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.Errorf("%s: not a regular file; a platform table is an .xlsx or .csv file", path)
	}
	if st.Size() > maxPlatformBytes {
		return nil, i18n.Errorf("%s: too big for a platform table: %d bytes (at most %d)", path, st.Size(), maxPlatformBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, i18n.Errorf("%s: cannot read the table: %v", path, osReason(err))
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readPlatformWorkbook(path, data, sheet)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, i18n.Errorf("%s: an old Excel workbook (.xls); save it as .xlsx or .csv and import that", path)
	}
	if sheet != "" {
		return nil, i18n.Errorf("%s: a CSV file has no sheets; --sheet is for a workbook", path)
	}
	return readPlatformCSV(path, data)
}

// readPlatformWorkbook reads one sheet of a workbook, cells as they are
// stored (a number's digits, not its display format).
func readPlatformWorkbook(path string, data []byte, sheet string) (t *platformTable, err error) {
	f, err := workbook.Open(path, data, workbook.DefaultLimits())
	if err != nil {
		return nil, err
	}
	// Whatever the spreadsheet library makes of a hostile sheet must be
	// a message, not a crash.
	defer func() {
		if p := recover(); p != nil {
			f.Close()
			t, err = nil, i18n.Errorf("%s: the workbook is damaged and cannot be read (%v)", path, p)
		}
	}()
	sheets := f.GetSheetList()
	if sheet == "" && len(sheets) > 0 {
		sheet = sheets[0]
	}
	found := false
	for _, s := range sheets {
		found = found || s == sheet
	}
	if !found {
		f.Close()
		return nil, i18n.Errorf("%s: no sheet %s (its sheets: %s)", path, sheet, strings.Join(sheets, "、"))
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		f.Close()
		return nil, i18n.Errorf("%s: cannot read sheet %s: %v", path, sheet, err.Error())
	}
	name := func(row, col int) string {
		c, _ := excelize.CoordinatesToCellName(col+1, row+1)
		return c
	}
	return &platformTable{
		workbook: true,
		rows:     rows,
		place:    func(row, col int) string { return sheet + "!" + name(row, col) },
		formula: func(row, col int) string {
			fx, _ := f.GetCellFormula(sheet, name(row, col))
			if fx != "" && !strings.HasPrefix(fx, "=") {
				fx = "=" + fx // as the formula bar shows it
			}
			return fx
		},
		percent: func(row, col int) bool { return percentCell(f, sheet, name(row, col)) },
		close:   func() { f.Close() },
	}, nil
}

// shownNumber is a workbook's stored number as Excel and WPS show it: its
// 15 significant digits, without an exponent (89.299999999999997 is 89.3,
// 9.85E-1 is 0.985). Text that is no stored number is returned as it is.
// The double is the cell's own record; this is how kaohe reads it, not
// arithmetic on a score.
func shownNumber(text string) string {
	if strings.TrimLeft(text, "+-0123456789.eE") != "" || text == "" {
		return text
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return text
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// percentCell reports a number cell whose number format shows a
// percentage (the built-in 0% and 0.00%, or a format of its own with %).
func percentCell(f *excelize.File, sheet, cell string) bool {
	switch typ, _ := f.GetCellType(sheet, cell); typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeBool, excelize.CellTypeError:
		return false
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return true
	}
	return st.CustomNumFmt != nil && strings.Contains(unquotedFormat(*st.CustomNumFmt), "%")
}

// unquotedFormat is a number format without its literal parts (a quoted
// "…" text, a \-escaped character): 0.0"%" shows a % but does not scale
// the number, as 0.0% does.
func unquotedFormat(f string) string {
	var b strings.Builder
	quoted, escaped := false, false
	for _, r := range f {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && !quoted:
			escaped = true
		case r == '"':
			quoted = !quoted
		case !quoted:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// csvField is the number of the field (the column WPS shows it in) at
// byte column col of line (both 1-based) of a CSV text: encoding/csv
// names a byte, which in Chinese text is no column a person can find.
func csvField(text string, line, col int) int {
	lines := strings.Split(text, "\n")
	if line < 1 || line > len(lines) {
		return col
	}
	l := lines[line-1]
	field, quoted := 1, false
	for i := 0; i < len(l) && i < col-1; i++ {
		switch l[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				field++
			}
		}
	}
	return field
}

// readPlatformCSV reads a CSV table; a cell is named by its line and its
// field's number (the column it shows in when the CSV is opened in WPS).
func readPlatformCSV(path string, data []byte) (*platformTable, error) {
	text, _, err := draft.Decode(data)
	if err != nil {
		return nil, i18n.Errorf("%s: %v", path, err)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, i18n.Errorf("%s:%d:%d: %v", path, pe.Line, csvField(text, pe.Line, pe.Column), csvReason(pe.Err))
		}
		if err != nil {
			return nil, i18n.Errorf("%s: %v", path, err.Error())
		}
		line, _ := r.FieldPos(0)
		rows, lines = append(rows, rec), append(lines, line)
	}
	base := filepath.Base(path)
	t := &platformTable{
		rows:    rows,
		place:   func(row, col int) string { return fmt.Sprintf("%s:%d:%d", base, lines[row], col+1) },
		percent: func(int, int) bool { return false },
		close:   func() {},
	}
	t.formula = func(row, col int) string {
		// A CSV holds no formulas, but WPS runs a cell that begins with =
		// as one when it opens the file.
		if s := strings.TrimSpace(t.cell(row, col)); strings.HasPrefix(s, "=") {
			return s
		}
		return ""
	}
	return t, nil
}

// osReason is why the system could not read a file, in the words the
// wording table knows (no such file or directory, permission denied).
func osReason(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}

// csvReason words what the CSV reader found wrong.
func csvReason(err error) error {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return i18n.Phrase("a quote mark inside a field that is not quoted")
	case errors.Is(err, csv.ErrQuote):
		return i18n.Phrase("a quoted field whose closing quote mark is missing or misplaced")
	}
	return err
}
