package tui

import (
	"path/filepath"
	"strings"
	"testing"
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
