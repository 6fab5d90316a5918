package tui

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// Exporting over an existing file asks for another name in the
// inspector's language; the TUI has no --force to offer.
func TestSummaryExportOverAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, func(o *Options) { o.ReportDir = dir })
	h.keys("1")
	h.keys("b s")
	h.mustContain("考核汇总", "暂 99.00")
	h.keys("x enter")
	entries, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(entries) != 1 {
		t.Fatalf("no report written in %s: %v", dir, entries)
	}
	h.keys("x enter")
	h.mustContain("已存在；请换一个文件名，或先删除它")
	if s := h.screen(); strings.Contains(s, "--force") || strings.Contains(s, "already exists") {
		t.Errorf("the refusal offers what the TUI cannot do:\n%s", s)
	}
}

// A record edited behind kaohe's back: the summary's Excel export says
// 未通过核验 where the signature and the fingerprint would be.
func TestSummaryExportOverAnEditedRecord(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, func(o *Options) { o.ReportDir = dir })
	id, _ := h.s.Identity("")
	v := "3"
	if _, err := h.s.Record(id, h.a.ID, seed.SetJSON(t, "1.2.a", v, "")); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", h.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE revision SET value = '0' WHERE subject = '1.2.a'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	h.keys("b s")
	h.mustContain("考核汇总", "未通过核验")
	h.keys("x enter")
	entries, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(entries) != 1 {
		t.Fatalf("no report written in %s: %v", dir, entries)
	}
	f, err := excelize.OpenFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The sheet says its records fail their hash and carries no
	// signature or fingerprint.
	rows, _ := f.GetRows("吉首市 2021")
	var sheet strings.Builder
	for _, row := range rows {
		sheet.WriteString(strings.ReplaceAll(strings.Join(row, " "), "\n", "") + "\n")
	}
	if foot := sheet.String(); strings.Contains(foot, "张三 20") || strings.Contains(foot, "记录指纹") || !strings.Contains(foot, "签字：未通过核验：1.2.a（修订 ") {
		t.Errorf("sheet %q", foot)
	}
}
