package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editWorkbook changes cells of a workbook file and saves it as out.
func editWorkbook(t *testing.T, in, out string, cells map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if err := f.SetCellDefault(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// The clerk's path: export the rubric, edit it as a workbook, check it,
// compare it with last year's, store it, and create an assessment on it.
func TestRubricWorkbookCLI(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	dir := t.TempDir()
	book := filepath.Join(dir, "指标.xlsx")
	c.ok("rubric", "export", "-o", book)
	if _, _, code := c.run("rubric", "export", "-o", book); code == 0 {
		t.Error("export overwrote an existing workbook without --force")
	}
	if out := c.ok("rubric", "validate", book); !strings.Contains(out, "ok — xiangxi-fangguanfu-county 2021, 7 categories") {
		t.Errorf("validate: %s", out)
	}
	seedJSON := c.ok("rubric", "show", "--json")
	if got := c.ok("rubric", "show", "--json", "--rubric", book); got != seedJSON {
		t.Error("the exported workbook shows another rubric than the seed")
	}
	yml := filepath.Join(dir, "rubric.yaml")
	c.ok("rubric", "import", book, "-o", yml)
	if got := c.ok("rubric", "show", "--json", "--rubric", yml); got != seedJSON {
		t.Error("the imported YAML is another rubric than the seed")
	}

	// A broken workbook: every error names the sheet and cell.
	bad := filepath.Join(dir, "bad.xlsx")
	editWorkbook(t, book, bad, map[string]string{"规则!F2": "0", "规则!H4": "十"})
	_, stderr, code := c.run("rubric", "validate", bad)
	if code != 1 || !strings.Contains(stderr, "bad.xlsx:规则!F2: rule 1.1.a amount must be greater than 0") ||
		!strings.Contains(stderr, `bad.xlsx:规则!H4: 目标 (target) must be a number, got "十"`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, _, code := c.run("rubric", "import", bad, "-o", filepath.Join(dir, "bad.yaml")); code != 1 {
		t.Error("a broken workbook was imported")
	}
	if _, _, code := c.run("new", "吉首市", "2021", "--rubric", bad); code != 1 {
		t.Error("an assessment was created on a broken workbook")
	}

	// Next year's version: 1.2.a deducts 0.3 instead of 0.2 (its clause left
	// saying 扣0.2分, so it is stored with --allow-mismatch).
	v2022 := filepath.Join(dir, "2022.xlsx")
	editWorkbook(t, book, v2022, map[string]string{"基本信息!B3": "2022", "规则!F4": "0.3"})
	c.lang = "" // the rubric's own language (the cli helper passes --lang en by default)
	out := c.ok("rubric", "diff", book, v2022)
	c.lang = "en"
	for _, want := range []string{"版本：2021 → 2022", "~ 1.2 ", "~ 规则 1.2.a", "扣分：0.2 → 0.3"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	var rep struct {
		Indicators []struct {
			NewID string `json:"new_id"`
		}
	}
	if err := json.Unmarshal([]byte(c.ok("rubric", "diff", "--json", yml, v2022)), &rep); err != nil || len(rep.Indicators) != 1 || rep.Indicators[0].NewID != "1.2" {
		t.Errorf("diff --json: %+v %v", rep, err)
	}

	// Store it; again is a no-op; other content under 2022 is refused.
	if out := c.ok("rubric", "add", v2022, "--allow-mismatch"); !strings.HasPrefix(out, "added rubric xiangxi-fangguanfu-county@2022") {
		t.Errorf("add: %s", out)
	}
	if out := c.ok("rubric", "add", v2022, "--allow-mismatch"); !strings.HasPrefix(out, "already stored") {
		t.Errorf("add again: %s", out)
	}
	other := filepath.Join(dir, "2022b.xlsx")
	editWorkbook(t, v2022, other, map[string]string{"规则!F4": "0.4"})
	if _, stderr, code := c.run("rubric", "add", other, "--allow-mismatch"); code != 1 || !strings.Contains(stderr, "already known with different content") {
		t.Errorf("conflicting add: exit %d %s", code, stderr)
	}
	if _, stderr, code := c.run("rubric", "add", bad); code != 1 || !strings.Contains(stderr, "bad.xlsx:规则!F2") {
		t.Errorf("adding a broken workbook: exit %d %s", code, stderr)
	}

	out = c.ok("new", "吉首市", "2022", "--rubric-id", "xiangxi-fangguanfu-county@2022")
	if !strings.Contains(out, "rubric xiangxi-fangguanfu-county 2022") {
		t.Errorf("new --rubric-id: %s", out)
	}
	if _, stderr, code := c.run("new", "泸溪县", "2022", "--rubric-id", "xiangxi-fangguanfu-county"); code == 0 || !strings.Contains(stderr, "several versions") {
		t.Errorf("ambiguous --rubric-id: exit %d %s", code, stderr)
	}
	if _, stderr, code := c.run("new", "泸溪县", "2022", "--rubric-id", "nope"); code == 0 || !strings.Contains(stderr, "no rubric nope") {
		t.Errorf("unknown --rubric-id: exit %d %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(c.ok("rubric", "list")), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "* xiangxi-fangguanfu-county@2021") ||
		!strings.HasPrefix(lines[1], "  xiangxi-fangguanfu-county@2022") || !strings.HasSuffix(lines[1], "1 assessments") {
		t.Errorf("list:\n%s", strings.Join(lines, "\n"))
	}
}

// Listing rubrics reads the database; a mistyped --db does not create one.
func TestRubricListNeedsADatabase(t *testing.T) {
	c := newCLI(t)
	c.env["KAOHE_DB"] = filepath.Join(t.TempDir(), "typo.db")
	if _, stderr, code := c.run("rubric", "list"); code != 1 || !strings.Contains(stderr, "no database here yet") {
		t.Errorf("exit %d, %s", code, stderr)
	}
}
