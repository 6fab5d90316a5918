package store

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// nextYear is the seed with a new version and one changed amount.
func nextYear(t *testing.T, version, amount string) *rubric.Rubric {
	t.Helper()
	rb := rubric.Default()
	rb.Version = version
	ref, ok := rb.Rule("1.1.a")
	if !ok {
		t.Fatal("seed has no rule 1.1.a")
	}
	d := decimal.MustParse(amount)
	ref.Rule.Amount = &d
	return rb
}

func TestAddRubricAndList(t *testing.T) {
	s, _ := openTemp(t)
	list, err := s.Rubrics()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != rubric.Default().ID {
		t.Fatalf("a new database lists %d rubrics, want the built-in only", len(list))
	}
	r2022 := nextYear(t, "2022", "0.5")
	added, err := s.AddRubric(r2022)
	if err != nil || !added {
		t.Fatalf("adding 2022: added %v, %v", added, err)
	}
	added, err = s.AddRubric(nextYear(t, "2022", "0.5"))
	if err != nil || added {
		t.Fatalf("adding the same 2022 again: added %v, %v (want a quiet no-op)", added, err)
	}
	// The same id and version with other content is refused, and changes nothing.
	_, err = s.AddRubric(nextYear(t, "2022", "0.8"))
	if CodeOf(err) != CodeRubricConflict {
		t.Fatalf("a changed 2022 under the same version: got %v, want a conflict", err)
	}
	got, err := s.Rubric(r2022.ID, "2022")
	if err != nil {
		t.Fatal(err)
	}
	if ref, _ := got.Rule("1.1.a"); ref.Rule.Amount.String() != "0.5" {
		t.Fatalf("the refused rubric replaced the stored one: amount %s", ref.Rule.Amount)
	}
	// The built-in id and version cannot be taken by other content, even
	// before the built-in rubric is stored.
	_, err = s.AddRubric(nextYear(t, rubric.Default().Version, "0.5"))
	if CodeOf(err) != CodeRubricConflict || !strings.Contains(err.Error(), "is the built-in rubric") {
		t.Fatalf("replacing the built-in: got %v", err)
	}
	if _, _, err := s.CreateAssessment(mustInspector(t, s, "张三"), nextYear(t, rubric.Default().Version, "0.5"), "吉首市", "2021"); CodeOf(err) != CodeRubricConflict {
		t.Fatalf("creating an assessment on a fake built-in: got %v", err)
	}
	// An invalid rubric is refused.
	bad := nextYear(t, "2023", "0")
	if _, err := s.AddRubric(bad); err == nil {
		t.Fatal("an invalid rubric was stored")
	}
	added, err = s.AddRubric(nextYear(t, "2020", "0.5"))
	if err != nil || !added {
		t.Fatal(err)
	}
	list, err = s.Rubrics()
	if err != nil {
		t.Fatal(err)
	}
	var versions []string
	for _, rb := range list {
		versions = append(versions, rb.Version)
	}
	if len(versions) != 3 || versions[0] != "2021" || versions[1] != "2020" || versions[2] != "2022" {
		t.Fatalf("listed versions %v, want the built-in 2021 first, then 2020, 2022", versions)
	}
	if _, _, err := s.CreateAssessment(mustInspector(t, s, "张三"), list[2], "吉首市", "2022"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RubricAssessments(r2022.ID, "2022"); err != nil || n != 1 {
		t.Fatalf("2022 used by %d assessments (%v), want 1", n, err)
	}
}
