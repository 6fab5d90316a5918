package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store"
)

// statusLine is the frame's status line (above the footer).
func (h *harness) statusLine() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-2]
}

// Signing in the workbench says what was recorded: who signed, from which
// device (its fingerprint's short form) and when — not just "saved".
func TestSigningSaysWhoSignedFromWhichDevice(t *testing.T) {
	h := newHarness(t)
	h.keys("S y")
	revs, err := h.s.History(h.a.ID, store.SubjectStatus)
	if err != nil || len(revs) == 0 {
		t.Fatalf("no sign-off recorded: %v", err)
	}
	dev := store.ShortID(revs[len(revs)-1].Device, 8)
	if got := h.statusLine(); !strings.Contains(got, "已签字：吉首市/2021 由 张三 签字（设备 "+dev+"，") || !strings.Contains(got, "现为只读") {
		t.Errorf("status line after signing: %q", got)
	}
}

// In a signed assessment every key that would change something says why it
// cannot and what to do, on the status line and under the input, and
// changes nothing; keys that only look around still work.
func TestReadOnlyKeysSayWhy(t *testing.T) {
	h := newHarness(t)
	h.keys("0") // 1.1.a recorded, the cursor on 1.1.b
	h.keys("S y")
	if st, _ := h.status(); st != store.StatusSigned {
		t.Fatalf("not signed: %q", st)
	}
	for _, k := range []string{"0", "1", "space", "+", "-", "5", "x", "o", "u", "a", "enter", "shift+tab x", "shift+tab space"} {
		h.keys("esc")
		h.m.wb.message, h.m.wb.inlineErr = "", ""
		h.keys(k)
		if got := h.statusLine(); !strings.Contains(got, "已签字，只读；如需修改请先按 R 重新打开") {
			t.Errorf("%s in a signed assessment: status line %q", k, got)
		}
		if !h.idle() {
			t.Errorf("%s in a signed assessment opened an editor (mode %d)", k, h.m.wb.mode)
		}
	}
	if h.stored("1.1.a") != "false" || h.stored("1.1.b") != "" {
		t.Errorf("the signed assessment changed: 1.1.a %q, 1.1.b %q", h.stored("1.1.a"), h.stored("1.1.b"))
	}
	h.keys("n")
	if h.m.wb.current().ID != "1.2" {
		t.Errorf("n in a signed assessment went to %s", h.m.wb.current().ID)
	}
}
