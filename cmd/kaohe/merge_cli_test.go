package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// twoInspectors gives 张三 and 李四 a database each, with 吉首市/2021
// created on both, and the path of the lead's database to merge them into.
func twoInspectors(t *testing.T) (c *cli, zhang, li, lead string) {
	t.Helper()
	dir := t.TempDir()
	zhang, li, lead = filepath.Join(dir, "张三.db"), filepath.Join(dir, "李四.db"), filepath.Join(dir, "汇总.db")
	c = newCLI(t)
	c.ok("--db", zhang, "init", "--inspector", "张三")
	c.ok("--db", li, "init", "--inspector", "李四")
	c.ok("--db", zhang, "new", "吉首市", "2021")
	c.ok("--db", li, "new", "吉首市", "2021")
	return c, zhang, li, lead
}

// Two inspectors each init, create 吉首市/2021 and record overlapping and
// disjoint findings; the team lead merges, lists exactly the
// disagreements, resolves them, and the score is the hand-computed one.
func TestMergeWorkflowEndToEnd(t *testing.T) {
	c, zhang, li, lead := twoInspectors(t)
	// Overlapping, agreeing: 1.1.a true by both.
	c.ok("--db", zhang, "set", "吉首市/2021", "1.1.a", "true")
	c.ok("--db", li, "set", "吉首市/2021", "1.1.a", "true")
	// Overlapping, disagreeing: 1.2.a 3 vs 5; 3.4.a 0.5 vs 1.
	c.ok("--db", zhang, "set", "吉首市/2021", "1.2.a", "3")
	c.ok("--db", li, "set", "吉首市/2021", "1.2.a", "5", "--note", "复核后为5项")
	c.ok("--db", zhang, "set", "吉首市/2021", "3.4.a", "0.5", "--note", "部分汇聚")
	c.ok("--db", li, "set", "吉首市/2021", "3.4.a", "1", "--note", "未汇聚")
	// Disjoint: 张三 did category 2, 李四 category 6.
	c.ok("--db", zhang, "set", "吉首市/2021", "2.4.a", "92.5")
	c.ok("--db", li, "set", "吉首市/2021", "6.3.a", "3")

	out := c.ok("merge", "--into", lead, zhang, li)
	if !strings.Contains(out, "李四.db: 0 new assessments, 1 updated") || !strings.Contains(out, "2 new conflicts") {
		t.Errorf("merge summary:\n%s", out)
	}
	var conflicts []conflictJSON
	if err := json.Unmarshal([]byte(c.ok("--db", lead, "conflicts", "--json")), &conflicts); err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, cj := range conflicts {
		subjects = append(subjects, cj.Subject)
		if len(cj.Heads) != 2 {
			t.Errorf("%s has %d heads", cj.Subject, len(cj.Heads))
		}
	}
	if strings.Join(subjects, ",") != "1.2.a,3.4.a" {
		t.Fatalf("conflicts %v, want exactly 1.2.a and 3.4.a", subjects)
	}
	text := c.ok("--db", lead, "conflicts", "吉首市/2021")
	for _, want := range []string{"张三", "李四", "复核后为5项", "未汇聚"} {
		if !strings.Contains(text, want) {
			t.Errorf("conflicts text lacks %q:\n%s", want, text)
		}
	}
	// While open, the score shows its range.
	s := c.ok("--db", lead, "--lang", "zh", "score", "吉首市/2021")
	if !strings.Contains(s, "得分范围") {
		t.Errorf("score does not show the range while conflicts are open:\n%s", s)
	}
	// The lead settles them (and must be an inspector to write).
	c.ok("--db", lead, "init", "--inspector", "组长")
	if _, errs, code := c.run("--db", lead, "set", "吉首市/2021", "1.2.a", "4"); code != 1 || !strings.Contains(errs, "conflicting values") {
		t.Errorf("a plain set over a conflict: %d %s", code, errs)
	}
	c.ok("--db", lead, "resolve", "吉首市/2021", "1.2.a", "--pick", "李四")
	c.ok("--db", lead, "resolve", "吉首市/2021", "3.4.a", "--value", "0.8", "--note", "组长复核")
	if out := c.ok("--db", lead, "conflicts"); !strings.Contains(out, "no open conflicts") {
		t.Errorf("conflicts remain:\n%s", out)
	}
	// Hand-computed: 1.1 −1; 1.2 5×0.2 = 1; 2.4 3×7.5% = 0.225 → 0.23;
	// 3.4 0.8; 6.3 one time short × 0.5 = 0.5. 100 − 3.53 = 96.47.
	sc := parseScore(t, c.ok("--db", lead, "score", "吉首市/2021", "--json"))
	if sc.Total.String() != "96.47" {
		t.Errorf("total %s, want 96.47", sc.Total)
	}
	// The resolutions merge back like any other revision.
	c.ok("merge", "--into", zhang, lead)
	if sc := parseScore(t, c.ok("--db", zhang, "score", "吉首市/2021", "--json")); sc.Total.String() != "96.47" {
		t.Errorf("张三's laptop after taking the lead's file: %s", sc.Total)
	}
	if out := c.ok("--db", zhang, "conflicts"); !strings.Contains(out, "no open conflicts") {
		t.Errorf("resolutions did not travel:\n%s", out)
	}
	// A bad source is refused by name and nothing changes.
	bad := writeFile(t, "bad.db", "not a database")
	before := c.ok("--db", lead, "history", "吉首市/2021")
	if _, errs, code := c.run("merge", "--into", lead, zhang, bad); code != 1 || !strings.Contains(errs, bad+": not a SQLite database") || !strings.Contains(errs, "nothing was merged") {
		t.Errorf("bad source: %d %s", code, errs)
	}
	if c.ok("--db", lead, "history", "吉首市/2021") != before {
		t.Error("a refused merge changed the target")
	}
	// pack writes a copy for the USB stick.
	packed := filepath.Join(filepath.Dir(lead), "usb.db")
	c.ok("--db", lead, "pack", packed)
	if sc := parseScore(t, c.ok("--db", packed, "score", "吉首市/2021", "--json")); sc.Total.String() != "96.47" {
		t.Errorf("packed copy scores %s", sc.Total)
	}
}

func TestReportCommand(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("new", "泸溪县", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "8")
	c.ok("set", "泸溪县/2021", "7.1.a", "true")
	dir := t.TempDir()
	for _, f := range []string{"r.xlsx", "r.csv", "r.md", "r.json"} {
		out := c.ok("report", "--period", "2021", "-o", filepath.Join(dir, f))
		if !strings.Contains(out, "2 units ranked") {
			t.Errorf("%s: %s", f, out)
		}
	}
	md := string(mustRead(t, filepath.Join(dir, "r.md")))
	if !strings.Contains(md, "| 1 | 泸溪县 | 2021 | 110.00 (provisional, 1/36) |") || !strings.Contains(md, "| 2 | 吉首市 | 2021 | 99.00 (provisional, 0/36) |") {
		t.Errorf("markdown ranking:\n%s", md)
	}
	if _, errs, code := c.run("report", "-o", filepath.Join(dir, "r.md")); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite without --force: %d %s", code, errs)
	}
	c.ok("report", "-o", filepath.Join(dir, "r.md"), "--force", "--units", "吉首市")
	if md := string(mustRead(t, filepath.Join(dir, "r.md"))); strings.Contains(md, "泸溪县") {
		t.Error("--units did not filter")
	}
	if _, errs, code := c.run("report", "-o", filepath.Join(dir, "r.pdf")); code != 1 || !strings.Contains(errs, "unknown format") {
		t.Errorf("pdf: %d %s", code, errs)
	}
}
