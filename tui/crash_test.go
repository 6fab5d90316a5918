package tui

import "testing"

// A filter that matches nothing used to index an empty tree and crashed.
func TestFilterMatchingNothingDoesNotCrash(t *testing.T) {
	h := newHarness(t)
	h.keys("/ z")
	if len(h.m.wb.rows) != 0 {
		t.Fatalf("filter z matched %d rows", len(h.m.wb.rows))
	}
	h.keys("j k n p ] [ tab space enter")
	h.mustContain("筛选：z")
	h.keys("esc")
	h.mustContain("1.1.a")
}
