package feedbackbook

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report/countybook"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// sent is 吉首市 (3.4.a 0.5 with a note, 1.2.a 2) and 泸溪县 (1.1.a)
// signed, with 吉首市's feedback issued, and 吉首市's 反馈 workbook
// written to a file.
func sent(t *testing.T) (string, *store.Store, store.Assessment) {
	t.Helper()
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	b := seed.Assessment(t, s, id, "泸溪县", "2021")
	seed.Record(t, s, id, a.ID, store.SetRule("3.4.a", scoring.NumValue(decimal.MustParse("0.5")), "电子证照汇聚不全"),
		store.SetRule("1.2.a", scoring.NumValue(decimal.MustParse("2")), ""))
	seed.Record(t, s, id, b.ID, store.SetRule("1.1.a", scoring.BoolValue(true), "未梳理"))
	ev := filepath.Join(t.TempDir(), "汇聚清单.pdf")
	if err := os.WriteFile(ev, []byte("%PDF-1.4 清单"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(id, a.ID, "3.4.a", ev, "", store.AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, x := range []store.Assessment{a, b} {
		if _, err := s.Sign(id, x.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.IssueFeedback(id, a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	l := i18n.For("zh")
	bk, err := New(l, st, nil, all, time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "吉首市反馈.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := bk.Write(l, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p, s, a
}

// edit opens the workbook as a unit's spreadsheet program would, sets
// cells of sheet (formulas when the text starts with =), and saves it.
func edit(t *testing.T, p, sheet string, cells map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, text := range cells {
		if strings.HasPrefix(text, "=") {
			err = f.SetCellFormula(sheet, ref, text[1:])
		} else {
			err = f.SetCellStr(sheet, ref, text)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func text(t *testing.T, p, sheet, ref string) string {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The workbook says what the unit reads on paper: its preliminary total
// and rank among both units, the dates, each deduction with its rule,
// points, reason and evidence; the 申诉理由 cells are the only unlocked ones, and
// what the unit writes there is read back with its cell.
func TestFeedbackWorkbookRoundTrip(t *testing.T) {
	p, _, a := sent(t)
	const sh = "初步结果反馈"
	for ref, want := range map[string]string{
		"A2": "被考核单位：吉首市    初步得分：99.10    名次：第 1 名（共 2 个单位）",
		"A3": "反馈日期：2022-01-10    申诉截止：2022-01-20    第 1 轮反馈",
		"B5": "1.2.a 未按时下放、承接、取消的事项", "D5": "0.40",
		"B6": "3.4.a 电子证照汇聚酌情扣分", "D6": "0.50", "E6": "电子证照汇聚不全", "F6": "汇聚清单.pdf", "H6": "3.4.a",
	} {
		if got := text(t, p, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if !unlocked(t, p, sh, "G5") || unlocked(t, p, sh, "D5") || unlocked(t, p, sh, "H5") {
		t.Error("only the 申诉理由 cells are open to the unit")
	}
	edit(t, p, sh, map[string]string{"G6": "  电子证照已全部汇聚，见附件  ", "G5": "=1+1"})
	ret, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if ret.AssessmentID != a.ID || ret.Round != 1 || len(ret.Appeals) != 2 {
		t.Fatalf("read %+v", ret)
	}
	// A formula is its text, never its value.
	if g := ret.Appeals[0]; g.At != sh+"!G5" || g.Rule != "1.2.a" || g.Reason != "=1+1" {
		t.Errorf("first appeal %+v", g)
	}
	if g := ret.Appeals[1]; g.At != sh+"!G6" || g.Rule != "3.4.a" || g.Reason != "电子证照已全部汇聚，见附件" {
		t.Errorf("second appeal %+v", g)
	}
}

// A returned workbook whose office cell was changed is refused naming the
// cell; one whose sheet "kaohe" was changed names its digest cell; one cut
// short is refused as a workbook.
func TestFeedbackWorkbookRefusesChangedOfficeCells(t *testing.T) {
	p, _, _ := sent(t)
	edit(t, p, "初步结果反馈", map[string]string{"D6": "0.00", "G6": "扣分有误"})
	_, err := Read(p)
	var worded interface{ In(*i18n.Labels) string }
	if !errors.As(err, &worded) {
		t.Fatalf("a changed deduction: %v", err)
	}
	if zh := worded.In(i18n.For("zh")); !strings.Contains(zh, "初步结果反馈!D6") || !strings.Contains(zh, `现为 "0.00"`) {
		t.Errorf("worded: %s", zh)
	}

	p2, _, _ := sent(t)
	edit(t, p2, countybook.MetaSheet, map[string]string{"B5": "2020"})
	if _, err := Read(p2); err == nil || !strings.Contains(err.Error(), "kaohe!B") || !strings.Contains(err.Error(), "was changed") {
		t.Fatalf("a changed sheet kaohe: %v", err)
	}

	p3, _, _ := sent(t)
	data, _ := os.ReadFile(p3)
	if err := os.WriteFile(p3, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(p3); err == nil {
		t.Fatal("a workbook cut short was read")
	}
}

// unlocked reports whether a cell's style leaves it open under the
// sheet's protection.
func unlocked(t *testing.T, p, sheet, ref string) bool {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection != nil && !st.Protection.Locked
}
