package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// smallTable is a rubric table as a clerk would save it from WPS: a row a
// line, tab-separated, with a clause the drafter cannot read.
const smallTable = "2025年度政务服务考核细则\n序号\t主要工作\t考核内容\t评分标准\n" +
	"1\t基础工作（5分）\t（1）建立工作台账。（2分）\t未建立工作台账的扣2分。\n" +
	"\t\t（2）开展业务培训不少于3次。（3分）\t每少1次扣1分；考核排名后三位的扣分加倍。\n" +
	"2\t创新加分（加分项，2分）\t（1）获得表彰。（2分）\t获得省级表彰的加2分。\n"

// draftCLI is a CLI and, in a temp folder, the path of smallTable saved
// as 细则.txt and of the draft to write beside it.
func draftCLI(t *testing.T) (c *cli, table, out string) {
	t.Helper()
	dir := t.TempDir()
	table = filepath.Join(dir, "细则.txt")
	if err := os.WriteFile(table, []byte(smallTable), 0o644); err != nil {
		t.Fatal(err)
	}
	return newCLI(t), table, filepath.Join(dir, "draft.yaml")
}

func TestRubricDraftCommand(t *testing.T) {
	c, table, out := draftCLI(t)
	stdout := c.ok("rubric", "draft", table, "--id", "gov-2025", "--version", "2025", "-o", out)
	if !strings.Contains(stdout, "drafted 2 categories, 3 indicators, 4 rules") || !strings.Contains(stdout, "1 rule to review") || !strings.Contains(stdout, "1.2.b") {
		t.Errorf("draft summary:\n%s", stdout)
	}
	rb, err := rubric.LoadFile(out)
	if err != nil {
		t.Fatalf("the written draft does not load: %v", err)
	}
	if rb.ID != "gov-2025" || rb.Version != "2025" || !rb.Categories[1].Bonus {
		t.Errorf("draft %s %s, bonus category %v", rb.ID, rb.Version, rb.Categories[1].Bonus)
	}
	// validate accepts the draft and lists what to check; show marks it.
	v := c.ok("rubric", "validate", out)
	if !strings.Contains(v, "ok") || !strings.Contains(v, "1.2.b") || !strings.Contains(v, "考核排名后三位的扣分加倍") {
		t.Errorf("validate of a draft with a review:\n%s", v)
	}
	if s := c.ok("rubric", "show", "--rubric", out); !strings.Contains(s, "review: 没有识别出扣分方式") {
		t.Errorf("show --lang en does not mark the rule to review:\n%s", s)
	}
	c.lang = "" // the draft's own language, Chinese
	if s := c.ok("rubric", "show", "--rubric", out); !strings.Contains(s, "待核对：没有识别出扣分方式") {
		t.Errorf("show does not mark the rule to review:\n%s", s)
	}
	c.lang = "en"
	// The draft is not overwritten without --force.
	before := mustRead(t, out)
	if _, errs, code := c.run("rubric", "draft", table, "-o", out); code == 0 || !strings.Contains(errs, "--force") {
		t.Errorf("overwrote the draft without --force: exit %d %s", code, errs)
	}
	if !bytes.Equal(before, mustRead(t, out)) {
		t.Error("a refused draft changed the file")
	}
	c.ok("rubric", "draft", table, "-o", out, "--force")
	// Without -o the YAML alone goes to stdout.
	if y := c.ok("rubric", "draft", table); !strings.HasPrefix(y, "# ") {
		t.Errorf("stdout draft:\n%s", y)
	} else if _, err := rubric.Parse("stdout.yaml", []byte(y)); err != nil {
		t.Errorf("stdout draft does not load: %v", err)
	}
}

// TestRubricDraftWorkbook: -o .xlsx writes the draft as the workbook of
// `rubric export`, which validate reads and lists the reviews of (备注).
func TestRubricDraftWorkbook(t *testing.T) {
	c := newCLI(t)
	table := writeFile(t, "细则.txt", smallTable)
	out := filepath.Join(t.TempDir(), "指标.xlsx")
	if s := c.ok("rubric", "draft", table, "--version", "2025", "-o", out); !strings.Contains(s, "1 rule to review") {
		t.Errorf("draft to xlsx:\n%s", s)
	}
	fromSheet, err := loadRubric(out)
	if err != nil {
		t.Fatalf("the drafted workbook does not load: %v", err)
	}
	yamlOut := filepath.Join(t.TempDir(), "d.yaml")
	c.ok("rubric", "draft", table, "--version", "2025", "-o", yamlOut)
	fromYAML, err := rubric.LoadFile(yamlOut)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", fromSheet) != fmt.Sprintf("%+v", fromYAML) {
		t.Errorf("the workbook and the YAML draft differ:\n%+v\n%+v", fromSheet, fromYAML)
	}
	if v := c.ok("rubric", "validate", out); !strings.Contains(v, "ok") || !strings.Contains(v, "1.2.b") {
		t.Errorf("validate of the drafted workbook:\n%s", v)
	}
}

func TestRubricDraftWindowsAndGBKFiles(t *testing.T) {
	c := newCLI(t)
	crlf := "\ufeff" + strings.ReplaceAll(smallTable, "\n", "\r\n")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(smallTable)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"bom-crlf.txt": crlf, "gbk.txt": gbk} {
		table := writeFile(t, name, content)
		out := filepath.Join(t.TempDir(), "d.yaml")
		s := c.ok("rubric", "draft", table, "-o", out)
		if strings.HasPrefix(name, "gbk") != strings.Contains(s, "(read as GBK)") {
			t.Errorf("%s: %s", name, s)
		}
		rb, err := rubric.LoadFile(out)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rb.Title != "2025年度政务服务考核细则" || rb.Indicators()[0].Standard != "未建立工作台账的扣2分。" {
			t.Errorf("%s: title %q, first standard %q", name, rb.Title, rb.Indicators()[0].Standard)
		}
	}
}

func TestRubricDraftRefusals(t *testing.T) {
	c := newCLI(t)
	table := writeFile(t, "t.txt", smallTable)
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"rubric", "draft", table, "-o", filepath.Join(dir, "d.json")}, "(.yaml) or as a workbook (.xlsx)"},
		{[]string{"rubric", "draft", table, "-o", filepath.Join(dir, "no", "d.yaml")}, "there is no folder"},
		{[]string{"rubric", "draft", filepath.Join(dir, "missing.txt"), "-o", filepath.Join(dir, "d.yaml")}, "missing.txt: cannot read the table"},
		{[]string{"rubric", "draft", writeFile(t, "prose.txt", "会议纪要\n今天开会。\n"), "-o", filepath.Join(dir, "d.yaml")}, "prose.txt: no rubric table found"},
		{[]string{"rubric", "draft", writeFile(t, "x.docx", "PK\x03\x04\x00\x00\xff\xfe\x00"), "-o", filepath.Join(dir, "d.yaml")}, "x.docx: this is a Word/WPS or Excel file, not text"},
	}
	for _, tc := range cases {
		_, errs, code := c.run(tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("kaohe %s: exit %d, stderr %q, want %q", strings.Join(tc.args[2:], " "), code, errs, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused drafts left files: %v", entries)
	}
}

// TestRubricDraftTableThatDoesNotAddUp: the draft is written for fixing,
// and the command fails naming the line of the draft to fix.
func TestRubricDraftTableThatDoesNotAddUp(t *testing.T) {
	c := newCLI(t)
	table := writeFile(t, "t.txt", strings.Replace(smallTable, "基础工作（5分）", "基础工作（6分）", 1))
	out := filepath.Join(t.TempDir(), "d.yaml")
	_, errs, code := c.run("rubric", "draft", table, "-o", out)
	if code != 1 || !strings.Contains(errs, "d.yaml:") || !strings.Contains(errs, "category 1 has 6 points but its indicators add up to 5") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the draft was not written: %v", err)
	}
}

// TestRubricDraftRealProcess runs the test binary as kaohe on real files,
// as a clerk runs it: draft, then validate.
func TestRubricDraftRealProcess(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "draft.yaml")
	run := func(args ...string) (string, int) {
		// --lang en: the draft is Chinese, and the checks below read English.
		cmd := exec.Command(os.Args[0], append([]string{"--lang", "en"}, args...)...) // this test binary as kaohe (TestMain)
		cmd.Env = append(os.Environ(), "KAOHE_TEST_AS_KAOHE=1")
		b, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(b), code
	}
	seed := "../../rubric/draft/testdata/seed.txt"
	if s, code := run("rubric", "draft", seed, "--version", "2021", "-o", out); code != 0 || !strings.Contains(s, "70 rules") {
		t.Fatalf("draft of the seed: exit %d\n%s", code, s)
	}
	if s, code := run("rubric", "validate", out); code != 0 || !strings.Contains(s, "ok") || strings.Contains(s, "review") {
		t.Errorf("validate of the seed's draft: exit %d\n%s", code, s)
	}
}
