package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// kaohe report --date puts the date of writing in every title; without it
// the titles carry today; a date not written YYYY-MM-DD is refused, naming
// it, and writes nothing.
func TestReportDateOfWriting(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.lang = "zh"
	dir := t.TempDir()
	out := filepath.Join(dir, "r.xlsx")
	c.ok("report", "--period", "2021", "--date", "2021-12-31", "-o", out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	title, _ := f.GetCellValue("名次", "A1")
	if strings.ReplaceAll(title, "\n", "") != "2021年度县市（区）“放管服”改革政务服务工作考核结果（2021年12月31日）" {
		t.Errorf("ranking title %q", title)
	}
	sheet, _ := f.GetCellValue("吉首市 2021", "A1")
	if !strings.HasPrefix(sheet, "吉首市 2021年度") || !strings.HasSuffix(sheet, "考核得分表（2021年12月31日）") {
		t.Errorf("score sheet title %q", sheet)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	_, stderr, code := c.run("report", "--period", "2021", "--date", "2021年12月31日", "-o", bad)
	if code == 0 || !strings.Contains(stderr, `--date "2021年12月31日"：成文日期请写成 YYYY-MM-DD`) {
		t.Errorf("a date not written YYYY-MM-DD: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("the refused report was written")
	}
}
