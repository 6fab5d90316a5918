package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
)

// dialogCommon is the shared state a dialog is built with, without a
// database or a terminal.
func dialogCommon(t *testing.T) *common {
	t.Helper()
	return New(Options{Labels: i18n.For("zh")}).c
}

// key1 is one named key or character, as the harness types it.
func key1(tok string) tea.KeyPressMsg { return keyMsgs(tok)[0] }

// The overlay: the top dialog is in front, the pane and the status line
// come from the top-most dialog that has one.
func TestOverlayStack(t *testing.T) {
	c := dialogCommon(t)
	var o overlay
	if o.top() != nil || o.pane() != nil {
		t.Fatal("an empty overlay has a dialog")
	}
	if _, _, ok := o.status(); ok {
		t.Fatal("an empty overlay speaks")
	}
	checks := newChecks(c, testReadiness(), "", nil)
	o.open(checks)
	q := newConfirm(c, "clear?", nil)
	o.open(q)
	if o.top() != q || o.pane() != checks {
		t.Fatalf("top %T, pane %T: want the question over the checks' pane", o.top(), o.pane())
	}
	if text, _, ok := o.status(); !ok || text != "clear?" {
		t.Fatalf("status %q %v, want the question", text, ok)
	}
	o.close()
	if o.top() != checks {
		t.Fatalf("after closing the question the top is %T", o.top())
	}
	o.close()
	o.close() // closing an empty overlay is harmless
	if o.top() != nil {
		t.Fatal("the overlay is not empty")
	}
}

// sameAction compares two actions; closing ones by whether they run
// something after (a function cannot be compared).
func sameAction(a, b action) bool {
	ca, aok := a.(closeDialog)
	cb, bok := b.(closeDialog)
	if aok || bok {
		return aok && bok && (ca.then == nil) == (cb.then == nil)
	}
	return a == b
}

// runClosing reports whether an action closes the dialog, running what it
// asks to run after.
func runClosing(a action) bool {
	cl, ok := a.(closeDialog)
	if ok && cl.then != nil {
		cl.then()
	}
	return ok
}
