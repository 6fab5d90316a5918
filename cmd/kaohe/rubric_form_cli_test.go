package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rubric draft refuses an --id or --version outside the documented form
// before it writes anything, and rubric validate refuses a file whose id is.
func TestRubricIDFormAtTheCLI(t *testing.T) {
	c, table, out := draftCLI(t)
	for _, tc := range []struct{ flag, value, want string }{
		{"--id", "../x y", `--id: rubric id "../x y" may hold only English letters, digits and . - _`},
		{"--version", "2025 新", `--version: rubric version "2025 新" may hold only`},
		{"--id", "gov\u202e-2025", `--id: rubric id "gov\u202e-2025" may hold only`},
	} {
		_, errs, code := c.run("rubric", "draft", table, tc.flag, tc.value, "-o", out)
		if code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("draft %s %q: exit %d, stderr %q; want %q", tc.flag, tc.value, code, errs, tc.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("draft %s %q wrote %s", tc.flag, tc.value, out)
		}
	}
	c.ok("rubric", "draft", table, "--id", "gov-2025", "--version", "2025", "-o", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(filepath.Dir(out), "bad.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(string(data), `id: "gov-2025"`, `id: "../x y"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := c.run("rubric", "validate", bad); code != 1 || !strings.Contains(errs, bad+`:4:5: rubric id "../x y" may hold only`) {
		t.Errorf("validate: exit %d, stderr %q", code, errs)
	}
}
