package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editCell sets the cell under header in the row whose first-column cell
// is key, and returns the cell's name; the test fails when there is none.
func editCell(t *testing.T, f *excelize.File, sheetName, key, header, value string) string {
	t.Helper()
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == header {
			col = i
		}
	}
	for ri, row := range rows {
		for ci, c := range row {
			if c != key || col < 0 || ci > 4 {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(col+1, ri+1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue(sheetName, cell, value); err != nil {
				t.Fatal(err)
			}
			return cell
		}
	}
	t.Fatalf("sheet %s has no row %s with a %s column", sheetName, key, header)
	return ""
}

// A clerk edits an exported workbook's numbers and not its words — an
// amount, a target, an indicator's 分值 — and a real kaohe process's rubric
// validate names each mismatch by sheet and cell with the words it
// contradicts; rubric add refuses the workbook, and stores it with
// --allow-mismatch, recording the mismatches.
func TestRubricMismatchesProcess(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(os.Args[0], args...) // this test binary as kaohe (TestMain)
		cmd.Env = append(os.Environ(), "KAOHE_TEST_AS_KAOHE=1", "KAOHE_DB="+db, "KAOHE_INSPECTOR=张三")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case err == nil:
			return stdout.String(), stderr.String(), 0
		case errors.As(err, &ee):
			return stdout.String(), stderr.String(), ee.ExitCode()
		}
		t.Fatalf("kaohe %s: %v", strings.Join(args, " "), err)
		return "", "", 0
	}
	book := filepath.Join(dir, "指标.xlsx")
	if _, stderr, code := run("rubric", "export", "-o", book); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if _, stderr, code := run("rubric", "validate", book); code != 0 {
		t.Fatalf("the exported seed does not validate: %s", stderr)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	editCell(t, f, "基本信息", "版本", "内容", "2022-r2")
	amount := editCell(t, f, "规则", "1.2.a", "扣分", "0.3")
	target := editCell(t, f, "规则", "3.2.a", "目标", "120000")
	points := editCell(t, f, "指标", "1.1", "分值", "1")
	editCell(t, f, "指标", "1.1", "类别分值", "14")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	_, stderr, code := run("rubric", "validate", book)
	want := []string{
		book + ":指标!" + points + ": 1.1 分值 1，但考核内容写“（2分）”",
		book + ":规则!" + amount + ": 1.2.a 扣分 0.3，但条款写“扣0.2分”",
		book + ":规则!" + target + ": 3.2.a 目标 120000，但条款写“不少于10万件”",
	}
	if code != 1 {
		t.Errorf("validate: exit %d, want 1", code)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("validate's stderr lacks %q:\n%s", w, stderr)
		}
	}
	if !strings.Contains(stderr, "3 处数字与条款文字不符") {
		t.Errorf("validate does not count the mismatches:\n%s", stderr)
	}

	if _, stderr, code := run("rubric", "add", book); code != 1 || !strings.Contains(stderr, "--allow-mismatch") || !strings.Contains(stderr, want[1]) {
		t.Errorf("add without --allow-mismatch: exit %d, stderr:\n%s", code, stderr)
	}
	if _, stderr, code := run("new", "吉首市", "2022", "--rubric", book); code != 1 || !strings.Contains(stderr, "--rubric-id") || !strings.Contains(stderr, want[2]) {
		t.Errorf("new --rubric with mismatches: exit %d, stderr:\n%s", code, stderr)
	}
	if out, _, _ := run("rubric", "list"); strings.Contains(out, "2022-r2") {
		t.Errorf("a refused rubric is listed:\n%s", out)
	}
	out, stderr, code := run("rubric", "add", book, "--allow-mismatch")
	if code != 0 || !strings.Contains(out, "3 处数字与条款文字不符") {
		t.Fatalf("add --allow-mismatch: exit %d\n%s%s", code, out, stderr)
	}
	out, _, _ = run("rubric", "list", "--json")
	var listed []struct {
		Version    string   `json:"version"`
		Mismatches []string `json:"mismatches"`
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range listed {
		if r.Version == "2022-r2" {
			found = true
			if strings.Join(r.Mismatches, "\n") != strings.Join(want, "\n") {
				t.Errorf("recorded mismatches:\n%s\nwant:\n%s", strings.Join(r.Mismatches, "\n"), strings.Join(want, "\n"))
			}
		} else if len(r.Mismatches) > 0 {
			t.Errorf("%s has mismatches recorded: %q", r.Version, r.Mismatches)
		}
	}
	if !found {
		t.Errorf("the rubric stored with --allow-mismatch is not listed:\n%s", out)
	}
}
