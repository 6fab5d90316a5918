package main

import (
	"fmt"
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

// A rule the rubric does not have is refused the same way by every command
// that takes one, with exit 1 and the words set uses.
func TestUnknownRuleRefusedEverywhere(t *testing.T) {
	c, _ := seeded(t)
	f := writeFile(t, "y.txt", "台账")
	for _, args := range [][]string{
		{"history", "吉首市/2021", "9.9.z"},
		{"set", "吉首市/2021", "9.9.z", "1"},
		{"unset", "吉首市/2021", "9.9.z"},
		{"note", "吉首市/2021", "9.9.z", "台账"},
		{"attach", "吉首市/2021", "9.9.z", f},
		{"detach", "吉首市/2021", "9.9.z", "abcd"},
		{"evidence", "吉首市/2021", "9.9.z"},
		{"resolve", "吉首市/2021", "9.9.z", "--pick", "张三"},
	} {
		out, errs, code := c.run(args...)
		if code != 1 || out != "" || !strings.Contains(errs, `has no rule "9.9.z"`) {
			t.Errorf("kaohe %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
		}
	}
	c.lang = "zh"
	if _, errs, _ := c.run("history", "吉首市/2021", "9.9.z"); !strings.Contains(errs, "没有规则“9.9.z”") {
		t.Errorf("history in Chinese: %s", errs)
	}
}

// attach refuses a --max-mb that is not a positive number, and attaches
// all its files or none.
func TestAttachAllOrNothing(t *testing.T) {
	c, _ := seeded(t)
	y := writeFile(t, "y.txt", "台账")
	for _, mb := range []string{"0", "-1"} {
		_, errs, code := c.run("attach", "吉首市/2021", "1.4.a", y, "--max-mb", mb)
		if code != 1 || !strings.Contains(errs, "--max-mb "+mb) {
			t.Errorf("--max-mb %s: exit %d: %s", mb, code, errs)
		}
	}
	missing := filepath.Join(t.TempDir(), "nosuch.txt")
	_, errs, code := c.run("attach", "吉首市/2021", "1.4.a", y, missing)
	if code != 1 || !strings.Contains(errs, "nosuch.txt") {
		t.Errorf("attach y.txt nosuch.txt: exit %d: %s", code, errs)
	}
	if out := c.ok("evidence", "吉首市/2021"); !strings.Contains(out, "no evidence") {
		t.Fatalf("a refused attach left y.txt attached: %s", out)
	}
	z := writeFile(t, "z.txt", "照片")
	if out := c.ok("attach", "吉首市/2021", "1.4.a", y, z); strings.Count(out, "attached") != 2 {
		t.Errorf("attach y.txt z.txt: %s", out)
	}
}

// A findings file with very many bad keys lists the first 20 problems and
// counts the rest, for import and score --findings alike.
func TestFindingsProblemsAreCapped(t *testing.T) {
	c, _ := seeded(t)
	var b strings.Builder
	b.WriteString(`{"findings": {`)
	for i := 0; i < 3000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"9.9.%d": 1`, i)
	}
	b.WriteString("}}")
	f := writeFile(t, "many.json", b.String())
	for _, args := range [][]string{{"import", "吉首市/2021", f}, {"score", "--findings", f}} {
		out, errs, code := c.run(args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 1 || out != "" || len(lines) != 21 || !strings.HasSuffix(lines[20], "... and 2980 more") {
			t.Errorf("kaohe %s: exit %d, %d lines, last %q", args[0], code, len(lines), lines[len(lines)-1])
		}
	}
	c.lang = "zh"
	if _, errs, _ := c.run("import", "吉首市/2021", f); !strings.Contains(errs, "……另有 2980 处") {
		t.Errorf("in Chinese: %.300s", errs)
	}
}

// An assessment made on last year's rubric by mistake is withdrawn: list,
// report and name lookups leave it out (list --all shows it marked), its
// history keeps the withdrawal; one with records needs --force.
func TestWithdrawAMistakenAssessment(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("rubric", "add", rubricFor2022(t))
	c.ok("new", "吉首市", "2022")
	out := c.ok("new", "吉首市", "2022", "--rubric-id", "xiangxi-fangguanfu-county@2021")
	mistaken := strings.Fields(out)[3] // created 吉首市/2022  id ID  rubric …
	if _, errs, code := c.run("set", "吉首市/2022", "1.2.a", "1"); code != 1 || !strings.Contains(errs, "matches several") {
		t.Fatalf("two 吉首市/2022: exit %d: %s", code, errs)
	}
	out = c.ok("withdraw", mistaken[:12], "--reason", "误用2021年指标")
	if !strings.Contains(out, "withdrawn 吉首市/2022") {
		t.Fatalf("withdraw: %s", out)
	}
	if list := c.ok("list"); strings.Count(list, "吉首市") != 2 || strings.Contains(list, mistaken[:12]) {
		t.Errorf("list after withdraw:\n%s", list)
	}
	all := c.ok("list", "--all")
	if !strings.Contains(all, mistaken[:12]) || !strings.Contains(all, "withdrawn") {
		t.Errorf("list --all does not mark the withdrawn one:\n%s", all)
	}
	if out := c.ok("set", "吉首市/2022", "1.2.a", "1"); !strings.Contains(out, "saved 吉首市/2022 1.2.a = 1") {
		t.Errorf("吉首市/2022 after the withdrawal: %s", out)
	}
	if h := c.ok("history", mistaken[:12]); !strings.Contains(h, "withdrawn  - → withdrawn") || !strings.Contains(h, "误用2021年指标") {
		t.Errorf("history lost the withdrawal: %s", h)
	}
	r := filepath.Join(t.TempDir(), "r.json")
	c.ok("report", "--period", "2022", "--format", "json", "-o", r)
	if strings.Count(string(mustRead(t, r)), `"unit": "吉首市"`) > 2 { // its ranking row and its sheet
		t.Errorf("the report has the withdrawn one:\n%s", mustRead(t, r))
	}
	if _, errs, code := c.run("withdraw", mistaken[:12]); code != 1 || !strings.Contains(errs, "already withdrawn") {
		t.Errorf("withdraw again: exit %d: %s", code, errs)
	}
	// One with findings is kept unless forced.
	if _, errs, code := c.run("withdraw", "吉首市/2022"); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("withdraw with records: exit %d: %s", code, errs)
	}
	if list := c.ok("list"); strings.Count(list, "吉首市") != 2 {
		t.Errorf("a refused withdraw changed the list:\n%s", list)
	}
	c.ok("withdraw", "吉首市/2022", "--force")
	if list := c.ok("list"); strings.Count(list, "吉首市") != 1 {
		t.Errorf("withdraw --force:\n%s", list)
	}
}

// A withdrawal merges like every revision and order-free: one inspector
// withdraws, the other keeps recording; merging either way gives the same
// state, withdrawn, with both inspectors' revisions kept.
func TestWithdrawMergesOrderFree(t *testing.T) {
	c, zhang, li, _ := twoInspectors(t)
	c.ok("--db", li, "set", "吉首市/2021", "1.2.a", "3")
	c.ok("--db", zhang, "withdraw", "吉首市/2021", "--reason", "重复")
	dir := t.TempDir()
	ab, ba := filepath.Join(dir, "ab.db"), filepath.Join(dir, "ba.db")
	c.ok("merge", "--into", ab, zhang, li)
	c.ok("merge", "--into", ba, li, zhang)
	for _, db := range []string{ab, ba} {
		if list := c.ok("--db", db, "list"); strings.Contains(list, "吉首市") {
			t.Errorf("%s: the withdrawn assessment is listed:\n%s", db, list)
		}
	}
	strip := func(s string) string { // the same state, whatever the order of the sources
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(l, `"id"`) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	a, b := c.ok("--db", ab, "list", "--all", "--json"), c.ok("--db", ba, "list", "--all", "--json")
	if strip(a) != strip(b) || !strings.Contains(a, `"withdrawn": true`) {
		t.Errorf("merge order matters:\n%s\n%s", a, b)
	}
	if h := c.ok("--db", ab, "history", "吉首市/2021"); !strings.Contains(h, "1.2.a") || !strings.Contains(h, "重复") {
		t.Errorf("history after merge: %s", h)
	}
	if out := c.ok("--db", ab, "verify"); !strings.HasPrefix(out, "ok:") {
		t.Errorf("verify after merging a withdrawal: %s", out)
	}
}
