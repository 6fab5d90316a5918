package scoring

import (
	"strings"
	"testing"
)

// A findings file from Notepad (with a byte-order mark) is read; one that
// encoding/json alone would read wrongly is refused with the position.
func TestFindingsFileStrict(t *testing.T) {
	ff, err := ReadFindingsFile([]byte("\ufeff{\"findings\": {\"1.2.a\": 3}}\r\n"))
	if err != nil || ff.Findings["1.2.a"].Value.Num.String() != "3" {
		t.Fatalf("BOM: %v", err)
	}
	refused := []struct{ name, in, want string }{
		{"duplicate rule", "{\"findings\": {\"1.2.a\": 3,\n  \"1.2.a\": 8}}", `line 2, column 3: key "1.2.a" appears twice`},
		{"duplicate findings", `{"findings": {"1.2.a": 3}, "findings": {"1.2.a": 8}}`, `line 1, column 28: key "findings" appears twice`},
		{"case-folded key", `{"FINDINGS": {"1.2.a": 3}}`, `line 1, column 2: unknown key "FINDINGS"`},
		{"case-folded value", `{"findings": {"3.4.a": {"Value": 0.5}}}`, `unknown key "Value"`},
		{"duplicate note", `{"findings": {"3.4.a": {"value": 0.5, "note": "a", "note": "b"}}}`, `key "note" appears twice`},
		{"duplicate indicator note", `{"findings": {}, "notes": {"1.2": "a", "1.2": "b"}}`, `key "1.2" appears twice`},
		{"trailing garbage", "{\"findings\": {\"1.2.a\": 3}}\nxyz", "line 2, column 1: unexpected data after"},
		{"second object", `{"findings": {}} {"findings": {"1.2.a": 8}}`, "line 1, column 18: unexpected data after"},
	}
	for _, c := range refused {
		_, err := ReadFindingsFile([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := ReadFindingsFile([]byte(`{"findings": {"1.2.a": 3,}`)); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("syntax error keeps its position: %v", err)
	}
}
