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
// The sheet "kaohe" has, in column B: the kind, the format version, the
// name of the data sheet, each named field of the caller's (period, unit,
// assessment, …; one row each, its name in column A), the number of
// locked cells, and the digest of all of it (Digest). Then, one row per
// locked cell from row FirstCellRow: its reference and the digest of its
// text. Protection has no password: a password in kaohe's source would be
// no secret, and the digests, not the protection, are what catch a
// change.
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
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// MetaSheet is the very hidden sheet that says what the workbook is.
const MetaSheet = "kaohe"

// FirstCellRow is the first row of MetaSheet listing a locked cell.
const FirstCellRow = 40

// maxFields bounds the named fields of MetaSheet: they sit above
// FirstCellRow.
const maxFields = FirstCellRow - 6

// maxLocked bounds the locked cells the sheet "kaohe" may list.
const maxLocked = 200000

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
// version, its data sheet, the caller's fields, and the locked cells with
// the digests of their texts.
type Meta struct {
	Kind, Version, Sheet string
	Fields               []Field
	// Refs and Digests are the locked cells, in the order written.
	Refs, Digests []string
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

// Digest is the digest of everything the sheet "kaohe" says.
func (m *Meta) Digest() string {
	h := sha256.New()
	put := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	put(m.Kind)
	put(m.Version)
	put(m.Sheet)
	for _, f := range m.Fields {
		put(f.Name)
		put(f.Value)
	}
	put(strconv.Itoa(len(m.Refs)))
	for i := range m.Refs {
		put(m.Refs[i])
		put(m.Digests[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Seal finishes a workbook whose data sheet the caller laid out (the
// office's cells written with a locked style, the unit's with an unlocked
// one): it writes the sheet "kaohe" with the digests of the locked cells,
// protects the data sheet (the unit may select cells and resize rows and
// columns) and the workbook's structure, and hides the sheet "kaohe".
func Seal(f *excelize.File, kind, version, sheet string, fields []Field, locked []Cell) error {
	if len(fields) > maxFields {
		return fmt.Errorf("lockedbook: %d fields, at most %d", len(fields), maxFields)
	}
	m := Meta{Kind: kind, Version: version, Sheet: sheet, Fields: fields}
	for _, c := range locked {
		m.Refs = append(m.Refs, c.Ref())
		m.Digests = append(m.Digests, CellDigest(c.Text))
	}
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return err
	}
	rows := [][2]string{{"kind", kind}, {"version", version}, {"sheet", sheet}}
	for _, fl := range fields {
		rows = append(rows, [2]string{fl.Name, fl.Value})
	}
	rows = append(rows, [2]string{"cells", strconv.Itoa(len(locked))}, [2]string{"digest", m.Digest()})
	for i, r := range rows {
		if err := setRow(f, i+1, r[0], r[1]); err != nil {
			return err
		}
	}
	for i := range m.Refs {
		if err := setRow(f, FirstCellRow+i, m.Refs[i], m.Digests[i]); err != nil {
			return err
		}
	}
	if err := f.ProtectSheet(MetaSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	if err := f.SetSheetVisible(MetaSheet, false, true); err != nil {
		return err
	}
	if err := f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatRows: true, FormatColumns: true}); err != nil {
		return err
	}
	return f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true})
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
func (b *Book) At(col, row int) string { return b.Meta.Sheet + "!" + CellRef(col, row) }

// Text is the text of a cell of the data sheet: a formula as "=…" (never
// evaluated), anything else as the text the file holds.
func (b *Book) Text(col, row int) (string, error) {
	return cellText(b.f, b.Meta.Sheet, CellRef(col, row))
}

// Excel is the workbook, for readers that need a cell's type (a date).
func (b *Book) Excel() *excelize.File { return b.f }

func cellText(f *excelize.File, sheet, ref string) (string, error) {
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
// (its kind, its version among versions, its digest), then every locked
// cell against its digest. Every refusal names the file and, for a cell,
// sheet!cell; what words it (what a workbook of this kind is called) is
// name.
func Open(path string, maxBytes int64, kind, name string, versions ...string) (*Book, error) {
	f, err := workbook.OpenFile(path, maxBytes, workbook.DefaultLimits())
	if err != nil {
		return nil, err
	}
	b := &Book{File: path, f: f}
	if err := b.read(kind, name, versions); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

// notBook refuses a file that is not a workbook of the kind kaohe wrote.
func notBook(file, name string, why error) error {
	return i18n.Errorf("%s is not a %s kaohe wrote: %s", file, name, why)
}

func (b *Book) read(kind, name string, versions []string) error {
	idx, err := b.f.GetSheetIndex(MetaSheet)
	if err != nil || idx < 0 {
		return notBook(b.File, name, i18n.Phrase("it has no sheet %q", MetaSheet))
	}
	get := func(y int) (string, string, error) {
		a, err := cellText(b.f, MetaSheet, fmt.Sprintf("A%d", y))
		if err != nil {
			return "", "", err
		}
		v, err := cellText(b.f, MetaSheet, fmt.Sprintf("B%d", y))
		return a, v, err
	}
	at := func(y int) string { return fmt.Sprintf("%s!B%d", MetaSheet, y) }
	var fixed [3]string
	for i, want := range []string{"kind", "version", "sheet"} {
		a, v, err := get(i + 1)
		if err != nil {
			return err
		}
		if a != want {
			return notBook(b.File, name, i18n.Phrase("%s does not say %s", fmt.Sprintf("%s!A%d", MetaSheet, i+1), want))
		}
		fixed[i] = v
	}
	if fixed[0] != kind {
		return notBook(b.File, name, i18n.Phrase("%s says %q", at(1), fixed[0]))
	}
	known := false
	for _, v := range versions {
		known = known || v == fixed[1]
	}
	if !known {
		return i18n.Errorf("%s: %s says format %q; this kaohe reads %s", b.File, at(2), fixed[1], strings.Join(versions, ", "))
	}
	m := Meta{Kind: fixed[0], Version: fixed[1], Sheet: fixed[2]}
	y := 4
	for ; y < FirstCellRow; y++ {
		a, v, err := get(y)
		if err != nil {
			return err
		}
		if a == "cells" {
			break
		}
		m.Fields = append(m.Fields, Field{a, v})
	}
	_, count, err := get(y)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 0 || n > maxLocked || y >= FirstCellRow {
		return notBook(b.File, name, i18n.Phrase("%s is not a count of cells", at(y)))
	}
	_, sum, err := get(y + 1)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		ref, d, err := get(FirstCellRow + i)
		if err != nil {
			return err
		}
		m.Refs, m.Digests = append(m.Refs, ref), append(m.Digests, d)
	}
	if m.Digest() != sum {
		return i18n.Errorf("%s: the sheet %q was changed (its digest %s no longer matches); send the unit a new workbook", b.File, MetaSheet, at(y+1))
	}
	if idx, err := b.f.GetSheetIndex(m.Sheet); err != nil || idx < 0 {
		return notBook(b.File, name, i18n.Phrase("it has no sheet %q", m.Sheet))
	}
	b.Meta = m
	for i, ref := range m.Refs {
		text, err := cellText(b.f, m.Sheet, ref)
		if err != nil {
			return err
		}
		if CellDigest(text) != m.Digests[i] {
			return &ChangedError{File: b.File, At: m.Sheet + "!" + ref, Text: text}
		}
	}
	return nil
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
