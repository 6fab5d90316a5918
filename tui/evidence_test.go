package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// An inspector attaches a scan to rule 1.2.a through the path prompt (tab
// completes the file name), sees it listed under the rule with its size
// and who attached it, the navigator marks the indicator, e lists it,
// enter opens it with the system viewer (off the UI goroutine), x asks
// and detaches it.
func TestAttachListOpenDetach(t *testing.T) {
	var opened []string
	h := newHarness(t, func(o *Options) {
		o.OpenFile = func(p string) error { opened = append(opened, p); return nil }
	})
	dir := t.TempDir()
	scan := filepath.Join(dir, "下放事项台账.pdf")
	if err := os.WriteFile(scan, []byte("%PDF-1.4 台账"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.gotoIndicator("1.2")
	h.keys("a")
	h.typeText(filepath.Join(dir, "下放"))
	h.keys("tab")
	h.mustContain("下放事项台账.pdf") // else: tab did not complete the name
	h.keys("enter")
	st, err := h.s.State(h.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	atts := st.Attachments("1.2.a")
	if len(atts) != 1 || atts[0].Name != "下放事项台账.pdf" || atts[0].Inspector != "张三" {
		t.Fatalf("attachments: %+v", atts)
	}
	h.mustContain("附 下放事项台账.pdf", "1.2附") // else: the rule or the navigator does not show the attachment
	h.keys("e")
	h.mustContain("佐证材料 1.2.a") // else: no evidence list
	h.keys("enter")
	if len(opened) != 1 || filepath.Base(opened[0]) != "下放事项台账.pdf" {
		t.Fatalf("opened %v", opened)
	}
	if got, _ := os.ReadFile(opened[0]); string(got) != "%PDF-1.4 台账" {
		t.Fatalf("the viewer got other bytes: %q", got)
	}
	h.keys("x")
	h.mustContain("撤下") // else: detach did not ask
	h.keys("y")
	st, _ = h.s.State(h.a.ID)
	if n := len(st.Attachments("")); n != 0 {
		t.Fatalf("%d attachments after detach", n)
	}
}

// A folder attaches every file in it (a folder of photos at once), to the
// indicator when its note is selected; the next prompt starts in it.
func TestAttachFolderToIndicator(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	for _, n := range []string{"窗口1.jpg", "窗口2.jpg", "窗口3.jpg"} {
		os.WriteFile(filepath.Join(dir, n), []byte(n), 0o600)
	}
	h.gotoIndicator("2.1")
	_, ind, _ := rubric.Default().Indicator("2.1")
	for range ind.Rules {
		h.keys("tab") // to the indicator's note
	}
	h.keys("a")
	h.typeText(dir)
	h.keys("enter")
	st, _ := h.s.State(h.a.ID)
	if n := len(st.Attachments("2.1")); n != 3 {
		t.Fatalf("want 3 photos on 2.1, got %d\n%s", n, h.screen())
	}
	h.keys("a")
	h.mustContain(dir) // else: the prompt does not start in the last folder
}

// Under a rubric that requires evidence, a deduction without a file is
// marked on screen until one is attached.
func TestMissingEvidenceMarked(t *testing.T) {
	h := newHarness(t)
	rb := rubric.Default()
	rb.Version = "2021-evidence"
	rb.Evidence = rubric.EvidenceDeductions
	id, _ := h.s.Identity("")
	a, _, err := h.s.CreateAssessment(id, rb, "泸溪县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	v := "3"
	if _, err := h.s.Record(id, a.ID, seed.SetJSON(t, "1.2.a", v, "")); err != nil {
		t.Fatal(err)
	}
	h.keys("b / 泸 enter enter")
	if h.m.front != screenWorkbench || h.m.wb.a.Unit != "泸溪县" {
		t.Fatalf("泸溪县 did not open:\n%s", h.screen())
	}
	h.gotoIndicator("1.2")
	h.mustContain("缺佐证材料") // else: missing evidence not marked
	p := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(p, []byte("x"), 0o600)
	h.keys("a")
	h.typeText(p)
	h.keys("enter")
	if strings.Contains(h.screen(), "缺佐证材料") {
		t.Fatalf("still marked after attaching:\n%s", h.screen())
	}
}

// A value merged in after the sign-off is shown against it: the signed
// value and the new one, the navigator's !, and enter keeps the signed
// value after asking, as resolve --keep-signed does on the command line.
func TestSignOffConflictShownAndKept(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	v := "3"
	if _, err := h.s.Record(id, h.a.ID, seed.SetJSON(t, "1.2.a", v, "")); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	conflictWith(t, h, map[string]string{"1.2.a": "8"})
	h.keys("b enter")
	h.gotoIndicator("1.2")
	h.mustContain("签字后被修改：签字时为 3，现为 8（李四）", "!") // else: the change after the sign-off is not shown
	h.keys("enter")
	h.mustContain("保留 1.2.a 签字时的值") // else: enter did not ask
	h.keys("y")
	st, _ := h.s.State(h.a.ID)
	if n := len(st.SignOffConflicts()); n != 0 || st.Findings()["1.2.a"].Value.String() != "3" || st.Status() != store.StatusSigned {
		t.Fatalf("after keeping: %d conflicts, 1.2.a = %s, %s", n, st.Findings()["1.2.a"].Value.String(), st.Status())
	}
}

// The list shows the creator as inspector before the first value.
func TestPickerShowsCreatorBeforeFirstValue(t *testing.T) {
	h := newHarness(t)
	h.keys("b")
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "吉首市") && strings.Contains(line, "2021") {
			if !strings.Contains(line, "张三") {
				t.Fatalf("the creator is not shown: %q", line)
			}
			return
		}
	}
	t.Fatalf("no line for 吉首市/2021:\n%s", h.screen())
}
