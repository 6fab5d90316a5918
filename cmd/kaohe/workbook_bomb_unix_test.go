//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/workbook/workbooktest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/sheet"
)

// hostileRun runs a real kaohe process, killing it after a minute (it must
// not hang the test), and returns what it said and the most memory it held.
func hostileRun(t *testing.T, db string, args ...string) (result, int64) {
	t.Helper()
	cmd := proc(db, nil, args...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(time.Minute, func() { _ = cmd.Process.Kill() })
	_ = cmd.Wait()
	timer.Stop()
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	return result{out.String(), errs.String(), cmd.ProcessState.ExitCode()}, rss
}

// A rubric workbook of a megabyte whose shared strings inflate to 1.5 GB is
// refused by kaohe rubric validate and rubric add, naming the file and the
// part, without inflating it; so is one whose zip lies about the part's
// size. A workbook whose shared strings were cut short is named as
// damaged, not read as a workbook with empty headers. A sheet of 20,000
// rows each holding a cell in the last column (300 million cells to lay
// out, from a few hundred kilobytes) is refused too.
func TestHostileWorkbookPartsProcess(t *testing.T) {
	good, err := sheet.Write(rubric.Default())
	if err != nil {
		t.Fatal(err)
	}
	strs, err := workbooktest.Part(good, workbooktest.SharedStrings)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	build := map[string]func() ([]byte, error){
		"bomb.xlsx": func() ([]byte, error) { return workbooktest.Bomb(good, workbooktest.SharedStrings, 1500<<20, 0) },
		"lie.xlsx":  func() ([]byte, error) { return workbooktest.Bomb(good, workbooktest.SharedStrings, 1500<<20, 40000) },
		"cut.xlsx":  func() ([]byte, error) { return workbooktest.Truncated(good, workbooktest.SharedStrings, len(strs)/2) },
		"wide.xlsx": func() ([]byte, error) { return workbooktest.FarCells(good, "xl/worksheets/sheet3.xml", 20_000) },
	}
	want := map[string]string{
		"bomb.xlsx": "bomb.xlsx: part xl/sharedStrings.xml: inflates to more than",
		"lie.xlsx":  "lie.xlsx: part xl/sharedStrings.xml: inflates to more than the 40000 bytes the zip declares",
		"cut.xlsx":  "cut.xlsx: part xl/sharedStrings.xml: is damaged and cannot be read",
		"wide.xlsx": "wide.xlsx: part xl/worksheets/sheet3.xml: its rows reach row",
	}
	db := filepath.Join(dir, "k.db")
	for name, f := range build {
		data, err := f()
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > rubric.MaxBytes {
			t.Fatalf("%s is %d bytes, over the rubric file limit", name, len(data))
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"rubric", "validate", path}, {"rubric", "add", path}} {
			start := time.Now()
			r, rss := hostileRun(t, db, args...)
			took := time.Since(start)
			if r.code != 1 || !strings.Contains(r.stderr, filepath.Join(dir, want[name])) {
				t.Errorf("kaohe %s: exit %d, stderr %q; want exit 1 and %q", strings.Join(args, " "), r.code, r.stderr, want[name])
			}
			if strings.Contains(r.stderr, "missing from the header") {
				t.Errorf("kaohe %s: a damaged part read as missing headers: %s", strings.Join(args, " "), r.stderr)
			}
			if rss > 200<<20 {
				t.Errorf("kaohe %s held %d MB (took %s)", strings.Join(args, " "), rss>>20, took)
			}
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused workbook created the database: %v", err)
	}
}
