package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cli runs kaohe in-process with the given environment variables.
type cli struct {
	t    *testing.T
	env  map[string]string
	now  time.Time
	lang string // passed as --lang unless empty; "en" for the tests that read English
}

func newCLI(t *testing.T) *cli {
	return &cli{t: t, env: map[string]string{"KAOHE_CONFIG": t.TempDir()}, now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), lang: "en"}
}

func (c *cli) run(args ...string) (stdout, stderr string, code int) {
	if c.lang != "" {
		args = append([]string{"--lang", c.lang}, args...)
	}
	var out, errb bytes.Buffer
	code = run(args, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return c.env[k] },
		now: func() time.Time {
			c.now = c.now.Add(time.Second)
			return c.now
		},
	})
	return out.String(), errb.String(), code
}

func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errs, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("kaohe %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// scoreJSON is the part of `kaohe score --json` the scenarios check.
type scoreJSON struct {
	Total, Base, Bonus json.Number
	Categories         []struct {
		ID         string
		Score, Max json.Number
	}
	Indicators []struct {
		ID                    string
		Score, Max, Deduction json.Number
		Capped                bool
	}
	Progress map[string]int
}

func parseScore(t *testing.T, out string) scoreJSON {
	t.Helper()
	var s scoreJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("score --json output is not JSON: %v\n%s", err, out)
	}
	return s
}

// One hand-computed scenario per indicator, from the seed's own wording.
var seedScenarios = []struct {
	indicator string
	findings  string
	score     string // the indicator's score
	why       string
}{
	{"1.1", `"1.1.a": true, "1.1.b": false`, "1", "没有按要求开展事项梳理的直接扣1分"},
	{"1.2", `"1.2.a": 6, "1.2.b": true`, "0", "每少1项扣0.2分，最多扣1分 (6×0.2=1.2→1) + 回头看没完成扣1分"},
	{"1.3", `"1.3.a": 7`, "2.3", "每有1个实施清单不达标扣0.1分: 7×0.1=0.7"},
	{"1.4", `"1.4.a": false, "1.4.b": 4`, "3.2", "每少1项扣0.2分: 4×0.2=0.8"},
	{"1.5", `"1.5.a": true, "1.5.b": 2`, "0.6", "没有开展容缺受理扣1分 + 2项告知承诺制×0.2=0.4"},
	{"1.6", `"1.6.a": true, "1.6.b": true, "1.6.c": false`, "0", "0.5+0.5=1，最多扣1分"},
	{"1.7", `"1.7.a": true`, "0", "没有开展联合验收扣1分"},
	{"2.1", `"2.1.a": true, "2.1.b": 3, "2.1.c": 2, "2.1.d": 4, "2.1.e": 9`, "0", "2+0.6+0.4+0.8+1.8=5.6，最多扣5分"},
	{"2.2", `"2.2.a": false, "2.2.b": true`, "1", "没有开展一窗受理扣1分"},
	{"2.3", `"2.3.a": 5, "2.3.b": 3, "2.3.c": 1`, "1.1", "(5+3+1)×0.1=0.9"},
	{"2.4", `"2.4.a": 92.5`, "2.77", "好差评92.5分折算: 3×92.5/100=2.775 (扣0.225→0.23)"},
	{"2.5", `"2.5.a": 12`, "0", "12×0.2=2.4，最多扣2分"},
	{"2.6", `"2.6.a": 2`, "0.6", "2项公开×0.2=0.4"},
	{"2.7", `"2.7.a": 3`, "3.5", "3项不达标×0.5=1.5"},
	{"2.8", `"2.8.a": 2`, "3", "少完成2项攻坚任务×1=2"},
	{"3.1", `"3.1.a": 95, "3.1.b": 68`, "1.75", "1×5/100=0.05 + 1×17/85=0.2"},
	{"3.2", `"3.2.a": 91500, "3.2.b": 3, "3.2.c": 2`, "4.9", "⌊8500/2000⌋=4步×0.1=0.4; 黄牌3×0.1+红牌2×0.2=0.7"},
	{"3.3", `"3.3.a": 3`, "1.4", "3个村×0.2=0.6"},
	{"3.4", `"3.4.a": {"value": 0.8, "note": "电子证照汇聚不全"}`, "1.2", "酌情扣0.8"},
	{"3.5", `"3.5.a": 97, "3.5.b": 99.5, "3.5.c": 95, "3.5.d": {"value": 0.5, "note": "汇聚不及时"}`, "1.7", "3%×0.1=0.3 + 0 + 5%×0.1=0.5 + 0.5"},
	{"3.6", `"3.6.a": true, "3.6.b": false, "3.6.c": true, "3.6.d": false, "3.6.e": false`, "3", "两项各扣1分"},
	{"4.1", `"4.1.a": true, "4.1.b": 3`, "2.2", "0.2 + 3×0.2=0.6"},
	{"4.2", `"4.2.a": 2`, "0.6", "2个窗口×0.2=0.4"},
	{"4.3", `"4.3.a": 3, "4.3.b": false, "4.3.c": {"value": 1, "note": "部分窗口未应用"}`, "2.4", "3×0.2=0.6 + 酌情1"},
	{"4.4", `"4.4.a": {"value": 0.5, "note": "综合窗口未完善"}, "4.4.b": true, "4.4.c": true`, "0", "0.5+1+1=2.5，最多扣2分"},
	{"4.5", `"4.5.a": 51000, "4.5.b": {"value": 1, "note": "推广不足"}`, "4.4", "⌊9000/1500⌋=6×0.1=0.6 + 1"},
	{"4.6", `"4.6.a": false, "4.6.b": 1, "4.6.c": 2`, "3.4", "(1+2)×0.2=0.6"},
	{"5.1", `"5.1.a": 3`, "2.5", "3次×0.5=1.5"},
	{"5.2", `"5.2.a": 20`, "0", "20×0.2=4，最多扣3分"},
	{"5.3", `"5.3.a": 4`, "2.2", "4个问题×0.2=0.8"},
	{"6.1", `"6.1.a": false, "6.1.b": true, "6.1.c": false`, "2", "没有建立工作机制扣1分"},
	{"6.2", `"6.2.a": 1, "6.2.b": 1`, "1", "迟报0.5+少报0.5"},
	{"6.3", `"6.3.a": 3`, "1.5", "研究3次，少1次扣0.5"},
	{"6.4", `"6.4.a": false`, "1", "开展了，不扣分"},
	{"6.5", `"6.5.a": 1`, "1", "宣传1次，少1次扣1分"},
	{"7.1", `"7.1.a": true`, "10", "获得省级激励加10分"},
}

func TestSeedScenariosThroughCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	for _, sc := range seedScenarios {
		t.Run(sc.indicator, func(t *testing.T) {
			f := writeFile(t, "f.json", `{"findings": {`+sc.findings+`}}`)
			s := parseScore(t, c.ok("score", "--findings", f, "--json"))
			found := false
			for _, ind := range s.Indicators {
				if ind.ID == sc.indicator {
					found = true
					if ind.Score.String() != sc.score {
						t.Errorf("%s scored %s, want %s (%s)", sc.indicator, ind.Score, sc.score, sc.why)
					}
				} else if ind.Score.String() != ind.Max.String() && ind.ID != "7.1" {
					t.Errorf("indicator %s lost points from findings for %s", ind.ID, sc.indicator)
				}
			}
			if !found {
				t.Fatalf("no indicator %s in output", sc.indicator)
			}
		})
	}
}

// All scenarios at once: the totals are the sum of the hand-computed scores.
func TestAllScenariosTotal(t *testing.T) {
	var parts []string
	for _, sc := range seedScenarios {
		parts = append(parts, sc.findings)
	}
	f := writeFile(t, "all.json", `{"findings": {`+strings.Join(parts, ",")+`}}`)
	s := parseScore(t, newCLI(t).ok("score", "--findings", f, "--json"))
	// Category sums of the scenario scores above.
	want := map[string]string{"1": "7.1", "2": "11.97", "3": "13.95", "4": "13", "5": "4.7", "6": "6.5", "7": "10"}
	for _, c := range s.Categories {
		if c.Score.String() != want[c.ID] {
			t.Errorf("category %s = %s, want %s", c.ID, c.Score, want[c.ID])
		}
	}
	if s.Base.String() != "57.22" || s.Bonus.String() != "10" || s.Total.String() != "67.22" {
		t.Errorf("base %s bonus %s total %s, want 57.22 10 67.22", s.Base, s.Bonus, s.Total)
	}
	if s.Progress["indicators_recorded"] != 36 || s.Progress["rules_recorded"] != 70 {
		t.Errorf("progress %v, want every indicator and rule recorded", s.Progress)
	}
}

func TestScoreRejectsBadFindings(t *testing.T) {
	c := newCLI(t)
	f := writeFile(t, "bad.json", `{"findings": {"1.2.a": -1, "3.1.a": 120, "3.4.a": 1, "3.2.a": "很多", "9.9.z": true}}`)
	out, errs, code := c.run("score", "--findings", f, "--json")
	if code != 1 || out != "" {
		t.Fatalf("exit %d stdout %q, want 1 and nothing", code, out)
	}
	for _, want := range []string{"1.2.a: -1 is negative; expected a whole number", "3.1.a: 120 is above the limit 100", "3.4.a: a discretionary deduction needs a note", `3.2.a: "很多" is not a number`, `9.9.z: rubric`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Count(errs, f+": ") != 5 {
		t.Errorf("every error should name the file:\n%s", errs)
	}
	c.lang = "" // the seed rubric's Chinese
	_, errs, _ = c.run("score", "--findings", f)
	for _, want := range []string{"1.2.a：-1 不能为负数", "3.1.a：120 超过上限 100（百分比最多 100）", "3.4.a：酌情扣分须填写理由（扣 1 分）", "3.2.a：“很多”不是数字", "9.9.z：考核指标"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	c.lang = "en"
	f2 := writeFile(t, "broken.json", "{\"findings\": {\n  \"1.2.a\": 3,,\n}}")
	_, errs, code = c.run("score", "--findings", f2)
	if code != 1 || !strings.Contains(errs, "line 2") {
		t.Errorf("syntax error: exit %d, stderr %q", code, errs)
	}
}

func TestRubricCommands(t *testing.T) {
	c := newCLI(t)
	var doc struct {
		Categories []struct {
			ID         string
			Title      string
			Points     json.Number
			Indicators []struct {
				ID     string
				Points json.Number
				Rules  []struct{ ID, Kind string }
			}
		}
		Indicators []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(c.ok("rubric", "show", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Categories) != 7 || len(doc.Indicators) != 36 || doc.Categories[2].Indicators[4].Rules[2].ID != "3.5.c" {
		t.Errorf("rubric show --json: %d categories, %d indicators", len(doc.Categories), len(doc.Indicators))
	}
	c.lang = "" // the seed rubric's own language
	if out := c.ok("rubric", "show"); !strings.Contains(out, "3.2.a") || !strings.Contains(out, "行政审批制度改革（15分）") {
		t.Errorf("rubric show tree lacks rules or categories:\n%s", out)
	}
	c.lang = "en"
	good := writeFile(t, "good.yaml", string(mustRead(t, "../../rubric/default.yaml")))
	if out := c.ok("rubric", "validate", good); !strings.Contains(out, "36 indicators") {
		t.Errorf("validate: %s", out)
	}
	bad := writeFile(t, "bad.yaml", strings.Replace(strings.Replace(string(mustRead(t, "../../rubric/default.yaml")),
		"kind: flag", "kind: flg", 1), "amount: 0.2\n", "amount: -0.2\n", 1))
	out, errs, code := c.run("rubric", "validate", bad)
	if code != 1 || out != "" || !strings.Contains(errs, bad+":21:19: rule 1.1.a has unknown kind") || !strings.Contains(errs, "amount must not be negative") {
		t.Errorf("validate broken: exit %d\n%s", code, errs)
	}
	if out := c.ok("--help"); !strings.Contains(out, "Usage") || !strings.Contains(out, "score") {
		t.Errorf("kaohe --help should list the commands:\n%s", out)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestScoreJSONReportsGroupCaps(t *testing.T) {
	c := newCLI(t)
	f := writeFile(t, "cards.json", `{"findings": {"3.2.b": 6, "3.2.c": 3}}`)
	var doc struct {
		Indicators []struct {
			ID              string
			Capped          bool
			IndicatorCapped bool `json:"indicator_capped"`
			Groups          []struct {
				ID     string
				Raw    json.Number
				Capped bool
			}
		}
	}
	if err := json.Unmarshal([]byte(c.ok("score", "--findings", f, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		if ind.ID != "3.2" {
			continue
		}
		if !ind.Capped || ind.IndicatorCapped || len(ind.Groups) != 1 || !ind.Groups[0].Capped || ind.Groups[0].Raw.String() != "1.2" {
			t.Errorf("3.2 with 6 yellow and 3 red cards: %+v", ind)
		}
	}
	bad := writeFile(t, "bad.json", `{"findings": {"1.2.a": 1e3}}`)
	_, errs, _ := c.run("score", "--findings", bad)
	if strings.Count(errs, bad) != 1 {
		t.Errorf("the file is named %d times: %s", strings.Count(errs, bad), errs)
	}
}
