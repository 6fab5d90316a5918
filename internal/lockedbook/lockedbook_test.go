package lockedbook

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sealed writes a small workbook: an office cell A1 and B2, the unit's
// cell C2 open, sealed as kind "kaohe 测试" version 1 with one field.
func sealed(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "表")
	locked := []Cell{{Col: 1, Row: 1, Text: "标题"}, {Col: 2, Row: 2, Text: "1.2.a"}}
	for _, c := range locked {
		f.SetCellStr("表", c.Ref(), c.Text)
	}
	if err := Seal(f, "kaohe 测试", "1", []Field{{Name: "unit", Value: "吉首市"}, {Name: "sheet", Value: "表"}}, locked); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func set(t *testing.T, p, sheet, ref, text string) {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr(sheet, ref, text); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// What the unit writes in an open cell is read back; the fields come
// back; the sheet kaohe is very hidden.
func TestSealedBookReadsBack(t *testing.T) {
	p := sealed(t)
	set(t, p, "表", "C2", "申诉")
	b, err := Open(p, 1<<20, "kaohe 测试", "1", "测试表", "unit", "sheet")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, _ := b.Text(3, 2); got != "申诉" || b.Meta.Field("unit") != "吉首市" || b.At(3, 2) != "表!C2" {
		t.Errorf("read %q, unit %q, at %q", got, b.Meta.Field("unit"), b.At(3, 2))
	}
	if v, _ := b.Excel().GetSheetVisible(MetaSheet); v {
		t.Error("the sheet kaohe is visible")
	}
}

// Each way a returned workbook is not what kaohe wrote is refused by
// name: another kind, another version, a changed office cell (its cell),
// a changed sheet kaohe (its digest cell).
func TestSealedBookRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, sheet, ref, text, kind, want string
	}{
		{"kind", "", "", "", "kaohe 别的", `says "kaohe 测试"`},
		{"version", MetaSheet, "B2", "9", "kaohe 测试", `format "9"`},
		{"office cell", "表", "B2", "1.3.a", "kaohe 测试", "表!B2"},
		{"meta", MetaSheet, "B3", "泸溪县", "kaohe 测试", "was changed"},
	} {
		p := sealed(t)
		if tc.sheet != "" {
			set(t, p, tc.sheet, tc.ref, tc.text)
		}
		_, err := Open(p, 1<<20, tc.kind, "1", "测试表", "unit", "sheet")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to say %q", tc.name, err, tc.want)
		}
		var ce *ChangedError
		if tc.name == "office cell" && (!errors.As(err, &ce) || ce.Text != "1.3.a") {
			t.Errorf("office cell: %#v", err)
		}
	}
}
