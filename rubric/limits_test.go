package rubric

import (
	"strings"
	"testing"
	"time"
)

// A hostile rubric file — huge, or nested thousands of levels deep, as
// flow or block lists — is refused at once with a positioned message, not
// parsed for minutes; the seed rubric passes the same checks.
func TestRubricSizeAndDepthBounded(t *testing.T) {
	cases := map[string]struct {
		data, want string
	}{
		"flow lists":  {"id: x\nversion: \"1\"\ncategories: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n", "nested more than 32 levels"},
		"block lists": {"id: x\ncategories:\n" + strings.Repeat("- ", 100_000) + "x\n", "nested more than 32 levels"},
		"indented lists": {func() string {
			var b strings.Builder
			b.WriteString("categories:\n")
			for i := 1; i < 300; i++ {
				b.WriteString(strings.Repeat(" ", i) + "-\n")
			}
			return b.String()
		}(), "nested more than 32 levels"},
		"flow maps": {"id: " + strings.Repeat("{a: ", 50_000) + "1" + strings.Repeat("}", 50_000) + "\n", "nested more than 32 levels"},
		"too big":   {"id: x\n# " + strings.Repeat("很长的注释", MaxBytes/10) + "\n", "too big for a rubric"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := Parse("hostile.yaml", []byte(tc.data)); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "hostile.yaml") {
					t.Errorf("got %v, want %q", err, tc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the hostile rubric was parsed instead of refused")
			}
		})
	}
	// Brackets and "- " inside quotes and comments are text, not nesting.
	if err := checkLimits("ok.yaml", []byte("title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n")); err != nil {
		t.Errorf("quoted brackets counted as nesting: %v", err)
	}
	if err := checkLimits(DefaultFileName, DefaultSource()); err != nil {
		t.Errorf("the seed rubric is refused: %v", err)
	}
}
