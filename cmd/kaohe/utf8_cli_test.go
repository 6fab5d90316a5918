package main

import (
	"strings"
	"testing"
)

// A findings file saved in GBK (as WPS may save it) or a note typed with a
// byte that is not UTF-8 is refused, naming the file, line and column, and
// nothing is recorded.
func TestImportAndSetRefuseInvalidUTF8(t *testing.T) {
	c, _ := seeded(t)
	// "未汇聚" in GBK.
	gbk := writeFile(t, "gbk.json", "{\"findings\": {\n  \"3.4.a\": {\"value\": 1, \"note\": \"\xce\xb4\xbb\xe3\xbe\xdb\"}}}")
	_, errs, code := c.run("import", "吉首市/2021", gbk)
	if code != 1 || !strings.Contains(errs, gbk+":2:35: not UTF-8 text from byte 51 on") || !strings.Contains(errs, "nothing was imported") {
		t.Fatalf("import of a GBK file: exit %d\n%s", code, errs)
	}
	_, errs, code = c.run("set", "吉首市/2021", "3.4.a", "1", "--note", "未汇聚\xff")
	if code == 0 || !strings.Contains(errs, "the note is not valid UTF-8 text") {
		t.Fatalf("set with an invalid byte in the note: exit %d\n%s", code, errs)
	}
	if out := c.ok("history", "吉首市/2021", "3.4.a"); strings.Contains(out, "汇") {
		t.Fatalf("something was recorded:\n%s", out)
	}
}
