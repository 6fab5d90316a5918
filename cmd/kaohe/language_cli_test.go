package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// With the seed rubric the CLI speaks Chinese by default, as the TUI does;
// --lang en gives English. Figures are typed as inspectors type them.
func TestCLISpeaksTheRubricsLanguage(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.lang = ""
	if out := c.ok("new", "吉首市", "2021"); !strings.HasPrefix(out, "已创建 吉首市/2021") {
		t.Errorf("new: %s", out)
	}
	out := c.ok("set", "吉首市/2021", "2.4.a", "9２．５")
	if !strings.Contains(out, "已保存 吉首市/2021 2.4.a = 92.5") || !strings.Contains(out, "总分") || strings.Contains(out, "total") {
		t.Errorf("set in Chinese with a full-width figure: %s", out)
	}
	if out := c.ok("set", "吉首市/2021", "2.4.a", "92.5"); !strings.Contains(out, "无变化") {
		t.Errorf("unchanged: %s", out)
	}
	_, errs, code := c.run("set", "吉首市/2021", "1.5.b", "5")
	if code != 1 || !strings.Contains(errs, "1.5.b：5 超过上限 3（未落实的告知承诺制，最多 3 项）") {
		t.Errorf("too high, in words: %d %s", code, errs)
	}
	_, errs, _ = c.run("set", "吉首市/2021", "1.5.b", "三")
	if !strings.Contains(errs, "“三”不是数字") {
		t.Errorf("not a number: %s", errs)
	}
	for _, heading := range []string{"单位", "年度", "督查人员", "进度", "总分", "状态", "冲突", "编号"} {
		if list := c.ok("list"); !strings.Contains(strings.SplitN(list, "\n", 2)[0], heading) {
			t.Errorf("list heading lacks %s: %s", heading, list)
		}
	}
	_, errs, _ = c.run("set", "吉首市/2021", "9.9.z", "1")
	if !strings.Contains(errs, "9.9.z：考核指标 xiangxi-fangguanfu-county 2021 没有规则“9.9.z”") {
		t.Errorf("unknown rule: %s", errs)
	}
	if out := c.ok("conflicts"); !strings.Contains(out, "没有未解决的冲突") {
		t.Errorf("conflicts: %s", out)
	}

	c.lang = "en"
	_, errs, _ = c.run("set", "吉首市/2021", "1.5.b", "5")
	if !strings.Contains(errs, "1.5.b: 5 is above the limit 3 (") || strings.ContainsAny(errs, "：（）") {
		t.Errorf("English error: %s", errs)
	}
	if _, errs, _ = c.run("set", "吉首市/2021", "9.9.z", "1"); !strings.Contains(errs, `9.9.z: rubric xiangxi-fangguanfu-county 2021 has no rule "9.9.z"`) {
		t.Errorf("unknown rule in English: %s", errs)
	}
	for _, typed := range []string{"8.5万", "85,000", "85，000", "８５０００"} {
		if out := c.ok("set", "吉首市/2021", "3.2.a", typed); !strings.Contains(out, "3.2.a = 85000") && !strings.Contains(out, "unchanged") {
			t.Errorf("3.2.a %s: %s", typed, out)
		}
	}
	if h := c.ok("history", "吉首市/2021", "3.2.a"); strings.Count(h, "\n") != 1 || !strings.Contains(h, "- → 85000") {
		t.Errorf("the figures are one plain value 85000:\n%s", h)
	}
}

// report --units naming a unit without an assessment is an error naming
// it; a note of ~600 characters on 30 lines does not break the xlsx; a
// findings file from Notepad (BOM) imports.
func TestReportAndImportFromTheCLI(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("new", "泸溪县", "2021")
	long := strings.Repeat("电子证照汇聚不全，已现场核实并拍照留存。\n", 30)
	c.ok("note", "泸溪县/2021", "2.1", long)
	dir := t.TempDir()
	out := filepath.Join(dir, "结果.xlsx")
	if o := c.ok("report", "-o", out); !strings.Contains(o, "2 units ranked") {
		t.Errorf("report with a long note: %s", o)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	_, errs, code := c.run("report", "--units", "吉首市,古丈县", "-o", filepath.Join(dir, "x.csv"))
	if code != 1 || !strings.Contains(errs, "古丈县") {
		t.Errorf("--units with a unit without an assessment: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a report was written anyway")
	}
	f := writeFile(t, "notepad.json", "\ufeff{\"findings\": {\"1.2.a\": 3}}\r\n")
	if o := c.ok("import", "吉首市/2021", f); !strings.Contains(o, "1.2.a = 3") {
		t.Errorf("import with a BOM: %s", o)
	}
	dup := writeFile(t, "dup.json", "{\"findings\": {\"1.2.a\": 3,\n \"1.2.a\": 8}}")
	if _, errs, code := c.run("import", "吉首市/2021", dup); code != 1 || !strings.Contains(errs, "line 2, column 2") {
		t.Errorf("duplicate key: %d %s", code, errs)
	}
}

// On an English rubric, without --lang, a report bundle's line is in
// English like every other line of the report command.
func TestReportBundleSpeaksTheRubricsLanguage(t *testing.T) {
	c, _ := dbCLI(t, "Zhang")
	c.lang = ""
	rb := rubric.Default()
	rb.Language, rb.Version = "en", "2021-en"
	c.ok("rubric", "add", writeFile(t, "en.yaml", string(rubric.MarshalYAML(rb, "English"))))
	c.ok("new", "Jishou", "2021", "--rubric-id", rb.ID+"@"+rb.Version)
	out := filepath.Join(t.TempDir(), "result.zip")
	if o := c.ok("report", "-o", out); !strings.Contains(o, "wrote "+out+": 1 units ranked, 0 evidence files") {
		t.Errorf("bundle on an English rubric: %s", o)
	}
}

// The `kaohe rubric` commands speak as every other command does: --lang,
// else the rubric's language (Chinese for the seed and for a draft).
func TestRubricCommandsSpeakTheRubricsLanguage(t *testing.T) {
	dir := t.TempDir()
	table := writeFile(t, "细则.txt", smallTable)
	// draft, then add (twice), validate, export, import and list the draft.
	draftAndMore := func(c *cli, tag string) string {
		file := filepath.Join(dir, tag+".yaml")
		return c.ok("rubric", "draft", table, "-o", file) + rubricCommands(c, dir, tag, file) + c.ok("rubric", "list")
	}
	zhWords := []string{"起草了", "已添加考核指标", "已存有考核指标", "检查通过", "1 条规则待核对", "已写入", "两个版本内容相同", "考核 0 个", "* 内置"}
	enWords := []string{"drafted", "added rubric", "already stored rubric", ": ok — ", "1 rule to review", "wrote ", "no differences", "0 assessments", "* built in"}

	c, _ := dbCLI(t, "张三")
	c.lang = ""
	speaks(t, "the draft's Chinese", draftAndMore(c, "zh"), zhWords, enWords)

	c, _ = dbCLI(t, "张三")
	speaks(t, "--lang en", draftAndMore(c, "en"), enWords, zhWords)

	rb := rubric.Default()
	rb.Language, rb.Version = "en", "2021-en"
	rb.Categories[0].Indicators[0].Rules[0].Review = "check the amount"
	file := writeFile(t, "en.yaml", string(rubric.MarshalYAML(rb, "English")))
	c, _ = dbCLI(t, "Zhang")
	c.lang = ""
	speaks(t, "an English rubric", rubricCommands(c, dir, "rubric-en", file), enWords[1:7], zhWords)
}

// rubricCommands adds the rubric FILE twice, validates it, exports it as a
// workbook, imports that back and compares the two, and returns what they
// printed.
func rubricCommands(c *cli, dir, tag, file string) string {
	book, yml := filepath.Join(dir, tag+".xlsx"), filepath.Join(dir, tag+"-imported.yaml")
	var b strings.Builder
	for _, args := range [][]string{
		{"rubric", "add", file},
		{"rubric", "add", file},
		{"rubric", "validate", file},
		{"rubric", "export", "--rubric", file, "-o", book},
		{"rubric", "import", book, "-o", yml},
		{"rubric", "diff", file, yml},
	} {
		b.WriteString(c.ok(args...))
	}
	return b.String()
}

// speaks checks that out has every word of want and none of the other
// language's.
func speaks(t *testing.T, how, out string, want, other []string) {
	t.Helper()
	var lacks, has []string
	for _, w := range want {
		if !strings.Contains(out, w) {
			lacks = append(lacks, w)
		}
	}
	for _, w := range other {
		if strings.Contains(out, w) {
			has = append(has, w)
		}
	}
	if len(lacks)+len(has) > 0 {
		t.Errorf("%s: lacks %q, has %q of the other language:\n%s", how, lacks, has, out)
	}
}
