package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kaohe/kaohe/rubric"
)

// history returns the values a subject took, oldest first ("-" retracted).
func (h *harness) history(subject string) []string {
	h.t.Helper()
	revs, err := h.s.History(h.a.ID, subject)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []string
	for _, r := range revs {
		if r.Value == nil {
			out = append(out, "-")
		} else {
			out = append(out, *r.Value)
		}
	}
	return out
}

// Recording takes a deliberate key, the same on every rule.
func TestNoKeyRecordsByAccident(t *testing.T) {
	h := newHarness(t)
	// enter and space on an unrecorded flag record nothing.
	h.keys("enter space")
	if got := h.history("1.1.a"); len(got) != 0 {
		t.Fatalf("enter/space on an unrecorded flag wrote %v", got)
	}
	h.mustContain("按 0 记“否”")
	// 0 records 否 in one press, with no intermediate value.
	h.keys("0")
	if got := strings.Join(h.history("1.1.a"), ","); got != "false" {
		t.Fatalf("0 on a flag wrote %s, want just false", got)
	}
	// 0 on a count records 0.
	h.gotoIndicator("1.3")
	h.keys("0")
	if h.stored("1.3.a") != "0" {
		t.Fatalf("0 on a count stored %q", h.stored("1.3.a"))
	}
	h.keys("p") // 0 completed 1.3 and moved on: back to it
	// x asks before retracting; another key keeps the value.
	h.keys("x")
	h.mustContain("清除 1.3.a 的记录？")
	h.keys("n")
	if h.stored("1.3.a") != "0" {
		t.Fatal("x retracted without confirmation")
	}
	h.keys("x y")
	if h.stored("1.3.a") != "" {
		t.Fatal("x y did not retract")
	}
	// esc never leaves the assessment.
	h.keys("esc esc")
	if h.m.front != screenWorkbench {
		t.Fatal("esc left the assessment")
	}
	// A discretionary 0 needs no reason.
	h.gotoIndicator("3.4")
	h.keys("0 enter")
	if h.stored("3.4.a") != "0" || !h.idle() {
		t.Fatalf("discretion 0 stored %q, mode %d", h.stored("3.4.a"), h.m.wb.mode)
	}
}

func TestUndoRestoresAndSaysWhat(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.2")
	h.keys("3 enter")
	h.gotoIndicator("1.2")
	h.keys("shift+tab")
	if h.m.wb.selectedRule().ID != "1.2.a" {
		t.Fatalf("selected %s", h.m.wb.selectedRule().ID)
	}
	h.keys("+")
	if h.stored("1.2.a") != "4" {
		t.Fatalf("+ stored %q", h.stored("1.2.a"))
	}
	h.keys("u")
	if h.stored("1.2.a") != "3" {
		t.Fatalf("undo stored %q, want 3", h.stored("1.2.a"))
	}
	h.mustContain("已撤销：1.2.a 4 → 3"[:len("已撤销：1.2.a")])
	if got := strings.Join(h.history("1.2.a"), ","); got != "3,4,3" {
		t.Fatalf("history %s: undo must append, not erase", got)
	}
	h.keys("u")
	if h.stored("1.2.a") != "" {
		t.Fatalf("second undo stored %q, want nothing", h.stored("1.2.a"))
	}
	h.keys("u")
	h.mustContain("本次没有可撤销的修改")
}

// o records every unrecorded flag and count of the indicator in one
// transaction and moves on; a partly recorded indicator is marked so.
func TestIndicatorCleanAndProgressMarks(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("4.5")
	h.keys("57000 enter") // 4.5.a short of 60000 by two steps; 4.5.b (discretion) open
	if !strings.Contains(h.screen(), "4.5 ") || !strings.Contains(h.screen(), "~-") {
		t.Errorf("4.5 deducts but is only partly recorded: no ~ mark\n%s", h.screen())
	}
	h.gotoIndicator("1.1")
	h.keys("o")
	if h.stored("1.1.a") != "false" || h.stored("1.1.b") == "" {
		t.Fatalf("o left 1.1 unrecorded: %q %q", h.stored("1.1.a"), h.stored("1.1.b"))
	}
	if ind := h.m.wb.current(); ind == nil || ind.ID != "1.2" {
		t.Fatalf("o did not move to the next open indicator")
	}
	h.mustContain("1.1：2 条记为无问题")
	// One transaction: both revisions share nothing but are written at once.
	h.keys("u")
	if h.stored("1.1.a") != "" || h.stored("1.1.b") != "" {
		t.Fatal("undo of o left values")
	}
	// The unrecorded list counts per category and jumps to a rule.
	h.keys("l")
	h.mustContain("未记录的规则", "1.1.a")
	h.keys("j enter")
	if r := h.m.wb.selectedRule(); r == nil || r.ID != "1.1.b" {
		t.Fatalf("the list did not jump to 1.1.b")
	}
	// The category overview shows recorded/total.
	h.keys("k")
	if h.m.wb.current() != nil {
		h.keys("k")
	}
	h.mustContain("已记录 ")
	h.keys("c")
	h.mustContain("没有未解决的冲突")
}

// Reopening an assessment returns to where the inspector was; b goes back.
func TestReopenReturnsToPlace(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.5")
	h.keys("tab")
	h.keys("b")
	if h.m.front != screenPicker {
		t.Fatal("b did not go back to the list")
	}
	h.keys("enter")
	if ind := h.m.wb.current(); ind == nil || ind.ID != "3.5" || h.m.wb.sel != 1 {
		t.Fatalf("reopened at %v sel %d", h.m.wb.place(), h.m.wb.sel)
	}
}

// Another program records 8 over the 3 the inspector sees; the
// inspector's + must make a conflict, never 8 → 4.
func TestConcurrentWriteBecomesConflict(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.2")
	h.keys("3 enter")
	h.gotoIndicator("1.2")
	h.keys("shift+tab")
	writeFromAnotherProcess(t, h, "1.2.a", "8") // a real second process
	h.keys("+")                                 // the TUI still shows 3: it saves 4 over what it saw
	st, _ := h.s.State(h.a.ID)
	ss := st.Subjects["1.2.a"]
	if !ss.Conflict() || len(ss.Heads) != 2 {
		t.Fatalf("a lost update: heads %d, history %v", len(ss.Heads), h.history("1.2.a"))
	}
	// The poll notices the other program's write and reloads in place.
	h.send(pollMsg{gen: h.m.wb.pollGen})
	h.mustContain("冲突")
	if ind := h.m.wb.current(); ind == nil || ind.ID != "1.2" {
		t.Fatal("the reload lost the cursor")
	}
}

func TestPeriodChecked(t *testing.T) {
	h := newHarness(t)
	h.keys("b n")
	if h.m.front != screenNew {
		t.Fatal("n did not open the form")
	}
	if got := h.m.form.periodInput.Value(); got != rubric.Default().Version {
		t.Errorf("period defaults to %q, want the rubric's year", got)
	}
	h.keys("泸溪县 enter")
	h.keys("backspace backspace backspace backspace 二零二一 enter")
	h.mustContain("年度应写作 YYYY（如 2021）")
	if h.m.front != screenNew {
		t.Fatal("二零二一 was accepted")
	}
}

// h shows who changed a rule, when, on which device, from what to what.
func TestHistoryView(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.3")
	h.keys("2 enter")
	h.gotoIndicator("1.3")
	h.keys("+ h")
	h.mustContain("修改记录 1.3.a", "1.3.a 张三@", "2 → 3", "— → 2")
	h.keys("esc")
	if !h.idle() || h.m.front != screenWorkbench {
		t.Fatal("esc did not close the history")
	}
}

// The note editor takes ctrl+j (and alt+enter) as a new line, shows the
// key, and draws no cut-off column.
func TestNoteEditorNewLine(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.keys("tab tab enter 大厅面积不足 ctrl+j 第二行")
	h.mustContain("ctrl+j 换行")
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, "…│") && strings.Contains(l, "    ") && strings.Contains(l, "大厅") {
			t.Errorf("the note editor is cut off: %q", l)
		}
	}
	h.keys("enter")
	st, _ := h.s.State(h.a.ID)
	if got := st.Notes()["1.1"]; got != "大厅面积不足\n第二行" {
		t.Fatalf("note %q", got)
	}
}

// Hints keep their cap when a deduction appears, a rule in a group shows
// the shared cap, and a refused edit of a conflicted value says what to do.
func TestHintsAndConflictAdvice(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.2")
	h.keys("91500 enter 4 enter 99 enter")
	h.gotoIndicator("3.2")
	h.mustContain("目标100000件，每少2000件扣0.1分，最多扣5分", "3.2.b+3.2.c合计最多扣1分", "→ -19.80 合计封顶")
	h.conflictAt("1.3", "3 enter", map[string]string{"1.3.a": "5"})
	h.keys("+")
	h.mustContain("此项有冲突：按 1/2 选用，或 enter 输入新值")
}

// The form offers every stored rubric; the one chosen is used.
func TestNewAssessmentChoosesRubric(t *testing.T) {
	h := newHarness(t)
	other := *rubric.Default()
	other.Version, other.Title, other.PeriodPattern = "2022", "二〇二二年度考核指标", `[0-9]{4}H[12]`
	if _, err := h.s.AddRubric(&other); err != nil {
		t.Fatal(err)
	}
	h.keys("b n")
	h.mustContain("tab 可选其他考核指标")
	h.keys("吉首市 tab tab down")
	h.mustContain("> 二〇二二年度考核指标 2022")
	h.keys("enter tab backspace backspace backspace backspace 2022 enter")
	h.mustContain("年度应写作 [0-9]{4}H[12]")
	h.keys("H1 enter")
	if h.m.front != screenWorkbench || h.m.wb.a.RubricVersion != "2022" || h.m.wb.a.Period != "2022H1" {
		t.Fatalf("created %+v", h.m.wb.a)
	}
}

// At 80×24 the indicator pane scrolls: 考核内容 and the whole 评分标准 of
// the longest indicator can be read, and the title says where the view is.
func TestIndicatorPaneScrollsAt80x24(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.gotoIndicator("2.1")
	h.keys("tab tab tab tab") // a rule far down
	h.mustContain("J/K 翻看")
	h.keys("K K K K K K K K")
	h.mustContain("考核内容：（1）")
	seen := ""
	for i := 0; i < 20; i++ {
		seen += h.screen()
		h.keys("J")
	}
	_, ind, _ := h.m.wb.rb.Indicator("2.1")
	tail := []rune(ind.Standard)
	if last := string(tail[len(tail)-6:]); !strings.Contains(seen, last) {
		t.Errorf("the end of 2.1's 评分标准 (%q) never came into view", last)
	}
}

// Figures typed as inspectors type them: full-width digits
// from a Chinese input method and 万.
func TestFiguresAsTyped(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.2")
	h.keys("８．５万 enter")
	if h.stored("3.2.a") != "85000" {
		t.Fatalf("８．５万 stored %q, want 85000", h.stored("3.2.a"))
	}
	h.gotoIndicator("1.1")
	h.keys("０")
	if h.stored("1.1.a") != "false" {
		t.Fatalf("full-width ０ on a flag stored %q", h.stored("1.1.a"))
	}
}

// The list: latest period first, then the rubric's order of units; / filters.
func TestPickerOrderAndFilter(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	for _, a := range [][2]string{{"泸溪县", "2021"}, {"吉首市", "2020"}, {"龙山县", "2022"}} {
		if _, _, err := h.s.CreateAssessment(id, rubric.Default(), a[0], a[1]); err != nil {
			t.Fatal(err)
		}
	}
	h.keys("b")
	var got []string
	for _, i := range h.m.picker.shown {
		got = append(got, h.m.picker.states[i].Assessment.Label())
	}
	if want := "龙山县/2022 吉首市/2021 泸溪县/2021 吉首市/2020"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	h.mustContain("县市（区）") // the rubric's title, not its id
	h.keys("/ 泸 enter")
	if len(h.m.picker.shown) != 1 {
		t.Fatalf("filter 泸 shows %d", len(h.m.picker.shown))
	}
	h.keys("enter")
	if h.m.front != screenWorkbench || h.m.wb.a.Unit != "泸溪县" {
		t.Fatal("enter on the filtered list did not open 泸溪县")
	}
}
