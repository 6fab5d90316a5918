package tui

import (
	"testing"
)

// The lead keeps one inspector's value in a conflict and records a note
// with it, as `kaohe resolve --pick … --note` does; the status line says
// what was settled.
func TestConflictPickRecordsANote(t *testing.T) {
	h := newHarness(t)
	h.conflictAt("1.2", "3 enter", map[string]string{"1.2.a": "5"})
	h.keys("c 2") // to the conflict; keep 张三's 3
	h.mustContain("选用第 2 个值（3）", "选用说明（可不填）：")
	h.typeText("以现场核查台账为准")
	h.keys("enter")
	if h.stored("1.2.a") != "3" {
		t.Fatalf("kept value stored as %q", h.stored("1.2.a"))
	}
	revs, err := h.s.History(h.a.ID, "1.2.a")
	if err != nil || len(revs) == 0 {
		t.Fatal(err)
	}
	if got := revs[len(revs)-1].Note; got != "以现场核查台账为准" {
		t.Errorf("the note recorded with the pick is %q", got)
	}
	h.mustContain("已选用第 2 个值（3），1.2.a 的冲突已解决")
	// esc leaves a conflict as it is.
	h.conflictAt("1.3", "3 enter", map[string]string{"1.3.a": "5"})
	h.keys("c 1 esc")
	st, _ := h.s.State(h.a.ID)
	if _, open := st.Subjects["1.3.a"]; !open || len(st.Conflicts()) != 1 {
		t.Errorf("esc on the pick prompt settled the conflict: %d open", len(st.Conflicts()))
	}
}
