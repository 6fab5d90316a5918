package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/xuri/excelize/v2"
)

// Workbooks damaged on the way (a USB stick pulled out, a file renamed)
// are refused by a real kaohe process with a message naming the file, exit 1,
// and no database is created.
func TestHostileWorkbooksProcess(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good, err := sheet.Write(rubric.Default())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteSheet(sheet.RuleSheet); err != nil {
		t.Fatal(err)
	}
	noRules, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"random.xlsx":    bytes.Repeat([]byte("考核\x00\xff"), 999),
		"truncated.xlsx": good[:len(good)/2],
		"yaml.xlsx":      rubric.DefaultSource(),
		"norules.xlsx":   noRules.Bytes(),
	}
	// In Chinese, the CLI's language when no rubric could be read.
	wantMsg := map[string]string{
		"random.xlsx":    "random.xlsx: 不是 Excel 工作簿（.xlsx）：不是有效的 zip 压缩文件",
		"truncated.xlsx": "truncated.xlsx: 不是 Excel 工作簿",
		"yaml.xlsx":      "yaml.xlsx: 不是 Excel 工作簿",
		"norules.xlsx":   "norules.xlsx:规则: 缺少工作表 规则",
		"missing.xlsx":   "missing.xlsx：无法读取考核指标：没有这个文件",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "k.db")
	for name, want := range wantMsg {
		path := filepath.Join(dir, name)
		for _, args := range [][]string{
			{"rubric", "validate", path},
			{"new", "吉首市", "2021", "--rubric", path},
			{"rubric", "add", path},
		} {
			cmd := exec.Command(os.Args[0], args...) // this test binary as kaohe (TestMain)
			cmd.Env = append(os.Environ(), "KAOHE_TEST_AS_KAOHE=1", "KAOHE_DB="+db, "KAOHE_INSPECTOR=张三")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("kaohe %s: %v, want exit 1", strings.Join(args, " "), err)
			}
			if !strings.Contains(stderr.String(), filepath.Join(dir, want)) {
				t.Errorf("kaohe %s: stderr %q lacks %q", strings.Join(args, " "), stderr.String(), want)
			}
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused rubric created the database: %v", err)
	}
}
