//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// problems is `kaohe problem list … --json` on the laptop's database.
func (l laptop) problems(args ...string) []problemJSON {
	l.t.Helper()
	var out []problemJSON
	if err := json.Unmarshal([]byte(l.ok(append([]string{"problem", "list"}, append(args, "--json")...)...)), &out); err != nil {
		l.t.Fatal(err)
	}
	return out
}

// zh runs kaohe in Chinese (the last --lang wins over proc's --lang en).
func (l laptop) zh(args ...string) string {
	l.t.Helper()
	return l.ok(append([]string{"--lang", "zh"}, args...)...)
}

// refused runs a command that must fail, and checks that it said why
// (want, in its stderr) and that the database is as it was: the same
// history and the same problems.
func (l laptop) refused(want string, args ...string) {
	l.t.Helper()
	before := l.ok("history", "吉首市/2021", "--json") + l.ok("problem", "list", "--json", "--as-of", "2026-12-01")
	r := l.run(args...)
	if r.code == 0 || !strings.Contains(r.stderr, want) {
		l.t.Errorf("kaohe %s: exit %d, want a refusal saying %q\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	if after := l.ok("history", "吉首市/2021", "--json") + l.ok("problem", "list", "--json", "--as-of", "2026-12-01"); after != before {
		l.t.Errorf("kaohe %s was refused but changed the database", strings.Join(args, " "))
	}
}

// recordDeductions records four deductions on 吉首市/2021: a flag with
// its reason (1.1.a), two items of a count rule (1.2.a 殡葬, 人防) and a
// count (1.3.a).
func recordDeductions(l laptop) {
	l.ok("new", "吉首市", "2021")
	l.ok("set", "吉首市/2021", "1.1.a", "true", "--note", "未建立工作机制")
	l.ok("item", "add", "吉首市/2021", "1.2.a", "殡葬")
	l.ok("item", "add", "吉首市/2021", "1.2.a", "人防")
	l.ok("set", "吉首市/2021", "1.3.a", "2", "--note", "实施清单不达标")
}

// idOf is the ID of the listed problem whose finding is found.
func idOf(t *testing.T, ps []problemJSON, found string) string {
	t.Helper()
	for _, p := range ps {
		if p.Found == found {
			return p.ID
		}
	}
	t.Fatalf("no problem %q in %+v", found, ps)
	return ""
}

// statuses maps each listed problem's finding to its state.
func statuses(ps []problemJSON) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		out[p.Found] = p.Status
	}
	return out
}

// The office's whole cycle through the binary: nothing to rectify before
// the sign-off (and a change refused with the hint to sign); then the
// four deductions listed in Chinese as 待整改, due dates for all, a
// rectification with evidence closed (销号), another returned (退回), the
// returned one 逾期 as of a day past its deadline, --status and --json
// saying the same, show giving the whole history, and every refusal
// leaving the database as it was.
func TestProblemLifecycleThroughTheBinary(t *testing.T) {
	dir := t.TempDir()
	l := laptop{t, filepath.Join(dir, "办.db"), filepath.Join(dir, "office")}
	l.ok("init", "--inspector", "张三")
	recordDeductions(l)

	if out := l.zh("problem", "list"); !strings.Contains(out, "没有问题") {
		t.Errorf("problems before the sign-off:\n%s", out)
	}
	l.refused("is not signed", "problem", "assign", "吉首市/2021", "1", "--due", "2026-12-31")
	if r := l.run("--lang", "zh", "problem", "assign", "吉首市/2021", "--all", "--due", "2026-12-31"); !strings.Contains(r.stderr, "尚未签署") || !strings.Contains(r.stderr, "kaohe sign") {
		t.Errorf("the refusal in Chinese names no way on: %s", r.stderr)
	}
	l.ok("sign", "吉首市/2021", "--allow-incomplete")

	out := l.zh("problem", "list", "--as-of", "2026-12-01")
	for _, want := range []string{"序号", "问题编号", "单位", "指标", "问题", "扣分", "状态", "整改时限", "责任单位", "最近变更",
		"1.1.a", "未建立工作机制", "1.00", "殡葬", "人防", "0.20", "实施清单不达标", "待整改"} {
		if !strings.Contains(out, want) {
			t.Errorf("problem list has no %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "待整改"); n != 4 {
		t.Errorf("%d problems 待整改, want 4:\n%s", n, out)
	}
	ps := l.problems()
	burial, civil := idOf(t, ps, "殡葬"), idOf(t, ps, "人防")
	if len(ps) != 4 || ps[0].ID != "1.1.a" || ps[0].Points != "1" || ps[0].Unit != "吉首市" || ps[0].Indicator != "1.1" || ps[0].Number != 1 ||
		ps[3].ID != "1.3.a" || ps[3].Points != "0.2" || !strings.HasPrefix(burial, "1.2.a#") {
		t.Fatalf("problem list --json: %+v", ps)
	}

	// Refusals, each leaving everything as it was.
	l.refused("has no rectification reported to accept", "problem", "close", "吉首市/2021", "1.1.a")
	l.refused("has no problem", "problem", "assign", "吉首市/2021", "9.9.z", "--due", "2026-12-31")
	l.refused("is not a date", "problem", "assign", "吉首市/2021", "--all", "--due", "2026-13-01")
	l.refused("needs its measure", "problem", "rectify", "吉首市/2021", "1.3.a")
	l.refused("no such file", "problem", "rectify", "吉首市/2021", "1.3.a", "--measure", "已整改", "--evidence", filepath.Join(dir, "无.pdf"))
	l.refused("not both", "problem", "assign", "吉首市/2021", "1.1.a", "--all", "--due", "2026-12-31")

	if out := l.ok("problem", "assign", "吉首市/2021", "--all", "--due", "2026-12-31", "--owner", "吉首市政务服务中心"); strings.Count(out, "assigned, now open") != 4 {
		t.Errorf("assign --all says:\n%s", out)
	}
	if out := l.ok("problem", "assign", "吉首市/2021", "--all", "--due", "2026-12-31"); !strings.Contains(out, "no problem record changed") {
		t.Errorf("the same assignment again says:\n%s", out)
	}
	report := filepath.Join(dir, "整改报告.pdf")
	if err := os.WriteFile(report, []byte("%PDF-1.4 整改报告"), 0o644); err != nil {
		t.Fatal(err)
	}
	l.ok("problem", "rectify", "吉首市/2021", burial, "--measure", "已补充殡葬办事指南", "--done-on", "2026-12-10", "--evidence", report)
	l.ok("problem", "close", "吉首市/2021", burial, "--note", "现场核实")
	l.refused("is closed", "problem", "rectify", "吉首市/2021", burial, "--measure", "再次整改")
	l.ok("problem", "rectify", "吉首市/2021", "1.3.a", "--measure", "已重新填报实施清单")
	l.refused("needs its reason", "problem", "return", "吉首市/2021", "1.3.a")
	l.ok("problem", "return", "吉首市/2021", "1.3.a", "--reason", "仍有2个清单不达标")

	before := l.zh("problem", "list", "--as-of", "2026-12-31")
	if strings.Contains(before, "逾期") || !strings.Contains(before, "已销号") || !strings.Contains(before, "退回") {
		t.Errorf("on the due date nothing is overdue:\n%s", before)
	}
	after := l.zh("problem", "list", "--as-of", "2027-01-05")
	for _, line := range strings.Split(after, "\n") {
		switch {
		case strings.Contains(line, "实施清单不达标"):
			if !strings.Contains(line, "退回 逾期5天") || !strings.Contains(line, "2026-12-31") || !strings.Contains(line, "吉首市政务服务") {
				t.Errorf("the returned one past its due date: %s", line)
			}
		case strings.Contains(line, "殡葬"):
			if strings.Contains(line, "逾期") || !strings.Contains(line, "已销号") {
				t.Errorf("the closed one is never overdue: %s", line)
			}
		}
	}

	filter := func(status string) map[string]string {
		return statuses(l.problems("--status", status, "--as-of", "2027-01-05"))
	}
	for status, want := range map[string]map[string]string{
		"open":       {"未建立工作机制": "open", "人防": "open"},
		"rectifying": {"实施清单不达标": "returned"},
		"returned":   {"实施清单不达标": "returned"},
		"closed":     {"殡葬": "closed"},
		"overdue":    {"未建立工作机制": "open", "人防": "open", "实施清单不达标": "returned"},
	} {
		if got := filter(status); !sameMap(got, want) {
			t.Errorf("--status %s: %v, want %v", status, got, want)
		}
	}
	if got := l.problems("--unit", "凤凰县"); len(got) != 0 {
		t.Errorf("--unit of another unit: %+v", got)
	}
	if got := l.problems("--period", "２０２１", "--unit", " 吉首市 "); len(got) != 4 { // typed as other doors take them
		t.Errorf("--period 2021 --unit 吉首市: %d problems", len(got))
	}
	l.refused("--status takes", "problem", "list", "--status", "done")
	l.refused("--as-of", "problem", "list", "--as-of", "2027/01/05")
	l.refused("not both", "problem", "list", "吉首市/2021", "--period", "2021")
	l.refused("has no problem", "problem", "show", "吉首市/2021", "7")

	ps = l.problems("吉首市/2021", "--as-of", "2027-01-05")
	for _, p := range ps {
		switch p.ID {
		case "1.3.a":
			if p.Status != "returned" || !p.Overdue || p.DaysOverdue != 5 || p.Due != "2026-12-31" || p.Owner != "吉首市政务服务中心" ||
				p.Measure != "已重新填报实施清单" || p.LastChange == nil || p.LastChange.Action != "return" || p.LastChange.Note != "仍有2个清单不达标" ||
				p.LastChange.Inspector != "张三" || p.AsOf != "2027-01-05" {
				t.Errorf("the returned one in JSON: %+v %+v", p, p.LastChange)
			}
		case burial:
			if p.Status != "closed" || p.Overdue || len(p.Evidence) != 1 || p.Evidence[0].Name != "整改报告.pdf" || p.DoneOn != "2026-12-10" {
				t.Errorf("the closed one in JSON: %+v", p)
			}
		case civil:
			if p.Status != "open" || p.DaysOverdue != 5 {
				t.Errorf("the open one in JSON: %+v", p)
			}
		}
	}

	show := l.zh("problem", "show", "吉首市/2021", burial)
	for _, want := range []string{"问题编号 " + burial, "问题：殡葬", "扣分：0.20", "状态：已销号", "整改措施：已补充殡葬办事指南", "完成时间：2026-12-10",
		"佐证材料：整改报告.pdf", "交办 → 待整改", "报送整改 → 整改中", "附佐证材料 整改报告.pdf", "销号 → 已销号", "「现场核实」", "张三"} {
		if !strings.Contains(show, want) {
			t.Errorf("problem show has no %q:\n%s", want, show)
		}
	}
	var shown problemShowJSON
	if err := json.Unmarshal([]byte(l.ok("problem", "show", "吉首市/2021", "1.3.a", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range shown.History {
		actions = append(actions, h.Action+"/"+h.Status)
	}
	if strings.Join(actions, " ") != "assign/open rectify/rectifying return/returned" || shown.History[2].Note != "仍有2个清单不达标" ||
		len(shown.History[2].Parents) != 1 || shown.History[2].Parents[0] != shown.History[1].Revision || !shown.History[2].Head {
		t.Errorf("problem show --json history: %+v", shown.History)
	}
	if out := l.zh("history", "吉首市/2021"); !strings.Contains(out, "报送整改（整改中）：已重新填报实施清单 → 退回（退回）：已重新填报实施清单  「仍有2个清单不达标」") {
		t.Errorf("history does not word the problem's records:\n%s", out)
	}
	if out := l.ok("verify"); !strings.HasPrefix(out, "ok") {
		t.Errorf("verify after the cycle: %s", out)
	}

	// Reopened and changed, a deduction that is gone leaves its problem
	// 已撤销, listed, its history kept, refusing changes.
	l.ok("reopen", "吉首市/2021", "--reason", "1.1.a 复核后不扣分")
	l.ok("set", "吉首市/2021", "1.1.a", "false")
	l.ok("sign", "吉首市/2021", "--allow-incomplete")
	if got := l.problems("--status", "withdrawn"); len(got) != 1 || got[0].ID != "1.1.a" || got[0].Due != "2026-12-31" || got[0].Overdue {
		t.Errorf("--status withdrawn after the deduction is gone: %+v", got)
	}
	if out := l.zh("problem", "list"); !strings.Contains(out, "已撤销") {
		t.Errorf("the withdrawn problem is not listed:\n%s", out)
	}
	l.refused("is withdrawn", "problem", "assign", "吉首市/2021", "1.1.a", "--due", "2027-03-31")
}

// sameMap reports whether two maps hold the same pairs.
func sameMap(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Two laptops each report a rectification of one problem from the same
// record: merged in either order, problem list shows the problem 冲突 the
// same way, a change without --resolve is refused with the hint to add it
// (changing nothing), --resolve settles it, and verify passes — until a
// problem's record is edited by hand in the database.
func TestProblemConflictFromTwoLaptops(t *testing.T) {
	dir := t.TempDir()
	office := laptop{t, filepath.Join(dir, "办.db"), filepath.Join(dir, "office")}
	field := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	office.ok("init", "--inspector", "张三")
	recordDeductions(office)
	office.ok("sign", "吉首市/2021", "--allow-incomplete")
	office.ok("problem", "assign", "吉首市/2021", "--all", "--due", "2026-12-31")
	field.ok("init", "--inspector", "李四")
	field.ok("merge", "--into", field.db, office.db)

	office.ok("problem", "rectify", "吉首市/2021", "1.3.a", "--measure", "已重新填报")
	field.ok("problem", "rectify", "吉首市/2021", "1.3.a", "--measure", "正在重新填报")
	field.ok("problem", "assign", "吉首市/2021", "1.1.a", "--due", "2027-01-31") // no conflict: only one laptop changed it

	one := laptop{t, filepath.Join(dir, "合并1.db"), filepath.Join(dir, "lead")}
	two := laptop{t, filepath.Join(dir, "合并2.db"), filepath.Join(dir, "lead")}
	one.ok("merge", "--into", one.db, office.db, field.db)
	two.ok("merge", "--into", two.db, field.db, office.db)
	list1, list2 := one.zh("problem", "list", "--as-of", "2027-01-05"), two.zh("problem", "list", "--as-of", "2027-01-05")
	if list1 != list2 {
		t.Errorf("the two merge orders list differently:\n%s\n%s", list1, list2)
	}
	if json1, json2 := one.ok("problem", "list", "--json", "--as-of", "2027-01-05"), two.ok("problem", "list", "--json", "--as-of", "2027-01-05"); json1 != json2 {
		t.Errorf("the two merge orders' JSON differ:\n%s\n%s", json1, json2)
	}
	for _, line := range strings.Split(list1, "\n") {
		if strings.Contains(line, "1.3.a") != strings.Contains(line, "冲突") {
			t.Errorf("only 1.3.a is in conflict: %s", line)
		}
		if strings.Contains(line, "1.1.a") && !strings.Contains(line, "2027-01-31") {
			t.Errorf("李四's due date of 1.1.a is kept: %s", line)
		}
	}
	ps := one.problems("--as-of", "2027-01-05")
	if ps[len(ps)-1].ID != "1.3.a" || !ps[len(ps)-1].Conflict || ps[0].Conflict {
		t.Errorf("conflict in JSON: %+v", ps)
	}
	show := one.zh("problem", "show", "吉首市/2021", "1.3.a")
	if strings.Count(show, "冲突的一方") != 2 || !strings.Contains(show, "已重新填报") || !strings.Contains(show, "正在重新填报") || !strings.Contains(show, "李四") {
		t.Errorf("show of a problem in conflict:\n%s", show)
	}

	if out := one.zh("conflicts"); !strings.Contains(out, "报送整改（整改中）：已重新填报") || !strings.Contains(out, "正在重新填报") || !strings.Contains(out, "--resolve") {
		t.Errorf("conflicts of a problem's record:\n%s", out)
	}
	one.ok("init", "--inspector", "王五")
	one.refused("--resolve", "problem", "close", "吉首市/2021", "1.3.a")
	if r := one.run("--lang", "zh", "problem", "close", "吉首市/2021", "1.3.a"); !strings.Contains(r.stderr, "--resolve") || strings.Contains(r.stderr, "kaohe resolve ") {
		t.Errorf("the Chinese refusal of a problem in conflict: %s", r.stderr)
	}
	one.ok("problem", "close", "吉首市/2021", "1.3.a", "--resolve", "--note", "以张三的报送为准")
	settled := one.problems("--status", "closed")
	if len(settled) != 1 || settled[0].ID != "1.3.a" || settled[0].Conflict || settled[0].LastChange.Inspector != "王五" {
		t.Errorf("after --resolve: %+v", settled)
	}
	if out := one.ok("verify"); !strings.HasPrefix(out, "ok") {
		t.Fatalf("verify after the merge and the resolution: %s", out)
	}

	// A hand edit with sqlite3 of a problem's state: verify names it.
	sqlEdit(t, two.db, `UPDATE revision SET value = replace(value, '"status":"rectifying"', '"status":"closed"') WHERE subject = 'problem/1.3.a'`)
	r := two.run("verify")
	if r.code != 1 || !strings.Contains(r.stdout, "problem/1.3.a") || !strings.Contains(r.stdout, "does not match its hash") {
		t.Errorf("verify after a hand-edited problem record: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
