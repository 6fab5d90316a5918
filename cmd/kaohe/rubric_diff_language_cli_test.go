package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A rubric with grades, bands and vetoes goes to a workbook and back, and a
// clerk's edits to its bands and grades in the workbook show in rubric diff
// band by band and grade by grade, in Chinese, as a rule that became a
// 一票否决 does.
func TestRubricLanguageWorkbookDiffCLI(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	dir := t.TempDir()
	yml := filepath.Join("..", "..", "rubric", "testdata", "language.yaml")
	book := filepath.Join(dir, "指标.xlsx")
	c.ok("rubric", "export", "--rubric", yml, "-o", book)
	back := filepath.Join(dir, "back.yaml")
	c.ok("rubric", "import", book, "-o", back)
	if got, want := c.ok("rubric", "show", "--json", "--rubric", back), c.ok("rubric", "show", "--json", "--rubric", yml); got != want {
		t.Fatal("YAML → workbook → YAML changed the rubric")
	}

	next := filepath.Join(dir, "next.xlsx")
	editWorkbook(t, book, next, map[string]string{
		"基本信息!B3": "2",
		"档次!D3":   "4",       // 1.1.a: 90% now keeps 4 points
		"等次!B3":   "38",      // 良好 from 38
		"规则!B8":   "否决 veto", // 2.2.b becomes a veto
		"规则!F8":   "",
	})
	c.lang = ""
	out := c.ok("rubric", "diff", book, next)
	c.lang = "en"
	for _, want := range []string{
		"等次：\n    优秀（总分不低于45）\n  - 良好（总分不低于35）\n  + 良好（总分不低于38）\n",
		"档次：\n            不低于100%：6分\n          - 不低于90%：3分\n          + 不低于90%：4分\n            其余：0分\n",
		"~ 规则 2.2.b  迟报的扣1分  [改为一票否决]\n        种类：是否 → 否决\n        扣分：1 → —\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
}
