package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/store"
)

// chineseText is n characters of Chinese prose (runes, the store's count).
func chineseText(n int) string {
	unit := []rune("窗口工作人员业务培训不到位，整改材料已补齐。")
	out := make([]rune, n)
	for i := range out {
		out[i] = unit[i%len(unit)]
	}
	return string(out)
}

// storedNote is indicator ind's note in the database.
func (h *harness) storedNote(ind string) string {
	h.t.Helper()
	st, err := h.s.State(h.a.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	return st.Notes()[ind]
}

// A colleague's 10,000-character note, opened in the workbench, one
// character appended, enter: saved whole, 10,001 characters — not cut to
// what the editor widget would hold.
func TestLongChineseNoteEditedAndSavedIntact(t *testing.T) {
	h := newHarness(t)
	long := chineseText(10000)
	id, err := h.s.Identity("李四")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.Record(id, h.a.ID, store.SetNote("1.1", long)); err != nil {
		t.Fatal(err)
	}
	h.run(h.m.wb.reload())
	h.keys("shift+tab enter") // the note of 1.1, in the editor
	if h.m.wb.mode != editNote {
		t.Fatalf("the note editor did not open:\n%s", h.screen())
	}
	h.keys("补 enter")
	got := h.storedNote("1.1")
	if n := utf8.RuneCountInString(got); got != long+"补" {
		t.Fatalf("the note saved has %d characters, want 10001 (the old note and 补)", n)
	}
	h.mustContain("已保存")
	// Pasted into an empty note, 10,000 characters are kept whole too.
	h.keys("n shift+tab enter")
	h.send(tea.PasteMsg{Content: long})
	h.keys("enter")
	if got := h.storedNote("1.2"); got != long {
		t.Fatalf("a pasted note of 10000 characters saved as %d", utf8.RuneCountInString(got))
	}
}

// A paste that would make the note longer than the store allows is refused
// with a message naming the limit; the note is unchanged, in the editor and
// in the database, and nothing of the paste is kept.
func TestNoteOverTheLimitRefused(t *testing.T) {
	h := newHarness(t)
	h.keys("shift+tab enter 原有备注 enter")
	if got := h.storedNote("1.1"); got != "原有备注" {
		t.Fatalf("note %q", got)
	}
	h.keys("enter")
	h.send(tea.PasteMsg{Content: chineseText(25000)})
	h.mustContain("备注最多 20000 字，这样会有 25004 字；未加入")
	if got := h.m.wb.noteArea.Value(); got != "原有备注" {
		t.Fatalf("the editor holds %d characters after the refused paste", utf8.RuneCountInString(got))
	}
	h.keys("enter")
	if got := h.storedNote("1.1"); got != "原有备注" {
		t.Fatalf("the note became %d characters", utf8.RuneCountInString(got))
	}
	// The limit is the store's, in characters: exactly MaxNoteChars fits.
	h.keys("enter")
	h.send(tea.PasteMsg{Content: chineseText(store.MaxNoteChars - 4)})
	h.keys("enter")
	if got := h.storedNote("1.1"); utf8.RuneCountInString(got) != store.MaxNoteChars || !strings.HasPrefix(got, "原有备注") {
		t.Fatalf("a note of exactly %d characters saved as %d", store.MaxNoteChars, utf8.RuneCountInString(got))
	}
}

// A discretionary deduction's reason has the same limit and refusal.
func TestReasonOverTheLimitRefused(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("3.4")
	h.keys("0.5 enter")
	h.send(tea.PasteMsg{Content: chineseText(25000)})
	h.mustContain("备注最多 20000 字，这样会有 25000 字")
	d := h.deductionReason()
	if d == nil {
		t.Fatal("the reason prompt closed after the refused paste")
	}
	if got := d.input.Value(); got != "" {
		t.Fatalf("the reason holds %d characters after the refused paste", utf8.RuneCountInString(got))
	}
	long := chineseText(3000)
	h.send(tea.PasteMsg{Content: long})
	h.keys("enter")
	st, _ := h.s.State(h.a.ID)
	if got := st.Findings()["3.4.a"].Note; got != long {
		t.Fatalf("a 3000-character reason saved as %d", utf8.RuneCountInString(got))
	}
}

// A note the editor cannot hold as it is (a tab it would turn into spaces)
// is not opened, so saving cannot change it unseen; the message says where
// to edit it.
func TestNoteTheEditorWouldChangeIsNotOpened(t *testing.T) {
	h := newHarness(t)
	id, err := h.s.Identity("李四")
	if err != nil {
		t.Fatal(err)
	}
	note := "面积\t120平方米"
	if _, err := h.s.Record(id, h.a.ID, store.SetNote("1.1", note)); err != nil {
		t.Fatal(err)
	}
	h.run(h.m.wb.reload())
	h.keys("shift+tab enter")
	if h.m.wb.mode == editNote {
		t.Fatal("the editor opened a note it would change")
	}
	h.mustContain("kaohe note")
	if got := h.storedNote("1.1"); got != note {
		t.Fatalf("note %q", got)
	}
}
