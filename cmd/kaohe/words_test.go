package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishInChinese finds what a Chinese line must not hold: an ASCII colon
// after Chinese text, an English word of kaohe's own messages, a value or
// a subject as stored.
var englishInChinese = regexp.MustCompile(`[\p{Han}）a-z]: |\b(already|exists|give|signed|revision|rev|true|false|not|the|packed|into)\b|note:`)

// flagWords are command-line flags, English in every language.
var flagWords = regexp.MustCompile(`--[\w-]+`)

// A Chinese user reads kaohe's answers, refusals included, in Chinese.
func TestCLISpeaksChineseThroughout(t *testing.T) {
	c, db := dbCLI(t, "张三")
	c.lang = "zh"
	dir := t.TempDir()
	md := filepath.Join(dir, "r.md")
	var lines []string
	ok := func(want string, args ...string) {
		t.Helper()
		out := c.ok(args...)
		if !strings.Contains(out, want) {
			t.Errorf("kaohe %s: %q lacks %q", strings.Join(args, " "), out, want)
		}
		lines = append(lines, out)
	}
	fails := func(want string, args ...string) {
		t.Helper()
		out, errs, code := c.run(args...)
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("kaohe %s: exit %d, stderr %q, want %q", strings.Join(args, " "), code, errs, want)
		}
		lines = append(lines, out, errs)
	}
	c.ok("new", "吉首市", "2021")
	ok("1.1.a = 否", "set", "吉首市/2021", "1.1.a", "否")
	ok("备注 1.2 = 八项", "note", "吉首市/2021", "1.2", "八项")
	ok("- → 否", "history", "吉首市/2021")
	ok("备注 1.2", "history", "吉首市/2021")
	ok("已写入", "report", "-o", md)
	fails("已存在（加 --force 覆盖）", "report", "-o", md)
	fails("请给出输出文件", "report")
	fails("中没有考核 \"泸溪县/2021\"（kaohe list 列出全部考核", "history", "泸溪县/2021")
	fails("已存在；请换一个文件名", "pack", md)
	ok("已将", "pack", filepath.Join(dir, "u.db"))
	c.ok("sign", "吉首市/2021", "--allow-incomplete")
	fails("该考核已签字；修改之前请先重新打开", "set", "吉首市/2021", "1.2.a", "3")
	fails("请说明理由", "reopen", "吉首市/2021")
	fails("请在 --pick", "resolve", "吉首市/2021", "1.1.a")
	sqlEdit(t, db, "UPDATE revision SET value = 'true' WHERE subject = '1.1.a'")
	out, _, _ := c.run("verify")
	if !strings.Contains(out, "1.1.a 修订 ") || !strings.Contains(out, "：内容与其哈希不符") {
		t.Errorf("verify: %s", out)
	}
	lines = append(lines, out)
	for _, text := range lines {
		for _, line := range strings.Split(text, "\n") {
			if m := englishInChinese.FindString(flagWords.ReplaceAllString(line, "")); m != "" {
				t.Errorf("English %q in a Chinese line: %s", m, line)
			}
		}
	}
}
