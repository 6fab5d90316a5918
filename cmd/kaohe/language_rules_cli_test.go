package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// languageRubricPath is the test rubric with every construct beyond the
// seed's kinds (grades 优秀 45 / 良好 35 / 合格 20 / 不合格, base 40).
func languageRubricPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The new values go in through kaohe set as inspectors type them, and
// score --json, score, list and the ranking carry the grade and the veto:
// a vetoed unit ranks below a unit with a lower total.
func TestLanguageValuesThroughCLI(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.lang = "zh"
	c.ok("rubric", "add", languageRubricPath(t))
	c.ok("new", "甲县", "2021", "--rubric-id", "language-test@1")
	c.ok("new", "乙县", "2021", "--rubric-id", "language-test@1")
	c.ok("set", "甲县/2021", "1.4.a", "２，３.５")    // 5.5 off 1.4
	c.ok("set", "甲县/2021", "1.2.a", "良")        // 5 off 1.2
	c.ok("set", "甲县/2021", "3.2.a", "[1, 2.5]") // +3.5
	out := c.ok("set", "甲县/2021", "4.1.a", "2") // 4 off the total
	if !strings.Contains(out, "扣分项 −4.00；等次：合格") {
		t.Errorf("set does not say the penalty and grade:\n%s", out)
	}
	// 40 − 5.5 − 5 + 3.5 − 4 = 29
	var doc struct {
		Total    json.Number
		Penalty  json.Number
		Grade    string
		VetoedBy []string `json:"vetoed_by"`
	}
	if err := json.Unmarshal([]byte(c.ok("score", "甲县/2021", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Total != "29" || doc.Penalty != "4" || doc.Grade != "合格" || doc.VetoedBy == nil || len(doc.VetoedBy) != 0 {
		t.Errorf("score --json = %+v, want total 29, penalty 4, 合格, vetoed_by []", doc)
	}

	c.ok("set", "乙县/2021", "2.2.a", "是") // 瞒报事故: 40 but vetoed
	if err := json.Unmarshal([]byte(c.ok("score", "乙县/2021", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Total != "40" || doc.Grade != "不合格" || !slices.Equal(doc.VetoedBy, []string{"2.2.a"}) {
		t.Errorf("vetoed score --json = %+v, want total 40, 不合格, [2.2.a]", doc)
	}
	if out := c.ok("score", "乙县/2021"); !strings.Contains(out, "等次：不合格；一票否决：2.2.a 瞒报事故") {
		t.Errorf("score does not say the veto:\n%s", out)
	}
	list := c.ok("list")
	if !strings.Contains(list, "一票否决：2.2.a 瞒报事故") || !strings.Contains(list, "等次：合格") {
		t.Errorf("list does not show grades and the veto:\n%s", list)
	}

	md := filepath.Join(t.TempDir(), "r.md")
	c.ok("report", "--format", "md", "-o", md)
	text := string(mustRead(t, md))
	jia, yi := strings.Index(text, "| 1 | 甲县 |"), strings.Index(text, "| 2 | 乙县 |")
	if jia < 0 || yi < 0 {
		t.Fatalf("the vetoed 乙县 (40) does not rank below 甲县 (29):\n%s", text)
	}
	if !strings.Contains(text, "等次：不合格；一票否决：2.2.a 瞒报事故") {
		t.Errorf("乙县's sheet does not say why it is 不合格:\n%s", text)
	}

	// Values a rule does not take are refused, naming what it takes.
	for _, bad := range []struct{ rule, value, want string }{
		{"1.4.a", "2,6", "分数 6 超出范围 2–5"},
		{"1.2.a", "中", "“中”不是本项的档次；可选：优、良、差"},
		{"1.4.a", "2,三", "三"},
	} {
		_, errs, code := c.run("set", "甲县/2021", bad.rule, bad.value)
		if code == 0 || !strings.Contains(errs, bad.want) {
			t.Errorf("set %s %s: exit %d, stderr %q; want a refusal containing %q", bad.rule, bad.value, code, errs, bad.want)
		}
	}
}

// rubric show lists the grades, a penalty category's cap and each new
// kind's parameters, named in the CLI's language like the seed's (扣分 1
// 步长 1), and a bonus's amount as what it adds (加分 3), not 扣分 3.
func TestRubricShowLanguage(t *testing.T) {
	c := newCLI(t)
	c.lang = "zh"
	out := c.ok("rubric", "show", "--rubric", languageRubricPath(t))
	for _, want := range []string{
		"等次：优秀 ≥45 / 良好 ≥35 / 合格 ≥20 / 不合格",
		"档次 100:6/90:3/其余:0", "档次 优:10/良:5/差:0", "限值 2", "范围 2–5", "起点 90 终点 100", "按次",
		"加分 3 上限 6 按次", "扣分项（扣分项，最多扣10分）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rubric show lacks %q:\n%s", want, out)
		}
	}
	for _, raw := range []string{"bands=", "limit=", "range=", "from=", "per_item", "扣分 3"} {
		if strings.Contains(out, raw) {
			t.Errorf("rubric show in Chinese prints %q:\n%s", raw, out)
		}
	}
	en := c.ok("rubric", "show", "--lang", "en", "--rubric", languageRubricPath(t))
	for _, want := range []string{"bands=100:6/90:3/*:0", "limit=2", "range=2–5", "from=90 to=100", "per_item", "amount=3"} {
		if !strings.Contains(en, want) {
			t.Errorf("rubric show --lang en lacks %q:\n%s", want, en)
		}
	}
}
