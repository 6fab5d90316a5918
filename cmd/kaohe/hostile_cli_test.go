package main

import (
	"strings"
	"testing"
)

// noRawControls fails when text that reaches the terminal carries an escape
// or another control character (newlines and tabs apart) or a bidi override.
func noRawControls(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s: raw U+%04X reaches the terminal: %q", what, r, s)
			return
		}
	}
}

// A note with a newline must not fake a second history line (or conflicts
// line): one record, one line, the break shown as ⏎.
func TestLineOutputsOneRecordPerLine(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	fake := "核查无误\n2026-11-26 09:00:09  李四      abcd  1.2.a     3 → 0"
	c.ok("set", "吉首市/2021", "1.2.a", "3", "--note", fake)
	out := c.ok("--lang", "en", "history", "吉首市/2021")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("one revision printed as %d lines:\n%s", len(lines), out)
	}
	if !strings.Contains(lines[0], "核查无误⏎2026-11-26") {
		t.Errorf("the note's line break is not shown as ⏎: %s", lines[0])
	}
	if out := c.ok("set", "吉首市/2021", "1.2.a", "4", "--note", "a\r\nb\rc"); strings.Count(out, "\n") != 2 {
		t.Errorf("saved lines: %q", out)
	}
}

// Escape sequences typed or stored anywhere never reach the terminal: not in
// the error for a findings key, not from a rubric id, not from
// KAOHE_INSPECTOR, not from a note printed back.
func TestNoEscapeReachesTheTerminal(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	esc := "\x1b]0;pwned\x07\x1b[2J\u202e"

	findings := writeFile(t, "f.json", `{"findings": {"1.2.a\u001b[31m": 3}}`)
	out, errs, code := c.run("import", "吉首市/2021", findings)
	if code != 1 || !strings.Contains(errs, "1.2.a") {
		t.Errorf("import with an escape in a key: exit %d, %q", code, errs)
	}
	noRawControls(t, "import error", out+errs)
	out, errs, _ = c.run("score", findings)
	noRawControls(t, "score error", out+errs)

	rb := writeFile(t, "r.yaml", "id: \"evil\\e[2J\"\nversion: \"1\"\ntitle: t\ncategories: []\n")
	out, errs, _ = c.run("rubric", "validate", rb)
	noRawControls(t, "rubric validate", out+errs)

	c.env["KAOHE_INSPECTOR"] = "王五" + esc
	out, errs, code = c.run("set", "吉首市/2021", "1.2.a", "2")
	if code == 0 || !strings.Contains(errs, "KAOHE_INSPECTOR") {
		t.Errorf("KAOHE_INSPECTOR with escapes accepted: %d %q", code, out+errs)
	}
	noRawControls(t, "KAOHE_INSPECTOR", out+errs)
	delete(c.env, "KAOHE_INSPECTOR")

	out = c.ok("set", "吉首市/2021", "1.2.a", "2", "--note", "ok"+esc)
	noRawControls(t, "set", out)
	out = c.ok("history", "吉首市/2021")
	noRawControls(t, "history", out)
	out, errs, _ = c.run("new", "吉首市"+esc, "2021")
	noRawControls(t, "new", out+errs)
	out, errs, _ = c.run("resolve", "吉首市/2021", "1.2.a"+esc, "--pick", "x"+esc)
	noRawControls(t, "resolve", out+errs)
}

// The names rule applies at init and new: a unit that only differs from
// 吉首市 by a zero-width space is refused, a decomposed one is the same unit.
func TestNamesRefusedAtEveryCLIDoor(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	if _, errs, code := c.run("init", "--inspector", "李\u200b四"); code != 1 || !strings.Contains(errs, "zero-width") {
		t.Errorf("init: %d %s", code, errs)
	}
	if _, errs, code := c.run("new", "吉首\u200d市", "2021"); code != 1 || !strings.Contains(errs, "zero-width") {
		t.Errorf("new: %d %s", code, errs)
	}
	c.env["KAOHE_INSPECTOR"] = "王\u2066五"
	if _, errs, code := c.run("new", "吉首市", "2021"); code != 1 || !strings.Contains(errs, "bidi") {
		t.Errorf("KAOHE_INSPECTOR: %d %s", code, errs)
	}
}
