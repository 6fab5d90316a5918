package tui

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store/seed"
)

// The workbench's history marks a revision that is not trusted (unsigned
// in the name of a device whose key the file holds), as kaohe history
// does, so an inspector looking at a rule's trail is never shown a forged
// line as if it were genuine.
func TestHistoryMarksUntrustedRevisions(t *testing.T) {
	h := newHarness(t)
	id, _ := h.s.Identity("")
	v := "3"
	revs, err := h.s.Record(id, h.a.ID, seed.SetJSON(t, "1.2.a", v, ""))
	if err != nil {
		t.Fatal(err)
	}
	h.keys("n h") // 1.2, its first rule: 1.2.a
	h.mustContain("修改记录 1.2.a")
	if strings.Contains(h.screen(), "不予信任") {
		t.Fatalf("a trusted revision is marked:\n%s", h.screen())
	}
	h.keys("esc")
	// The device that wrote it turns out to have a key: its unsigned
	// revision is now one nobody can vouch for.
	db, err := sql.Open("sqlite", h.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("INSERT INTO device(id, public_key) VALUES (?, ?)", revs[0].Device, make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	h.keys("h")
	h.mustContain("修改记录 1.2.a", "不予信任")
}
