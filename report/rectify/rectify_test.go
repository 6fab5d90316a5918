package rectify

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

func TestMain(m *testing.M) { storetest.Main(m, nil) }

// signed is a signed assessment of unit in 2021 at full marks but for two
// deductions: 1.2.a recorded as two items (殡葬, 人防) and 1.1.a, a flag
// with its reason — three problems.
func signed(t testing.TB, s *store.Store, id store.Identity, unit string) store.Assessment {
	t.Helper()
	a := seed.Assessment(t, s, id, unit, "2021")
	seed.Record(t, s, id, a.ID, seed.Clean(mustState(t, s, a.ID).Rubric)...)
	seed.Record(t, s, id, a.ID, store.Retract("1.2.a"))
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "1.1.a", "true", "未建立工作机制"))
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	return a
}

func mustState(t testing.TB, s *store.Store, aid string) *store.State {
	t.Helper()
	st, err := s.State(aid)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func problems(t testing.TB, s *store.Store, aid string) []assessment.Problem {
	t.Helper()
	ps, err := store.ProblemsOf(mustState(t, s, aid))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// export writes unit's 问题清单 to a file and returns its path.
func export(t testing.TB, s *store.Store, unit string) string {
	t.Helper()
	l := i18n.For("zh")
	entries, err := Collect(s, "2021", unit)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBook(l, entries, "2021", unit)
	if err != nil {
		t.Fatal(err)
	}
	return writeBook(t, b)
}

func writeBook(t testing.TB, b *Book) string {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(i18n.For("zh"), &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), b.Unit+"问题清单.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fill opens path as WPS would and sets cells of the problems sheet: a
// string, a time.Time (a real date cell), a number, or a formula given as
// "=…" through setFormula.
func fill(t testing.TB, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.UnprotectSheet("问题清单"); err != nil {
		t.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range cells {
		switch v := v.(type) {
		case formula:
			if err := f.SetCellFormula("问题清单", ref, string(v)); err != nil {
				t.Fatal(err)
			}
		case time.Time:
			if err := f.SetCellValue("问题清单", ref, v); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle("问题清单", ref, ref, dateStyle); err != nil {
				t.Fatal(err)
			}
		default:
			if err := f.SetCellValue("问题清单", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// formula is a cell's formula, without its "=".
type formula string

func dump(t testing.TB, s *store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// refused imports path and checks it is refused with a message containing
// want, in Chinese, and that the database did not change.
func refused(t *testing.T, s *store.Store, id store.Identity, path string, opt ImportOptions, want string) {
	t.Helper()
	before := dump(t, s)
	_, err := Import(s, id, path, opt)
	if err == nil {
		t.Fatalf("imported; want a refusal naming %q", want)
	}
	got := err.Error()
	if m, ok := err.(interface{ In(*i18n.Labels) string }); ok {
		got = m.In(i18n.For("zh"))
	}
	t.Logf("refused: %s", got)
	if !strings.Contains(got, want) {
		t.Errorf("refusal %q\nwant it to contain %q", got, want)
	}
	if dump(t, s) != before {
		t.Error("the refused import changed the database")
	}
}

// The workbook lists the unit's problems in rubric order with kaohe's
// columns filled and the unit's empty, and says what it is.
func TestBookListsTheUnitsProblems(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	signed(t, s, id, "泸溪县")
	path := export(t, s, "吉首市")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("问题清单")
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0][0]; got != "2021年度县市（区）“放管服”改革政务服务工作考核问题清单" {
		t.Errorf("title %q", got)
	}
	if got := rows[1][0]; got != "被考核单位：吉首市" {
		t.Errorf("unit line %q", got)
	}
	if got := strings.Join(rows[2][:9], "|"); got != "序号|指标|问题|扣分|整改时限|整改措施|完成情况|完成时间|责任人" {
		t.Errorf("header %q", got)
	}
	var got []string
	for _, r := range rows[3:6] {
		got = append(got, r[0]+"|"+r[2]+"|"+r[3])
	}
	want := []string{"1|未按要求开展或按时完成事项梳理：未建立工作机制|1", "2|未按时下放、承接、取消的事项：殡葬|0.2", "3|未按时下放、承接、取消的事项：人防|0.2"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 8 || !strings.HasPrefix(rows[7][0], "填报说明") {
		t.Errorf("%d rows; want 3 problems between the header and the note", len(rows))
	}
	if visible, _ := f.GetColVisible("问题清单", "J"); visible {
		t.Error("the problem ID column is visible")
	}
	if v, _ := f.GetSheetVisible(MetaSheet); v {
		t.Error("the sheet kaohe is visible")
	}
	layout, _ := f.GetPageLayout("问题清单")
	if *layout.Size != 9 || *layout.Orientation != "landscape" {
		t.Errorf("page %d %s; want A4 landscape", *layout.Size, *layout.Orientation)
	}
	for ref, locked := range map[string]bool{"C4": true, "E4": true, "F4": false, "H6": false, "I6": false} {
		id, _ := f.GetCellStyle("问题清单", ref)
		st, _ := f.GetStyle(id)
		isLocked := st.Protection == nil || st.Protection.Locked
		if isLocked != locked {
			t.Errorf("%s locked %v; want %v", ref, isLocked, locked)
		}
	}
}

// A filled workbook, written as WPS writes it (text, a real date cell, a
// date typed as text, a number), records each filled row as the unit's
// rectification in one go; importing it again records nothing; a later
// version records only the row that changed.
func TestImportRecordsTheUnitsRectifications(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	if _, err := s.ActOnProblems(id, a.ID, nil, true, store.ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"}); err != nil {
		t.Fatal(err)
	}
	path := export(t, s, "吉首市")
	fill(t, path, map[string]any{
		"F4": "已建立工作机制", "G4": "已完成", "H4": time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), "I4": "李四",
		"F5": "已补齐殡葬办事指南", "H5": "2022年3月5日",
		"F6": formula(`"已"&"补齐"`), "H6": "2022/3/7", "I6": 123,
	})
	got, err := Import(s, id, path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Recorded) != 3 || got.Empty != 0 || got.Unchanged != 0 {
		t.Fatalf("recorded %d, unchanged %d, empty %d", len(got.Recorded), got.Unchanged, got.Empty)
	}
	ps := problems(t, s, a.ID)
	var lines []string
	for _, p := range ps {
		r := p.Record
		lines = append(lines, strings.Join([]string{p.Status, r.Source, r.Measure, r.Completion, r.DoneOn, r.Responsible, r.Due}, "|"))
	}
	want := []string{
		"rectifying|county|已建立工作机制|已完成|2022-03-01|李四|2022-03-31",
		"rectifying|county|已补齐殡葬办事指南||2022-03-05||2022-03-31",
		`rectifying|county|="已"&"补齐"||2022-03-07|123|2022-03-31`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("records\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	before := dump(t, s)
	again, err := Import(s, id, path, ImportOptions{})
	if err != nil || len(again.Recorded) != 0 || again.Unchanged != 3 {
		t.Fatalf("re-import: %v, recorded %d, unchanged %d", err, len(again.Recorded), again.Unchanged)
	}
	if dump(t, s) != before {
		t.Fatal("importing the same workbook again changed the database")
	}

	// The office returns one; the same workbook still adds nothing.
	if _, err := s.ActOnProblems(id, a.ID, []string{"2"}, false, store.ProblemAction{Action: assessment.ActionReturn, Note: "佐证不足"}); err != nil {
		t.Fatal(err)
	}
	if again, err := Import(s, id, path, ImportOptions{}); err != nil || len(again.Recorded) != 0 || len(again.StillReturned) != 1 || again.StillReturned[0].ID != ps[1].ID {
		t.Fatalf("re-import after a return: %v, recorded %d, still returned %v", err, len(again.Recorded), again.StillReturned)
	}

	// A later version (exported again, so it shows what was reported)
	// changes one row.
	later := export(t, s, "吉首市")
	fill(t, later, map[string]any{"F5": "已补齐殡葬办事指南并公示", "G5": "已在大厅公示"})
	got, err = Import(s, id, later, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Recorded) != 1 || got.Recorded[0].ID != ps[1].ID || got.Unchanged != 2 {
		t.Fatalf("later version recorded %d (%v), unchanged %d", len(got.Recorded), got.Recorded, got.Unchanged)
	}
	if p := problems(t, s, a.ID)[1]; p.Status != assessment.ProblemRectifying || p.Record.Measure != "已补齐殡葬办事指南并公示" || p.Record.DoneOn != "2022-03-05" {
		t.Fatalf("after the later version: %s %+v", p.Status, p.Record)
	}
}

// A workbook whose office cells were changed is refused naming the first
// changed cell and what kaohe wrote there, and records nothing — not even
// the rows filled correctly before it.
func TestImportRefusesAChangedLockedCell(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	fill(t, path, map[string]any{"F4": "已整改", "D5": "0", "C6": "人防（已整改）"})
	refused(t, s, id, path, ImportOptions{}, `问题清单!D5：考核办填写的单元格被修改（现为 "0"，原为 "0.2"）`)
}

// A changed sheet "kaohe" (its digests recomputed by hand or not) is
// refused naming its digest cell.
func TestImportRefusesAChangedMetaSheet(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(MetaSheet, "B4", "泸溪县"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	refused(t, s, id, path, ImportOptions{}, "kaohe!B8：考核办填写的单元格被修改（摘要不符）")
}

// craft writes a workbook kaohe could have written for the rows given
// (digests and all), to test what the digests cannot catch.
func craft(t *testing.T, s *store.Store, unit string, edit func(b *Book)) string {
	t.Helper()
	entries, err := Collect(s, "2021", unit)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBook(i18n.For("zh"), entries, "2021", unit)
	if err != nil {
		t.Fatal(err)
	}
	edit(b)
	return writeBook(t, b)
}

// A problem ID the database does not know is refused naming its cell.
func TestImportRefusesAnUnknownProblem(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	path := craft(t, s, "吉首市", func(b *Book) { b.Rows[1].ID = ProblemRef(a.ID, "9.9.z") })
	fill(t, path, map[string]any{"F4": "已整改"})
	refused(t, s, id, path, ImportOptions{}, "问题清单!J5：吉首市/2021 中没有问题 9.9.z")

	other := craft(t, s, "吉首市", func(b *Book) { b.Rows[0].ID = ProblemRef(strings.Repeat("ab", 16), "1.1.a") })
	refused(t, s, id, other, ImportOptions{}, "问题清单!J4：abababababababababababababababab 中没有问题 1.1.a")

	bad := craft(t, s, "吉首市", func(b *Book) { b.Rows[2].ID = "1.2.a" })
	refused(t, s, id, bad, ImportOptions{}, `问题清单!J6：问题编号 "1.2.a" 不是 kaohe 写出的编号`)
}

// A problem listed twice is refused naming both cells.
func TestImportRefusesADuplicatedProblem(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	path := craft(t, s, "吉首市", func(b *Book) { b.Rows[2].ID = b.Rows[1].ID })
	fill(t, path, map[string]any{"F4": "已整改"})
	refused(t, s, id, path, ImportOptions{}, "问题清单!J6：问题 "+problems(t, s, findUnit(t, s, "吉首市"))[1].ID+" 重复出现（首次在 问题清单!J5）")
}

// A completion date that is not a date — text of another form, an
// impossible day, a plain number, a formula — is refused naming its cell.
func TestImportRefusesADateThatIsNotADate(t *testing.T) {
	for _, c := range []struct {
		value any
		want  string
	}{
		{"下周一", `问题清单!H5："下周一" 不是日期`},
		{"2022-02-30", `问题清单!H5："2022-02-30" 不是日期`},
		{"2022.3.1", `问题清单!H5："2022.3.1" 不是日期`},
		{"2022-3/1", `问题清单!H5："2022-3/1" 不是日期`},
		{3, "问题清单!H5：数字 3 不是日期"},
		{formula("TODAY()"), `问题清单!H5："=TODAY()" 不是日期`},
	} {
		s, id := seed.Store(t)
		signed(t, s, id, "吉首市")
		path := export(t, s, "吉首市")
		fill(t, path, map[string]any{"F4": "已整改", "F5": "已补齐", "H5": c.value})
		refused(t, s, id, path, ImportOptions{}, c.want)
	}
}

// A filled row without its measure is refused naming the measure's cell.
func TestImportRefusesARowWithoutItsMeasure(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	fill(t, path, map[string]any{"F4": "已整改", "I6": "王五"})
	refused(t, s, id, path, ImportOptions{}, "问题清单!F6：填报整改情况的行须写明整改措施")
}

// A workbook for another unit or period than the office expects is
// refused naming the cell that says whose it is.
func TestImportRefusesAnotherUnitsWorkbook(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	signed(t, s, id, "泸溪县")
	path := export(t, s, "泸溪县")
	fill(t, path, map[string]any{"F4": "已整改"})
	refused(t, s, id, path, ImportOptions{Unit: "吉首市"}, "问题清单!A2：该清单属于泸溪县/2021，本次读入的是吉首市/2021")
	refused(t, s, id, path, ImportOptions{Period: "2022"}, "问题清单!A1：该清单属于泸溪县/2021，本次读入的是泸溪县/2022")
	// A workbook that says it is 吉首市's but lists 泸溪县's problems.
	lx := problems(t, s, store.AssessmentID(mustState(t, s, findUnit(t, s, "泸溪县")).Assessment.RubricID, "2021", "泸溪县", "2021"))
	crafted := craft(t, s, "吉首市", func(b *Book) {
		b.Rows[0].ID = ProblemRef(store.AssessmentID("xiangxi-fangguanfu-county", "2021", "泸溪县", "2021"), lx[0].Key)
	})
	refused(t, s, id, crafted, ImportOptions{}, "问题清单!J4：该清单属于吉首市/2021，本次读入的是泸溪县/2021")
}

func findUnit(t *testing.T, s *store.Store, unit string) string {
	t.Helper()
	a, err := s.Find(unit + "/2021")
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// A row that changes a problem closed (已销号) since is refused naming its
// cell; the same row unchanged is left alone.
func TestImportRefusesChangingAClosedProblem(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	fill(t, path, map[string]any{"F4": "已建立工作机制"})
	if _, err := Import(s, id, path, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, []string{"1"}, false, store.ProblemAction{Action: assessment.ActionClose, Note: "核实"}); err != nil {
		t.Fatal(err)
	}
	if got, err := Import(s, id, path, ImportOptions{}); err != nil || len(got.Recorded) != 0 {
		t.Fatalf("the unchanged row of a closed problem: %v", err)
	}
	fill(t, path, map[string]any{"F4": "已建立工作机制并印发文件"})
	refused(t, s, id, path, ImportOptions{}, "问题清单!F4：问题 1.1.a 已销号")
}

// A row of a problem withdrawn since (the assessment was reopened and the
// deduction taken away) is refused naming its cell.
func TestImportRefusesAWithdrawnProblem(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	if _, err := s.ActOnProblems(id, a.ID, []string{"1"}, false, store.ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31"}); err != nil {
		t.Fatal(err)
	}
	path := export(t, s, "吉首市")
	fill(t, path, map[string]any{"F4": "已建立工作机制"})
	if _, err := s.Reopen(id, a.ID, "复核"); err != nil {
		t.Fatal(err)
	}
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "1.1.a", "false", ""))
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	refused(t, s, id, path, ImportOptions{}, "问题清单!F4：问题 1.1.a 已撤销")
}

// A file that is not a 问题清单, or a zip bomb, is refused before anything
// is read from it.
func TestImportRefusesWhatIsNotAProblemBook(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	f := excelize.NewFile()
	path := filepath.Join(t.TempDir(), "别的表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	refused(t, s, id, path, ImportOptions{}, `不是 kaohe 导出的问题清单：缺少工作表 "kaohe"`)
	junk := filepath.Join(t.TempDir(), "junk.xlsx")
	if err := os.WriteFile(junk, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused(t, s, id, junk, ImportOptions{}, "junk.xlsx")

	// The county's own workbook made a zip bomb (its shared strings
	// inflate to 1.5 GB, declared small), and one cut short.
	data, err := os.ReadFile(export(t, s, "吉首市"))
	if err != nil {
		t.Fatal(err)
	}
	for name, make := range map[string]func() ([]byte, error){
		"bomb.xlsx": func() ([]byte, error) { return workbooktest.Bomb(data, workbooktest.SharedStrings, 1500<<20, 4000) },
		"cut.xlsx":  func() ([]byte, error) { return workbooktest.Truncated(data, "xl/worksheets/sheet1.xml", 600) },
	} {
		bad, err := make()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		refused(t, s, id, path, ImportOptions{}, name+": ")
	}
}

// A row of a problem whose record two laptops changed from one record (a
// conflict) is refused naming its cell: the office settles it first.
func TestImportRefusesAProblemInConflict(t *testing.T) {
	dir := t.TempDir()
	open := func(name, inspector string) (*store.Store, store.Identity) {
		s, err := store.Open(filepath.Join(dir, name), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		id, err := s.SetInspector(inspector)
		if err != nil {
			t.Fatal(err)
		}
		return s, id
	}
	office, oid := open("office.db", "考核办")
	a := signed(t, office, oid, "吉首市")
	li, lid := open("li.db", "李四")
	if _, err := li.Merge(filepath.Join(dir, "office.db")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s   *store.Store
		id  store.Identity
		due string
	}{{office, oid, "2022-03-31"}, {li, lid, "2022-04-30"}} {
		if _, err := c.s.ActOnProblems(c.id, a.ID, []string{"1"}, false, store.ProblemAction{Action: assessment.ActionAssign, Due: c.due}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := office.Merge(filepath.Join(dir, "li.db")); err != nil {
		t.Fatal(err)
	}
	if !problems(t, office, a.ID)[0].Conflict {
		t.Fatal("no conflict after merging two changes of one record")
	}
	path := export(t, office, "吉首市")
	fill(t, path, map[string]any{"F4": "已建立工作机制", "F5": "已补齐"})
	refused(t, office, oid, path, ImportOptions{}, "问题清单!F4：问题 1.1.a 的记录有冲突")
}

// A date WPS shows in a format of its own (2022年3月1日, 2022/3/1) is read
// as the date it holds; a number shown as a number is not a date.
func TestImportReadsDatesInTheirOwnFormats(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for ref, code := range map[string]string{"H4": `yyyy"年"m"月"d"日"`, "H5": "yyyy/m/d;@", "H6": `[$-804]yyyy"年"m"月"`} {
		style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("问题清单", ref, time.Date(2022, 3, 1+int(ref[1]-'4'), 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("问题清单", ref, ref, style); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStr("问题清单", "F"+ref[1:], "已整改"); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Import(s, id, path, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems(t, s, a.ID) {
		got = append(got, p.Record.DoneOn)
	}
	if strings.Join(got, " ") != "2022-03-01 2022-03-02 2022-03-03" {
		t.Errorf("dates read %v", got)
	}
	for _, code := range []string{"0.00", `"第"0"号"`, "[红色]0", "#,##0"} {
		if dateFormat(code) {
			t.Errorf("%s read as a date format", code)
		}
	}
}

// A measure longer than a record holds, or a responsible person on two
// lines, is refused naming its cell.
func TestImportRefusesTextsTheRecordDoesNotHold(t *testing.T) {
	for _, c := range []struct {
		cells map[string]any
		want  string
	}{
		{map[string]any{"F4": strings.Repeat("整改", store.MaxProblemText/2+1)}, "问题清单!F4：文字长 4002 个字符"},
		{map[string]any{"F4": "已整改", "G4": strings.Repeat("完", store.MaxProblemText+1)}, "问题清单!G4：文字长 4001 个字符"},
		{map[string]any{"F5": "已整改", "I5": strings.Repeat("王", store.MaxProblemName+1)}, "问题清单!I5：名称长 201 个字符"},
		{map[string]any{"F6": "已整改", "I6": "王五\n李四"}, "问题清单!I6：责任人须为一行文字"},
	} {
		s, id := seed.Store(t)
		signed(t, s, id, "吉首市")
		path := export(t, s, "吉首市")
		fill(t, path, c.cells)
		refused(t, s, id, path, ImportOptions{}, c.want)
	}
}
