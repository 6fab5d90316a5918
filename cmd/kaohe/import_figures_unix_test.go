//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// threeCounties is a laptop with 吉首市, 泸溪县 and 凤凰县 assessed in 2021.
func threeCounties(t *testing.T) laptop {
	t.Helper()
	dir := t.TempDir()
	l := laptop{t, filepath.Join(dir, "汇总.db"), filepath.Join(dir, "clerk")}
	l.ok("init", "--inspector", "王五")
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		l.ok("new", u, "2021")
	}
	return l
}

// platformWorkbook writes the 一体化平台's export as the platform gives it:
// a title row, then the header row, then one row per county; a cell value
// that is a string is written as text, a number as a number, and a
// *percent as a number formatted 0.0%.
func platformWorkbook(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Sheet1", "A1", "2021年度一体化平台数据统计"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			switch v := v.(type) {
			case percent:
				f.SetCellValue("Sheet1", cell, float64(v))
				f.SetCellStyle("Sheet1", cell, cell, pct)
			case formula:
				f.SetCellFormula("Sheet1", cell, string(v))
			default:
				f.SetCellValue("Sheet1", cell, v)
			}
		}
	}
	p := filepath.Join(t.TempDir(), "平台数据.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

type percent float64
type formula string

// indicatorScore is one indicator's score in `kaohe score --json`.
func indicatorScore(t *testing.T, l laptop, unit, indicator string) string {
	t.Helper()
	for _, in := range parseScore(t, l.ok("score", unit+"/2021", "--json")).Indicators {
		if in.ID == indicator {
			return in.Score.String()
		}
	}
	t.Fatalf("%s: no indicator %s", unit, indicator)
	return ""
}

// everything is what the three counties' database says: each one's
// score and whole history, to compare before and after a refusal.
func everything(l laptop) string {
	var b strings.Builder
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		b.WriteString(l.ok("score", u+"/2021", "--json"))
		b.WriteString(l.ok("history", u+"/2021"))
	}
	return b.String()
}

var platformHeader = []any{"序号", "单位", "办件量\n（件）", "黄牌", "网上可办率"}

// The clerk imports the platform's workbook for three counties at once:
// 9.15万 as text, ８８，０００ in full-width digits, a plain number, and
// a rate stored as 0.995 in a cell shown as 99.5%. Every figure lands
// on its county's rule, the scores are the hand-computed ones, the note
// says which cell each came from, and importing it again changes nothing.
func TestImportFiguresFromPlatformWorkbook(t *testing.T) {
	l := threeCounties(t)
	l.ok("set", "凤凰县/2021", "3.2.b", "2")
	book := platformWorkbook(t, platformHeader,
		[]any{1, "吉首市", "9.15万", 3, 98.5},
		[]any{2, "泸溪县", "８８，０００", 0, percent(0.995)},
		[]any{3, "凤凰县", 100000, 1, 100},
	)
	args := []string{"import-figures", book, "--period", "2021", "--map", "3.2.a=办件量（件）", "--map", "3.2.b=黄牌", "--map", "3.1.a=网上可办率"}
	out := l.ok(args...)
	for _, want := range []string{"吉首市/2021\n  3.2.a 一体化平台办件数: - → 91500\n  3.2.b 黄牌: - → 3\n  3.1.a 网上可办率: - → 98.5\n",
		"泸溪县/2021\n  3.2.a 一体化平台办件数: - → 88000\n  3.2.b 黄牌: - → 0\n  3.1.a 网上可办率: - → 99.5\n",
		"  3.2.b 黄牌: 2 → 1\n", "imported 平台数据.xlsx: 3 units, 9 figures recorded, 0 unchanged"} {
		if !strings.Contains(out, want) {
			t.Errorf("import says:\n%s\nwant %q", out, want)
		}
	}
	// 3.2: 6 − ⌊(100000 − figure) / 2000⌋ × 0.1 − cards × 0.1;
	// 3.1: 2 − (100 − rate) / 100, 3.1.b unrecorded.
	for _, c := range []struct{ unit, ind, want string }{
		{"吉首市", "3.2", "5.3"}, {"泸溪县", "3.2", "5.4"}, {"凤凰县", "3.2", "5.9"},
		{"吉首市", "3.1", "1.98"}, {"泸溪县", "3.1", "1.99"}, {"凤凰县", "3.1", "2"},
	} {
		if got := indicatorScore(t, l, c.unit, c.ind); got != c.want {
			t.Errorf("%s %s = %s, want %s", c.unit, c.ind, got, c.want)
		}
	}
	if h := l.ok("history", "泸溪县/2021", "3.1.a"); !strings.Contains(h, "平台数据.xlsx Sheet1!E4") {
		t.Errorf("the history does not say where the figure came from:\n%s", h)
	}
	before := everything(l)
	again := l.ok(args...)
	if !strings.Contains(again, "3 units, 0 figures recorded, 9 unchanged") || !strings.Contains(again, "3.2.a 一体化平台办件数: 91500 (unchanged)") {
		t.Errorf("the same table again says:\n%s", again)
	}
	if after := everything(l); after != before {
		t.Errorf("importing the same table again changed the database")
	}
}

// A CSV saved by WPS in GBK is read as GBK, a rate written 99.5% as the
// CSV writes it; a county missing from it is named, nothing imported for
// it; a word where a figure belongs is refused by its line and field.
func TestImportFiguresFromGBKCSV(t *testing.T) {
	l := threeCounties(t)
	text := "单位,办件量,黄牌,网上可办率\r\n吉首市,\"95,000\",2,99.5%\r\n泸溪县,10万,0,１００％\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "平台数据.csv")
	if err := os.WriteFile(p, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	out := l.ok("import-figures", p, "--period", "2021", "--map", "3.2.a=办件量", "--map", "3.2.b=黄牌", "--map", "3.1.a=网上可办率")
	if !strings.Contains(out, "not in the table, nothing imported for: 凤凰县") || !strings.Contains(out, "2 units, 6 figures recorded") {
		t.Errorf("import says:\n%s", out)
	}
	if got := indicatorScore(t, l, "吉首市", "3.2"); got != "5.6" { // ⌊5000/2000⌋×0.1 + 2×0.1
		t.Errorf("吉首市 3.2 = %s, want 5.6", got)
	}
	if got := indicatorScore(t, l, "泸溪县", "3.2"); got != "6" {
		t.Errorf("泸溪县 3.2 = %s, want 6", got)
	}
	if got := indicatorScore(t, l, "吉首市", "3.1"); got != "1.99" { // 99.5%: 1 × 0.5/100 → 0.01
		t.Errorf("吉首市 3.1 = %s, want 1.99", got)
	}
	if h := l.ok("history", "吉首市/2021", "3.2.a"); !strings.Contains(h, "平台数据.csv 2:2") {
		t.Errorf("the history does not name the line and field:\n%s", h)
	}
	bad := filepath.Join(t.TempDir(), "平台数据.csv")
	os.WriteFile(bad, []byte("单位,办件量\n吉首市,95000\n泸溪县,约九万\n"), 0o644)
	r := l.run("import-figures", bad, "--period", "2021", "--map", "3.2.a=办件量")
	if r.code != 1 || !strings.Contains(r.stderr, "平台数据.csv:3:2 (泸溪县): 3.2.a: \"约九万\" is not a number") {
		t.Errorf("a word for a figure in a CSV: %d\n%s", r.code, r.stderr)
	}
}

// One table with every kind of refusal: each is listed by its cell, in
// Chinese too, and the database is exactly as it was.
func TestImportFiguresRefusalsChangeNothing(t *testing.T) {
	l := threeCounties(t)
	l.ok("set", "吉首市/2021", "3.2.a", "90000")
	l.ok("new", "保靖县", "2021")
	l.ok("sign", "保靖县/2021", "--allow-incomplete")
	book := platformWorkbook(t, platformHeader,
		[]any{1, "吉首市", 95000, 1, 99},
		[]any{2, "泸溪县", 88000, "三张", 99},
		[]any{3, "凤凰县", formula("SUM(C3:C4)"), 1, 99},
		[]any{4, "吉首", 70000, 0, 99},
		[]any{5, "保靖县", 70000, 0, 99},
		[]any{6, "吉首市", 95000, 1, 99},
		[]any{7, "凤凰县 ", 95000, "", 99},
	)
	before := everything(l)
	args := []string{"import-figures", book, "--period", "2021", "--map", "3.2.a=办件量（件）", "--map", "3.2.b=黄牌"}
	r := l.run(args...)
	if r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"平台数据.xlsx: 6 problems; nothing was imported:",
		`Sheet1!D4 (泸溪县): 3.2.b: "三张" is not a number`,
		"Sheet1!C5 (凤凰县 3.2.a): the cell holds the formula =SUM(C3:C4); kaohe evaluates no formula",
		"Sheet1!B6: 吉首 has no assessment in period 2021",
		"Sheet1!B7: 保靖县/2021 is signed; reopen it before importing figures into it",
		"Sheet1!B8: 吉首市 is listed twice (first at Sheet1!B3)",
		"Sheet1!B9: 凤凰县 is listed twice (first at Sheet1!B5)",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("refusals:\n%s\nwant %q", r.stderr, want)
		}
	}
	if after := everything(l); after != before {
		t.Errorf("a refused table changed the database:\nbefore\n%s\nafter\n%s", before, after)
	}
	zh := l.run(append([]string{"--lang", "zh"}, args...)...)
	for _, want := range []string{"平台数据.xlsx：6 处问题，未导入任何内容：", "Sheet1!C5（凤凰县 3.2.a）：单元格是公式 =SUM(C3:C4)；kaohe 不计算公式", "Sheet1!B6：吉首 在 2021 年度没有考核"} {
		if !strings.Contains(zh.stderr, want) {
			t.Errorf("in Chinese:\n%s\nwant %q", zh.stderr, want)
		}
	}
	// Rules that are no figures, and a header the table lacks.
	r = l.run("import-figures", book, "--period", "2021", "--map", "1.1.a=黄牌", "--map", "3.4.a=黄牌", "--map", "3.2.c=红牌", "--map", "9.9.z=黄牌")
	for _, want := range []string{"--map 1.1.a=黄牌: rule 1.1.a is of kind flag, not recorded as a figure", "--map 3.4.a=黄牌: rule 3.4.a is of kind discretion",
		"--map 3.2.c=红牌: no column headed 红牌", "--map 9.9.z=黄牌: rubric xiangxi-fangguanfu-county 2021 has no rule 9.9.z"} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("mapping refusals: %d\n%s\nwant %q", r.code, r.stderr, want)
		}
	}
	if after := everything(l); after != before {
		t.Errorf("refused mappings changed the database")
	}
}

// --dry-run shows each county's old and new values and writes nothing;
// the same import without it then writes exactly that.
func TestImportFiguresDryRunWritesNothing(t *testing.T) {
	l := threeCounties(t)
	l.ok("set", "吉首市/2021", "3.2.a", "90000")
	book := platformWorkbook(t, platformHeader,
		[]any{1, "吉首市", 95000, 1, 99},
		[]any{2, "泸溪县", 88000, 0, 99},
		[]any{3, "凤凰县", 100000, 1, 99},
	)
	before := everything(l)
	args := []string{"import-figures", book, "--period", "2021", "--map", "3.2.a=办件量（件）"}
	out := l.ok(append(args, "--dry-run")...)
	for _, want := range []string{"吉首市/2021\n  3.2.a 一体化平台办件数: 90000 → 95000\n", "泸溪县/2021\n  3.2.a 一体化平台办件数: - → 88000\n",
		"dry run: 3 units, 3 figures would change, 0 unchanged; nothing was written"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run says:\n%s\nwant %q", out, want)
		}
	}
	if after := everything(l); after != before {
		t.Errorf("a dry run changed the database")
	}
	if r := l.run(append(args, "--sheet", "数据")...); r.code != 1 || !strings.Contains(r.stderr, "平台数据.xlsx: no sheet 数据 (its sheets: Sheet1)") {
		t.Errorf("a sheet the workbook lacks: %d %s", r.code, r.stderr)
	}
	l.ok(append(args, "--sheet", "Sheet1")...)
	if got := indicatorScore(t, l, "吉首市", "3.2"); got != "5.8" {
		t.Errorf("吉首市 3.2 after the import = %s, want 5.8", got)
	}
}

// A file that only looks like a workbook (a damaged zip, an old .xls) is
// refused as every workbook kaohe reads is, naming the file, and nothing
// is written.
func TestImportFiguresRefusesDamagedWorkbooks(t *testing.T) {
	l := threeCounties(t)
	before := everything(l)
	dir := t.TempDir()
	for name, data := range map[string]string{
		"平台数据.xlsx": "PK\x03\x04 cut short on the USB stick",
		"平台数据.xls":  "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old Excel",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		r := l.run("import-figures", p, "--period", "2021", "--map", "3.2.a=办件量")
		if r.code != 1 || !strings.Contains(r.stderr, p+": ") || !strings.Contains(r.stderr, map[string]string{"平台数据.xlsx": "not an Excel workbook", "平台数据.xls": "old Excel workbook (.xls)"}[name]) {
			t.Errorf("%s: %d\n%s", name, r.code, r.stderr)
		}
	}
	// A million-row sheet is no table of units: refused before any of its
	// cells is looked at one by one.
	long := filepath.Join(dir, "长表.csv")
	os.WriteFile(long, []byte("单位,办件量\n"+strings.Repeat("吉首,1\n", 6000)), 0o644)
	if r := l.run("import-figures", long, "--period", "2021", "--map", "3.2.a=办件量"); r.code != 1 || !strings.Contains(r.stderr, "the table has 6001 rows; a platform table has one row per unit, at most 5000") {
		t.Errorf("a table of 6001 rows: %d\n%s", r.code, r.stderr)
	}
	// A platform table whose shared strings inflate to 1.5 GB is refused
	// naming the part, without inflating it.
	good, err := os.ReadFile(platformWorkbook(t, platformHeader, []any{1, "吉首市", 95000, 1, 99}))
	if err != nil {
		t.Fatal(err)
	}
	bomb, err := workbooktest.Bomb(good, workbooktest.SharedStrings, 1500<<20, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "bomb.xlsx")
	os.WriteFile(p, bomb, 0o644)
	r, rss := hostileRun(t, l.db, "import-figures", p, "--period", "2021", "--map", "3.2.a=办件量")
	if r.code != 1 || !strings.Contains(r.stderr, p+": part xl/sharedStrings.xml: inflates to more than") || rss > 200<<20 {
		t.Errorf("a zip bomb: exit %d, %d MB\n%s", r.code, rss>>20, r.stderr)
	}
	if after := everything(l); after != before {
		t.Errorf("a damaged workbook changed the database")
	}
}

// Two inspectors' disagreeing 办件量 merged into the lead's file is a
// conflict the table does not settle, and a rule recorded item by item is
// not overwritten by a count that disagrees with its items: both are
// refused by their cell, and nothing is written.
func TestImportFiguresRefusesConflictsAndDisagreeingItems(t *testing.T) {
	dir := t.TempDir()
	zhang := laptop{t, filepath.Join(dir, "张三.db"), filepath.Join(dir, "zhang")}
	li := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	for _, l := range []laptop{zhang, li} {
		l.ok("init", "--inspector", filepath.Base(l.config))
		l.ok("new", "吉首市", "2021")
		l.ok("new", "泸溪县", "2021")
	}
	zhang.ok("set", "吉首市/2021", "3.2.a", "90000")
	li.ok("set", "吉首市/2021", "3.2.a", "92000")
	li.ok("item", "add", "泸溪县/2021", "3.2.b", "事项超期")
	lead := laptop{t, filepath.Join(dir, "汇总.db"), filepath.Join(dir, "lead")}
	lead.ok("init", "--inspector", "组长")
	lead.ok("merge", "--into", lead.db, zhang.db, li.db)
	book := platformWorkbook(t, platformHeader,
		[]any{1, "吉首市", 95000, 1, 99},
		[]any{2, "泸溪县", 88000, 2, 99},
	)
	history := lead.ok("history", "吉首市/2021") + lead.ok("history", "泸溪县/2021")
	r := lead.run("import-figures", book, "--period", "2021", "--map", "3.2.a=办件量（件）", "--map", "3.2.b=黄牌")
	for _, want := range []string{"Sheet1!C3 (吉首市 3.2.a): the rule has conflicting values from different inspectors",
		"Sheet1!D4 (泸溪县 3.2.b): the rule is recorded item by item and its 1 items give 1, not 2"} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("exit %d\n%s\nwant %q", r.code, r.stderr, want)
		}
	}
	if after := lead.ok("history", "吉首市/2021") + lead.ok("history", "泸溪县/2021"); after != history {
		t.Errorf("a refused import changed the lead's file")
	}
}

// Excel and WPS store a typed 89.3 as the double 89.299999999999997 and a
// 98.5% as 0.98499999999999999 (as raw 9.85E-1 too); they show 15
// significant digits, and kaohe reads the cell as shown. A format with a
// quoted "%" shows a % but does not scale the number.
func TestImportFiguresReadsNumbersAsExcelShowsThem(t *testing.T) {
	l := threeCounties(t)
	f := excelize.NewFile()
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	fmtText := `0.0"%"`
	literal, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtText})
	for _, c := range []struct {
		cell string
		v    any
	}{{"A1", "单位"}, {"B1", "网上可办率"}, {"A2", "吉首市"}, {"A3", "泸溪县"}, {"A4", "凤凰县"}} {
		f.SetCellValue("Sheet1", c.cell, c.v)
	}
	f.SetCellFloat("Sheet1", "B2", 89.3, 15, 64)  // 89.299999999999997
	f.SetCellFloat("Sheet1", "B3", 0.985, 17, 64) // 0.98499999999999999, shown 98.5%
	f.SetCellStyle("Sheet1", "B3", "B3", pct)
	f.SetCellFloat("Sheet1", "B4", 98.5, -1, 64) // shown 98.5%, stored 98.5
	f.SetCellStyle("Sheet1", "B4", "B4", literal)
	book := filepath.Join(t.TempDir(), "平台数据.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := l.ok("import-figures", book, "--period", "2021", "--map", "3.1.a=网上可办率")
	for _, want := range []string{"吉首市/2021\n  3.1.a 网上可办率: - → 89.3\n", "泸溪县/2021\n  3.1.a 网上可办率: - → 98.5\n", "凤凰县/2021\n  3.1.a 网上可办率: - → 98.5\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("import says:\n%s\nwant %q", out, want)
		}
	}
}

// A malformed CSV is refused naming its line and field, the column WPS
// shows, not encoding/csv's byte offset into Chinese text.
func TestImportFiguresNamesTheFieldOfAMalformedCSV(t *testing.T) {
	l := threeCounties(t)
	bad := filepath.Join(t.TempDir(), "平台数据.csv")
	if err := os.WriteFile(bad, []byte("单位,办件量,黄牌\n吉首市,95000,2\n泸溪县,9\"5000,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := l.run("import-figures", bad, "--period", "2021", "--map", "3.2.a=办件量")
	if r.code == 0 || !strings.Contains(r.stderr, "平台数据.csv:3:2") {
		t.Errorf("exit %d, %s; want the refusal at line 3, field 2", r.code, r.stderr)
	}
}
