package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// languageHarness opens the workbench on 甲县/2021 of the rubric that uses
// every construct of the rubric language (rubric/testdata/language.yaml).
func languageHarness(t *testing.T, lang string) *harness {
	t.Helper()
	return harnessOn(t, languageRubric(t), "甲县", nil, withLang(lang))
}

// languageRubric is the rubric that uses every construct of the rubric
// language.
func languageRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	rb, err := rubric.LoadFile("../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// footer is the screen's last non-empty line: the keys of what is selected.
func footer(h *harness) string {
	lines := strings.Split(strings.TrimRight(h.screen(), "\n "), "\n")
	return lines[len(lines)-1]
}

// A label band offers its labels by number and a digit records that label;
// a number beyond them is refused, listing them, and records nothing.
func TestLabelBandPickedByNumber(t *testing.T) {
	h := languageHarness(t, "zh")
	h.gotoIndicator("1.2")
	h.mustContain("1 优（10分） 2 良（5分） 3 差（0分）")
	if f := footer(h); !strings.Contains(f, "1-3 选择档次") {
		t.Errorf("footer does not offer the labels by number: %s", f)
	}
	h.keys("5")
	h.mustContain("1.2.a 只有 3 档")
	if got := h.stored("1.2.a"); got != "" {
		t.Fatalf("5 recorded %q on a rule of three bands", got)
	}
	h.keys("2")
	if got := h.stored("1.2.a"); got != "良" {
		t.Fatalf("2 recorded %q, want 良", got)
	}
	// Typed after enter (over the current label), the number or the label.
	h.gotoIndicator("1.2")
	h.keys("enter backspace 3 enter")
	if got := h.stored("1.2.a"); got != "差" {
		t.Fatalf("typing 3 recorded %q, want 差", got)
	}
	h.gotoIndicator("1.2")
	h.keys("enter backspace")
	h.typeText("优")
	h.keys("enter")
	if got := h.stored("1.2.a"); got != "优" {
		t.Fatalf("typing 优 recorded %q", got)
	}
}

// A per-instance range takes the list of amounts as typed (2,3.5 or 2 3.5),
// 0 records no instance, and + is refused rather than recorded as a number.
func TestRangeTypedAsList(t *testing.T) {
	h := languageHarness(t, "zh")
	h.gotoIndicator("1.4")
	h.mustContain("每件扣2–5分，最多扣10分，逐件填写，如 2,5")
	h.keys("+")
	if got := h.stored("1.4.a"); got != "" {
		t.Fatalf("+ recorded %q on a list rule", got)
	}
	h.keys("enter")
	h.typeText("2 3.5")
	h.keys("enter")
	if got := h.stored("1.4.a"); got != "2,3.5" {
		t.Fatalf("typed 2 3.5, stored %q", got)
	}
	h.mustContain("1.4 已记录完，得分 4.50 / 10")
	h.gotoIndicator("3.2")
	h.keys("0")
	if got := h.stored("3.2.a"); got != "[]" {
		t.Fatalf("0 on a bonus range stored %q, want no instance", got)
	}
}

// A veto is a flag: 1 records it and the score pane says so; a bonus per
// item is a count: + twice is two, 0 is none.
func TestVetoFlagAndCountedBonus(t *testing.T) {
	h := languageHarness(t, "zh")
	h.gotoIndicator("2.2")
	if f := footer(h); !strings.Contains(f, "0/1 无/一票否决") {
		t.Errorf("footer of a veto: %s", f)
	}
	h.keys("1")
	if got := h.stored("2.2.a"); got != "true" {
		t.Fatalf("1 on a veto stored %q", got)
	}
	h.mustContain("一票否决：2.2.a", "→ 不合格")
	h.gotoIndicator("3.1")
	h.keys("+ +")
	if got := h.stored("3.1.a"); got != "2" {
		t.Fatalf("+ + on a counted bonus stored %q, want 2", got)
	}
	h.mustContain("→ +6.00")
	h.keys("0")
	if got := h.stored("3.1.a"); got != "0" {
		t.Fatalf("0 on a counted bonus stored %q", got)
	}
}

// The indicator pane of a label band and of a range, as a golden file each.
func TestGoldenLanguagePanes(t *testing.T) {
	h := languageHarness(t, "zh")
	h.gotoIndicator("1.2")
	h.keys("2")
	h.gotoIndicator("1.2")
	golden(t, "indicator_label_band", strip(h.m.wb.indicatorView(50, 16)))
	h.gotoIndicator("1.4")
	h.keys("enter")
	h.typeText("2,3.5")
	h.keys("enter")
	h.gotoIndicator("1.4")
	golden(t, "indicator_range", strip(h.m.wb.indicatorView(50, 16)))
	golden(t, "score_language", strip(h.m.wb.scoreView(34, 20)))
}

// o (本指标无问题) records each unrecorded rule's "nothing found" in the
// rule's own form: no instance for a range, no veto for a veto.
func TestIndicatorCleanInTheRuleForm(t *testing.T) {
	h := languageHarness(t, "zh")
	h.gotoIndicator("1.4")
	h.keys("o")
	if got := h.stored("1.4.a"); got != "[]" {
		t.Errorf("o on a range stored %q, want no instance", got)
	}
	h.gotoIndicator("2.2")
	h.keys("o")
	for _, id := range []string{"2.2.a", "2.2.b"} {
		if got := h.stored(id); got != "false" {
			t.Errorf("o stored %q on %s, want false", got, id)
		}
	}
}
