package sheet

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// infoCell is the 内容 cell of the first row of sheet 基本信息 whose 项目
// is label.
func infoCell(t *testing.T, f *excelize.File, label string) string {
	t.Helper()
	rows, err := f.GetRows(InfoSheet)
	mustDo(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return fmt.Sprintf("B%d", i+1)
		}
	}
	t.Fatalf("no row %s on sheet %s", label, InfoSheet)
	return ""
}

// A workbook's language, units and id are held to the YAML file's rules,
// each refusal naming its sheet and cell.
func TestWorkbookFormRefusedAtCells(t *testing.T) {
	cases := map[string]struct {
		label, value, want string
	}{
		"language": {labelLanguage, "xx", `language "xx" is not one kaohe speaks`},
		"bidi":     {labelUnit, "吉首\u2067市", `unit "吉首\u2067市" contains a text-direction (bidi) control (U+2067`},
		"id":       {labelID, "../x y", `rubric id "../x y" may hold only English letters`},
		"version":  {labelVersion, "2021 2", `rubric version "2021 2" may hold only English letters`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			var cell string
			data := editSeed(t, func(f *excelize.File) {
				cell = infoCell(t, f, tc.label)
				mustDo(t, f.SetCellStr(InfoSheet, cell, tc.value))
			})
			_, err := Parse("指标.xlsx", data)
			want := "指标.xlsx:" + InfoSheet + "!" + cell + ": " + tc.want
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("got %v\nwant %q", err, want)
			}
		})
	}
}

// Bytes that are not UTF-8 in a workbook's text are refused naming the
// part, line and column where they are.
func TestWorkbookInvalidUTF8Refused(t *testing.T) {
	data := editSeed(t, func(*excelize.File) {})
	strs, err := workbooktest.Part(data, workbooktest.SharedStrings)
	mustDo(t, err)
	i := strings.Index(string(strs), "行政审批")
	if i < 0 {
		t.Fatal("no 行政审批 in the shared strings")
	}
	bad := append(append(append([]byte(nil), strs[:i]...), 0xff), strs[i:]...)
	data, err = workbooktest.Replace(data, workbooktest.SharedStrings, bad)
	mustDo(t, err)
	_, err = Parse("指标.xlsx", data)
	if err == nil || !strings.Contains(err.Error(), "指标.xlsx: part xl/sharedStrings.xml: ") || !strings.Contains(err.Error(), "not valid UTF-8") || !strings.Contains(err.Error(), "line 2, column") {
		t.Errorf("got %v", err)
	}
}
