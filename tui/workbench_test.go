package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

func TestRecordFlagByOneAndToggle(t *testing.T) {
	h := newHarness(t)
	h.mustContain("1.1.a", "总分 100.00")
	h.keys("1")
	if h.stored("1.1.a") != "true" {
		t.Fatalf("1.1.a stored %q, want true", h.stored("1.1.a"))
	}
	h.mustContain("总分 99.00", "[是]", "→ -1.00", "已保存")
	// 1 moved on to 1.1.b; back to 1.1.a, space flips it.
	if r := h.m.wb.selectedRule(); r == nil || r.ID != "1.1.b" {
		t.Fatalf("after 1 on 1.1.a the cursor is on %v, want 1.1.b", r)
	}
	h.keys("shift+tab space")
	if h.stored("1.1.a") != "false" {
		t.Fatalf("space on a recorded flag: %q", h.stored("1.1.a"))
	}
	h.mustContain("总分 100.00", "[否]")
}

func TestRecordCountByDigitsAndPlusMinus(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.3")
	h.keys("+")
	if h.stored("1.3.a") != "1" {
		t.Fatalf("+ on unrecorded count stored %q", h.stored("1.3.a"))
	}
	h.keys("+ + -")
	if h.stored("1.3.a") != "2" {
		t.Fatalf("after + + -: %q", h.stored("1.3.a"))
	}
	h.keys("7 enter")
	if h.stored("1.3.a") != "7" {
		t.Fatalf("typed 7: %q", h.stored("1.3.a"))
	}
	// The figure completed 1.3: on to the next open indicator, saying so.
	h.mustContain("1.3 已记录完，得分 2.30 / 3", "总分 99.30")
	h.keys("p")
	h.mustContain("[7] 个", "→ -0.70")
}

func TestRecordShortfallRatioConvert(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.2")
	h.mustContain("目标100000件，每少2000件扣0.1分")
	h.keys("91500 enter")
	h.gotoIndicator("3.1")
	h.keys("95 enter 68 enter")
	h.gotoIndicator("2.4")
	h.keys("92.5 enter")
	for rule, want := range map[string]string{"3.2.a": "91500", "3.1.a": "95", "3.1.b": "68", "2.4.a": "92.5"} {
		if got := h.stored(rule); got != want {
			t.Errorf("%s stored %q, want %q", rule, got, want)
		}
	}
	// 3.2: 0.4; 3.1: 0.05 + 0.2; 2.4: 0.23 → 100 − 0.88
	h.mustContain("总分 99.12")
}

func TestDiscretionRefusedWithoutNote(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.4")
	h.keys("0.5 enter")
	// Asked for the reason, the figure still in view, no error yet.
	h.mustContain("请填写理由", "[0.5]")
	if strings.Contains(h.screen(), "酌情扣分须填写理由") {
		t.Error("an error is shown before anything was wrong")
	}
	if h.stored("3.4.a") != "" {
		t.Fatal("saved a discretionary deduction without a reason")
	}
	h.keys("enter") // an empty reason is refused
	h.mustContain("酌情扣分须填写理由")
	if h.stored("3.4.a") != "" || h.deductionReason() == nil {
		t.Fatal("empty reason accepted")
	}
	h.keys("汇聚不全 enter")
	if h.stored("3.4.a") != "0.5" {
		t.Fatalf("stored %q after the reason", h.stored("3.4.a"))
	}
	h.mustContain("3.4 已记录完", "总分 99.50")
	h.keys("p")
	h.mustContain("理由：汇聚不全")
}

func TestBonusToggle(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("7.1")
	h.keys("1")
	h.mustContain("7.1 已记录完，得分 10.00 / 10")
	h.gotoIndicator("7.1") // the bonus completed 7.1: the cursor moved on
	h.mustContain("总分 110.00", "加分 10.00 / 10", "合计加分 10.00", "→ +10.00")
	if strings.Contains(h.screen(), "合计扣分") {
		t.Errorf("the bonus is shown as a deduction:\n%s", h.screen())
	}
}

func TestInvalidValueRefusedInline(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.1")
	h.keys("120 enter")
	h.mustContain("3.1.a：120 超过上限 100（百分比最多 100）")
	if h.stored("3.1.a") != "" {
		t.Fatal("120% was saved")
	}
	h.keys("backspace backspace backspace abc enter")
	h.mustContain("3.1.a：“abc”不是数字")
	h.keys("esc")
	if h.m.wb.mode != editNone || h.stored("3.1.a") != "" {
		t.Fatal("esc did not cancel the edit")
	}
	h.gotoIndicator("1.5")
	h.keys("tab 4 enter") // 1.5.b names three 告知承诺制
	h.mustContain("1.5.b：4 超过上限 3")
	if want := "1.5.b：4 超过上限 3（未落实的告知承诺制，最多 3 项）"; h.m.wb.inlineErr != want {
		t.Errorf("error %q, want %q", h.m.wb.inlineErr, want)
	}
	if h.stored("1.5.b") != "" {
		t.Fatal("4 of 3 saved")
	}
	// The allowed range is in red (the error style).
	_, cw, _ := h.m.wb.layout()
	first := textwidth.Wrap(h.m.wb.inlineErr, cw-2)[0]
	if !strings.Contains(h.m.render(), h.m.c.styles.Error.Render(first)) {
		t.Error("the error is not styled as an error")
	}
}

func TestCapShownBinding(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.2")
	h.keys("8 enter")
	h.mustContain("1.60→1.00", "→ -1.00 封顶")
	h.gotoIndicator("1.6")
	h.keys("1 1 1 p") // each value moves on; the last completes 1.6: back to it
	h.mustContain("扣1.50分，封顶1.00分", "得分 0.00 / 1")
	if !strings.Contains(h.screen(), "-1.00*") {
		t.Errorf("navigator does not mark 1.6 capped:\n%s", h.screen())
	}
	h.gotoIndicator("3.2")
	h.keys("tab 4 enter 4 enter")
	h.mustContain("合计封顶 扣1.20分，封顶1.00分")
}

func TestScorePanelChangesInTheSameFrame(t *testing.T) {
	h := newHarness(t)
	h.be.fail.Store(true) // even before anything is saved
	before := h.m.wb.res.Total
	m, _ := h.m.Update(tea.KeyPressMsg{Code: '1', Text: "1"})
	h.m = m.(Model)
	if h.m.wb.res.Total == before || !strings.Contains(h.screen(), "总分 99.00") {
		t.Fatalf("score did not change in the frame of the edit:\n%s", h.screen())
	}
}

func TestNavigation(t *testing.T) {
	h := newHarness(t)
	if h.m.wb.current().ID != "1.1" {
		t.Fatal("does not start on 1.1")
	}
	h.keys("n n")
	if h.m.wb.current().ID != "1.3" {
		t.Errorf("n n → %s", h.m.wb.current().ID)
	}
	h.keys("p")
	if h.m.wb.current().ID != "1.2" {
		t.Errorf("p → %s", h.m.wb.current().ID)
	}
	for i := 0; i < 6; i++ {
		h.keys("n")
	}
	if h.m.wb.current().ID != "2.1" {
		t.Errorf("n across categories → %s", h.m.wb.current().ID)
	}
	h.keys("k") // j/k move over category headers too
	if h.m.wb.current() != nil {
		t.Errorf("k from 2.1 should land on category 2's header")
	}
	h.mustContain("得分 25.00 / 25")
	h.keys("j")
	// ] skips recorded indicators.
	h.gotoIndicator("1.1")
	h.keys("1 1 tab 1") // 1.1 complete moves on to 1.2; tab to 1.2.b
	h.gotoIndicator("1.1")
	h.keys("]")
	if h.m.wb.current().ID != "1.2" { // 1.2 has only one of two rules
		t.Errorf("] from 1.1 → %s", h.m.wb.current().ID)
	}
	h.gotoIndicator("1.2")
	h.keys("0") // one press records 0 on a count
	h.gotoIndicator("1.1")
	h.keys("]")
	if h.m.wb.current().ID != "1.3" {
		t.Errorf("] should skip the complete 1.2 → %s", h.m.wb.current().ID)
	}
	h.keys("[")
	if h.m.wb.current().ID != "7.1" {
		t.Errorf("[ from 1.3 wraps to the last unrecorded → %s", h.m.wb.current().ID)
	}
	// / filters by Chinese text.
	h.keys("/ 电子证照")
	var ids []string
	for _, r := range h.m.wb.rows {
		if r.ind != nil {
			ids = append(ids, r.ind.ID)
		}
	}
	if strings.Join(ids, ",") != "3.4" {
		t.Errorf("filter 电子证照 shows %v", ids)
	}
	h.mustContain("筛选：电子证照")
	h.keys("esc")
	if len(h.m.wb.rows) != 43 {
		t.Errorf("esc should clear the filter: %d rows", len(h.m.wb.rows))
	}
}

func TestResizeAndTinyWindows(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("2.1")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s := h.screen()
	lines := strings.Split(s, "\n")
	if len(lines) != 24 {
		t.Fatalf("80×24 frame has %d lines", len(lines))
	}
	for i, l := range lines {
		if w := textwidth.Width(l); w != 80 {
			t.Errorf("line %d is %d wide: %q", i, w, l)
		}
	}
	h.mustContain("指标", "得分", "总分 100.00", "2.1.a")
	h.send(tea.WindowSizeMsg{Width: 10, Height: 5})
	h.mustContain("窗口太小")
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {3, 40}, {200, 3}, {71, 19}, {72, 20}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		_ = h.screen()
		h.keys("n j space")
	}
	h.send(tea.WindowSizeMsg{Width: 72, Height: 20})
	for i, l := range strings.Split(h.screen(), "\n") {
		if w := textwidth.Width(l); w != 72 {
			t.Errorf("72×20 line %d is %d wide", i, w)
		}
	}
}

func TestSaveFailureKeptAndRetried(t *testing.T) {
	h := newHarness(t)
	h.be.fail.Store(true)
	h.keys("1")
	if h.stored("1.1.a") != "" {
		t.Fatal("failing backend saved")
	}
	h.mustContain("保存失败：disk I/O error", "1 未保存", "[是] [未保存]", "总分 99.00")
	if h.m.wb.saver.unsaved() != 1 {
		t.Fatalf("unsaved = %d", h.m.wb.saver.unsaved())
	}
	// Quitting now asks first.
	h.keys("q")
	h.mustContain("还有 1 项未保存，确定退出吗")
	h.keys("n")
	if h.m.confirmQuit {
		t.Fatal("n did not cancel quitting")
	}
	// The disk comes back: the retry saves it.
	h.be.fail.Store(false)
	h.send(retryMsg{})
	if h.stored("1.1.a") != "true" || h.m.wb.saver.unsaved() != 0 {
		t.Fatalf("retry did not save: stored %q, unsaved %d", h.stored("1.1.a"), h.m.wb.saver.unsaved())
	}
	h.mustContain("已保存")
	_, cmd := h.m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		t.Fatal("q with everything saved should quit")
	}
}

func TestSavesStayInOrder(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.3")
	h.be.fail.Store(true)
	h.keys("+ + + 5 enter")
	h.be.fail.Store(false)
	h.send(retryMsg{})
	if h.stored("1.3.a") != "5" {
		t.Fatalf("the last edit must win: stored %q", h.stored("1.3.a"))
	}
}

func TestIndicatorNote(t *testing.T) {
	h := newHarness(t)
	h.keys("tab tab enter 大厅面积不足 enter")
	st, _ := h.s.State(h.a.ID)
	if st.Notes()["1.1"] != "大厅面积不足" {
		t.Fatalf("note %q", st.Notes()["1.1"])
	}
	h.mustContain("大厅面积不足")
}

func TestSignedOpensReadOnly(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	if _, err := h.s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	h.keys("b enter")
	h.mustContain("已签字", "只读")
	h.keys("1")
	if h.stored("1.1.a") != "" {
		t.Fatal("edited a signed assessment")
	}
	h.mustContain("已由 张三")
}

func TestUntrustedTextIsStripped(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	if _, err := h.s.Record(id, h.a.ID, store.SetNote("1.1", "好\x1b[2J\x1b]0;x\x07笔记")); err != nil {
		t.Fatal(err)
	}
	h.keys("b enter")
	raw := h.m.render()
	if strings.Contains(raw, "\x1b[2J") || strings.Contains(raw, "\x1b]0;") {
		t.Fatal("escape sequences from the database reach the terminal")
	}
	h.mustContain("好笔记")
}

func TestEnglishLabels(t *testing.T) {
	h := newHarness(t, withLang("en"))
	h.mustContain("Indicator", "Score", "Total 100.00", "not recorded")
	if strings.Contains(ansi.Strip(h.m.footer(h.m.current())), "退出") {
		t.Error("Chinese help in the English UI")
	}
}

func TestHelpScreen(t *testing.T) {
	h := newHarness(t)
	h.keys("?")
	h.mustContain("下一未记录", "上一输入", "清除记录")
	h.keys("?")
	h.mustContain("1.1.a")
}

// BenchmarkKeystroke is one key press through Update plus View at 120×40 on
// a fully recorded assessment.
func BenchmarkKeystroke(b *testing.B) {
	h := newHarness(b)
	id, _ := h.s.Identity("")
	var changes []store.Change
	for rid, f := range fullFindings(h) {
		changes = append(changes, store.SetRule(rid, f.Value, f.Note))
	}
	if _, err := h.s.Record(id, h.a.ID, changes...); err != nil {
		b.Fatal(err)
	}
	h.keys("b enter")
	keys := []tea.KeyPressMsg{{Code: 'j', Text: "j"}, {Code: 'k', Text: "k"}}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m, _ := h.m.Update(keys[i%2])
		h.m = m.(Model)
		_ = h.m.View()
		i++
	}
}

// conflictWith makes 李四's laptop record other values and merges it in.
func conflictWith(t testing.TB, h *harness, findings map[string]string) {
	t.Helper()
	lisi := otherLaptop(t)
	for rule, v := range findings {
		lisi.record(seed.SetJSON(t, rule, v, "李四的记录"))
	}
	lisi.mergeInto(h)
}

// conflictAt types mine at indicator ind, merges in 李四's values over it,
// and reopens the assessment at ind with the conflict shown.
func (h *harness) conflictAt(ind, mine string, theirs map[string]string) {
	h.t.Helper()
	h.gotoIndicator(ind)
	h.keys(mine)
	conflictWith(h.t, h, theirs)
	h.keys("b enter")
	h.gotoIndicator(ind)
}

func TestConflictShownAndResolvedByKey(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.2")
	h.keys("3 enter")
	conflictWith(t, h, map[string]string{"1.2.a": "5"})
	h.keys("b")
	h.mustContain("考核列表", "张三,李四") // the picker shows both inspectors
	if !strings.Contains(h.screen(), "     1") {
		t.Errorf("the picker does not count the open conflict:\n%s", h.screen())
	}
	h.keys("enter")
	h.keys("c") // the next open conflict
	if ind := h.m.wb.current(); ind == nil || ind.ID != "1.2" || h.m.wb.selectedRule().ID != "1.2.a" {
		t.Fatalf("c did not go to the conflict on 1.2.a:\n%s", h.screen())
	}
	h.mustContain("!~-1.00", "冲突", "1) 5  李四", "2) 3  张三", "得分范围 99.00 – 99.40")
	// A plain edit is refused while the conflict is open.
	h.keys("+")
	if h.stored("1.2.a") != "5" {
		t.Fatalf("edited over a conflict: %q", h.stored("1.2.a"))
	}
	h.keys("2") // keep 张三's value: asks for a note first
	h.mustContain("选用第 2 个值（3）", "选用说明（可不填）：")
	if h.stored("1.2.a") != "5" {
		t.Fatal("picked a value without confirmation")
	}
	h.keys("enter")
	if h.stored("1.2.a") != "3" {
		t.Fatalf("picked value stored as %q", h.stored("1.2.a"))
	}
	st, _ := h.s.State(h.a.ID)
	if len(st.Conflicts()) != 0 {
		t.Fatal("conflict still open after picking")
	}
	if strings.Contains(h.screen(), "得分范围") {
		t.Error("the range is still shown after the last conflict was settled")
	}
}

func TestConflictResolvedWithNewValue(t *testing.T) {
	h := newHarness(t)
	h.conflictAt("1.3", "3 enter", map[string]string{"1.3.a": "5"})
	h.keys("enter 4 enter")
	if h.stored("1.3.a") != "4" {
		t.Fatalf("new value stored as %q", h.stored("1.3.a"))
	}
	h.mustContain("[4] 个")
}

func TestSummaryScreenAndExcelExport(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, func(o *Options) { o.ReportDir = dir })
	h.keys("1") // 吉首市 1.1.a → 99
	id, _ := h.s.Identity("")
	a2, _, _ := h.s.CreateAssessment(id, rubric.Default(), "泸溪县", "2021")
	v := "true"
	h.s.Record(id, a2.ID, seed.SetJSON(t, "7.1.a", v, ""))
	h.keys("b s")
	h.mustContain("考核汇总", "泸溪县", "110.00", "吉首市", "99.00", "未完成（1/36）")
	s := h.screen()
	if strings.Index(s, "泸溪县") > strings.Index(s, "吉首市  ") {
		t.Errorf("泸溪县 (110) should rank above 吉首市 (99):\n%s", s)
	}
	h.keys("x")
	h.mustContain("2021考核结果.xlsx") // asks where, proposing a readable name
	h.keys("enter")
	entries, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(entries) != 1 {
		t.Fatalf("no report written in %s: %v", dir, entries)
	}
	h.mustContain("报表已写入", filepath.Base(entries[0]))
	h.keys("b")
	h.mustContain("考核列表")
}

// Another process signs the assessment while it is open: the edit is
// refused, dropped, and the screen reloads to what the store holds, and
// says which key reopens it.
func TestRefusedSaveReloads(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	if _, err := h.s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	h.keys("1")
	if h.stored("1.1.a") != "" || h.m.wb.saver.unsaved() != 0 {
		t.Fatalf("stored %q, unsaved %d", h.stored("1.1.a"), h.m.wb.saver.unsaved())
	}
	h.mustContain("总分 100.00", "已由 张三", "错误：")
	// The store says what it refused; the workbench adds its key, never
	// a command.
	if got := h.m.wb.failure; !strings.Contains(got, "该考核已签字") || !strings.Contains(got, "按 R 重新打开") || strings.Contains(got, "kaohe") {
		t.Errorf("the refusal reads %q", got)
	}
	if strings.Contains(h.screen(), "[是]") {
		t.Error("the refused value is still on screen")
	}
}

func TestNoteConflictPicked(t *testing.T) {
	h := newHarness(t)
	h.keys("tab tab enter 面积不足 enter")
	lisi := otherLaptop(t)
	lisi.record(store.SetNote("1.1", "面积已达标"))
	lisi.mergeInto(h)
	h.keys("b enter") // back where the inspector was: the note, in conflict
	h.mustContain("面积已达标", "面积不足", "按数字选用该值")
	h.keys("1 enter")
	st, _ := h.s.State(h.a.ID)
	if len(st.Conflicts()) != 0 || st.Notes()["1.1"] == "" {
		t.Fatalf("note conflict not settled: %v", st.Notes())
	}
}

func TestDiscretionConflictNeedsOwnReason(t *testing.T) {
	h := newHarness(t)
	h.conflictAt("3.4", "0.5 enter 部分汇聚 enter", map[string]string{"3.4.a": "1"})
	h.keys("enter 0.8 enter")
	h.mustContain("请填写理由")
	if h.stored("3.4.a") == "0.8" {
		t.Fatal("settled a discretionary deduction without a reason")
	}
	h.keys("组长复核 enter")
	st, _ := h.s.State(h.a.ID)
	if f := st.Findings()["3.4.a"]; f.Value.String() != "0.8" || f.Note != "组长复核" || len(st.Conflicts()) != 0 {
		t.Fatalf("3.4.a = %v (%q), conflicts %d", f.Value, f.Note, len(st.Conflicts()))
	}
}
