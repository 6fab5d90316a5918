//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/xuri/excelize/v2"
)

// cleanFindings is a findings file recording every rule of the seed rubric
// but skip at the finding that deducts nothing.
func cleanFindings(t *testing.T, dir string, skip ...string) string {
	t.Helper()
	ff := scoring.FindingsFile{Findings: scoring.CleanFindings(rubric.Default())}
	for _, rule := range skip {
		delete(ff.Findings, rule)
	}
	data, err := json.Marshal(ff)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "clean.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fillAsWPS fills a unit's 问题清单 as a county clerk does in WPS and saves
// it as WPS saves it: the unit's columns set on the protected sheet (WPS
// keeps the protection), a date typed into a date cell, text dates, a
// number where a name goes.
func fillAsWPS(t *testing.T, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range cells {
		if err := f.SetCellValue("问题清单", ref, v); err != nil {
			t.Fatal(err)
		}
		if _, ok := v.(time.Time); ok {
			if err := f.SetCellStyle("问题清单", ref, ref, dateStyle); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// ledgerCells reads every cell of a ledger workbook but the last-change
// column's (sheet!cell=value lines).
func ledgerCells(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for y, row := range rows {
			for x, v := range row {
				cell, _ := excelize.CoordinatesToCellName(x+1, y+1)
				out = append(out, sheet+"!"+cell+"="+v)
			}
		}
	}
	return out
}

// The whole cycle from two laptops: inspectors record items and a
// deduction, the office merges and signs, sends 吉首市 its 问题清单, a
// clerk fills it as WPS would, the office imports it (again: nothing
// more), and the ledger is the same whichever way the office's and an
// inspector's files are merged.
func TestProblemBookFromTwoLaptopsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	zhang := laptop{t, filepath.Join(dir, "张三.db"), filepath.Join(dir, "zhang")}
	li := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	office := laptop{t, filepath.Join(dir, "考核办.db"), filepath.Join(dir, "office")}
	zhang.ok("init", "--inspector", "张三")
	li.ok("init", "--inspector", "李四")
	office.ok("init", "--inspector", "考核办")
	for _, unit := range []string{"吉首市", "泸溪县"} {
		zhang.ok("new", unit, "2021")
		li.ok("new", unit, "2021")
		zhang.ok("import", unit+"/2021", cleanFindings(t, dir, "1.1.a", "1.2.a"))
	}
	for _, unit := range []string{"吉首市", "泸溪县"} {
		zhang.ok("item", "add", unit+"/2021", "1.2.a", "殡葬", "--note", "窗口未公示办事指南")
	}
	zhang.ok("item", "add", "吉首市/2021", "1.2.a", "人防")
	li.ok("set", "吉首市/2021", "1.1.a", "true", "--note", "未建立工作机制")
	li.ok("set", "泸溪县/2021", "1.1.a", "false")

	office.ok("merge", "--into", office.db, zhang.db, li.db)
	office.ok("sign", "吉首市/2021")
	office.ok("sign", "泸溪县/2021")
	office.ok("problem", "assign", "吉首市/2021", "--all", "--due", "2022-03-31", "--owner", "吉首市政务服务中心")

	book := filepath.Join(dir, "吉首市问题清单.xlsx")
	if out := office.ok("--lang", "zh", "problem", "export", "--period", "2021", "--unit", "吉首市", "-o", book); !strings.Contains(out, "吉首市/2021 的问题清单，共 3 个问题") {
		t.Errorf("problem export says:\n%s", out)
	}
	if f, err := excelize.OpenFile(book); err != nil {
		t.Fatal(err)
	} else {
		due, _ := f.GetCellValue("问题清单", "E6")
		f.Close()
		if due != "2022-03-31" {
			t.Errorf("the workbook's 整改时限 is %q", due)
		}
	}
	fillAsWPS(t, book, map[string]any{
		"F4": "已建立政务服务事项梳理工作机制", "G4": "已印发文件", "H4": time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), "I4": "王五",
		"F5": "已补齐殡葬办事指南", "H5": "2022年3月5日",
		"F6": "已补齐人防办事指南", "H6": "2022/3/7", "I6": 2021,
	})
	before := office.ok("history", "吉首市/2021")
	out := office.ok("--lang", "zh", "problem", "import", book)
	if !strings.Contains(out, "记录整改情况 3 条，与已有记录相同 0 条，未填写 0 行") {
		t.Errorf("problem import says:\n%s", out)
	}
	if again := office.ok("problem", "import", book); !strings.Contains(again, "0 rectifications recorded, 3 rows as already recorded") {
		t.Errorf("importing the same workbook again says:\n%s", again)
	}
	after := office.ok("history", "吉首市/2021")
	if strings.Count(after, "\n")-strings.Count(before, "\n") != 3 {
		t.Errorf("history grew by %d lines; want the 3 rectifications:\n%s", strings.Count(after, "\n")-strings.Count(before, "\n"), after)
	}

	// The office accepts one (销号) and sends one back (退回); the same
	// workbook imported again still adds nothing; on a day past the due
	// date the returned one is 逾期 and the closed one is not.
	office.ok("problem", "close", "吉首市/2021", "1.1.a", "--note", "现场核实")
	office.ok("problem", "return", "吉首市/2021", "2", "--reason", "佐证材料不足")
	if again := office.ok("problem", "import", book); !strings.Contains(again, "0 rectifications recorded, 3 rows as already recorded") || !strings.Contains(again, "was returned and its row is unchanged") {
		t.Errorf("importing after 销号 and 退回 says:\n%s", again)
	}
	var listed []problemJSON
	if err := json.Unmarshal([]byte(office.ok("problem", "list", "--period", "2021", "--unit", "吉首市", "--as-of", "2022-04-10", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, p := range listed {
		states = append(states, fmt.Sprintf("%s:%s:%v:%d:%s", p.Rule, p.Status, p.Overdue, p.DaysOverdue, p.Source))
	}
	if got := strings.Join(states, " "); got != "1.1.a:closed:false:0:county 1.2.a:returned:true:10:county 1.2.a:rectifying:true:10:county" {
		t.Errorf("problem list --as-of 2022-04-10: %s", got)
	}
	if text := office.ok("--lang", "zh", "problem", "list", "--period", "2021", "--status", "overdue", "--as-of", "2022-04-10"); !strings.Contains(text, "退回 逾期10天") {
		t.Errorf("the overdue list in Chinese:\n%s", text)
	}

	// A clerk's stray edit of an office cell is refused, naming it, and
	// changes nothing.
	bad := filepath.Join(dir, "改过的.xlsx")
	data, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fillAsWPS(t, bad, map[string]any{"D5": 0, "F5": "已补齐殡葬办事指南并公示"})
	after = office.ok("history", "吉首市/2021")
	if r := office.run("--lang", "zh", "problem", "import", bad); r.code == 0 || !strings.Contains(r.stderr, `问题清单!D5：考核办填写的单元格被修改（现为 "0"，原为 "0.2"）`) {
		t.Errorf("a changed office cell: exit %d\n%s", r.code, r.stderr)
	}
	if now := office.ok("history", "吉首市/2021"); now != after {
		t.Error("the refused import changed the history")
	}

	// 李四 takes the office's file, and on his own laptop imports a later
	// version the county sent him; both orders of merging his file and
	// the office's give one ledger.
	li.ok("merge", "--into", li.db, office.db)
	later := filepath.Join(dir, "吉首市问题清单（第二版）.xlsx")
	if err := os.WriteFile(later, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fillAsWPS(t, later, map[string]any{"F5": "已补齐殡葬办事指南并在大厅公示"}) // the returned one, reported anew
	if out := li.ok("problem", "import", later); !strings.Contains(out, "1 rectifications recorded, 2 rows as already recorded") {
		t.Errorf("the later version on 李四's laptop says:\n%s", out)
	}
	one := laptop{t, filepath.Join(dir, "甲.db"), office.config}
	two := laptop{t, filepath.Join(dir, "乙.db"), office.config}
	one.ok("merge", "--into", one.db, office.db, li.db)
	two.ok("merge", "--into", two.db, li.db, office.db)
	var ledgers [2][]string
	for i, l := range []laptop{one, two} {
		path := filepath.Join(dir, []string{"甲", "乙"}[i]+"整改台账.xlsx")
		if out := l.ok("--lang", "zh", "problem", "export", "--period", "2021", "-o", path, "--as-of", "2022-04-10"); !strings.Contains(out, "共 4 个问题，2 个单位") {
			t.Errorf("the ledger export says:\n%s", out)
		}
		ledgers[i] = ledgerCells(t, path)
	}
	if !slices.Equal(ledgers[0], ledgers[1]) {
		t.Errorf("the two orders of merging give two ledgers:\n%s\n---\n%s", strings.Join(ledgers[0], "\n"), strings.Join(ledgers[1], "\n"))
	}
	joined := strings.Join(ledgers[0], "\n")
	for _, want := range []string{"整改台账!D4=未按时下放、承接、取消的事项：殡葬", "整改台账!J4=已补齐殡葬办事指南并在大厅公示", "整改台账!L4=单位报送",
		"整改台账!F3=已销号", "整改台账!F4=整改中", "整改台账!H5=10",
		"汇总!A3=吉首市", "汇总!B3=3", "汇总!C3=1", "汇总!D3=2", "汇总!E3=2", "汇总!G3=33.3%", "汇总!A5=合计", "汇总!B5=4", "汇总!G5=25.0%"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the ledger lacks %s:\n%s", want, joined)
		}
	}
	for _, l := range []laptop{one, two, office, li} {
		if r := l.run("verify"); r.code != 0 {
			t.Errorf("verify %s: %d\n%s%s", l.db, r.code, r.stdout, r.stderr)
		}
	}

	// A state changed by hand (整改中 made 已销号 with sqlite3) is caught.
	sqlEdit(t, one.db, `UPDATE revision SET value = replace(value, '"status":"rectifying"', '"status":"closed"') WHERE subject LIKE 'problem/1.1.a%'`)
	if r := one.run("verify"); r.code != 1 || !strings.Contains(r.stdout, "problem/1.1.a") || !strings.Contains(r.stdout, "its content does not match its hash") {
		t.Errorf("verify after a hand-edited state: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
