// Package countybook is the one mechanism of every workbook kaohe sends a
// unit to fill in and reads back — the 问题清单 (report/rectify), the 反馈
// workbook (report/feedbackbook) and the 自评表 (report/selfbook): the unit
// fills some columns of a protected sheet,
// and the cells that are the office's are locked and listed, each with a
// digest of its text, in a very hidden sheet "kaohe" that also says what
// the workbook is. Reading one back trusts nothing: the file's size and
// parts are bounded (internal/workbook), every cell is read as written (a
// formula as its text, never evaluated), and a changed office cell or a
// changed sheet "kaohe" is refused naming the cell.
//
// The sheet "kaohe" is laid out as the 问题清单 first had it: rows 1 to n
// name (column A) and give (column B) the workbook's kind, version and
// fields, row n+1 the digest of all of it, and from row n+3 one locked
// cell a row, its reference and its text's digest. Protection has no
// password: a password in kaohe's source would be no secret, and the
// digests, not the protection, are what catch a change. Each kind words
// its own refusals (Layout), since each names the columns its unit fills.
package countybook

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// MetaSheet is the very hidden sheet that says what the workbook is.
const MetaSheet = "kaohe"

// MaxBytes is the largest returned workbook kaohe reads: a county's
// workbook is some tens of rows, a few tens of kilobytes.
const MaxBytes = 16 << 20

// Field is one named value of the sheet "kaohe" (period, unit, …).
type Field struct{ Name, Value string }

// Cell is one cell of a sheet as kaohe writes it.
type Cell struct {
	Col, Row int
	Text     string
}

// Ref is the cell's reference ("C5").
func (c Cell) Ref() string {
	s, _ := excelize.CoordinatesToCellName(c.Col, c.Row)
	return s
}

// Meta is the sheet "kaohe": the workbook's kind and version, its fields,
// and each locked cell's reference and digest.
type Meta struct {
	Kind, Version string
	Fields        []Field
	Refs, Digests []string
}

// Digest is the digest of one locked cell's text, as the sheet "kaohe"
// lists it.
func Digest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Field returns the value of the named field ("" when absent).
func (m Meta) Field(name string) string {
	for _, f := range m.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// Sum is the digest of everything the sheet "kaohe" says.
func (m Meta) Sum() string {
	h := sha256.New()
	parts := []string{m.Kind, m.Version}
	for _, f := range m.Fields {
		parts = append(parts, f.Value)
	}
	parts = append(append(parts, m.Refs...), m.Digests...)
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Sheet is the name of the data sheet the unit fills (the field "sheet").
func (m Meta) Sheet() string { return m.Field("sheet") }

// sumRow is the row of the sheet "kaohe" holding the digest; the locked
// cells are listed from two rows below it.
func (m Meta) sumRow() int { return len(m.Fields) + 3 }

// SumCell names the cell of the digest as a refusal does: kaohe!B8.
func (m Meta) SumCell() string { return fmt.Sprintf("%s!B%d", MetaSheet, m.sumRow()) }

// NewMeta is the sheet "kaohe" of a workbook whose locked cells are
// locked.
func NewMeta(kind, version string, fields []Field, locked []Cell) Meta {
	m := Meta{Kind: kind, Version: version, Fields: fields}
	for _, c := range locked {
		m.Refs = append(m.Refs, c.Ref())
		m.Digests = append(m.Digests, Digest(c.Text))
	}
	return m
}

// WriteMeta writes the sheet "kaohe", protected and very hidden.
func WriteMeta(f *excelize.File, m Meta) error {
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return err
	}
	names := []string{"kind", "version"}
	values := []string{m.Kind, m.Version}
	for _, fl := range m.Fields {
		names, values = append(names, fl.Name), append(values, fl.Value)
	}
	names, values = append(names, "digest"), append(values, m.Sum())
	for i := range names {
		if err := f.SetCellStr(MetaSheet, fmt.Sprintf("A%d", i+1), names[i]); err != nil {
			return err
		}
		if err := f.SetCellStr(MetaSheet, fmt.Sprintf("B%d", i+1), values[i]); err != nil {
			return err
		}
	}
	first := m.sumRow() + 2
	for i := range m.Refs {
		if err := f.SetCellStr(MetaSheet, fmt.Sprintf("A%d", first+i), m.Refs[i]); err != nil {
			return err
		}
		if err := f.SetCellStr(MetaSheet, fmt.Sprintf("B%d", first+i), m.Digests[i]); err != nil {
			return err
		}
	}
	if err := f.ProtectSheet(MetaSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	return f.SetSheetVisible(MetaSheet, false, true)
}

// Seal finishes a workbook whose data sheet (m.Sheet()) the caller laid
// out, the office's cells styled locked and the unit's unlocked: it writes
// the sheet "kaohe", protects the data sheet (the unit may still select
// cells and resize rows and columns) and locks the workbook's structure.
func Seal(f *excelize.File, m Meta) error {
	if err := WriteMeta(f, m); err != nil {
		return err
	}
	if err := f.ProtectSheet(m.Sheet(), &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatRows: true, FormatColumns: true}); err != nil {
		return err
	}
	return f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true})
}

// Open opens a returned workbook without trusting it: its size, its
// parts' inflated sizes and its XML bounded (internal/workbook).
func Open(path string) (*excelize.File, error) {
	return workbook.OpenFile(path, MaxBytes, workbook.DefaultLimits())
}

// Layout says what a kind of workbook is, for ReadMeta: its kind and
// version, its fields' names, and the locked cells its layout has for the
// fields read (so that a sheet "kaohe" listing other cells is refused).
type Layout struct {
	Kind, Version string
	Fields        []string
	// Locked is the references of the locked cells, in order, of a
	// workbook with these fields; nil when the fields do not make one.
	Locked func(fields []Field) []string
	// NotBook words the refusal of a file that is not such a workbook.
	NotBook func(file string, why error) error
	// Tampered words the refusal of a changed sheet "kaohe": the cell of
	// its digest.
	Tampered func(at string) error
}

// RowsLocked is a Layout.Locked for a workbook whose locked cells follow
// from its field "rows" alone: locked(n) are the locked cells, in order,
// of a workbook of n rows. A count that is not a whole number from 0 to
// most, written plainly, makes none, so such a workbook is refused.
func RowsLocked(most int, locked func(n int) []Cell) func([]Field) []string {
	return func(fields []Field) []string {
		s := Meta{Fields: fields}.Field("rows")
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > most || strconv.Itoa(n) != s {
			return nil
		}
		var refs []string
		for _, c := range locked(n) {
			refs = append(refs, c.Ref())
		}
		return refs
	}
}

// ReadMeta reads the sheet "kaohe" of f, checks it says it is a workbook
// of lay, that its digest is its own, and that it lists exactly the cells
// lay locks.
func ReadMeta(f *excelize.File, file string, lay Layout) (Meta, error) {
	m := Meta{Kind: lay.Kind, Version: lay.Version}
	if idx, err := f.GetSheetIndex(MetaSheet); err != nil || idx < 0 {
		return m, lay.NotBook(file, i18n.Phrase("it has no sheet %q", MetaSheet))
	}
	get := func(row int) (string, error) { return CellText(f, MetaSheet, fmt.Sprintf("B%d", row)) }
	kind, err := get(1)
	if err != nil {
		return m, err
	}
	if kind != lay.Kind {
		return m, lay.NotBook(file, i18n.Phrase("the sheet %q does not say which workbook it is", MetaSheet))
	}
	version, err := get(2)
	if err != nil {
		return m, err
	}
	if version != lay.Version {
		return m, lay.NotBook(file, i18n.Phrase("it is a workbook of version %q; this kaohe reads version %q", version, lay.Version))
	}
	for i, name := range lay.Fields {
		at := fmt.Sprintf("A%d", 3+i)
		if got, err := CellText(f, MetaSheet, at); err != nil {
			return m, err
		} else if got != name {
			return m, lay.NotBook(file, i18n.Phrase("%s does not say %s", MetaSheet+"!"+at, name))
		}
		v, err := get(3 + i)
		if err != nil {
			return m, err
		}
		m.Fields = append(m.Fields, Field{name, v})
	}
	tampered := lay.Tampered(m.SumCell())
	sum, err := get(m.sumRow())
	if err != nil {
		return m, err
	}
	want := lay.Locked(m.Fields)
	if want == nil {
		return m, tampered
	}
	first := m.sumRow() + 2
	for i, ref := range want {
		got, err := CellText(f, MetaSheet, fmt.Sprintf("A%d", first+i))
		if err != nil {
			return m, err
		}
		digest, err := CellText(f, MetaSheet, fmt.Sprintf("B%d", first+i))
		if err != nil {
			return m, err
		}
		if got != ref {
			return m, tampered
		}
		m.Refs, m.Digests = append(m.Refs, ref), append(m.Digests, digest)
	}
	if m.Sum() != sum {
		return m, tampered
	}
	return m, nil
}

// Read opens a returned workbook of lay without trusting it (Open), reads
// and checks its sheet "kaohe" (ReadMeta), and checks that it has the data
// sheet the sheet "kaohe" names. The caller closes the file, and compares
// the locked cells (Changed).
func Read(path string, lay Layout) (*excelize.File, Meta, error) {
	f, err := Open(path)
	if err != nil {
		return nil, Meta{}, err
	}
	m, err := ReadMeta(f, path, lay)
	if err == nil {
		if idx, e := f.GetSheetIndex(m.Sheet()); e != nil || idx < 0 {
			err = lay.NotBook(path, i18n.Phrase("it has no sheet %q", m.Sheet()))
		}
	}
	if err != nil {
		f.Close()
		return nil, Meta{}, err
	}
	return f, m, nil
}

// Changed returns the first locked cell of sheet whose text no longer has
// its digest, and what it reads now; "" when none changed.
func Changed(f *excelize.File, sheet string, m Meta) (ref, text string, err error) {
	for i, r := range m.Refs {
		t, err := CellText(f, sheet, r)
		if err != nil {
			return "", "", err
		}
		if Digest(t) != m.Digests[i] {
			return r, t, nil
		}
	}
	return "", "", nil
}

// CellText is a cell's text as written: a formula's text ("=…"), never
// its value, else the raw value (a number as stored, not as formatted).
func CellText(f *excelize.File, sheet, ref string) (string, error) {
	formula, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		return "", err
	}
	if formula != "" {
		return "=" + formula, nil
	}
	return f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
}

// At names a cell of sheet as a refusal does: sheet!cell.
func At(sheet string, col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return sheet + "!" + c
}
