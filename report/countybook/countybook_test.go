package countybook

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// lay is a layout of two fields whose workbooks lock A1 and B2.
func lay() Layout {
	return Layout{Kind: "kaohe 测试表", Version: "1", Fields: []string{"period", "unit"},
		Locked:   func([]Field) []string { return []string{"A1", "B2"} },
		NotBook:  func(file string, why error) error { return fmt.Errorf("%s is not one: %v", file, why) },
		Tampered: func(at string) error { return errors.New("tampered at " + at) }}
}

// written saves a workbook with the sheet "kaohe" of lay and the locked
// cells, after change lets a test alter it.
func written(t *testing.T, change func(f *excelize.File)) *excelize.File {
	t.Helper()
	g, err := Open(saved(t, "Sheet1", []Field{{"period", "2021"}, {"unit", "吉首市"}}, WriteMeta, change))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// saved writes a workbook whose data sheet locks A1 and B2, its sheet
// "kaohe" with fields written by write (WriteMeta or Seal), lets change
// alter it, and returns the file's path.
func saved(t *testing.T, sheet string, fields []Field, write func(*excelize.File, Meta) error, change func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	f.SetCellStr(sheet, "A1", "标题")
	f.SetCellStr(sheet, "B2", "吉首市")
	if err := write(f, NewMeta("kaohe 测试表", "1", fields, []Cell{{1, 1, "标题"}, {2, 2, "吉首市"}})); err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(f)
	}
	p := filepath.Join(t.TempDir(), "b.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// The sheet "kaohe" is laid out as the 问题清单's version 1 (fields from
// row 3, the digest after them, the cells two rows below), reads back
// with its fields, and a changed office cell is found by its digest.
func TestTheMetaSheetReadsBackAndFindsAChangedCell(t *testing.T) {
	f := written(t, nil)
	if v, _ := CellText(f, MetaSheet, "A5"); v != "digest" {
		t.Errorf("A5 = %q, want the digest's row after two fields", v)
	}
	if v, _ := CellText(f, MetaSheet, "A7"); v != "A1" {
		t.Errorf("A7 = %q, want the first locked cell two rows below the digest", v)
	}
	m, err := ReadMeta(f, "b.xlsx", lay())
	if err != nil {
		t.Fatal(err)
	}
	if m.Field("unit") != "吉首市" || m.SumCell() != "kaohe!B5" {
		t.Errorf("read %+v, digest at %s", m, m.SumCell())
	}
	if ref, _, _ := Changed(f, "Sheet1", m); ref != "" {
		t.Errorf("unchanged workbook: %s changed", ref)
	}
	g := written(t, func(f *excelize.File) { f.SetCellStr("Sheet1", "B2", "泸溪县") })
	m, _ = ReadMeta(g, "b.xlsx", lay())
	if ref, text, _ := Changed(g, "Sheet1", m); ref != "B2" || text != "泸溪县" {
		t.Errorf("changed B2: got %q %q", ref, text)
	}
}

// A changed field, a formula in a cell, and another kind of workbook are
// each refused, the first naming the digest's cell; a formula is read as
// its text, never evaluated.
func TestTheMetaSheetRefusesChanges(t *testing.T) {
	if _, err := ReadMeta(written(t, func(f *excelize.File) { f.SetCellStr(MetaSheet, "B4", "泸溪县") }), "b.xlsx", lay()); err == nil || err.Error() != "tampered at kaohe!B5" {
		t.Errorf("a changed unit: %v", err)
	}
	other := lay()
	other.Kind = "kaohe 自评表"
	if _, err := ReadMeta(written(t, nil), "b.xlsx", other); err == nil {
		t.Error("another kind of workbook was read")
	}
	f := written(t, func(f *excelize.File) { f.SetCellFormula("Sheet1", "C3", "1+1") })
	if v, _ := CellText(f, "Sheet1", "C3"); v != "=1+1" {
		t.Errorf("a formula reads %q, want its text", v)
	}
}

// A sealed workbook has its sheet "kaohe" very hidden and its data sheet
// protected, and Read opens it; a field renamed in column A, or a data
// sheet the sheet "kaohe" names but the workbook lacks, is refused as not
// such a workbook, naming the cell or the sheet.
func TestASealedWorkbookReadsBackAndIsRefusedWhenRenamed(t *testing.T) {
	seal := func(change func(f *excelize.File)) string {
		return saved(t, "表", []Field{{"unit", "吉首市"}, {"sheet", "表"}}, Seal, change)
	}
	l := lay()
	l.Fields = []string{"unit", "sheet"}
	f, m, err := Read(seal(nil), l)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetSheetVisible(MetaSheet); v || m.Sheet() != "表" {
		t.Errorf("sheet kaohe visible %v, data sheet %q", v, m.Sheet())
	}
	if p, _ := f.GetSheetProtection("表"); !p.SelectUnlockedCells {
		t.Error("the data sheet is not protected for the unit to fill its cells")
	}
	for name, c := range map[string]struct {
		change func(f *excelize.File)
		want   string
	}{
		"renamed field": {func(f *excelize.File) { f.SetCellStr(MetaSheet, "A3", "period") }, `kaohe!A3 does not say unit`},
		"no data sheet": {func(f *excelize.File) { f.SetSheetName("表", "别的") }, `it has no sheet "表"`},
	} {
		if _, _, err := Read(seal(c.change), l); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want it to say %q", name, err, c.want)
		}
	}
}
