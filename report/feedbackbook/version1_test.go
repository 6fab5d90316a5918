package feedbackbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/xuri/excelize/v2"
)

// A 反馈 workbook of version 1 — already sent to units — keeps its
// layout: a fixed book's sheet "kaohe" holds the very digests the
// version-1 writer gave it (taken from a book written before the
// workbooks shared one mechanism), and the appeal written in it reads
// back.
func TestAVersionOneFeedbackBookKeepsItsDigests(t *testing.T) {
	l := i18n.For("zh")
	b := &Book{AssessmentID: "0123456789abcdef0123456789abcdef", Period: "2021", Unit: "吉首市", Lang: "zh", Round: 1, Digest: "abc",
		IssuedOn: "2022-01-10", Deadline: "2022-01-20", Sheet: l.FeedbackBook.Sheet, Title: "标题", UnitLine: "单位", DateLine: "日期",
		Rows: []Row{{Rule: "3.4.a 规则", Indicator: "3.4 指标", Points: "0.50", Reason: "理由", Evidence: "证据"}, {Rule: "1.2.a", Points: "1.00"}}}
	path := filepath.Join(t.TempDir(), "反馈.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Write(l, out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	edit(t, path, b.Sheet, map[string]string{"G6": "已整改"})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"B13": "6198a30b4ab6b318dda62610a4fd20d7927dccf26e6d559e2c80eccc27806e39", "A15": "A1", "B16": "80b19d68b1494dac", "B40": "c62c95eff0abd19b"} {
		if got, _ := f.GetCellValue(countybook.MetaSheet, ref); got != want {
			t.Errorf("kaohe!%s = %q; version 1 wrote %q", ref, got, want)
		}
	}
	ret, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ret.Appeals) != 1 || ret.Appeals[0].Rule != "1.2.a" || ret.Appeals[0].At != b.Sheet+"!G6" || ret.Round != 1 {
		t.Errorf("read back %+v", ret)
	}
}
