//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// fillCells opens a returned workbook as the unit's spreadsheet program
// would and sets cells of its first sheet.
func fillCells(t *testing.T, p string, cells map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	for ref, text := range cells {
		if err := f.SetCellStr(sheet, ref, text); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// feedback -o writes each unit's 反馈 workbook; the unit's 申诉理由 come
// back with appeal import (from the county, dated as typed), reading it
// again adds nothing, and a workbook whose office cell was changed, a zip
// bomb, an
// import after the deadline without --late, or a workbook of another
// round are refused, each leaving the database as it was.
func TestAppealImportFromTheReturnedWorkbook(t *testing.T) {
	dir := t.TempDir()
	off := newOffice(t, dir, "王组长")
	off.ok("new", "吉首市", "2021")
	off.ok("new", "泸溪县", "2021")
	off.ok("set", "吉首市/2021", "3.4.a", "0.5", "--note", "电子证照汇聚不全")
	off.ok("set", "泸溪县/2021", "1.2.a", "1")
	off.ok("sign", "吉首市/2021", "--allow-incomplete")
	off.ok("sign", "泸溪县/2021", "--allow-incomplete")
	out := filepath.Join(dir, "反馈")
	// A workbook that cannot be written (a folder stands in its place)
	// undoes the whole feedback, and the workbooks written before it.
	blocked := filepath.Join(out, "泸溪县 feedback.xlsx")
	os.MkdirAll(blocked, 0o755)
	off.refused("泸溪县 feedback.xlsx", "feedback", "--period", "2021", "--deadline", "2022-01-20", "--on", "2022-01-10", "-o", out, "--force")
	if _, err := os.Stat(filepath.Join(out, "吉首市 feedback.xlsx")); !os.IsNotExist(err) {
		t.Fatalf("after a refused feedback 吉首市's workbook is left: %v", err)
	}
	os.Remove(blocked)
	got := off.ok("feedback", "--period", "2021", "--deadline", "2022-01-20", "--on", "2022-01-10", "-o", out)
	book := filepath.Join(out, "吉首市 feedback.xlsx") // --lang en names it in English
	if _, err := os.Stat(book); err != nil {
		t.Fatalf("feedback -o wrote no workbook for 吉首市: %v\n%s", err, got)
	}
	off.refused("already exists", "feedback", "--period", "2021", "--deadline", "2022-01-21", "--on", "2022-01-10", "-o", out)

	returned := filepath.Join(dir, "吉首市反馈（已填）.xlsx")
	data, _ := os.ReadFile(book)
	os.WriteFile(returned, data, 0o644)
	fillCells(t, returned, map[string]string{"G5": "电子证照已全部汇聚，见附件"})
	off.refused("after the deadline", "appeal", "import", returned, "--on", "2022-01-22")
	got = off.ok("appeal", "import", returned, "--on", "2022-01-15")
	if !strings.Contains(got, "1 appeals recorded") {
		t.Fatalf("import said: %s", got)
	}
	got = off.ok("appeal", "import", returned, "--on", "2022-01-16")
	if !strings.Contains(got, "no new appeals") {
		t.Fatalf("a second import said: %s", got)
	}
	list := off.ok("appeal", "list", "吉首市/2021", "--json")
	if !strings.Contains(list, `"source": "county"`) || !strings.Contains(list, `"on": "2022-01-15"`) || strings.Count(list, `"rule"`) != 1 {
		t.Fatalf("the appeals: %s", list)
	}

	changed := filepath.Join(dir, "改过的.xlsx")
	os.WriteFile(changed, data, 0o644)
	fillCells(t, changed, map[string]string{"D5": "0.00", "G5": "不应扣分"})
	sheet := "Preliminary result"
	off.refused(sheet+"!D5", "appeal", "import", changed, "--on", "2022-01-15")
	// A returned workbook whose strings inflate to 1.5 GB is refused,
	// naming the part, without inflating it.
	bomb, err := workbooktest.Bomb(data, workbooktest.SharedStrings, 1500<<20, 0)
	if err != nil {
		t.Fatal(err)
	}
	bombed := filepath.Join(dir, "炸弹.xlsx")
	os.WriteFile(bombed, bomb, 0o644)
	off.refused(workbooktest.SharedStrings, "appeal", "import", bombed, "--on", "2022-01-15")

	// A new round (after the result is final) makes the old workbook stale.
	off.ok("team", "add", "王组长", off.fingerprint(), "--role", "lead")
	off.ok("appeal", "decide", "吉首市/2021", "1", "--reject", "--note", "未全部汇聚", "--on", "2022-01-25")
	off.ok("finalize", "--period", "2021", "--units", "吉首市", "--on", "2022-02-01")
	off.ok("feedback", "--period", "2021", "--units", "吉首市", "--deadline", "2022-02-20", "--on", "2022-02-10")
	off.refused("answers feedback round 1", "appeal", "import", returned, "--on", "2022-02-12")
}
