package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kaohe report --vs 2020 writes the comparison, the 共性问题 and the rank
// margins, with the figures worked out by hand: 吉首市 99.07 (1.2.a 3项
// −0.60, 2.4.a 89 −0.33), 泸溪县 99.00 (1.2.a 8项, capped at 1), 花垣县
// 98.60 (1.1.a −1, 1.2.a 2项 −0.40); in 2020 吉首市 99.00 (1.1.a) and
// 泸溪县 100.00.
func TestReportCompareAndMargins(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	for _, u := range [][]string{
		{"吉首市", "2021", "1.2.a", "3", "2.4.a", "89"},
		{"泸溪县", "2021", "1.2.a", "8"},
		{"花垣县", "2021", "1.1.a", "true", "1.2.a", "2"},
		{"吉首市", "2020", "1.1.a", "true"},
		{"泸溪县", "2020"},
	} {
		c.ok("new", u[0], u[1])
		for i := 2; i+1 < len(u); i += 2 {
			c.ok("set", u[0]+"/"+u[1], u[i], u[i+1])
		}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "r.json")
	c.ok("report", "--period", "2021", "--vs", "2020", "-o", out)
	var doc struct {
		Analysis []struct {
			Common []struct {
				Indicator string      `json:"indicator"`
				Lost      json.Number `json:"lost"`
				Units     int         `json:"units"`
			} `json:"common_problems"`
			Margins []struct {
				Upper  string `json:"upper"`
				Margin json.Number
				Swap   []struct {
					Unit, Rule string
					Effect     json.Number
				}
			} `json:"margins"`
		} `json:"analysis"`
		Compare struct {
			Units []struct {
				Unit       string
				Change     json.Number
				RankChange int `json:"rank_change"`
			}
			OnlyNow []string `json:"only_now"`
		} `json:"compare"`
	}
	data, _ := os.ReadFile(out)
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(doc.Analysis) != 1 || len(doc.Analysis[0].Common) != 3 || doc.Analysis[0].Common[0].Indicator != "1.2" || doc.Analysis[0].Common[0].Lost != "2" || doc.Analysis[0].Common[0].Units != 3 {
		t.Errorf("common problems %+v", doc.Analysis)
	}
	ms := doc.Analysis[0].Margins
	if len(ms) != 2 || ms[0].Margin != "0.07" || len(ms[0].Swap) != 1 || ms[0].Swap[0].Rule != "2.4.a" || ms[0].Swap[0].Effect != "-0.09" ||
		ms[1].Margin != "0.4" || ms[1].Swap[0].Unit != "花垣县" || ms[1].Swap[0].Rule != "1.1.a" {
		t.Errorf("margins %+v", ms)
	}
	cu := doc.Compare.Units
	if len(cu) != 2 || cu[0].Unit != "吉首市" || cu[0].Change != "0.07" || cu[0].RankChange != 1 || cu[1].Change != "-1" || cu[1].RankChange != -1 ||
		strings.Join(doc.Compare.OnlyNow, ",") != "花垣县" {
		t.Errorf("comparison %+v", doc.Compare)
	}
	c.lang = "zh"
	md := filepath.Join(dir, "r.md")
	c.ok("report", "--period", "2021", "--compare", "2020", "-o", md)
	text, _ := os.ReadFile(md)
	for _, want := range []string{"吉首市 99.07 与 泸溪县 99.00 相差 0.07；吉首市 2.4.a “好差评”评分指标得分 89 → 86（-0.09）即可互换名次",
		"泸溪县 99.00 与 花垣县 98.60 相差 0.40；花垣县 1.1.a", "| 吉首市 | 99.07 | 99.00 | +0.07 | 1 | 2 | 上升1位 |", "仅2021有考核的单位：花垣县"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
}

// A comparison with a period nobody was assessed in, or without one
// period to compare, is refused with a message saying why, and writes no
// file.
func TestReportCompareRefusals(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("new", "吉首市", "2020")
	c.lang = "zh"
	out := filepath.Join(t.TempDir(), "r.xlsx")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--period", "2021", "--compare", "2019"}, "没有 2019 年度的考核可供比较"},
		{[]string{"--compare", "2019"}, "同比需要只含一个年度的报表：请用 --period 指定年度"},
		{[]string{"--period", "2021", "--vs", "2021"}, "请与 2021 以外的年度比较"},
	} {
		_, stderr, code := c.run(append([]string{"report", "-o", out}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("report %v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("report %v wrote %s", tc.args, out)
		}
	}
}
