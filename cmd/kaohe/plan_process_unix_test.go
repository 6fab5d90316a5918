//go:build unix

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// coverageOf is `kaohe coverage --json` on the laptop's database, by unit.
func (l laptop) coverageOf() map[string]coverageJSON {
	l.t.Helper()
	var out []coverageJSON
	if err := json.Unmarshal([]byte(l.ok("coverage", "--period", "2021", "--json")), &out); err != nil {
		l.t.Fatal(err)
	}
	m := map[string]coverageJSON{}
	for _, c := range out {
		m[c.Unit] = c
	}
	return m
}

// indicatorOf is one indicator of a unit's coverage.
func indicatorOf(t *testing.T, c coverageJSON, id string) indicatorCoverageJSON {
	t.Helper()
	for _, ic := range c.Indicators {
		if ic.Indicator == id {
			return ic
		}
	}
	t.Fatalf("%s has no indicator %s", c.Unit, id)
	return indicatorCoverageJSON{}
}

// The team's week through the binary: the lead plans 张三 and 李四 over
// three units (吉首市 scored by both, blind; 泸溪县 split by category;
// 凤凰县 only 张三's categories) before any assessment exists; each
// inspector takes the plan onto their laptop by merge and records there,
// 张三 once outside his assignment; coverage before the merge says nothing
// is recorded, after it names who recorded what, the doubly covered
// indicator, the write outside the assignment and the unassigned
// categories, the same whichever order the laptops are merged in; a
// refused plan changes nothing; and 张三's workbench on the merged file
// hides 李四's values of 吉首市 until the lead reveals them.
func TestTheTeamsWeekThroughTheBinary(t *testing.T) {
	dir := t.TempDir()
	lead := laptop{t, filepath.Join(dir, "组长.db"), filepath.Join(dir, "lead")}
	zhang := laptop{t, filepath.Join(dir, "张三.db"), filepath.Join(dir, "zhang")}
	li := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	lead.ok("init", "--inspector", "组长")
	units := "吉首市,泸溪县,凤凰县"
	lead.ok("plan", "assign", "张三", "--categories", "1,2,3", "--units", units, "--period", "2021")
	lead.ok("plan", "assign", "李四", "--categories", "4,5,6,7", "--units", "泸溪县")
	lead.ok("plan", "assign", "李四", "--categories", "1,2,3,4,5,6,7", "--units", "吉首市")
	lead.ok("plan", "assign", "张三", "--categories", "1,2,3,4,5,6,7", "--units", "吉首市")
	out := lead.zh("plan", "double", "张三", "李四", "--units", "吉首市")
	if !strings.Contains(out, "吉首市/2021：张三 与 李四 背靠背评分") {
		t.Fatalf("plan double:\n%s", out)
	}
	before := lead.ok("plan", "list", "--json")
	lead.refusedPlan(t, "no category", "plan", "assign", "王五", "--categories", "1,9", "--units", units)
	lead.refusedPlan(t, "no blind double scoring", "plan", "reveal", "吉首市", "泸溪县")
	if after := lead.ok("plan", "list", "--json"); after != before {
		t.Fatal("a refused plan changed the plan")
	}
	list := lead.zh("plan", "list")
	for _, want := range []string{"吉首市/2021\n  张三  类别 1、2、3、4、5、6、7\n  李四  类别 1、2、3、4、5、6、7\n  背靠背：张三、李四（未揭示）",
		"泸溪县/2021\n  张三  类别 1、2、3\n  李四  类别 4、5、6、7", "凤凰县/2021\n  张三  类别 1、2、3"} {
		if !strings.Contains(list, want) {
			t.Errorf("plan list lacks %q:\n%s", want, list)
		}
	}

	for _, l := range []struct {
		laptop
		name string
	}{{zhang, "张三"}, {li, "李四"}} {
		l.ok("init", "--inspector", l.name)
		l.ok("merge", "--into", l.db, lead.db)
	}
	zhang.ok("set", "吉首市/2021", "1.3.a", "1", "--note", "实施清单缺1项")
	zhang.ok("set", "泸溪县/2021", "1.3.a", "0")
	zhang.ok("set", "泸溪县/2021", "5.1.a", "1", "--note", "窗口未落实首问制") // 李四's category
	zhang.ok("set", "凤凰县/2021", "2.5.a", "0")
	li.ok("set", "吉首市/2021", "1.3.a", "2", "--note", "实施清单缺2项")
	li.ok("set", "吉首市/2021", "4.2.a", "1", "--note", "一件事未上线")
	li.ok("set", "泸溪县/2021", "4.2.a", "0")
	li.ok("set", "泸溪县/2021", "5.1.a", "1", "--note", "窗口未落实首问制")

	cov := lead.coverageOf()
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		if got := cov[u].Totals; got.Recorded != 0 || got.OutsideWrites != 0 {
			t.Errorf("%s before the merge: %+v", u, got)
		}
	}
	if got := cov["凤凰县"].Totals.Unassigned; got != 36-21 {
		t.Errorf("凤凰县 unassigned before the merge: %d, want categories 4 to 7's 15", got)
	}
	text := lead.zh("coverage", "--period", "2021")
	for _, want := range []string{"吉首市/2021 0/36 已记录，0 项未分配", "凤凰县/2021 0/36 已记录，15 项未分配"} {
		if !strings.Contains(text, want) {
			t.Errorf("coverage before the merge lacks %q:\n%s", want, text)
		}
	}

	other := laptop{t, filepath.Join(dir, "组长2.db"), lead.config}
	copyFile(t, lead.db, other.db)
	lead.ok("merge", "--into", lead.db, zhang.db, li.db)
	other.ok("merge", "--into", other.db, li.db, zhang.db)
	cov = lead.coverageOf()
	if b, _ := json.Marshal(other.coverageOf()); string(b) != mustJSON(t, cov) {
		t.Error("the coverage depends on the order the laptops were merged in")
	}
	jishou, luxi, fenghuang := cov["吉首市"], cov["泸溪县"], cov["凤凰县"]
	if got := jishou.Totals; got != (coverageTotalsJSON{Indicators: 36, Recorded: 2, Unassigned: 0, DoubleCovered: 0, OutsideWrites: 0}) {
		t.Errorf("吉首市 (double scored blind) after the merge: %+v", got)
	}
	if ic := indicatorOf(t, jishou, "1.3"); strings.Join(ic.RecordedBy, ",") != "张三,李四" || ic.DoubleCovered {
		t.Errorf("吉首市 1.3: %+v", ic)
	}
	if got := luxi.Totals; got != (coverageTotalsJSON{Indicators: 36, Recorded: 3, Unassigned: 0, DoubleCovered: 1, OutsideWrites: 1}) {
		t.Errorf("泸溪县 after the merge: %+v", got)
	}
	if ic := indicatorOf(t, luxi, "5.1"); !ic.DoubleCovered || len(ic.Outside) != 1 || ic.Outside[0] != (outsideJSON{"张三", 1}) ||
		strings.Join(ic.Assigned, ",") != "李四" {
		t.Errorf("泸溪县 5.1, 李四's, also written by 张三: %+v", ic)
	}
	if ic := indicatorOf(t, fenghuang, "4.2"); !ic.Unassigned || ic.Recorded {
		t.Errorf("凤凰县 4.2: %+v", ic)
	}
	text = lead.zh("coverage", "--period", "2021")
	for _, want := range []string{"吉首市/2021 2/36 已记录，0 项未分配", "泸溪县/2021 3/36 已记录，0 项未分配，1 项多人覆盖（未设背靠背），1 次记录超出分工",
		"凤凰县/2021 1/36 已记录，15 项未分配", "5.1   李四  张三、李四  多人覆盖、超出分工：张三 1 次"} {
		if !strings.Contains(text, want) {
			t.Errorf("coverage after the merge lacks %q:\n%s", want, text)
		}
	}

	// 张三's workbench on the merged file, before and after the reveal.
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Log("tmux is not installed: the workbench is not looked at")
		return
	}
	screen := workbenchOf(t, lead.db, "张三", "吉首市", "1.3")
	if !strings.Contains(screen, "背靠背评分：对方结果已隐藏，待组长揭示") || !strings.Contains(screen, "[1]") ||
		strings.Contains(screen, "缺2项") || strings.Contains(screen, "冲突") {
		t.Fatalf("张三's blind workbench shows 李四's 1.3.a, or not his own:\n%s", screen)
	}
	lead.zh("plan", "reveal", "吉首市")
	screen = workbenchOf(t, lead.db, "张三", "吉首市", "1.3")
	if strings.Contains(screen, "对方结果已隐藏") || !strings.Contains(screen, "李四") {
		t.Fatalf("after the reveal 张三's workbench still hides 李四's 1.3.a:\n%s", screen)
	}
}

// refusedPlan runs a command that must fail saying want and checks that the
// laptop's database is unchanged: the same plan and coverage.
func (l laptop) refusedPlan(t *testing.T, want string, args ...string) {
	t.Helper()
	before := l.ok("plan", "list", "--json") + l.ok("coverage", "--period", "2021", "--json")
	if r := l.run(args...); r.code == 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("kaohe %s: exit %d, want a refusal saying %q\n%s", strings.Join(args, " "), r.code, want, r.stderr)
	}
	if after := l.ok("plan", "list", "--json") + l.ok("coverage", "--period", "2021", "--json"); after != before {
		t.Errorf("kaohe %s was refused but changed the database", strings.Join(args, " "))
	}
}

// workbenchOf runs the real workbench on db as inspector in a private
// tmux server at 120×40, opens unit's assessment, goes to indicator and
// returns the screen.
func workbenchOf(t *testing.T, db, inspector, unit, indicator string) string {
	t.Helper()
	sock := "kaohe-test-" + filepath.Base(t.TempDir())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := "env KAOHE_TEST_AS_KAOHE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color KAOHE_DB=" + db +
		" KAOHE_INSPECTOR=" + inspector + " KAOHE_CONFIG=" + t.TempDir() + " " + self + " --lang zh"
	tmux("new-session", "-d", "-x", "120", "-y", "40", cmd)
	defer exec.Command("tmux", "-L", sock, "kill-server").Run()
	screenHas := func(want string) string {
		var s string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if s = tmux("capture-pane", "-p"); strings.Contains(s, want) {
				return s
			}
		}
		t.Fatalf("the workbench never showed %q:\n%s", want, s)
		return s
	}
	screenHas("考核列表")
	tmux("send-keys", "/")
	tmux("send-keys", "-l", unit)
	tmux("send-keys", "Enter")
	tmux("send-keys", "Enter")
	screenHas(unit + "/2021")
	tmux("send-keys", "/")
	tmux("send-keys", "-l", indicator)
	tmux("send-keys", "Enter")
	return screenHas("/ " + indicator)
}

// copyFile copies a closed database file.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
