package main

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dbCLI is a CLI bound to a fresh database with an inspector set.
func dbCLI(t *testing.T, inspector string) (*cli, string) {
	c := newCLI(t)
	db := filepath.Join(t.TempDir(), "kaohe.db")
	c.env["KAOHE_DB"] = db
	if inspector != "" {
		c.ok("init", "--inspector", inspector)
	}
	return c, db
}

func TestWhere(t *testing.T) {
	c := newCLI(t)
	c.env["HOME"] = "/home/tester"
	c.env["XDG_DATA_HOME"] = ""
	c.env["AppData"] = `C:\Users\tester\AppData\Roaming`
	out := c.ok("where")
	if !strings.HasSuffix(strings.TrimSpace(out), filepath.Join("kaohe", "kaohe.db")) {
		t.Errorf("default path %q", out)
	}
	c.env["KAOHE_DB"] = "/data/a.db"
	if out := c.ok("where"); strings.TrimSpace(out) != "/data/a.db" {
		t.Errorf("KAOHE_DB ignored: %q", out)
	}
	if out := c.ok("where", "--db", "/data/b.db"); strings.TrimSpace(out) != "/data/b.db" {
		t.Errorf("--db ignored: %q", out)
	}
}

func TestWritesNeedAnInspector(t *testing.T) {
	c, _ := dbCLI(t, "")
	_, errs, code := c.run("new", "吉首市", "2021")
	if code != 1 || !strings.Contains(errs, "kaohe init --inspector NAME") {
		t.Errorf("exit %d: %s", code, errs)
	}
	c.env["KAOHE_INSPECTOR"] = "王五"
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "2")
	if out := c.ok("history", "吉首市/2021", "1.2.a"); !strings.Contains(out, "王五") {
		t.Errorf("KAOHE_INSPECTOR not used: %s", out)
	}
}

func TestCaptureCommands(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	if out := c.ok("new", "吉首市", "2021"); !strings.HasPrefix(out, "created 吉首市/2021") {
		t.Errorf("new: %s", out)
	}
	if out := c.ok("new", "吉首市", "2021"); !strings.HasPrefix(out, "exists 吉首市/2021") {
		t.Errorf("new again: %s", out)
	}
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("set", "吉首市/2021", "1.2.a", "8", "--note", "八项未按时下放")
	c.ok("set", "吉首市/2021", "1.1.a", "是")
	c.ok("set", "吉首市/2021", "2.4.a", "92.5")
	c.ok("set", "吉首市/2021", "3.4.a", "0.5", "--note", "汇聚不全")
	c.ok("unset", "吉首市/2021", "1.1.a")
	c.ok("note", "吉首市/2021", "2.1", "大厅面积4800平方米")

	// Rejected values write nothing.
	for _, bad := range [][]string{
		{"set", "吉首市/2021", "1.2.a", "-1"},
		{"set", "吉首市/2021", "1.2.a", "2.5"},
		{"set", "吉首市/2021", "1.2.a", "三"},
		{"set", "吉首市/2021", "3.1.a", "120"},
		{"set", "吉首市/2021", "3.4.a", "1"},
		{"set", "吉首市/2021", "9.9.z", "1"},
		{"set", "泸溪县/2021", "1.2.a", "1"},
		{"note", "吉首市/2021", "9.9", "x"},
	} {
		before := c.ok("history", "吉首市/2021")
		out, errs, code := c.run(bad...)
		if code != 1 || out != "" || errs == "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: exit %d stdout %q stderr %q", bad, code, out, errs)
		}
		if after := c.ok("history", "吉首市/2021"); after != before {
			t.Errorf("%v wrote something", bad)
		}
	}

	s := parseScore(t, c.ok("score", "吉首市/2021", "--json"))
	// 1.2: 8×0.2=1.6 capped at 1; 2.4: 0.23; 3.4: 0.5 → 100 − 1.73
	if s.Total.String() != "98.27" {
		t.Errorf("total %s, want 98.27", s.Total)
	}
	text := c.ok("--lang", "zh", "score", "吉首市/2021")
	if !strings.Contains(text, "封顶") || !strings.Contains(text, "98.27") {
		t.Errorf("score text:\n%s", text)
	}

	hist := c.ok("history", "吉首市/2021", "1.2.a")
	lines := strings.Split(strings.TrimSpace(hist), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "- → 3") || !strings.Contains(lines[1], "3 → 8") || !strings.Contains(lines[1], "八项未按时下放") || !strings.Contains(lines[1], "张三") {
		t.Errorf("history of 1.2.a:\n%s", hist)
	}
	if h := c.ok("history", "吉首市/2021", "1.1.a"); !strings.Contains(h, "yes → (retracted)") {
		t.Errorf("unset not in history:\n%s", h)
	}

	var list []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &list); err != nil || len(list) != 1 {
		t.Fatalf("list --json: %v", err)
	}
	if list[0]["unit"] != "吉首市" || list[0]["total"] != 98.27 || list[0]["status"] != "draft" || list[0]["conflicts"] != 0.0 {
		t.Errorf("list: %v", list[0])
	}

	// sign / reopen
	c.ok("sign", "吉首市/2021", "--allow-incomplete")
	if _, errs, code := c.run("set", "吉首市/2021", "1.2.a", "1"); code != 1 || !strings.Contains(errs, "signed") {
		t.Errorf("edit of signed: %d %s", code, errs)
	}
	if _, _, code := c.run("reopen", "吉首市/2021"); code != 1 {
		t.Error("reopen without reason accepted")
	}
	c.ok("reopen", "吉首市/2021", "--reason", "补充材料")
	c.ok("set", "吉首市/2021", "1.2.a", "1")
	if h := c.ok("history", "吉首市/2021", "status"); !strings.Contains(h, "- → signed") || !strings.Contains(h, "补充材料") {
		t.Errorf("sign/reopen not in history:\n%s", h)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	var parts []string
	for _, sc := range seedScenarios {
		parts = append(parts, sc.findings)
	}
	f := writeFile(t, "all.json", `{"findings": {`+strings.Join(parts, ",")+`}, "notes": {"2.1": "面积不足"}}`)
	c.ok("import", "吉首市/2021", f)
	exported := c.ok("export", "吉首市/2021", "--json")
	before := c.ok("score", "吉首市/2021", "--json")

	c2, _ := dbCLI(t, "李四")
	c2.ok("new", "吉首市", "2021")
	c2.ok("import", "吉首市/2021", writeFile(t, "exported.json", exported))
	if got := c2.ok("export", "吉首市/2021", "--json"); got != exported {
		t.Errorf("export → import → export differs:\n%s\n%s", exported, got)
	}
	if after := c2.ok("score", "吉首市/2021", "--json"); after != before {
		t.Error("scores differ after the round trip")
	}
	if s := parseScore(t, before); s.Total.String() != "67.22" {
		t.Errorf("imported total %s, want 67.22 (the scenario sum)", s.Total)
	}
	// Importing a file with one bad finding writes nothing.
	bad := writeFile(t, "bad.json", `{"findings": {"1.3.a": 1, "3.1.a": 120}}`)
	hist := c2.ok("history", "吉首市/2021")
	if _, errs, code := c2.run("import", "吉首市/2021", bad); code != 1 || !strings.Contains(errs, bad+": 3.1.a") {
		t.Errorf("bad import: %d %s", code, errs)
	}
	if c2.ok("history", "吉首市/2021") != hist {
		t.Error("a refused import wrote something")
	}
}

func TestBadDatabaseFileOneLineExit1(t *testing.T) {
	c := newCLI(t)
	p := writeFile(t, "notes.db", "不是数据库")
	sum := sha256.Sum256([]byte("不是数据库"))
	out, errs, code := c.run("list", "--db", p)
	if code != 1 || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, p+": not a SQLite database") {
		t.Errorf("exit %d stderr %q", code, errs)
	}
	b, _ := os.ReadFile(p)
	if sha256.Sum256(b) != sum {
		t.Error("the bad file was modified")
	}
}

func TestAddressByIDPrefixAndAmbiguity(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	out := c.ok("new", "吉首市", "2021")
	id := strings.Fields(out)[3]
	c.ok("set", id[:8], "1.2.a", "1")
	alt := writeFile(t, "alt.yaml", strings.Replace(string(mustRead(t, "../../rubric/default.yaml")), `version: "2021"`, `version: "2021b"`, 1))
	c.ok("new", "吉首市", "2021", "--rubric", alt)
	if _, errs, code := c.run("set", "吉首市/2021", "1.2.a", "2"); code != 1 || !strings.Contains(errs, "matches several assessments") {
		t.Errorf("ambiguous name: %d %s", code, errs)
	}
}

func TestMistakesAreRefusedClearly(t *testing.T) {
	c := newCLI(t)
	missing := filepath.Join(t.TempDir(), "typo.db")
	if _, errs, code := c.run("list", "--db", missing); code != 1 || !strings.Contains(errs, "no database here yet") {
		t.Errorf("list on a missing database: %d %s", code, errs)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a read command created a database")
	}
	if _, errs, code := c.run("rubric", "show", "--lang", "fr"); code != 1 || !strings.Contains(errs, "zh") {
		t.Errorf("--lang fr: %d %s", code, errs)
	}
	c2, _ := dbCLI(t, "张三")
	c2.ok("new", "吉首市", "2021")
	if _, errs, code := c2.run("set", "吉首市/2021", "1.1.a", "1"); code != 1 || !strings.Contains(errs, "true or false") {
		t.Errorf("1 for a flag: %d %s", code, errs)
	}
}

// seeded is a database with an inspector and one assessment.
func seeded(t *testing.T) (*cli, string) {
	c, db := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	return c, db
}
