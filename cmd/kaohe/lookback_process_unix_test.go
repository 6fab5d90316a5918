//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store/seed"
)

// lastYearThroughTheBinary records and signs 吉首市/2020 as the office
// would: 1.1.a found (未开展事项梳理), 殡葬 and 人防 missing on 1.2.a, 1.3.a
// at 2; then 1.1.a and 殡葬 are rectified and closed (已销号).
func lastYearThroughTheBinary(l laptop) {
	l.ok("new", "吉首市", "2020")
	l.ok("set", "吉首市/2020", "1.1.a", "true", "--note", "未开展事项梳理")
	l.ok("item", "add", "吉首市/2020", "1.2.a", "殡葬")
	l.ok("item", "add", "吉首市/2020", "1.2.a", "人防")
	l.ok("set", "吉首市/2020", "1.3.a", "2", "--note", "实施清单不达标")
	l.ok("sign", "吉首市/2020", "--allow-incomplete")
	ps := l.problems("吉首市/2020")
	for _, id := range []string{"1.1.a", idOf(l.t, ps, "殡葬")} {
		l.ok("problem", "rectify", "吉首市/2020", id, "--measure", "已整改")
		l.ok("problem", "close", "吉首市/2020", id)
	}
}

// relapses maps each listed problem's finding to the earlier problem it
// repeats ("period id found status"), for those that are 反弹.
func relapses(ps []problemJSON) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		if r := p.Relapse; r != nil {
			out[p.Rule+" "+p.Found] = r.Period + " " + strings.SplitN(r.ID, "#", 2)[0] + " " + r.Found + " " + r.Status
		}
	}
	return out
}

// 回头看 through the binary: 2020 closed 1.1.a and 殡葬; 2021 finds 1.1.a,
// 殡葬 and 水土保持. problem list marks 1.1.a and 殡葬 反弹 — in the table's
// state column and as "relapse" in --json, naming the 2020 problem — and
// not 水土保持 (new) or anything of another unit. Under next year's rubric
// (1.1 and 1.2 swapped, 1.3 gone) the same two are 反弹 under their new
// rule IDs, and 2020's 1.3.a is listed under the table as having no
// indicator any more, not dropped.
func TestProblemListMarksRelapsesThroughTheBinary(t *testing.T) {
	for _, tc := range []struct {
		name        string
		rubric      bool // under next year's rubric
		flag, items string
	}{
		{"same rubric", false, "1.1.a", "1.2.a"},
		{"changed rubric", true, "1.2.a", "1.1.a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			l := laptop{t, filepath.Join(dir, "办.db"), filepath.Join(dir, "office")}
			l.ok("init", "--inspector", "张三")
			lastYearThroughTheBinary(l)
			l.ok("new", "泸溪县", "2021")
			l.ok("set", "泸溪县/2021", "1.1.a", "true", "--note", "未开展事项梳理")
			l.ok("sign", "泸溪县/2021", "--allow-incomplete")
			args := []string{"new", "吉首市", "2021"}
			if tc.rubric {
				file := filepath.Join(dir, "2022.yaml")
				if err := os.WriteFile(file, rubric.MarshalYAML(seed.NextYearRubric(t), ""), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--rubric", file)
			}
			l.ok(args...)
			l.ok("set", "吉首市/2021", tc.flag, "true", "--note", "仍未开展")
			l.ok("item", "add", "吉首市/2021", tc.items, "殡葬")
			l.ok("item", "add", "吉首市/2021", tc.items, "水土保持")
			l.ok("sign", "吉首市/2021", "--allow-incomplete")

			got := relapses(l.problems("吉首市/2021"))
			want := map[string]string{tc.flag + " 仍未开展": "2020 1.1.a 未开展事项梳理 closed", tc.items + " 殡葬": "2020 1.2.a 殡葬 closed"}
			if len(got) != len(want) || got[tc.flag+" 仍未开展"] != want[tc.flag+" 仍未开展"] || got[tc.items+" 殡葬"] != want[tc.items+" 殡葬"] {
				t.Errorf("relapses %v, want %v", got, want)
			}
			if got := relapses(l.problems("--period", "2021")); len(got) != 2 {
				t.Errorf("--period 2021 lists relapses %v, want the same two", got)
			}
			out := l.zh("problem", "list", "--period", "2021")
			for _, line := range strings.Split(out, "\n") {
				relapse := strings.Contains(line, "反弹")
				switch {
				case strings.Contains(line, "泸溪县") && relapse, strings.Contains(line, "水土保持") && relapse:
					t.Errorf("marked 反弹: %s", line)
				case strings.Contains(line, "吉首市") && (strings.Contains(line, "仍未开展") || strings.Contains(line, "殡葬")) && !strings.Contains(line, "待整改 反弹"):
					t.Errorf("not marked 反弹: %s", line)
				}
			}
			unmapped := "吉首市/2021 2020年问题（本年指标已不存在）：1.3.a 实施清单不达标（待整改）"
			if has := strings.Contains(out, unmapped); has != tc.rubric {
				t.Errorf("the line %q shown: %v, want %v:\n%s", unmapped, has, tc.rubric, out)
			}
		})
	}
}
