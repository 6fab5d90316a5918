package rubric

import (
	"os"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
)

func TestDefaultRubricTotals(t *testing.T) {
	rb := Default()
	if rb.ID == "" || rb.Version != "2021" {
		t.Fatalf("default rubric id/version = %q/%q, want a stable id and version 2021", rb.ID, rb.Version)
	}
	wantPoints := []string{"15", "25", "20", "20", "10", "10", "10"}
	wantIndicators := []int{7, 8, 6, 6, 3, 5, 1}
	if len(rb.Categories) != 7 {
		t.Fatalf("categories = %d, want 7", len(rb.Categories))
	}
	for i, c := range rb.Categories {
		if c.Points != decimal.MustParse(wantPoints[i]) {
			t.Errorf("category %s points = %s, want %s", c.ID, c.Points, wantPoints[i])
		}
		if len(c.Indicators) != wantIndicators[i] {
			t.Errorf("category %s has %d indicators, want %d", c.ID, len(c.Indicators), wantIndicators[i])
		}
		if c.Bonus != (c.ID == "7") {
			t.Errorf("category %s bonus = %v", c.ID, c.Bonus)
		}
	}
	if n := len(rb.Indicators()); n != 36 {
		t.Errorf("indicators = %d, want 36", n)
	}
	if rb.BasePoints() != decimal.FromInt(100) || rb.BonusPoints() != decimal.FromInt(10) {
		t.Errorf("base/bonus = %s/%s, want 100/10", rb.BasePoints(), rb.BonusPoints())
	}
	wantUnits := "吉首市 泸溪县 凤凰县 花垣县 保靖县 古丈县 永顺县 龙山县"
	if got := strings.Join(rb.Units, " "); got != wantUnits {
		t.Errorf("units = %s, want %s", got, wantUnits)
	}
}

// The rule IDs are part of the format: C.N.x, lettered in the order the
// clauses appear in the standard, one rule per item in 3.5.
func TestDefaultRubricRuleIDs(t *testing.T) {
	rb := Default()
	want := map[string]string{
		"1.1": "flag flag", "1.2": "count flag", "1.3": "count", "1.4": "flag count",
		"1.5": "flag count", "1.6": "flag flag flag", "1.7": "flag",
		"2.1": "flag count count count count", "2.2": "flag flag", "2.3": "count count count",
		"2.4": "convert", "2.5": "count", "2.6": "count", "2.7": "count", "2.8": "count",
		"3.1": "ratio ratio", "3.2": "shortfall count count", "3.3": "count", "3.4": "discretion",
		"3.5": "shortfall shortfall shortfall discretion", "3.6": "flag flag flag flag flag",
		"4.1": "flag count", "4.2": "count", "4.3": "count flag discretion",
		"4.4": "discretion flag flag", "4.5": "shortfall discretion", "4.6": "flag count count",
		"5.1": "count", "5.2": "count", "5.3": "count",
		"6.1": "flag flag flag", "6.2": "count count", "6.3": "shortfall", "6.4": "flag", "6.5": "shortfall",
		"7.1": "bonus",
	}
	for _, ind := range rb.Indicators() {
		var kinds []string
		for i, r := range ind.Rules {
			if wantID := ind.ID + "." + string(rune('a'+i)); r.ID != wantID {
				t.Errorf("rule %d of %s has id %s, want %s", i, ind.ID, r.ID, wantID)
			}
			kinds = append(kinds, string(r.Kind))
		}
		if got := strings.Join(kinds, " "); got != want[ind.ID] {
			t.Errorf("indicator %s rule kinds = %q, want %q", ind.ID, got, want[ind.ID])
		}
	}
	_, ind, _ := rb.Indicator("3.2")
	if len(ind.Groups) != 1 || strings.Join(ind.Groups[0].Rules, ",") != "3.2.b,3.2.c" || ind.Groups[0].Cap != decimal.FromInt(1) {
		t.Errorf("3.2 yellow/red cards should share a group capped at 1, got %+v", ind.Groups)
	}
	var labels []string
	for _, r := range rb.Indicators()[0+7+8+2+2].Rules { // 3.5
		labels = append(labels, r.Label)
	}
	if !strings.HasPrefix(labels[0], "目录梳理") || !strings.HasPrefix(labels[1], "实施清单填报") || !strings.HasPrefix(labels[2], "详实度填报") {
		t.Errorf("3.5 rules must be 目录梳理, 实施清单填报, 详实度填报 in that order, got %v", labels)
	}
}

// Every 考核内容 and 评分标准 is the seed's text, verbatim.
func TestDefaultRubricVerbatim(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, line := range strings.Split(string(seed), "\n") {
		if strings.HasPrefix(line, "\t") {
			cells[strings.TrimPrefix(line, "\t")] = true
		}
	}
	rb := Default()
	for _, c := range rb.Categories {
		heading := c.Title + "（" + c.Points.String() + "分）"
		if c.Bonus {
			heading = c.Title + "（加分项，共" + c.Points.String() + "分）"
		}
		if !cells[heading] {
			t.Errorf("category %s heading %q is not a cell of the seed", c.ID, heading)
		}
		for _, ind := range c.Indicators {
			if !cells[ind.Content] {
				t.Errorf("indicator %s content is not verbatim: %q", ind.ID, ind.Content)
			}
			if !cells[ind.Standard] {
				t.Errorf("indicator %s standard is not verbatim: %q", ind.ID, ind.Standard)
			}
		}
	}
}

func TestBrokenRubricErrorsArePositioned(t *testing.T) {
	good := string(DefaultSource())
	cases := []struct {
		name    string
		edit    func(string) string
		wantPos string
		wantMsg string
	}{
		{"unknown kind", func(s string) string {
			return strings.Replace(s, "kind: flag", "kind: flg", 1)
		}, "default.yaml:21:19", `unknown kind "flg"`},
		{"negative amount", func(s string) string {
			return strings.Replace(s, "amount: 1\n", "amount: -1\n", 1)
		}, "default.yaml:23:21", "amount must not be negative"},
		{"duplicate id", func(s string) string {
			return strings.Replace(s, `id: "1.1.b"`, `id: "1.1.a"`, 1)
		}, "default.yaml:25:17", `duplicate id "1.1.a"`},
		{"missing parameter", func(s string) string {
			return strings.Replace(s, "            amount: 1\n", "", 1)
		}, "default.yaml:20:13", "flag rule 1.1.a is missing amount"},
		{"cap larger than indicator", func(s string) string {
			return strings.Replace(s, "amount: 0.2\n            cap: 1\n", "amount: 0.2\n            cap: 3\n", 1)
		}, "default.yaml:40:18", "rule 1.2.a cap 3 is larger than indicator 1.2 points 2"},
		{"points do not add up", func(s string) string {
			return strings.Replace(s, "points: 15", "points: 16", 1)
		}, "default.yaml:13:13", "category 1 has 16 points but its indicators add up to 15"},
		{"text where a number belongs", func(s string) string {
			return strings.Replace(s, "points: 15", "points: 十五", 1)
		}, "default.yaml:13:13", `points must be a number, got "十五"`},
		{"unknown field", func(s string) string {
			return strings.Replace(s, "            amount: 1\n", "            ammount: 1\n", 1)
		}, "default.yaml:23:13", `unknown field "ammount"`},
		{"clause not verbatim", func(s string) string {
			return strings.Replace(s, `clause: "没有落实事项目录清单的扣1分"`, `clause: "没有落实事项清单的扣1分"`, 1)
		}, "default.yaml:29:21", "not quoted verbatim"},
		{"unknown rule in group", func(s string) string {
			return strings.Replace(s, `rules: ["3.2.b", "3.2.c"]`, `rules: ["3.2.b", "3.2.x"]`, 1)
		}, "", `names rule "3.2.x"`},
		{"syntax error", func(s string) string {
			return strings.Replace(s, "units: [", "units: [[", 1)
		}, "default.yaml:10:1", "must be specified"},
		{"wrong indicator id", func(s string) string {
			return strings.Replace(s, `id: "1.2"`, `id: "1.3"`, 1)
		}, "default.yaml:30:", `indicator id must be "1.2"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.edit(good)
			if src == good {
				t.Fatal("edit did not apply")
			}
			_, err := Parse("rubric/default.yaml", []byte(src))
			if err == nil {
				t.Fatal("broken rubric accepted")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.wantMsg) || !strings.Contains(msg, tc.wantPos) {
				t.Errorf("error = %q\nwant position %q and message %q", msg, tc.wantPos, tc.wantMsg)
			}
		})
	}
}

func TestSmallRubricValidation(t *testing.T) {
	src := `id: t
version: "1"
title: t
categories:
  - id: "1"
    title: A
    points: 2
    indicators:
      - id: "1.1"
        points: 2
        content: c
        standard: 没有的扣1分，按比例扣分
        rules:
          - id: 1.1.a
            kind: ratio
            target: 120
            amount: 1
            clause: 按比例扣分
          - id: 1.1.b
            kind: bonus
            amount: 1
            clause: 没有的扣1分
`
	_, err := Parse("t.yaml", []byte(src))
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{
		"t.yaml:14:13: ratio rule 1.1.a is missing cap",
		"t.yaml:16:21: ratio rule 1.1.a target is a percentage and must be at most 100, got 120",
		"t.yaml:17:21: amount is not used by ratio rules (rule 1.1.a)",
		"t.yaml:19:17: rule 1.1.b clause comes earlier in the standard",
		"t.yaml:20:19: bonus rule 1.1.b is in category 1, which is not a bonus category",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in\n%s", want, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(DefaultSource())
	f.Add([]byte("id: x\nversion: 1\ncategories: [{id: '1', points: 1}]"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rb, err := Parse("fuzz.yaml", data)
		if err == nil && rb == nil {
			t.Fatal("nil rubric without error")
		}
		if err != nil && rb != nil {
			t.Fatal("rubric returned with an error")
		}
	})
}

// A text-for-number and an unknown field do not hide the other errors.
func TestEveryErrorListedAtOnce(t *testing.T) {
	src := strings.Replace(string(DefaultSource()), "target: 100000", "target: 十万", 1)
	src = strings.Replace(src, "            amount: 1\n", "            ammount: 1\n", 1)
	src = strings.Replace(src, "kind: flag", "kind: flg", 1)
	src = strings.Replace(src, "points: 25", "points: 26", 1)
	_, err := Parse("r.yaml", []byte(src))
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{`target must be a number, got "十万"`, `unknown field "ammount"`, `unknown kind "flg"`, "category 2 has 26 points"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in\n%s", want, err)
		}
	}
	if strings.Contains(err.Error(), "target must be greater than 0") {
		t.Errorf("the stand-in 0 leaked into the errors:\n%s", err)
	}
}

// A rubric saved by Windows Notepad starts with a byte-order mark: it is the
// same rubric.
func TestRubricWithByteOrderMark(t *testing.T) {
	rb, err := Parse("bom.yaml", append([]byte("\ufeff"), DefaultSource()...))
	if err != nil {
		t.Fatalf("BOM refused: %v", err)
	}
	if rb.ID != Default().ID || len(rb.Categories) != len(Default().Categories) {
		t.Errorf("BOM changed the rubric: %s", rb.ID)
	}
}
