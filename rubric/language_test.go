package rubric

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestLanguageRubricLoadsAndRoundTrips loads the test rubric holding every
// construct beyond the seed's kinds and writes it back: the written file
// parses to the same rubric and writes byte for byte the same again.
func TestLanguageRubricLoadsAndRoundTrips(t *testing.T) {
	rb, err := LoadFile("testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(rb.Grades) != 4 || rb.Grades[3].Min != nil || !rb.Categories[3].Penalty || rb.Categories[3].Cap == nil {
		t.Fatalf("grades or penalty category not read: %+v", rb.Grades)
	}
	ref, _ := rb.Rule("1.4.a")
	if ref.Rule.Form() != FormList || len(ref.Rule.Range) != 2 {
		t.Fatalf("1.4.a range not read: %+v", ref.Rule)
	}
	ref, _ = rb.Rule("1.2.a")
	if ref.Rule.Form() != FormLabel || strings.Join(ref.Rule.Labels(), "/") != "优/良/差" {
		t.Fatalf("1.2.a label bands not read: %+v", ref.Rule)
	}
	ref, _ = rb.Rule("3.1.a")
	if ref.Rule.Form() != FormNumber {
		t.Fatalf("a bonus per item takes a count, got form %v", ref.Rule.Form())
	}
	out := MarshalYAML(rb, "")
	back, err := Parse("written.yaml", out)
	if err != nil {
		t.Fatalf("written rubric does not load: %v\n%s", err, out)
	}
	if again := MarshalYAML(back, ""); !bytes.Equal(again, out) {
		t.Fatalf("second write differs:\n%s\n---\n%s", out, again)
	}
}

// TestLanguageRubricRefusals checks that inconsistent bands, a veto with an
// amount, a penalty category with points and grades out of order are each
// refused at the line and column of the field at fault.
func TestLanguageRubricRefusals(t *testing.T) {
	src, err := os.ReadFile("testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to, want string
	}{
		{"bands not descending", "{min: 90, points: 3}", "{min: 100, points: 3}", "language.yaml:32:23: rule 1.1.a bands overlap: bands 1 and 2 both start at 100"},
		{"bands rising", "{min: 90, points: 3}", "{min: 95, points: 7}", "language.yaml:32:35: rule 1.1.a bands are not descending: band 2 has 7 points"},
		{"min above", "{min: 90, points: 3}", "{min: 110, points: 3}", "language.yaml:32:23: rule 1.1.a bands are not descending: band 2 starts at 110"},
		{"band over points", "{min: 100, points: 6}", "{min: 100, points: 8}", "language.yaml:31:36: rule 1.1.a band points 8 are more than indicator 1.1 points 6"},
		{"label twice", `{label: "良", points: 5}`, `{label: "优", points: 5}`, `rule 1.2.a bands overlap: label "优" is given twice`},
		{"veto amount", "            kind: veto\n", "            kind: veto\n            amount: 1\n", "language.yaml:98:21: amount is not used by veto rules (rule 2.2.a)"},
		{"penalty points", "    points: 0\n    penalty: true", "    points: 5\n    penalty: true", "language.yaml:136:13: penalty category 4 must have no points"},
		{"grades", `{name: "良好", min: 35}`, `{name: "良好", min: 50}`, "language.yaml:12:23: grades are not descending: 良好 starts at 50"},
		{"range upside down", "range: [2, 5]", "range: [5, 2]", "language.yaml:72:24: rule 1.4.a range [5, 2] is upside down"},
		{"range text", "range: [2, 5]", "range: [2, 五]", `language.yaml:72:24: range must be a list of two numbers [lowest, highest], got "五"`},
		{"linear falls", "from: 90\n            to: 100", "from: 100\n            to: 90", "rule 2.1.a must rise: from 100 is not below to 90"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			changed := strings.Replace(string(src), c.from, c.to, 1)
			if changed == string(src) {
				t.Fatalf("the test's edit %q does not apply", c.from)
			}
			_, err := Parse("language.yaml", []byte(changed))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an error containing %q, got:\n%v", c.want, err)
			}
		})
	}
}
