package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kaohe import refuses a findings file whose list holds an item that is no
// number in the user's language, naming the file, the rule, the item's
// position and how to write a quoted full-width figure, and records
// nothing.
func TestImportListItemNotANumber(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("rubric", "add", languageRubricPath(t))
	c.ok("new", "甲县", "2021", "--rubric-id", "language-test@1")
	f := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(f, []byte(`{"findings": {"1.4.a": [2, "３"]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"zh": f + `: 1.4.a：列表第 2 项 "３" 写成了文字：文件中应写普通数字 3（不加引号）`,
		"en": f + `: 1.4.a: item 2 of the list, "３", is text: a file gives it as the plain number 3, without quotes`,
	} {
		c.lang = lang
		_, errs, code := c.run("import", "甲县/2021", f)
		if code != 1 || strings.TrimSpace(errs) != want {
			t.Errorf("import --lang %s: exit %d, stderr %q; want %q", lang, code, errs, want)
		}
	}
	c.lang = "en"
	if out := c.ok("export", "甲县/2021", "--json"); strings.Contains(out, "1.4.a") {
		t.Errorf("a refused import recorded 1.4.a:\n%s", out)
	}
}

// kaohe set refuses a typed list with an empty item (2,,3), naming its
// position in the user's language, rather than recording 2,3; a list
// written with spaces, full-width or enumeration commas or brackets is
// recorded as typed.
func TestSetListEmptyItem(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("rubric", "add", languageRubricPath(t))
	c.ok("new", "甲县", "2021", "--rubric-id", "language-test@1")
	for _, bad := range []struct{ lang, text, want string }{
		{"zh", "2,,3", "“2,,3”的第 2 项是空的"},
		{"zh", ",2", "“,2”的第 1 项是空的"},
		{"en", "2,", `"2," has an empty item 2`},
	} {
		c.lang = bad.lang
		_, errs, code := c.run("set", "甲县/2021", "1.4.a", bad.text)
		if code == 0 || !strings.Contains(errs, bad.want) {
			t.Errorf("set 1.4.a %q: exit %d, stderr %q; want a refusal containing %q", bad.text, code, errs, bad.want)
		}
	}
	c.lang = "en"
	if out := c.ok("export", "甲县/2021", "--json"); strings.Contains(out, "1.4.a") {
		t.Errorf("a refused list was recorded:\n%s", out)
	}
	for _, good := range []string{"2, 3", "2，3", "2、3", "[2, 3]"} {
		c.ok("set", "甲县/2021", "1.4.a", good)
		if out := c.ok("export", "甲县/2021", "--json"); !strings.Contains(withoutSpaces(out), `"1.4.a":[2,3]`) {
			t.Errorf("set 1.4.a %q exported as:\n%s", good, out)
		}
	}
	c.ok("set", "甲县/2021", "1.4.a", "[]")
	if out := c.ok("export", "甲县/2021", "--json"); !strings.Contains(withoutSpaces(out), `"1.4.a":[]`) {
		t.Errorf("set 1.4.a [] exported as:\n%s", out)
	}
}

// withoutSpaces drops the spaces and line breaks of exported JSON.
func withoutSpaces(s string) string { return strings.Join(strings.Fields(s), "") }
