//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Issue 24's week end to end through the binary: the lead plans 张三 and
// 李四 over three units, 吉首市 scored by both blind; each records on his
// own laptop (李四 also spot-checks indicator 1.2 of the other two units);
// coverage before the merge says nothing is recorded, after it who did
// what and 李四's writes outside his assignment; 张三, blind on the merged
// file, edits and retracts his 1.3.a from the command line without
// touching 李四's hidden value; the agreement on 1.2 is the worked hand
// computation of report/agreement; 吉首市's 自评表, filled by a script as
// WPS would, is refused while an evidence file is missing (nothing
// changes), then imported, again adding nothing, and the gaps list 1.2;
// and the platform's spreadsheet for all three units is refused for one
// row with nothing changed, then imported once corrected.
func TestTheTeamsWeekWithAgreementSelfAssessmentAndFigures(t *testing.T) {
	dir := t.TempDir()
	lead := laptop{t, filepath.Join(dir, "组长.db"), filepath.Join(dir, "lead")}
	zhang := laptop{t, filepath.Join(dir, "张三.db"), filepath.Join(dir, "zhang")}
	li := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	lead.ok("init", "--inspector", "组长")
	units := "吉首市,泸溪县,凤凰县"
	lead.ok("plan", "assign", "张三", "--categories", "1,2,3", "--units", units, "--period", "2021")
	lead.ok("plan", "assign", "李四", "--categories", "4,5,6,7", "--units", "泸溪县")
	lead.ok("plan", "assign", "李四", "--categories", "1,2,3,4,5,6,7", "--units", "吉首市")
	lead.ok("plan", "assign", "张三", "--categories", "1,2,3,4,5,6,7", "--units", "吉首市")
	lead.ok("plan", "double", "张三", "李四", "--units", "吉首市")
	for _, l := range []struct {
		laptop
		name string
	}{{zhang, "张三"}, {li, "李四"}} {
		l.ok("init", "--inspector", l.name)
		l.ok("merge", "--into", l.db, lead.db)
	}
	// report/agreement's worked example on indicator 1.2: 1.2.a 3/3, 2/1,
	// 0/0 and 1.2.b 否/否, 是/否, 否/否.
	for _, s := range [][]string{
		{"吉首市", "1.2.a", "3", "3"}, {"吉首市", "1.2.b", "false", "false"},
		{"泸溪县", "1.2.a", "2", "1"}, {"泸溪县", "1.2.b", "true", "false"},
		{"凤凰县", "1.2.a", "0", "0"}, {"凤凰县", "1.2.b", "false", "false"},
	} {
		zhang.ok("set", s[0]+"/2021", s[1], s[2], "--note", "张三核查")
		li.ok("set", s[0]+"/2021", s[1], s[3], "--note", "李四核查")
	}
	zhang.ok("set", "吉首市/2021", "1.3.a", "1", "--note", "实施清单缺1项")
	li.ok("set", "吉首市/2021", "1.3.a", "2", "--note", "实施清单缺2项")

	cov := lead.coverageOf()
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		if got := cov[u].Totals; got.Recorded != 0 || got.OutsideWrites != 0 {
			t.Errorf("%s before the merge: %+v", u, got)
		}
	}
	lead.ok("merge", "--into", lead.db, zhang.db, li.db)
	cov = lead.coverageOf()
	if got := cov["吉首市"].Totals; got.Recorded != 2 || got.DoubleCovered != 0 || got.OutsideWrites != 0 {
		t.Errorf("吉首市 (double scored blind) after the merge: %+v", got)
	}
	for _, u := range []string{"泸溪县", "凤凰县"} {
		ic := indicatorOf(t, cov[u], "1.2")
		if got := cov[u].Totals; got.Recorded != 1 || got.DoubleCovered != 1 || got.OutsideWrites != 2 ||
			!ic.DoubleCovered || len(ic.Outside) != 1 || ic.Outside[0] != (outsideJSON{"李四", 2}) {
			t.Errorf("%s after the merge: %+v, 1.2 %+v; want 1.2 recorded by both, 李四's two writes outside his assignment", u, got, ic)
		}
	}

	// 张三, blind on the merged file, from the command line: his edit of
	// 1.3.a supersedes his own value only, and so does his retraction.
	asZhang := func(args ...string) string {
		t.Helper()
		r := runProc(t, proc(lead.db, []string{"KAOHE_CONFIG=" + lead.config, "KAOHE_INSPECTOR=张三"}, args...))
		if r.code != 0 {
			t.Fatalf("张三: kaohe %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}
	if out := asZhang("set", "吉首市/2021", "1.3.a", "3", "--note", "实施清单缺3项"); strings.Contains(out, "李四") || strings.Contains(out, "缺2项") {
		t.Errorf("张三's set shows 李四's hidden value:\n%s", out)
	}
	asZhang("unset", "吉首市/2021", "1.3.a")
	if h := lead.ok("history", "吉首市/2021", "1.3.a"); !strings.Contains(h, "实施清单缺2项") {
		t.Fatalf("李四's hidden 1.3.a was lost:\n%s", h)
	}
	conflicts := lead.ok("conflicts", "吉首市/2021")
	if !strings.Contains(conflicts, "1.3.a") || !strings.Contains(conflicts, "李四") {
		t.Errorf("李四's 1.3.a is no longer one of the lead's to settle:\n%s", conflicts)
	}

	var figs []agreementJSON
	if err := json.Unmarshal([]byte(lead.ok("agreement", "--period", "2021", "--json")), &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) != 1 {
		t.Fatalf("agreement: %+v, want indicator 1.2 only (张三 retracted his 1.3.a)", figs)
	}
	f := figs[0]
	// 4 of 6 equal; deductions (0.6,0.6) (0.4,0.2) (0,0) (0,0) (1,0) (0,0):
	// mean difference 1.2/6 = 0.2; κ = 13/28 = 0.4643.
	if f.Indicator != "1.2" || f.Units != 3 || f.Compared != 6 || f.Same != 0.6667 || f.MeanDiff != 0.2 ||
		f.Kappa == nil || *f.Kappa != 0.4643 || f.KappaN != 6 || f.ICC != nil {
		t.Errorf("agreement on 1.2: %+v; want 3 units, 6 values, same 0.6667, mean difference 0.2, κ 0.4643 (6), no ICC", f)
	}
	if text := lead.zh("agreement", "--period", "2021"); !strings.Contains(text, "67%") || !strings.Contains(text, "0.46（6）") {
		t.Errorf("agreement table:\n%s", text)
	}

	// 吉首市's 自评表: exported, filled by a script, returned with its files.
	book := filepath.Join(dir, "吉首市自评表.xlsx")
	lead.zh("selfassess", "export", "--period", "2021", "--unit", "吉首市", "-o", book)
	returned := fillSelfAssessment(t, book, map[string][3]any{
		"1.1": {2, "已建立机制", ""},
		"1.2": {"２", "清单已全部下放", "下放清单.pdf、承接台账.xlsx"},
	})
	evidence := filepath.Join(dir, "佐证材料")
	os.Mkdir(evidence, 0o755)
	os.WriteFile(filepath.Join(evidence, "下放清单.pdf"), []byte("%PDF-1.4 清单"), 0o644)
	before := everything(lead) + lead.ok("selfassess", "gaps", "--json")
	r := lead.run("--lang", "zh", "selfassess", "import", returned, "--evidence", evidence)
	if r.code == 0 || !strings.Contains(r.stderr, "自评表!G5：佐证材料 \"承接台账.xlsx\" 不在") {
		t.Errorf("a missing evidence file: exit %d\n%s", r.code, r.stderr)
	}
	if after := everything(lead) + lead.ok("selfassess", "gaps", "--json"); after != before {
		t.Error("a refused 自评表 changed the database")
	}
	tampered := tamperedCopy(t, returned, "C5", "不扣分")
	r = lead.run("--lang", "zh", "selfassess", "import", tampered)
	if r.code == 0 || !strings.Contains(r.stderr, "自评表!C5：考核组填写的单元格被改动（现为 \"不扣分\"）") {
		t.Errorf("a changed 评分标准: exit %d\n%s", r.code, r.stderr)
	}
	if after := everything(lead) + lead.ok("selfassess", "gaps", "--json"); after != before {
		t.Error("a tampered 自评表 changed the database")
	}
	os.WriteFile(filepath.Join(evidence, "承接台账.xlsx"), []byte("PK 台账"), 0o644)
	if out := lead.zh("selfassess", "import", returned, "--evidence", evidence); !strings.Contains(out, "吉首市/2021：已记录 2 项自评，0 项未变，附佐证材料 2 个") {
		t.Errorf("import says:\n%s", out)
	}
	before = everything(lead)
	if out := lead.zh("selfassess", "import", returned, "--evidence", evidence); !strings.Contains(out, "已记录 0 项自评，2 项未变，附佐证材料 0 个") {
		t.Errorf("the same 自评表 again says:\n%s", out)
	}
	if everything(lead) != before {
		t.Error("importing the same 自评表 again changed the database")
	}
	var gaps []selfGapJSON
	if err := json.Unmarshal([]byte(lead.ok("selfassess", "gaps", "--period", "2021", "--json")), &gaps); err != nil {
		t.Fatal(err)
	}
	// 1.2 claimed 2; verified 2 − 3 × 0.2 = 1.4. 1.1 claimed its 2, verified 2.
	if len(gaps) != 1 || gaps[0] != (selfGapJSON{"吉首市", "2021", "1.2", "2.00", "1.40", "0.60"}) {
		t.Errorf("gaps %+v, want 吉首市 1.2 claimed 2.00, verified 1.40, by 0.60", gaps)
	}
	if text := lead.zh("selfassess", "gaps", "--period", "2021"); !strings.Contains(text, "吉首市/2021     1.2         2.00      1.40      0.60") {
		t.Errorf("gaps table:\n%s", text)
	}

	// The platform's spreadsheet for all three units: one row refused,
	// nothing changed; corrected, all recorded.
	before = everything(lead)
	bad := platformWorkbook(t, platformHeader, []any{1, "吉首市", "9.15万", 3, 98.5}, []any{2, "泸溪县", 88000, "两张", 99.5}, []any{3, "凤凰县", 100000, 1, 100})
	args := []string{"import-figures", "--period", "2021", "--map", "3.2.a=办件量（件）", "--map", "3.2.b=黄牌"}
	if r := lead.run(append([]string{"--lang", "zh", args[0], bad}, args[1:]...)...); r.code == 0 || !strings.Contains(r.stderr, "Sheet1!D4") {
		t.Errorf("a word for a figure: exit %d\n%s", r.code, r.stderr)
	}
	if everything(lead) != before {
		t.Error("a refused platform spreadsheet changed the database")
	}
	good := platformWorkbook(t, platformHeader, []any{1, "吉首市", "9.15万", 3, 98.5}, []any{2, "泸溪县", 88000, 0, 99.5}, []any{3, "凤凰县", 100000, 1, 100})
	if out := lead.ok(append([]string{args[0], good}, args[1:]...)...); !strings.Contains(out, "3 units, 6 figures recorded") {
		t.Errorf("import-figures says:\n%s", out)
	}
}

// fillSelfAssessment fills a 自评表 as a county's clerk in WPS would:
// for each indicator its score (a number, or text as typed), account and
// file names, in the indicator's row; it returns the saved copy.
func fillSelfAssessment(t *testing.T, path string, claims map[string][3]any) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("自评表")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		c, ok := claims[row[0]]
		if !ok {
			continue
		}
		y := i + 1
		f.SetCellValue("自评表", cellName(5, y), c[0])
		for k, col := range []int{6, 7} {
			if s := c[k+1].(string); s != "" {
				f.SetCellStr("自评表", cellName(col, y), s)
			}
		}
	}
	out := filepath.Join(filepath.Dir(path), "吉首市自评表（已填）.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// tamperedCopy is a copy of the workbook at path with one cell of the
// 自评表 overwritten, as a county might edit a locked cell in a program
// that ignores the protection.
func tamperedCopy(t *testing.T, path, cell, text string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellStr("自评表", cell, text)
	out := filepath.Join(t.TempDir(), "改动.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
