package rubric

import (
	"strings"
	"testing"
)

// Locate positions a problem found after loading at its field's line and
// column in the YAML file, as the loader positions its own.
func TestLocateYAML(t *testing.T) {
	src := DefaultSource()
	es := Locate("default.yaml", src, []Problem{{Path: "$.categories[0].indicators[1].rules[0].amount", Message: "扣分 0.3"}})
	if len(es) != 1 {
		t.Fatalf("%d errors", len(es))
	}
	lines := strings.Split(string(src), "\n")
	e := es[0]
	if e.Line < 1 || e.Line > len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[e.Line-1]), "amount: 0.2") {
		t.Fatalf("positioned at %d:%d, which is not 1.2.a's amount", e.Line, e.Column)
	}
	if got := e.Error(); !strings.HasPrefix(got, "default.yaml:") || !strings.HasSuffix(got, ": 扣分 0.3") {
		t.Errorf("worded %q", got)
	}
}
