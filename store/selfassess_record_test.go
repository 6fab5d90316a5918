package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// A returned self-assessment is recorded with its files all or nothing: a
// refused claim (above the indicator's points) attaches no file, a missing
// file records no claim; accepted, both are there, and again adds nothing.
func TestRecordSelfIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "组长")
	a, _, err := s.CreateAssessment(id, rubric.Default(), "吉首市", "2021")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "清单.pdf")
	os.WriteFile(doc, []byte("%PDF 清单"), 0o644)
	files := []SelfFiles{{Indicator: "1.2", Paths: []string{doc}}}
	revisions := func() int {
		revs, err := s.History(a.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		return len(revs)
	}
	before := revisions()
	if _, _, err := s.RecordSelf(id, a.ID, []Change{SetSelf("1.2", decimal.MustParse("2"), "", []string{"清单.pdf"}), SetSelf("1.1", decimal.MustParse("2.5"), "", nil)}, files, AttachOptions{}); err == nil {
		t.Fatal("1.1 claimed 2.5 of its 2 points")
	}
	if _, _, err := s.RecordSelf(id, a.ID, []Change{SetSelf("1.2", decimal.MustParse("2"), "", nil)}, []SelfFiles{{Indicator: "1.2", Paths: []string{filepath.Join(dir, "无.pdf")}}}, AttachOptions{}); err == nil {
		t.Fatal("a missing file was accepted")
	}
	if got := revisions(); got != before {
		t.Fatalf("refused self-assessments wrote %d revisions", got-before)
	}
	revs, attached, err := s.RecordSelf(id, a.ID, []Change{SetSelf("1.2", decimal.MustParse("2"), "", []string{"清单.pdf"})}, files, AttachOptions{})
	if err != nil || len(revs) != 1 || attached != 1 {
		t.Fatalf("recorded %d, attached %d: %v", len(revs), attached, err)
	}
	st := mustState(t, s, a.ID)
	if got := st.Attachments(assessment.SelfSubject("1.2")); len(got) != 1 || got[0].Name != "清单.pdf" {
		t.Errorf("1.2's self-assessment evidence: %+v", got)
	}
	revs, attached, err = s.RecordSelf(id, a.ID, []Change{SetSelf("1.2", decimal.MustParse("2"), "", []string{"清单.pdf"})}, files, AttachOptions{})
	if err != nil || len(revs) != 0 || attached != 0 {
		t.Errorf("the same again: recorded %d, attached %d: %v", len(revs), attached, err)
	}
}
