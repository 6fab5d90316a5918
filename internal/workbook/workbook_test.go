package workbook_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// base is a small real workbook with shared strings.
func base(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, v := range []string{"序号", "主要工作", "考核内容"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func refusal(t *testing.T, data []byte) *workbook.Error {
	t.Helper()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := workbook.Open("bomb.xlsx", data, workbook.DefaultLimits())
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	var we *workbook.Error
	if !errors.As(err, &we) {
		t.Fatalf("opened: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("refusing it allocated %d MB", grew>>20)
	}
	return we
}

// A workbook whose shared strings inflate to 1.5 GB from about a megabyte
// is refused by the size its zip declares, naming the part, without
// inflating it.
func TestZipBombRefusedByDeclaredSize(t *testing.T) {
	bomb, err := workbooktest.Bomb(base(t), workbooktest.SharedStrings, 1500<<20, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(bomb) > 2<<20 {
		t.Fatalf("the bomb is %d bytes on disk", len(bomb))
	}
	we := refusal(t, bomb)
	if we.Part != workbooktest.SharedStrings || !strings.Contains(we.Error(), "bomb.xlsx: part xl/sharedStrings.xml: inflates") {
		t.Errorf("refusal %q", we)
	}
}

// A bomb whose zip declares a small size for the part is refused after
// inflating no more than that.
func TestZipBombRefusedWhenItsSizeLies(t *testing.T) {
	bomb, err := workbooktest.Bomb(base(t), workbooktest.SharedStrings, 1500<<20, 4000)
	if err != nil {
		t.Fatal(err)
	}
	we := refusal(t, bomb)
	if we.Part != workbooktest.SharedStrings || !strings.Contains(we.Message, "more than the 4000 bytes the zip declares") {
		t.Errorf("refusal %q", we)
	}
}

// A part whose XML was cut short is named as damaged, with where it ends.
func TestTruncatedPartIsDamaged(t *testing.T) {
	b := base(t)
	full, err := workbooktest.Part(b, workbooktest.SharedStrings)
	if err != nil {
		t.Fatal(err)
	}
	cut, err := workbooktest.Truncated(b, workbooktest.SharedStrings, len(full)/2)
	if err != nil {
		t.Fatal(err)
	}
	we := refusal(t, cut)
	if we.Part != workbooktest.SharedStrings || !strings.Contains(we.Message, "is damaged") || !strings.Contains(we.Message, "line") {
		t.Errorf("refusal %q", we)
	}
}

// A sound workbook opens and reads.
func TestSoundWorkbookOpens(t *testing.T) {
	f, err := workbook.Open("ok.xlsx", base(t), workbook.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Sheet1", "B1"); v != "主要工作" {
		t.Errorf("B1 %q", v)
	}
}

// OpenFile refuses a file over its size bound, and a bomb, by name.
func TestOpenFileRefusesBySizeAndContent(t *testing.T) {
	dir := t.TempDir()
	bomb, err := workbooktest.Bomb(base(t), workbooktest.SharedStrings, 1500<<20, 0)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "返回表.xlsx")
	if err := os.WriteFile(path, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := workbook.OpenFile(path, 1<<20, workbook.DefaultLimits()); err == nil || !strings.Contains(err.Error(), path+": too big") {
		t.Errorf("over the file bound: %v", err)
	}
	if _, err := workbook.OpenFile(path, 8<<20, workbook.DefaultLimits()); err == nil || !strings.Contains(err.Error(), path+": part xl/sharedStrings.xml: inflates") {
		t.Errorf("bomb: %v", err)
	}
	if _, err := workbook.OpenFile(dir, 8<<20, workbook.DefaultLimits()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder: %v", err)
	}
}

// A worksheet of a few hundred kilobytes whose rows each hold a cell in the
// last column (which a reader lays out as 16,384 cells a row) is refused
// naming the part; one cell far down or right on its own is not.
func TestFarCellsRefused(t *testing.T) {
	const ws = "xl/worksheets/sheet1.xml"
	wide, err := workbooktest.FarCells(base(t), ws, 20_000)
	if err != nil {
		t.Fatal(err)
	}
	we := refusal(t, wide)
	if we.Part != ws || !strings.Contains(we.Message, "column 16384") || !strings.Contains(we.Message, "4194304 cells") {
		t.Errorf("refusal %q", we)
	}
	one, err := workbooktest.FarCells(base(t), ws, 1)
	if err != nil {
		t.Fatal(err)
	}
	f, err := workbook.Open("one.xlsx", one, workbook.DefaultLimits())
	if err != nil {
		t.Fatalf("one far cell: %v", err)
	}
	f.Close()
}
