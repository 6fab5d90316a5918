package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/sheet"
	"github.com/xuri/excelize/v2"
)

// runKaoheProcess runs kaohe as a real process (this test binary run as
// kaohe, see TestMain) in dir, with no language of its own from the
// environment, and returns what it printed and its exit code.
func runKaoheProcess(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(docExampleEnv(dir), "KAOHE_DB="+filepath.Join(dir, "k.db"))
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errs.String(), code
}

// position is the place a line of rubric validate names: file:line:col or
// file:sheet!cell, before the message.
var position = regexp.MustCompile(`^(\S+?:(?:\d+:\d+|[^\s:]+)): `)

// problemLines splits a refusal into its lines' positions and messages.
func problemLines(t *testing.T, stderr string) (positions, messages []string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		m := position.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("a line without a position: %q", line)
		}
		positions = append(positions, m[1])
		messages = append(messages, line[len(m[0]):])
	}
	return positions, messages
}

// hasHan reports whether a message holds Chinese.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// A rubric with several faults, as YAML and as a workbook, is refused by
// the real binary with every reason in Chinese (the CLI's language when no
// rubric could be read), each at the same position as in English, and in
// English with --lang en.
func TestRubricValidateSpeaksChinese(t *testing.T) {
	dir := t.TempDir()
	src := string(rubric.DefaultSource())
	for _, r := range [][2]string{
		{`version: "2021"`, `version: "2021 x"`},
		{"language: zh", "language: xx"},
		{"    points: 15\n", "    points: abc\n"},
		{"            kind: flag\n            label: \"未按要求开展或按时完成事项梳理\"", "            kind: flagg\n            label: \"未按要求开展或按时完成事项梳理\""},
		{"            amount: 0.2\n            cap: 1\n", "            amount: 0.205\n            cap: 1\n            colour: red\n"},
	} {
		if !strings.Contains(src, r[0]) {
			t.Fatalf("the seed rubric no longer holds %q", r[0])
		}
		src = strings.Replace(src, r[0], r[1], 1)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	good, err := sheet.Write(rubric.Default())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"规则!F2": "0", "规则!H4": "十", "规则!B3": "flg", "基本信息!B2": "a b"} {
		sh, ref, _ := strings.Cut(cell, "!")
		if err := f.SetCellDefault(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "bad.xlsx")); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		file       string
		zh, en     []string // reasons each language must show, at their positions
		inProblems int      // at least this many problems
	}{
		{"bad.yaml", []string{
			`bad.yaml:6:10: 考核指标版本 "2021 x" 只能含英文字母、数字和 . - _`,
			`bad.yaml:8:11: 语言 "xx" 不是 kaohe 支持的语言`,
			`bad.yaml:13:13: 分值（points）必须是数字，现为 "abc"`,
			`bad.yaml:21:19: 规则 1.1.a 的种类 "flagg" 不认识`,
			`bad.yaml:39:21: 规则 1.2.a 的扣分（amount）最多保留 2 位小数，现为 0.205`,
			`bad.yaml:41:13: 不认识的字段 "colour"`,
		}, []string{
			`bad.yaml:6:10: rubric version "2021 x" may hold only English letters`,
			`bad.yaml:13:13: points must be a number, got "abc"`,
			`bad.yaml:21:19: rule 1.1.a has unknown kind "flagg"`,
			`bad.yaml:39:21: rule 1.2.a amount must have at most 2 decimal places, got 0.205`,
			`bad.yaml:41:13: unknown field "colour"`,
		}, 6},
		{"bad.xlsx", []string{
			`bad.xlsx:基本信息!B2: 考核指标编号 "a b" 只能含英文字母`,
			`bad.xlsx:规则!F2: 规则 1.1.a 的扣分（amount）必须大于 0，现为 0`,
			`bad.xlsx:规则!B3: 规则 1.1.b：不认识的种类 "flg"`,
			`bad.xlsx:规则!H4: 目标（target）必须是数字，现为 "十"`,
		}, []string{
			`bad.xlsx:规则!F2: rule 1.1.a amount must be greater than 0, got 0`,
			`bad.xlsx:规则!H4: 目标 (target) must be a number, got "十"`,
		}, 4},
	} {
		_, zh, code := runKaoheProcess(t, dir, "rubric", "validate", c.file)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1:\n%s", c.file, code, zh)
		}
		_, en, code := runKaoheProcess(t, dir, "--lang", "en", "rubric", "validate", c.file)
		if code != 1 {
			t.Fatalf("%s --lang en: exit %d, want 1:\n%s", c.file, code, en)
		}
		for _, want := range c.zh {
			if !strings.Contains(zh, want+"") {
				t.Errorf("%s in Chinese lacks %q:\n%s", c.file, want, zh)
			}
		}
		for _, want := range c.en {
			if !strings.Contains(en, want) {
				t.Errorf("%s in English lacks %q:\n%s", c.file, want, en)
			}
		}
		zhAt, zhWhy := problemLines(t, zh)
		enAt, enWhy := problemLines(t, en)
		if len(zhAt) < c.inProblems || strings.Join(zhAt, "\n") != strings.Join(enAt, "\n") {
			t.Errorf("%s: the positions differ between the languages:\n%s\n--\n%s", c.file, zh, en)
		}
		for i, why := range zhWhy {
			if !hasHan(why) {
				t.Errorf("%s: a reason in English in Chinese: %s: %s", c.file, zhAt[i], why)
			}
		}
		for i, why := range enWhy {
			if strings.ContainsAny(why, "，：；（）") {
				t.Errorf("%s: a reason in Chinese in English: %s: %s", c.file, enAt[i], why)
			}
		}
	}
}

// rubric add refuses, in Chinese by default and in English with --lang en,
// a rubric that claims the built-in rubric's id and version with other
// content.
func TestRubricAddRefusesInChinese(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	changed := strings.Replace(string(rubric.DefaultSource()), "    points: 2\n", "    points: 2.00\n", 1)
	changed = strings.Replace(changed, `title: 县市（区）“放管服”改革政务服务工作考核指标`, `title: 县市（区）“放管服”改革政务服务工作考核指标（改）`, 1)
	file := writeFile(t, "changed.yaml", changed)
	c.lang = ""
	if _, stderr, code := c.run("rubric", "add", file); code != 1 || !strings.Contains(stderr, "考核指标 xiangxi-fangguanfu-county 版本 2021 是内置考核指标，不能替换") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	c.lang = "en"
	if _, stderr, code := c.run("rubric", "add", file); code != 1 || !strings.Contains(stderr, "rubric xiangxi-fangguanfu-county version 2021 is the built-in rubric and cannot be replaced (sha256 ") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// rubric show speaks the CLI's language: Chinese punctuation, kinds and
// parameter names in Chinese; English with --lang en as before.
func TestRubricShowSpeaksChinese(t *testing.T) {
	c := newCLI(t)
	c.lang = ""
	zh := c.ok("rubric", "show")
	for _, want := range []string{"（xiangxi-fangguanfu-county 2021）：100 + 10", "1.1.a   是否       扣分 1  ", "1.2.a   计数       扣分 0.2 上限 1  "} {
		if !strings.Contains(zh, want) {
			t.Errorf("rubric show lacks %q:\n%s", want, zh[:min(len(zh), 600)])
		}
	}
	c.lang = "en"
	en := c.ok("rubric", "show")
	for _, want := range []string{" (xiangxi-fangguanfu-county 2021): 100 + 10", "1.1.a   flag       amount=1  ", "1.2.a   count      amount=0.2 cap=1  "} {
		if !strings.Contains(en, want) {
			t.Errorf("rubric show --lang en lacks %q:\n%s", want, en[:min(len(en), 600)])
		}
	}
}
