// Package lockedbook is the one mechanism of the workbooks kaohe sends a
// unit to fill in and return — the 反馈 workbook of a preliminary result
// (the unit writes its 申诉理由) and the 问题清单 of a rectification (the
// unit writes its measures): the office's cells are locked, the unit's
// are open, IDs ride in hidden cells, and a very hidden sheet "kaohe"
// says what the workbook is and holds a digest of every office cell, so
// that reading the returned workbook back refuses it, naming the cell
// (sheet!cell), when an office cell or the sheet "kaohe" itself was
// changed.
//
// The sheet "kaohe" has a name in column A and a value in column B on
// each row: the kind (row 1), the format version (row 2), each of the
// caller's fields (period, unit, the data sheet's name "sheet", …), and
// the digest of all of it (Digest); then, from the second row after the
// digest, one row per locked cell: its reference and the digest of its
// text. The 问题清单 (report/rectify) and the 反馈 workbook
// (report/feedbackbook) both write it so. Protection has no password: a
// password in kaohe's source would be no secret, and the digests, not the
// protection, are what catch a change.
//
// Reading trusts nothing: the file goes through internal/workbook (its
// size, its parts' inflated sizes, its XML) before excelize parses it, and
// every cell is read as its text: a formula is read as "=…", never
// evaluated.
package lockedbook

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// MetaSheet is the very hidden sheet that says what the workbook is.
const MetaSheet = "kaohe"

// maxFields bounds the named fields of MetaSheet.
const maxFields = 64

// maxLocked bounds the locked cells the sheet "kaohe" may list.
const maxLocked = 1 << 20

// DigestRow is the row of MetaSheet holding the digest, for n fields;
// the locked cells are listed from DigestRow(n)+2.
func DigestRow(n int) int { return 3 + n }

// Cell is one cell of the data sheet: its column and row (1-based) and
// its text.
type Cell struct {
	Col, Row int
	Text     string
}

// Ref is the cell's reference ("C5").
func (c Cell) Ref() string { return CellRef(c.Col, c.Row) }

// CellRef is the reference of the cell at col, row ("C5").
func CellRef(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// Field is one named value the sheet "kaohe" carries (period, unit, the
// assessment's ID …).
type Field struct{ Name, Value string }

// Meta is what the sheet "kaohe" says: the workbook's kind and format
// version, the caller's fields (the data sheet's name among them, as
// "sheet"), and the locked cells with the digests of their texts.
type Meta struct {
	Kind, Version string
	Fields        []Field
	// Refs and Digests are the locked cells, in the order written.
	Refs, Digests []string
	// Stored is the digest the sheet holds (ReadMeta), which Digest
	// recomputes.
	Stored string
}

// Field is the value of the field named name ("" when there is none).
func (m *Meta) Field(name string) string {
	for _, f := range m.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// CellDigest is the digest of one locked cell's text.
func CellDigest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Sheet is the data sheet's name (the field "sheet").
func (m *Meta) Sheet() string { return m.Field("sheet") }

// Digest is the digest of everything the sheet "kaohe" says: the kind,
// the version and the fields' values, then every locked cell's reference,
// then every digest, each ended by a zero byte.
func (m *Meta) Digest() string {
	h := sha256.New()
	put := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	put(m.Kind)
	put(m.Version)
	for _, f := range m.Fields {
		put(f.Value)
	}
	for _, r := range m.Refs {
		put(r)
	}
	for _, d := range m.Digests {
		put(d)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Seal finishes a workbook whose data sheet the caller laid out (the
// office's cells written with a locked style, the unit's with an unlocked
// one): it writes the sheet "kaohe" with the digests of the locked cells,
// protects the data sheet (the unit may select cells and resize rows and
// columns) and the workbook's structure, and hides the sheet "kaohe".
// fields name the data sheet as "sheet".
func Seal(f *excelize.File, kind, version string, fields []Field, locked []Cell) error {
	if err := WriteMeta(f, kind, version, fields, locked); err != nil {
		return err
	}
	sheet := (&Meta{Fields: fields}).Sheet()
	if err := f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatRows: true, FormatColumns: true}); err != nil {
		return err
	}
	return f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true})
}

// WriteMeta writes the very hidden, protected sheet "kaohe".
func WriteMeta(f *excelize.File, kind, version string, fields []Field, locked []Cell) error {
	if len(fields) > maxFields {
		return fmt.Errorf("lockedbook: %d fields, at most %d", len(fields), maxFields)
	}
	m := Meta{Kind: kind, Version: version, Fields: fields}
	for _, c := range locked {
		m.Refs = append(m.Refs, c.Ref())
		m.Digests = append(m.Digests, CellDigest(c.Text))
	}
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return err
	}
	rows := [][2]string{{"kind", kind}, {"version", version}}
	for _, fl := range fields {
		rows = append(rows, [2]string{fl.Name, fl.Value})
	}
	rows = append(rows, [2]string{"digest", m.Digest()})
	for i, r := range rows {
		if err := setRow(f, i+1, r[0], r[1]); err != nil {
			return err
		}
	}
	first := DigestRow(len(fields)) + 2
	for i := range m.Refs {
		if err := setRow(f, first+i, m.Refs[i], m.Digests[i]); err != nil {
			return err
		}
	}
	if err := f.ProtectSheet(MetaSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	return f.SetSheetVisible(MetaSheet, false, true)
}

func setRow(f *excelize.File, y int, a, b string) error {
	if err := f.SetCellStr(MetaSheet, fmt.Sprintf("A%d", y), a); err != nil {
		return err
	}
	return f.SetCellStr(MetaSheet, fmt.Sprintf("B%d", y), b)
}

// Book is a returned workbook as read: its file, what the sheet "kaohe"
// says, and the workbook itself to read the unit's cells from.
type Book struct {
	File string
	Meta Meta
	f    *excelize.File
}

// Close releases the workbook.
func (b *Book) Close() error { return b.f.Close() }

// At names a cell of the data sheet as a refusal does: sheet!cell.
func (b *Book) At(col, row int) string { return b.Meta.Sheet() + "!" + CellRef(col, row) }

// Text is the text of a cell of the data sheet: a formula as "=…" (never
// evaluated), anything else as the text the file holds.
func (b *Book) Text(col, row int) (string, error) {
	return CellText(b.f, b.Meta.Sheet(), CellRef(col, row))
}

// Excel is the workbook, for readers that need a cell's type (a date).
func (b *Book) Excel() *excelize.File { return b.f }

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

// Open reads a returned workbook of kind without trusting it: through
// internal/workbook (maxBytes bounds the file), then the sheet "kaohe"
// (its kind, its version, its fields by name, in order, its digest), then
// every locked cell against its digest. Every refusal names the file and,
// for a cell, sheet!cell; name words what a workbook of this kind is
// called.
func Open(path string, maxBytes int64, kind, version, name string, fields ...string) (*Book, error) {
	f, err := workbook.OpenFile(path, maxBytes, workbook.DefaultLimits())
	if err != nil {
		return nil, err
	}
	b := &Book{File: path, f: f}
	if err := b.read(kind, version, name, fields); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

// notBook refuses a file that is not a workbook of the kind kaohe wrote.
func notBook(file, name string, why error) error {
	return i18n.Errorf("%s is not a %s kaohe wrote: %s", file, name, why)
}

func (b *Book) read(kind, version, name string, fields []string) error {
	m, sumAt, err := ReadMeta(b.f, len(fields))
	if err != nil {
		return err
	}
	if m == nil {
		return notBook(b.File, name, i18n.Phrase("it has no sheet %q", MetaSheet))
	}
	if m.Kind != kind {
		return notBook(b.File, name, i18n.Phrase("%s says %q", MetaSheet+"!B1", m.Kind))
	}
	if m.Version != version {
		return i18n.Errorf("%s: %s says format %q; this kaohe reads %s", b.File, MetaSheet+"!B2", m.Version, version)
	}
	for i, want := range fields {
		if m.Fields[i].Name != want {
			return notBook(b.File, name, i18n.Phrase("%s does not say %s", fmt.Sprintf("%s!A%d", MetaSheet, i+3), want))
		}
	}
	if m.Digest() != m.Stored {
		return i18n.Errorf("%s: the sheet %q was changed (its digest %s no longer matches); send the unit a new workbook", b.File, MetaSheet, sumAt)
	}
	if idx, err := b.f.GetSheetIndex(m.Sheet()); err != nil || idx < 0 {
		return notBook(b.File, name, i18n.Phrase("it has no sheet %q", m.Sheet()))
	}
	b.Meta = *m
	for i, ref := range m.Refs {
		text, err := CellText(b.f, m.Sheet(), ref)
		if err != nil {
			return err
		}
		if CellDigest(text) != m.Digests[i] {
			return &ChangedError{File: b.File, At: m.Sheet() + "!" + ref, Text: text}
		}
	}
	return nil
}

// ReadMeta reads the sheet "kaohe" of a workbook with n fields as it
// stands, judging nothing: nil when there is no such sheet; Stored is the
// digest it holds, at sumAt ("kaohe!B8"). The locked cells are read down
// to the first row without a reference. Callers compare m.Digest() with
// m.Stored, and the cells with their digests (Open does both).
func ReadMeta(f *excelize.File, n int) (m *Meta, sumAt string, err error) {
	if idx, err := f.GetSheetIndex(MetaSheet); err != nil || idx < 0 {
		return nil, "", nil
	}
	get := func(y int) (string, string, error) {
		a, err := CellText(f, MetaSheet, fmt.Sprintf("A%d", y))
		if err != nil {
			return "", "", err
		}
		v, err := CellText(f, MetaSheet, fmt.Sprintf("B%d", y))
		return a, v, err
	}
	m = &Meta{}
	if _, m.Kind, err = get(1); err != nil {
		return nil, "", err
	}
	if _, m.Version, err = get(2); err != nil {
		return nil, "", err
	}
	for i := 0; i < n; i++ {
		a, v, err := get(3 + i)
		if err != nil {
			return nil, "", err
		}
		m.Fields = append(m.Fields, Field{Name: a, Value: v})
	}
	sumRow := DigestRow(n)
	if _, m.Stored, err = get(sumRow); err != nil {
		return nil, "", err
	}
	for y := sumRow + 2; y < sumRow+2+maxLocked; y++ {
		ref, d, err := get(y)
		if err != nil {
			return nil, "", err
		}
		if ref == "" {
			break
		}
		m.Refs, m.Digests = append(m.Refs, ref), append(m.Digests, d)
	}
	return m, fmt.Sprintf("%s!B%d", MetaSheet, sumRow), nil
}

// ChangedError refuses a returned workbook whose office cell At (sheet!
// cell) no longer holds what kaohe wrote: it reads Text now.
type ChangedError struct {
	File, At, Text string
}

func (e *ChangedError) Error() string { return e.In(i18n.For("en")) }

// In words the refusal in l's language.
func (e *ChangedError) In(l *i18n.Labels) string {
	return i18n.Word(l, "%s: %s is kaohe's and was changed (it reads %q now); only the unit's columns are filled in", e.File, e.At, clip(e.Text))
}

// clip shortens a changed cell's text for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
