package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store"
)

func (h *harness) status() (string, string) {
	h.t.Helper()
	revs, err := h.s.History(h.a.ID, store.SubjectStatus)
	if err != nil || len(revs) == 0 {
		return "", ""
	}
	last := revs[len(revs)-1]
	return last.Decoded().Status(), last.Note
}

// Sign-off and reopening from the workbench, with the checks
// listed first and an explicit confirmation for an incomplete assessment.
func TestSignAndReopenFromTheWorkbench(t *testing.T) {
	h := newHarness(t)
	h.keys("S")
	h.mustContain("签字前检查", "未记录的规则 70 条", "仍要签字未完成的考核？")
	h.keys("n")
	if st, _ := h.status(); st != "" {
		t.Fatal("signed without confirmation")
	}
	h.keys("esc S y")
	st, note := h.status()
	if st != store.StatusSigned || !strings.Contains(note, "incomplete") {
		t.Fatalf("status %q note %q", st, note)
	}
	h.mustContain("已签字·只读")
	h.keys("0")
	if h.stored("1.1.a") != "" {
		t.Fatal("edited a signed assessment")
	}
	h.keys("R enter")
	h.mustContain("请填写重新打开的理由")
	h.keys("补充材料 enter")
	if st, note := h.status(); st != store.StatusDraft || note != "补充材料" {
		t.Fatalf("reopen: status %q note %q", st, note)
	}
	h.keys("0")
	if h.stored("1.1.a") != "false" {
		t.Fatal("cannot edit after reopening")
	}
}

func TestSignRefusedWithOpenConflicts(t *testing.T) {
	h := newHarness(t)
	h.conflictAt("1.3", "3 enter", map[string]string{"1.3.a": "5"})
	h.keys("S")
	h.mustContain("未解决的冲突 1 处", "解决后才能签字")
	h.keys("y")
	if st, _ := h.status(); st != "" {
		t.Fatal("signed over an open conflict")
	}
}

// Two inspectors disagree on the sign-off: the workbench says what each
// holds, a sign-off's manifest read as "signed", with the language's comma.
func TestStatusConflictListedInLanguage(t *testing.T) {
	h := newHarness(t, withLang("en"))
	id, _ := h.s.Identity("")
	if _, err := h.s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	// 李四 signs his own copy, then reopens it.
	lisi := otherLaptop(t)
	if _, err := lisi.s.Sign(lisi.id, lisi.a.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := lisi.s.Reopen(lisi.id, lisi.a.ID, "李四的记录"); err != nil {
		t.Fatal(err)
	}
	lisi.mergeInto(h)
	h.keys("b enter")
	h.mustContain("the sign-off is in conflict (李四:draft, 张三:", "│signed); settle") // wrapped at 50 columns
}

// esc on the sign-off question closes the checks too, back where the
// inspector was.
func TestEscOnSignQuestionClosesTheChecks(t *testing.T) {
	h := newHarness(t)
	h.gotoIndicator("1.3")
	before := h.m.wb.place()
	h.keys("S")
	h.mustContain("签字前检查", "仍要签字未完成的考核？")
	h.keys("esc")
	if s := h.screen(); strings.Contains(s, "签字前检查") || !h.idle() {
		t.Fatalf("esc left the checks open:\n%s", s)
	}
	if h.m.wb.place() != before {
		t.Fatalf("esc moved the cursor: %+v, was %+v", h.m.wb.place(), before)
	}
	if st, _ := h.status(); st != "" {
		t.Fatal("esc signed")
	}
}
