//go:build unix

package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A signed sheet over a record edited with sqlite3 is refused, naming the
// record; with --allow-unverified it is written saying 未通过核验 where
// the signature and the fingerprint would be.
func TestReportRefusesRecordsFailingTheirHash(t *testing.T) {
	c, db := dbCLI(t, "刘组长")
	c.ok("new", "吉首市", "2021")
	c.ok("new", "泸溪县", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("sign", "吉首市/2021", "--allow-incomplete")
	dir := t.TempDir()
	before := filepath.Join(dir, "签字.md")
	if res := runProc(t, proc(db, nil, "--lang", "zh", "report", "-o", before)); res.code != 0 {
		t.Fatalf("report of a genuine database: %+v", res)
	}
	if md := string(mustRead(t, before)); !strings.Contains(md, "| 签字 | 刘组长 ") || !strings.Contains(md, "记录指纹") {
		t.Fatalf("the genuine sheet is not signed:\n%s", md)
	}
	sqlEdit(t, db, "UPDATE revision SET value = '0' WHERE subject = '1.2.a'")
	out := filepath.Join(dir, "改过.md")
	res := runProc(t, proc(db, nil, "--lang", "zh", "report", "-o", out))
	if res.code != 1 || !strings.Contains(res.stderr, "吉首市/2021 1.2.a（修订 ") || !strings.Contains(res.stderr, "--allow-unverified") {
		t.Errorf("report over an edited record: %+v", res)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused report was written")
	}
	res = runProc(t, proc(db, nil, "--lang", "zh", "report", "-o", out, "--allow-unverified"))
	if res.code != 0 || !strings.Contains(res.stderr, "1.2.a") && !strings.Contains(res.stderr, "吉首市/2021") {
		t.Fatalf("report --allow-unverified: %+v", res)
	}
	md := string(mustRead(t, out))
	edited, genuine, _ := strings.Cut(md, "## 泸溪县 2021")
	if strings.Contains(edited, "| 签字 | 刘组长") || strings.Contains(edited, "记录指纹") || !strings.Contains(edited, "| 签字 | 未通过核验：1.2.a（修订 ") {
		t.Errorf("the sheet over an edited record:\n%s", edited)
	}
	if !strings.Contains(md, "| 吉首市 | 2021 | 100.00（暂，0/36） | 100.00 |") || !strings.Contains(md, "| 未通过核验 |") {
		t.Errorf("the ranking does not mark the unverified unit:\n%s", md)
	}
	xlsx := filepath.Join(dir, "改过.xlsx")
	if res := runProc(t, proc(db, nil, "--lang", "zh", "report", "-o", xlsx, "--allow-unverified")); res.code != 0 {
		t.Fatalf("xlsx --allow-unverified: %+v", res)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("吉首市 2021")
	var sheet strings.Builder
	for _, row := range rows {
		sheet.WriteString(strings.ReplaceAll(strings.Join(row, " "), "\n", "") + "\n")
	}
	if foot := sheet.String(); strings.Contains(foot, "刘组长 20") || strings.Contains(foot, "记录指纹") || !strings.Contains(foot, "签字：未通过核验") {
		t.Errorf("xlsx sheet %q", foot)
	}
	// The genuine unit's sheet keeps its fingerprint line.
	if !strings.Contains(genuine, "| 未签字  记录指纹 ") {
		t.Errorf("the genuine sheet lost its fingerprint:\n%s", md)
	}
}

// A report for one unit shows the rank it holds among every unit of the
// period, and says among how many.
func TestReportForOneUnitRanksAmongAll(t *testing.T) {
	c, db := dbCLI(t, "张三")
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		c.ok("new", u, "2021")
	}
	c.ok("set", "泸溪县/2021", "1.2.a", "3") // 泸溪县 loses 1 (capped): third
	c.ok("set", "凤凰县/2021", "1.2.a", "1") // loses 0.2: second
	out := filepath.Join(t.TempDir(), "泸溪县.md")
	if res := runProc(t, proc(db, nil, "--lang", "zh", "report", "--units", "泸溪县", "-o", out)); res.code != 0 {
		t.Fatalf("report: %+v", res)
	}
	md := string(mustRead(t, out))
	if !strings.Contains(md, "| 3 | 泸溪县 | 2021 |") || !strings.Contains(md, "名次为在本期全部3个单位中的名次") {
		t.Errorf("泸溪县 alone:\n%s", md)
	}
}

// utcStamp is a time written in UTC (…Z) instead of local time.
var utcStamp = regexp.MustCompile(`\d\d:\d\d(:\d\d(\.\d+)?)?Z`)

// Every command and report writes times in the computer's zone: for
// people as 2026-11-26 17:0x, for machines with the +08:00 offset, never
// in UTC with a Z.
func TestTimesAreLocalEverywhere(t *testing.T) {
	c, zhang, li, lead := twoInspectors(t)
	c.ok("--db", zhang, "set", "吉首市/2021", "1.2.a", "3")
	c.ok("--db", li, "set", "吉首市/2021", "1.2.a", "5", "--note", "复核后为5项")
	c.ok("--db", zhang, "attach", "吉首市/2021", "1.2.a", writeFile(t, "台账.txt", "八项未按时下放"))
	c.ok("--db", zhang, "sign", "吉首市/2021", "--allow-incomplete")
	shanghai := []string{"TZ=Asia/Shanghai"}
	merged := runProc(t, proc(lead, shanghai, "merge", "--into", lead, zhang, li, "--json"))
	if merged.code != 0 {
		t.Fatalf("merge: %+v", merged)
	}
	dir := t.TempDir()
	bundle := filepath.Join(dir, "r.zip")
	outputs := map[string]string{"merge --json": merged.stdout}
	for name, args := range map[string][]string{
		"conflicts --json": {"conflicts", "--json"},
		"conflicts":        {"conflicts"},
		"history --json":   {"history", "吉首市/2021", "--json"},
		"history":          {"history", "吉首市/2021"},
		"evidence --json":  {"evidence", "吉首市/2021", "--json"},
		"evidence":         {"evidence", "吉首市/2021"},
		"devices --json":   {"devices", "--json"},
		"devices":          {"devices"},
		"report json":      {"report", "-o", filepath.Join(dir, "r.json")},
		"report bundle":    {"report", "-o", bundle},
	} {
		res := runProc(t, proc(lead, shanghai, args...))
		if res.code != 0 {
			t.Fatalf("%s: %+v", name, res)
		}
		outputs[name] = res.stdout
	}
	outputs["report json"] = string(mustRead(t, filepath.Join(dir, "r.json")))
	zr, err := zip.OpenReader(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "manifest.csv" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			outputs["manifest.csv"] = string(data)
		}
	}
	// The in-process CLI records at 2026-11-26 09:00 UTC: 17:00 in Shanghai.
	for name, out := range outputs {
		if utcStamp.MatchString(out) {
			t.Errorf("%s writes UTC: %s", name, utcStamp.FindString(out))
		}
		want := "2026-11-26 17:0"
		if strings.Contains(name, "json") || name == "manifest.csv" {
			want = "+08:00"
		}
		if name != "report bundle" && !strings.Contains(out, want) {
			t.Errorf("%s lacks %q:\n%s", name, want, out)
		}
	}
	if !strings.Contains(outputs["conflicts --json"], `"2026-11-26T17:0`) {
		t.Errorf("conflicts --json:\n%s", outputs["conflicts --json"])
	}
}
