package selfbook

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// exported writes 吉首市's 自评表 (on the seed rubric) to a file and
// returns its path, its bytes and the state.
func exported(t *testing.T) (string, []byte, *store.State) {
	t.Helper()
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	l := i18n.For("zh")
	if err := New(l, st).Write(l, &b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "吉首市自评表.xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes(), st
}

// filled opens the workbook at path as WPS would, lets fill change it,
// and saves it under a new name.
func filled(t *testing.T, path string, fill func(f *excelize.File)) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fill(f)
	out := filepath.Join(t.TempDir(), "returned.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// The county fills three rows as a spreadsheet program would (a number
// cell, a full-width number, text with two file names): each is read
// with its score, account and files; empty rows are not claims.
func TestAFilledSelfAssessmentIsRead(t *testing.T) {
	path, _, st := exported(t)
	out := filled(t, path, func(f *excelize.File) {
		f.SetCellValue("自评表", "E4", 2)
		f.SetCellStr("自评表", "F4", "已建立机制")
		f.SetCellStr("自评表", "E5", "１．５")
		f.SetCellValue("自评表", "E6", 2.5)
		f.SetCellStr("自评表", "G6", "清单.pdf、\n机制.docx")
	})
	ret, err := Read(out, st.Rubric)
	if err != nil {
		t.Fatal(worded(i18n.For("zh"), err))
	}
	var got []string
	for _, c := range ret.Rows {
		got = append(got, c.Indicator+"="+c.Self.Score.String()+":"+c.Self.Note+":"+strings.Join(c.Self.Files, "+"))
	}
	if want := "1.1=2:已建立机制:|1.2=1.5::|1.3=2.5::清单.pdf+机制.docx"; strings.Join(got, "|") != want {
		t.Fatalf("read %q, want %q", strings.Join(got, "|"), want)
	}
	if ret.AssessmentID != st.Assessment.ID || ret.Unit != "吉首市" {
		t.Errorf("the workbook says it is %s of %s", ret.AssessmentID, ret.Unit)
	}
}

// Every hostile or mistaken workbook is refused naming where: a formula
// (never evaluated), a score above the indicator's points, text for a
// score, an account without its score, a folder for a file name, a changed
// content cell, a changed sheet "kaohe", a file that is no workbook, and a
// part inflating past the bound.
func TestAReturnedSelfAssessmentIsRefusedNamingTheCell(t *testing.T) {
	path, raw, st := exported(t)
	zh := i18n.For("zh")
	for _, c := range []struct {
		name string
		fill func(f *excelize.File)
		want string
	}{
		{"formula", func(f *excelize.File) { f.SetCellFormula("自评表", "E4", "SUM(D4:D5)") }, "自评表!E4：不读取公式"},
		{"above the points", func(f *excelize.File) { f.SetCellValue("自评表", "E5", 2.5) }, "自评表!E5：自评得分 2.5 不在 0 至该指标分值 2 之间"},
		{"not a number", func(f *excelize.File) { f.SetCellStr("自评表", "E5", "满分") }, "自评表!E5：\"满分\" 不是分数"},
		{"no score", func(f *excelize.File) { f.SetCellStr("自评表", "F7", "已完成") }, "自评表!E7：填写了自评说明或佐证材料，但没有自评得分"},
		{"a folder", func(f *excelize.File) {
			f.SetCellValue("自评表", "E4", 1)
			f.SetCellStr("自评表", "G4", "../etc/passwd")
		}, "自评表!G4："},
		{"content changed", func(f *excelize.File) { f.SetCellStr("自评表", "C6", "不扣分") }, "自评表!C6：考核组填写的单元格被改动"},
		{"meta changed", func(f *excelize.File) { f.SetCellStr("kaohe", "B5", "泸溪县") }, "kaohe!B9：考核组填写的单元格被改动（摘要不符）"},
	} {
		out := filled(t, path, c.fill)
		_, err := Read(out, st.Rubric)
		if err == nil || !strings.Contains(worded(zh, err), c.want) {
			t.Errorf("%s: got %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
	notBook := filepath.Join(t.TempDir(), "x.xlsx")
	os.WriteFile(notBook, []byte("PK not a zip"), 0o644)
	if _, err := Read(notBook, st.Rubric); err == nil {
		t.Error("a file that is no workbook was read")
	}
	bomb, err := workbooktest.Bomb(raw, "xl/worksheets/sheet1.xml", 1<<30, 1000)
	if err != nil {
		t.Fatal(err)
	}
	bombPath := filepath.Join(t.TempDir(), "bomb.xlsx")
	os.WriteFile(bombPath, bomb, 0o644)
	if _, err := Read(bombPath, st.Rubric); err == nil {
		t.Error("a part inflating to 1 GiB was read")
	}
}

// worded is err as a Chinese reader sees it.
func worded(l *i18n.Labels, err error) string {
	if m, ok := err.(interface{ In(*i18n.Labels) string }); ok {
		return m.In(l)
	}
	return err.Error()
}
