package rectify

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// A 问题清单 of version 1 — already sent to counties — keeps its layout:
// a fixed book's sheet "kaohe" holds the very digest the version-1 writer
// gave it (taken from a book written before the workbooks shared one
// mechanism), and it reads back with the unit's measure.
func TestAVersionOneProblemBookKeepsItsDigests(t *testing.T) {
	l := i18n.For("zh")
	aid := "0123456789abcdef0123456789abcdef"
	b := &Book{Period: "2021", Unit: "吉首市", Lang: "zh", Sheet: l.ProblemBook.Sheet, Title: "标题",
		Rows: []BookRow{{ID: ProblemRef(aid, "1.1.a"), Indicator: "1.1 指标", Problem: "问题", Points: "0.2", Due: "2022-03-01", Measure: "措施"},
			{ID: ProblemRef(aid, "1.2.a/x"), Indicator: "1.2", Problem: "=SUM(A1)", Points: "1"}}}
	path := filepath.Join(t.TempDir(), "问题清单.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Write(l, out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"B8": "0c7d545676142b693c8e6a807e2842cdea08781c4f37e74a3a2dca94e5b31c07", "A10": "A1", "B10": "c3405f8c7d9d392a", "B34": "bd647795412aaea3"} {
		if got, _ := f.GetCellValue(MetaSheet, ref); got != want {
			t.Errorf("kaohe!%s = %q; version 1 wrote %q", ref, got, want)
		}
	}
	ret, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ret.Rows) != 2 || ret.Rows[0].Measure != "措施" || ret.Unit != "吉首市" {
		t.Errorf("read back %+v", ret)
	}
}
