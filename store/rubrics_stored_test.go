package store

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// A stored rubric whose record was changed outside kaohe — its content
// swapped for another version's, with that content's own sha256 — is
// refused when loaded, naming the rubric and what is wrong, as verify and
// merge refuse it; it is not scored with in its place.
func TestLoadingAChangedStoredRubricIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	stored := rubric.Default()
	stored.Version = "2030"
	if _, _, err := s.CreateAssessment(id, stored, "吉首市", "2030"); err != nil {
		t.Fatal(err)
	}
	other := rubric.Default()
	other.Version = "2031"
	content, sum, err := CanonicalRubric(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE rubric SET content = ?, sha256 = ? WHERE id = ? AND version = ?",
		string(content), sum, stored.ID, stored.Version); err != nil {
		t.Fatal(err)
	}
	rb, err := s.Rubric(stored.ID, stored.Version)
	if err == nil {
		t.Fatalf("the changed record loaded as rubric %s %s", rb.ID, rb.Version)
	}
	for _, want := range []string{"rubric " + stored.ID + " version 2030", "its content names " + stored.ID + " 2031"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q lacks %q", err, want)
		}
	}
}
