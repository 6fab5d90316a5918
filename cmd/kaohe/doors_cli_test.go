package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// rubricFor2022 writes next year's rubric: the seed under version 2022.
func rubricFor2022(t *testing.T) string {
	t.Helper()
	src := strings.Replace(string(rubric.DefaultSource()), `version: "2021"`, `version: "2022"`, 1)
	return writeFile(t, "指标2022.yaml", src)
}

// kaohe new applies the rubric's period rule: full-width digits are the
// same period as ASCII ones (one assessment, the one report --period 2021
// shows), other forms are refused naming the form, in the user's language.
func TestNewAppliesThePeriodRule(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	out := c.ok("new", "吉首市", "２０２１")
	if !strings.Contains(out, "created 吉首市/2021") {
		t.Fatalf("new 吉首市 ２０２１: %s", out)
	}
	if out := c.ok("new", "吉首市", "2021"); !strings.Contains(out, "exists 吉首市/2021") {
		t.Fatalf("new 吉首市 2021 after ２０２１: %s", out)
	}
	for _, bad := range []string{"二零二一", "20211", "21"} {
		for lang, want := range map[string]string{"en": "YYYY", "zh": "阿拉伯数字"} {
			c.lang = lang
			out, errs, code := c.run("new", "吉首市", bad)
			if code != 1 || out != "" || !strings.Contains(errs, bad) || !strings.Contains(errs, want) {
				t.Errorf("new 吉首市 %s (%s): exit %d\nstdout: %s\nstderr: %s", bad, lang, code, out, errs)
			}
		}
	}
	c.lang = "en"
	if out := c.ok("list"); strings.Count(out, "吉首市") != 1 {
		t.Errorf("list shows more than one 吉首市:\n%s", out)
	}
	// Every door that names an assessment takes the full-width form too.
	c.ok("set", "吉首市/２０２１", "1.2.a", "3")
	f := writeFile(t, "f.json", `{"findings": {"1.3.a": 1}}`)
	if out := c.ok("import", "吉首市/２０２１", f); !strings.Contains(out, "吉首市/2021") {
		t.Errorf("import 吉首市/２０２１: %s", out)
	}
	dir := t.TempDir()
	c.ok("report", "--period", "２０２１", "--format", "json", "-o", filepath.Join(dir, "r.json"))
	if !strings.Contains(string(mustRead(t, filepath.Join(dir, "r.json"))), "吉首市") {
		t.Error("report --period ２０２１ left 吉首市/2021 out")
	}
}

// After next year's rubric is added, kaohe new of that year takes it, and
// list says which rubric each assessment is on; a period no rubric is for
// is refused naming the choices.
func TestNewTakesTheRubricOfThePeriod(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("rubric", "add", rubricFor2022(t))
	if out := c.ok("new", "吉首市", "2022"); !strings.Contains(out, "rubric xiangxi-fangguanfu-county 2022") {
		t.Fatalf("new 吉首市 2022 with the 2022 rubric stored: %s", out)
	}
	if out := c.ok("new", "泸溪县", "2021"); !strings.Contains(out, "rubric xiangxi-fangguanfu-county 2021") {
		t.Fatalf("new 泸溪县 2021: %s", out)
	}
	_, errs, code := c.run("new", "吉首市", "2023")
	if code != 1 || !strings.Contains(errs, "2023") || !strings.Contains(errs, "xiangxi-fangguanfu-county@2021") || !strings.Contains(errs, "xiangxi-fangguanfu-county@2022") {
		t.Errorf("new 吉首市 2023: exit %d: %s", code, errs)
	}
	out := c.ok("list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(lines[0], "Rubric") {
		t.Errorf("list has no rubric column:\n%s", out)
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) < 3 || f[2] != f[1] {
			t.Errorf("list row %q: want the rubric's version after the period", l)
		}
	}
}
