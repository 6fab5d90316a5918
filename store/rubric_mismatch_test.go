package store

import (
	"strings"
	"testing"
)

// A rubric stored with --allow-mismatch keeps its mismatches beside it,
// after reopening, with its content and hash what AddRubric stores; a
// refused conflicting add records nothing.
func TestRubricStoredWithMismatches(t *testing.T) {
	s, path := openTemp(t)
	rb := nextYear(t, "2022", "0.5")
	ms := []string{"指标.xlsx:规则!F2: 1.1.a 扣分 0.5，但条款写“扣1分”"}
	if added, err := s.AddRubricAllowingMismatch(rb, ms); err != nil || !added {
		t.Fatalf("added %v, %v", added, err)
	}
	if got, err := s.RubricMismatches(rb.ID, "2022"); err != nil || strings.Join(got, "\n") != ms[0] {
		t.Fatalf("recorded %q, %v", got, err)
	}
	if got, err := s.RubricMismatches(rb.ID, "2021"); err != nil || got != nil {
		t.Errorf("the seed has mismatches recorded: %q, %v", got, err)
	}
	_, want, _ := CanonicalRubric(nextYear(t, "2022", "0.5"))
	var stored string
	if err := s.db.QueryRow("SELECT sha256 FROM rubric WHERE id = ? AND version = ?", rb.ID, "2022").Scan(&stored); err != nil || stored != want {
		t.Errorf("stored hash %s, %v; want %s", stored, err, want)
	}
	_, err := s.AddRubricAllowingMismatch(nextYear(t, "2022", "0.8"), []string{"other"})
	if CodeOf(err) != CodeRubricConflict {
		t.Fatalf("conflicting add: %v", err)
	}
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, err := s2.RubricMismatches(rb.ID, "2022"); err != nil || strings.Join(got, "\n") != ms[0] {
		t.Errorf("after reopening, recorded %q, %v", got, err)
	}
}
