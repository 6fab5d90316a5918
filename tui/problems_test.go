package tui

import (
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// cleanChanges records every rule of rb at the finding that deducts
// nothing, as a clean pass would.
func cleanChanges(t *testing.T, rb *rubric.Rubric) []store.Change {
	t.Helper()
	var cs []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			switch r.Kind {
			case rubric.Flag, rubric.Bonus, rubric.Veto:
				cs = append(cs, seed.SetJSON(t, r.ID, "false", ""))
			case rubric.Count:
				cs = append(cs, seed.SetJSON(t, r.ID, "0", ""))
			default:
				cs = append(cs, seed.SetJSON(t, r.ID, cleanFigure(r), ""))
			}
		}
	}
	return cs
}

// problemsHarness is the harness on 吉首市/2021 signed clean but for
// three deductions — 1.1.a found with its reason, 2.1.b counting 2 and
// 2.3.a recorded as one item (殡葬) — and 凤凰县/2021 signed with 1.6.b
// found and 1.2.a counting 1 without a note. The
// store's clock starts at 2026-11-26 09:00 UTC (the TUI's day) and ticks
// a second a write; it ends on the list.
func problemsHarness(t *testing.T, opts ...harnessOpt) *harness {
	t.Helper()
	rb := rubric.Default()
	tick := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	s, err := store.Open(filepath.Join(fastDir(t), "kaohe.db"), store.Options{Now: func() time.Time {
		tick = tick.Add(time.Second)
		return tick
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	signed := func(unit string, edit map[string]store.Change, items ...string) store.Assessment {
		a, _, err := s.CreateAssessment(id, rb, unit, "2021")
		if err != nil {
			t.Fatal(err)
		}
		cs := cleanChanges(t, rb)
		for i, c := range cs {
			if e, ok := edit[c.Subject]; ok {
				cs[i] = e
			}
		}
		seed.Record(t, s, id, a.ID, cs...)
		for _, text := range items {
			if _, err := s.AddItem(id, a.ID, "2.3.a", text, nil, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Sign(id, a.ID, false); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := signed("吉首市", map[string]store.Change{"1.1.a": seed.SetJSON(t, "1.1.a", "true", "未按时完成事项梳理"),
		"2.1.b": seed.SetJSON(t, "2.1.b", "2", "2个事项未进驻大厅"), "2.3.a": store.Retract("2.3.a")}, "殡葬")
	signed("凤凰县", map[string]store.Change{"1.6.b": seed.SetJSON(t, "1.6.b", "true", "工程建设项目审批业务没有进驻"),
		"1.2.a": seed.SetJSON(t, "1.2.a", "1", "")})
	be := &flakyBackend{StoreBackend: StoreBackend{Store: s}}
	o := Options{Backend: be, Labels: i18n.For("zh"), RetryDelay: time.Millisecond, PollInterval: -1, Dark: true,
		Now:      func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) },
		OpenFile: func(string) error { return nil }}
	for _, f := range opts {
		f(&o)
	}
	h := &harness{t: t, m: New(o), be: be, s: s, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	if h.m.front != screenPicker {
		t.Fatalf("the list did not open:\n%s", h.screen())
	}
	return h
}

// problem is the stored problem of 吉首市/2021 with this ID (or the first
// of this rule).
func (h *harness) problem(id string) assessment.Problem {
	h.t.Helper()
	st, err := h.s.State(h.a.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	ps, err := store.ProblemsOf(st)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, p := range ps {
		if p.ID == id || p.Key == id || p.Rule == id {
			return p
		}
	}
	h.t.Fatalf("no problem %s in %v", id, ps)
	return assessment.Problem{}
}

// moveTo presses j (from the top) until the 问题 screen's cursor is on
// the problem of 吉首市 whose ID starts with prefix.
func (h *harness) moveTo(prefix string) assessment.Problem {
	h.t.Helper()
	s := h.m.problems
	for range 2 * len(s.rows) {
		if r := s.selected(); r != nil && r.aid == h.a.ID && strings.HasPrefix(r.p.ID, prefix) {
			return r.p
		}
		h.keys("j")
	}
	h.keys("k k k k k k k k k k k k k k k k")
	for range 2 * len(s.rows) {
		if r := s.selected(); r != nil && r.aid == h.a.ID && strings.HasPrefix(r.p.ID, prefix) {
			return r.p
		}
		h.keys("j")
	}
	h.t.Fatalf("no problem %s of 吉首市 on screen:\n%s", prefix, h.screen())
	return assessment.Problem{}
}

// The whole cycle on the 问题 screen, from the list: one due date for all
// of 吉首市's problems, a rectification with its evidence file, 销号, a
// close refused before any rectification, a return with its reason; the
// store holds each step, 逾期 is counted on the TUI's day and the filters
// keep what they say.
func TestProblemsCycleAssignRectifyCloseReturn(t *testing.T) {
	h := problemsHarness(t)
	photo := filepath.Join(t.TempDir(), "整改照片.jpg")
	if err := os.WriteFile(photo, []byte("photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.keys("P")
	if h.m.front != screenProblems {
		t.Fatalf("P on the list did not open the 问题 screen:\n%s", h.screen())
	}
	// A deduction without a note says what its rule deducts for.
	h.mustContain("吉首市 2021：3 个问题", "凤凰县 2021：2 个问题", "未按时完成事项梳理", "殡葬", "未按时下放、承接、取消的事项")

	// d: one due date and owner for every problem of 吉首市, none of 凤凰县.
	h.moveTo("1.1.a")
	h.keys("d")
	h.typeText("2026-11-31")
	h.keys("enter")
	if !strings.Contains(h.statusLine(), "不是日期") {
		t.Fatalf("a date that is no date was taken:\n%s", h.screen())
	}
	h.keys("backspace backspace")
	h.typeText("20")
	h.keys("enter")
	h.typeText("县政务服务中心")
	h.keys("enter")
	for _, id := range []string{"1.1.a", "2.1.b", "2.3.a"} {
		if rec := h.problem(id).Record; rec == nil || rec.Due != "2026-11-20" || rec.Owner != "县政务服务中心" {
			t.Fatalf("%s after d: %+v", id, rec)
		}
	}
	h.mustContain("已为 3 个问题设定整改时限 2026-11-20", "逾期6天")
	if st, _ := h.s.States(); len(st) == 2 {
		for _, x := range st {
			if x.Assessment.Unit == "凤凰县" {
				ps, _ := store.ProblemsOf(x)
				if ps[0].Record != nil {
					t.Fatalf("d on 吉首市 changed 凤凰县's problem: %+v", ps[0].Record)
				}
			}
		}
	}

	// r: the measure, the day it was done (today, as proposed), a file.
	h.moveTo("2.3.a")
	h.keys("r")
	h.typeText("已补齐殡葬办事指南")
	h.keys("enter enter")
	h.typeText(photo)
	h.keys("enter")
	h.mustContain("已选：整改照片.jpg")
	h.keys("enter")
	p := h.problem("2.3.a")
	if p.Status != assessment.ProblemRectifying || p.Record.Measure != "已补齐殡葬办事指南" || p.Record.DoneOn != "2026-11-26" {
		t.Fatalf("2.3.a after r: %s %+v", p.Status, p.Record)
	}
	st, err := h.s.State(h.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ev := st.Attachments(assessment.ProblemSubject(p.Key)); len(ev) != 1 || ev[0].Name != "整改照片.jpg" {
		t.Fatalf("2.3.a's evidence: %+v", ev)
	}
	h.mustContain("已记录 2.3.a", "整改措施：已补齐殡葬办事指南", "佐证材料 1 份：整改照片.jpg")

	// c: 销号 with a note.
	h.keys("c")
	h.typeText("现场核实，已公示")
	h.keys("enter")
	if p := h.problem("2.3.a"); p.Status != assessment.ProblemClosed || p.Revision.Note != "现场核实，已公示" {
		t.Fatalf("2.3.a after c: %s %q", p.Status, p.Revision.Note)
	}
	h.mustContain("— 已销号")
	// A closed problem takes nothing more.
	h.moveTo("2.3.a")
	h.keys("r")
	if !strings.Contains(h.statusLine(), "已销号，不再记录变更") || h.m.problems.prompt != nil {
		t.Fatalf("r on a closed problem:\n%s", h.screen())
	}

	// c before any rectification is refused, and writes nothing.
	h.moveTo("1.1.a")
	before := h.problem("1.1.a").Revision.ID
	h.keys("c")
	if !strings.Contains(h.statusLine(), "尚未报送整改情况") || h.problem("1.1.a").Revision.ID != before {
		t.Fatalf("c on an open problem:\n%s", h.screen())
	}

	// r then t: returned, with its reason required.
	h.keys("r")
	h.typeText("已建立梳理台账")
	h.keys("enter enter enter")
	if h.problem("1.1.a").Status != assessment.ProblemRectifying {
		t.Fatalf("1.1.a after r: %s", h.problem("1.1.a").Status)
	}
	h.moveTo("1.1.a")
	h.keys("t enter")
	if !strings.Contains(h.statusLine(), "请写明退回理由") {
		t.Fatalf("an empty reason was taken:\n%s", h.screen())
	}
	h.typeText("台账未覆盖乡镇事项")
	h.keys("enter")
	if p := h.problem("1.1.a"); p.Status != assessment.ProblemReturned || p.Revision.Note != "台账未覆盖乡镇事项" {
		t.Fatalf("1.1.a after t: %s %q", p.Status, p.Revision.Note)
	}
	h.mustContain("— 退回", "理由：台账未覆盖乡镇事项")

	// f: the state filter; 逾期 keeps the returned one and the open one,
	// not the closed one nor 凤凰县's (no due date).
	h.keys("f f f f")
	h.mustContain("状态：逾期", "1.1.a", "2.1.b")
	for _, gone := range []string{"2.3.a", "1.6.b"} {
		if strings.Contains(h.screen(), gone) {
			t.Fatalf("the 逾期 filter shows %s:\n%s", gone, h.screen())
		}
	}
	// u: the unit filter.
	h.keys("f f f u u")
	h.mustContain("单位：凤凰县", "1.6.b")
	if strings.Contains(h.screen(), "吉首市 2021：") {
		t.Fatalf("the unit filter shows 吉首市:\n%s", h.screen())
	}
	// d again moves the returned one's date too; it stays 退回.
	h.keys("u")
	h.moveTo("1.1.a")
	h.keys("d backspace backspace")
	h.typeText("30")
	h.keys("enter enter")
	if p := h.problem("1.1.a"); p.Status != assessment.ProblemReturned || p.Record.Due != "2026-11-30" {
		t.Fatalf("1.1.a after d: %s %+v\n%s", p.Status, p.Record, h.screen())
	}
	h.keys("b")
	if h.m.front != screenPicker {
		t.Fatalf("b did not return to the list:\n%s", h.screen())
	}
}

// From the workbench, P shows that assessment's problems only, and b
// returns to the workbench where it was; an unsigned one says why it has
// none.
func TestProblemsFromTheWorkbench(t *testing.T) {
	h := problemsHarness(t)
	h.keys("enter")
	if h.m.front != screenWorkbench || h.m.wb.a.ID != h.a.ID {
		t.Fatalf("enter did not open 吉首市:\n%s", h.screen())
	}
	h.gotoIndicator("2.3")
	h.keys("P")
	if h.m.front != screenProblems {
		t.Fatalf("P in the workbench did not open the 问题 screen:\n%s", h.screen())
	}
	h.mustContain("问题清单（以考促改）  吉首市 2021", "吉首市 2021：3 个问题")
	if strings.Contains(h.screen(), "凤凰县") {
		t.Fatalf("the workbench's 问题 screen shows another unit:\n%s", h.screen())
	}
	h.keys("b")
	if h.m.front != screenWorkbench || h.m.wb.current().ID != "2.3" {
		t.Fatalf("b did not return to the workbench on 2.3:\n%s", h.screen())
	}

	draft, _, err := h.s.CreateAssessment(h.m.c.id, rubric.Default(), "花垣县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	h.keys("b")
	for range 3 {
		if h.m.picker.states[h.m.picker.shown[h.m.picker.sel]].Assessment.ID == draft.ID {
			break
		}
		h.keys("j")
	}
	h.keys("enter P")
	h.mustContain("问题清单（以考促改）  花垣县 2021", "花垣县/2021 尚未签署，签署后其扣分才成为问题", "没有问题")
}

// A problem whose record was changed in two places is marked 冲突; a
// change is refused with what to do and writes nothing, and the same key
// again makes the change settle the conflict.
func TestProblemsInConflict(t *testing.T) {
	h := problemsHarness(t)
	id := h.m.c.id
	for _, due := range []string{"2026-12-01", "2026-12-15"} {
		rec := assessment.ProblemRecord{Action: assessment.ActionAssign, Status: assessment.ProblemOpen, Due: due}
		if _, err := h.s.Record(id, h.a.ID, store.Change{Subject: assessment.ProblemSubject("1.1.a"),
			Value: assessment.ProblemValue(rec), Seen: []string{}}); err != nil {
			t.Fatal(err)
		}
	}
	if !h.problem("1.1.a").Conflict {
		t.Fatal("the two records made no conflict")
	}
	h.keys("P")
	h.moveTo("1.1.a")
	h.mustContain("[冲突] 未按时完成事项梳理")
	before, _ := h.s.History(h.a.ID, "")
	h.keys("r")
	if got := h.statusLine(); !strings.Contains(got, "1.1.a 有冲突") || !strings.Contains(got, "再按一次 r") || h.m.problems.prompt != nil {
		t.Fatalf("r on a problem in conflict:\n%s", h.screen())
	}
	if after, _ := h.s.History(h.a.ID, ""); len(after) != len(before) {
		t.Fatalf("the refused change wrote %d revisions", len(after)-len(before))
	}
	h.keys("r")
	h.typeText("已建立梳理台账")
	h.keys("enter enter enter")
	p := h.problem("1.1.a")
	if p.Conflict || p.Status != assessment.ProblemRectifying || p.Record.Due == "" {
		t.Fatalf("r r did not settle the conflict: conflict %v, %s %+v", p.Conflict, p.Status, p.Record)
	}
	if strings.Contains(h.screen(), "[冲突]") {
		t.Fatalf("the settled problem is still marked:\n%s", h.screen())
	}
}

// The 问题 screen's whole frame at 120×40 and 80×24 (rewritten with
// -update), on problems in every state but withdrawn: 2.1.b open and
// overdue, 1.1.a returned, 2.3.a's item closed, 凤凰县's 1.6.b without a
// due date; and the due-date prompt at 80×24.
func TestGoldenProblemsScreen(t *testing.T) {
	itemIDs := regexp.MustCompile(`#[0-9a-f]{8}`) // items' short IDs, random in each run
	for _, lang := range []string{"zh", "en"} {
		h := problemsHarness(t, withLang(lang))
		id := h.m.c.id
		act := func(refs []string, all bool, a store.ProblemAction) {
			t.Helper()
			if _, err := h.s.ActOnProblems(id, h.a.ID, refs, all, a); err != nil {
				t.Fatal(err)
			}
		}
		act(nil, true, store.ProblemAction{Action: assessment.ActionAssign, Due: "2026-11-20", Owner: "县政务服务中心"})
		item := h.problem("2.3.a").Key
		act([]string{item}, false, store.ProblemAction{Action: assessment.ActionRectify, Measure: "已补齐殡葬办事指南并公示", DoneOn: "2026-11-18",
			Responsible: "李明", Source: assessment.SourceCounty})
		act([]string{item}, false, store.ProblemAction{Action: assessment.ActionClose, Note: "现场核实"})
		act([]string{"1.1.a"}, false, store.ProblemAction{Action: assessment.ActionRectify, Measure: "已建立梳理台账"})
		act([]string{"1.1.a"}, false, store.ProblemAction{Action: assessment.ActionReturn, Note: "台账未覆盖乡镇事项"})
		h.keys("P")
		h.moveTo("1.1.a")
		shot := func(name string) {
			t.Helper()
			golden(t, "problems_"+lang+"_"+name, itemIDs.ReplaceAllString(h.screen(), "#xxxxxxxx")+"\n")
		}
		shot("120x40")
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		shot("80x24")
		h.keys("d")
		shot("due_80x24")
		h.keys("esc")
	}
}

// The 问题 screen's footer always shows help and quit (ctrl+c while
// typing) within the width, and its help lists every key at 80×24.
func TestProblemsFooterAndHelp(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := problemsHarness(t, withLang(lang))
		help := i18n.For(lang).UI.Help
		for _, w := range []int{72, 80, 120} {
			h.keys("P")
			h.send(tea.WindowSizeMsg{Width: w, Height: 24})
			for _, step := range []string{"", "/", "esc d", "esc r", "x enter enter"} {
				h.keys(step)
				lines := strings.Split(h.screen(), "\n")
				footer := lines[len(lines)-1]
				want := "? " + help["help"]
				if h.m.problems.typing() {
					want = "ctrl+c " + help["quit"]
				}
				if !strings.Contains(footer, want) || textwidth.Width(footer) > w {
					t.Errorf("%s %d wide after %q: footer %q", lang, w, step, footer)
				}
			}
			h.keys("esc esc") // the prompt, then the screen
		}
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.keys("P ?")
		screen := h.screen()
		for _, g := range h.m.problems.fullHelp() {
			for _, b := range g {
				if hb := b.Help(); !strings.Contains(screen, hb.Key+" ") || !strings.Contains(screen, hb.Desc) {
					t.Errorf("%s: help lacks %q %q:\n%s", lang, hb.Key, hb.Desc, screen)
				}
			}
		}
	}
}

// Scrolled past a unit's head, the list keeps that head on its first line:
// the rows under it still say whose problems they are.
func TestProblemsListKeepsTheUnitHeadWhenScrolled(t *testing.T) {
	h := problemsHarness(t)
	id := h.m.c.id
	a, _, err := h.s.CreateAssessment(id, rubric.Default(), "花垣县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	cs := cleanChanges(t, rubric.Default())
	found := map[string]bool{"1.1.a": true, "1.1.b": true, "1.4.a": true, "1.5.a": true, "1.6.a": true, "1.6.b": true, "1.6.c": true, "1.7.a": true, "2.1.a": true, "2.2.a": true, "2.2.b": true}
	for i, c := range cs {
		if found[c.Subject] {
			cs[i] = seed.SetJSON(t, c.Subject, "true", "")
		}
	}
	seed.Record(t, h.s, id, a.ID, cs...)
	if _, err := h.s.Sign(id, a.ID, false); err != nil {
		t.Fatal(err)
	}
	h.keys("P")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 20})
	for range 20 {
		h.keys("j")
	}
	if r := h.m.problems.selected(); r == nil || r.unit != "花垣县" || r.p.ID != "2.2.b" {
		t.Fatalf("the cursor is not on 花垣县's 2.2.b:\n%s", h.screen())
	}
	lines := strings.Split(h.screen(), "\n")
	if !strings.HasPrefix(lines[4], " 花垣县 2021：11 个问题") {
		t.Fatalf("the first row under the column heads is %q, not 花垣县's head:\n%s", lines[4], h.screen())
	}
	for range 20 {
		h.keys("k")
	}
	lines = strings.Split(h.screen(), "\n")
	if !strings.HasPrefix(lines[4], " 吉首市 2021：3 个问题") {
		t.Fatalf("back at the top, the first row is %q:\n%s", lines[4], h.screen())
	}
}

// One due date for a unit with two problems in conflict is refused,
// naming one; d again sets it on all and settles both conflicts.
func TestProblemsDueForAllSettlesEveryConflict(t *testing.T) {
	h := problemsHarness(t)
	id := h.m.c.id
	for _, ref := range []string{"1.1.a", "2.1.b"} {
		for _, due := range []string{"2026-12-01", "2026-12-15"} {
			rec := assessment.ProblemRecord{Action: assessment.ActionAssign, Status: assessment.ProblemOpen, Due: due}
			if _, err := h.s.Record(id, h.a.ID, store.Change{Subject: assessment.ProblemSubject(ref),
				Value: assessment.ProblemValue(rec), Seen: []string{}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	h.keys("P")
	h.moveTo("2.3.a")
	h.keys("d")
	if !strings.Contains(h.statusLine(), "1.1.a 有冲突") || h.m.problems.prompt != nil {
		t.Fatalf("d with problems in conflict:\n%s", h.screen())
	}
	h.keys("d")
	h.typeText("2026-12-20")
	h.keys("enter enter")
	for _, ref := range []string{"1.1.a", "2.1.b", "2.3.a"} {
		if p := h.problem(ref); p.Conflict || p.Record == nil || p.Record.Due != "2026-12-20" {
			t.Fatalf("%s after d d: conflict %v, %+v\n%s", ref, p.Conflict, p.Record, h.screen())
		}
	}
}

// An overdue problem's row is drawn in the error colour (red); one not
// overdue is not.
func TestProblemsOverdueInRed(t *testing.T) {
	h := problemsHarness(t)
	if _, err := h.s.ActOnProblems(h.m.c.id, h.a.ID, []string{"2.1.b"}, false,
		store.ProblemAction{Action: assessment.ActionAssign, Due: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.ActOnProblems(h.m.c.id, h.a.ID, []string{"1.1.a"}, false,
		store.ProblemAction{Action: assessment.ActionAssign, Due: "2026-11-26"}); err != nil {
		t.Fatal(err)
	}
	h.keys("P")
	h.moveTo("2.3.a")
	var overdue, due string
	for _, line := range strings.Split(h.m.render(), "\n") {
		switch plain := ansi.Strip(line); {
		case strings.Contains(plain, "2.1.b "):
			overdue = line
		case strings.Contains(plain, "1.1.a "):
			due = line
		}
	}
	red := h.m.c.styles.Error.Render("x")
	red = red[:strings.Index(red, "x")]
	if red == "" {
		t.Fatal("the error style draws no colour here")
	}
	if !strings.HasPrefix(overdue, red) || !strings.Contains(ansi.Strip(overdue), "逾期1天") {
		t.Errorf("the overdue row is not red: %q", overdue)
	}
	if strings.HasPrefix(due, red) || strings.Contains(due, "逾期") {
		t.Errorf("a problem due today is drawn overdue: %q", due)
	}
}

// An evidence path that names no file is said at once, under the prompt,
// and not chosen; a rectification the store then refuses (the assessment
// was reopened meanwhile) records nothing and opens the prompt again with
// what was typed.
func TestProblemsRefusedRectificationKeepsWhatWasTyped(t *testing.T) {
	h := problemsHarness(t)
	dir := t.TempDir()
	photo := filepath.Join(dir, "台账.jpg")
	if err := os.WriteFile(photo, []byte("jpg"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.keys("P")
	h.moveTo("1.1.a")
	h.keys("r")
	h.typeText("已建立梳理台账")
	h.keys("enter enter")
	h.typeText(filepath.Join(dir, "没有这个文件.jpg"))
	h.keys("enter")
	p := h.m.problems.prompt
	if !strings.Contains(h.statusLine(), "没有这个文件.jpg: 没有这个文件") || p == nil || p.attach == nil || len(p.chosen) != 0 {
		t.Fatalf("a path naming no file:\n%s", h.screen())
	}
	p.attach.input.SetValue(photo)
	h.keys("enter")
	if len(p.chosen) != 1 {
		t.Fatalf("the file was not chosen:\n%s", h.screen())
	}
	if _, err := h.s.Reopen(h.m.c.id, h.a.ID, "补录"); err != nil {
		t.Fatal(err)
	}
	before, _ := h.s.History(h.a.ID, "")
	h.keys("enter")
	if after, _ := h.s.History(h.a.ID, ""); len(after) != len(before) {
		t.Fatalf("a refused rectification wrote %d revisions", len(after)-len(before))
	}
	if !strings.Contains(h.statusLine(), "尚未签署") {
		t.Fatalf("the refusal is not shown:\n%s", h.screen())
	}
	p = h.m.problems.prompt
	if p == nil || p.fields[0].input.Value() != "已建立梳理台账" || len(p.chosen) != 1 {
		t.Fatalf("the prompt was not opened again with what was typed:\n%s", h.screen())
	}
	h.mustContain("整改措施：已建立梳理台账")
}
