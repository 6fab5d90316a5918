package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// 吉首市 2020 closed 1.1.a and 殡葬 and left 人防 open; 2021 finds 1.1.a
// again and 人防 again. The 2021 score sheet marks 1.1's deduction 反弹 —
// still a number, shown "1.00 反弹" in red — and says in 扣分说明 which 2020
// problem came back; 1.2's deduction (人防, never closed) is no relapse.
func TestScoreSheetMarksRelapse(t *testing.T) {
	s, id := seed.Store(t)
	seed.LastYear(t, s, id, "吉首市", "2020")
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, a.ID, seed.Clean(rubric.Default())...)
	seed.Record(t, s, id, a.ID, store.Retract("1.2.a"), seed.SetJSON(t, "1.1.a", "true", "仍未开展"))
	if _, err := s.AddItem(id, a.ID, "1.2.a", "人防", nil, ""); err != nil {
		t.Fatal(err)
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	r := build(t, states, Filter{Period: "2021"})
	rows := r.Sheets[0].Categories[0].Rows
	if got, want := strings.Join(rows[0].Relapses, "|"), "反弹：2020年 1.1.a 未开展事项梳理 已销号，本年再次扣分"; got != want {
		t.Errorf("1.1 relapses %q, want %q", got, want)
	}
	if len(rows[1].Relapses) != 0 {
		t.Errorf("人防 was never closed, yet 1.2 says %q", rows[1].Relapses)
	}
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sh := "吉首市 2021"
	if v, _ := f.GetCellValue(sh, "E3"); v != "1.00 反弹" {
		t.Errorf("1.1's deduction shows %q, want 1.00 反弹", v)
	}
	if raw, _ := f.GetCellValue(sh, "E3", excelize.Options{RawCellValue: true}); raw != "1" {
		t.Errorf("1.1's deduction is stored as %q, not the number 1", raw)
	}
	if v, _ := f.GetCellValue(sh, "G3"); !strings.Contains(v, "反弹：2020年 1.1.a 未开展事项梳理") {
		t.Errorf("1.1's 扣分说明 does not say which problem came back: %q", v)
	}
	if v, _ := f.GetCellValue(sh, "E4"); v != "0.20" {
		t.Errorf("1.2's deduction shows %q, want 0.20", v)
	}
}
