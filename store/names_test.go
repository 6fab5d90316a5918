package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
)

// Two assessments must never both display as 吉首市: names with invisible or
// direction-changing characters are refused, and a name typed decomposed is
// the same name as the composed one.
func TestValidNameOneRuleForEveryDoor(t *testing.T) {
	refused := map[string]string{
		"zero-width space":  "吉首\u200b市",
		"zero-width joiner": "吉首市\u200d",
		"bidi override":     "\u202e市首吉",
		"bidi isolate":      "吉首\u2066市\u2069",
		"left-to-right":     "吉首市\u200e",
		"BOM inside":        "吉\ufeff首市",
		"variation sel":     "吉首市\ufe0f",
		"escape":            "吉首市\x1b[31m",
		"newline":           "吉首市\n李四",
		"nbsp":              "吉首\u00a0市",
		"empty":             "\u3000 ",
		"too long":          strings.Repeat("长", 101),
	}
	for name, in := range refused {
		if _, err := ValidName("unit", in); err == nil {
			t.Errorf("%s: %q accepted", name, in)
		} else if !strings.Contains(err.Error(), "unit") {
			t.Errorf("%s: error does not name the field: %v", name, err)
		}
	}
	got, err := ValidName("unit", " Cafe\u0301 ")
	if err != nil || got != "Caf\u00e9" {
		t.Fatalf("NFC: got %q, %v", got, err)
	}

	s, _ := openTemp(t)
	if _, err := s.SetInspector("张\u200b三"); err == nil {
		t.Error("init: zero-width inspector accepted")
	}
	id := mustInspector(t, s, "张三")
	if _, _, err := s.CreateAssessment(id, rubric.Default(), "吉首\u200b市", "2021"); err == nil {
		t.Error("new: zero-width unit accepted")
	}
	if _, _, err := s.CreateAssessment(id, rubric.Default(), "吉首市", "20\u202e21"); err == nil {
		t.Error("new: bidi period accepted")
	}
	if _, err := s.Identity("李\u202e四"); err == nil || !strings.Contains(err.Error(), "KAOHE_INSPECTOR") {
		t.Errorf("KAOHE_INSPECTOR with a bidi control: %v", err)
	}
	composed := mustNew(t, s, id, "Caf\u00e9", "2021")
	decomposed, created, err := s.CreateAssessment(id, rubric.Default(), "Cafe\u0301", "2021")
	if err != nil || created || decomposed.ID != composed.ID {
		t.Errorf("decomposed name made another assessment: %+v created=%v %v", decomposed, created, err)
	}
	if found, err := s.Find("Cafe\u0301/2021"); err != nil || found.ID != composed.ID {
		t.Errorf("Find with a decomposed name: %v", err)
	}
}

// A merged file is the other door: a unit or an inspector that kaohe would
// have refused at `new` or `init` is refused when it arrives by merge.
func TestMergeRefusesInvisibleNames(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.db")
	ts, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts.Close()

	// A unit with a zero-width space, its ID recomputed as kaohe would.
	s, id, unitSrc := inspectorDB(t, dir, "李四")
	rb := rubric.Default()
	a := mustNew(t, s, id, "吉首市", "2021")
	forged := "吉首\u200b市"
	if _, err := s.db.Exec("UPDATE assessment SET unit = ?, id = ? WHERE id = ?", forged, AssessmentID(rb.ID, rb.Version, forged, "2021"), a.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// An inspector name with a bidi override, its hash recomputed.
	s2, id2, inspSrc := inspectorDB(t, dir, "王五")
	a2 := mustNew(t, s2, id2, "泸溪县", "2021")
	rawInsert(t, s2, &Revision{ID: "22222222-2222-4222-8222-222222222222", Assessment: a2.ID, Subject: "1.2.a", Value: val(t, "3"),
		Inspector: "王\u202e五", Device: id2.Device, HLC: HLC{Wall: 1000}.String(), Wall: time.UnixMilli(1000).UTC()}, true)
	s2.Close()

	for _, c := range []struct{ src, want string }{
		{unitSrc, "zero-width"},
		{inspSrc, "bidi"},
	} {
		t2, err := Open(target, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = t2.Merge(c.src)
		t2.Close()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("merge %s: got %v, want an error about %s", filepath.Base(c.src), err, c.want)
		}
	}
}
