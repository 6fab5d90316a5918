// Package seed builds the databases the tests of report and tui start
// from, through the store as kaohe itself writes them: a store with an
// inspector, an assessment, every rule at full marks. It is for tests only.
// It lives under store, not beside internal/storetest, because it imports
// store, rubric and scoring: internal/ is what every layer stands on and
// imports none of them (and store's own tests cannot import it).
package seed

import (
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Store opens a new database in a temp folder of the test's, closed when
// the test ends, with inspector 张三 set, and returns it and 张三.
func Store(t testing.TB) (*store.Store, store.Identity) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("张三")
	if err != nil {
		t.Fatal(err)
	}
	return s, id
}

// Assessment creates unit's assessment of period under the default rubric.
func Assessment(t testing.TB, s *store.Store, id store.Identity, unit, period string) store.Assessment {
	t.Helper()
	a, _, err := s.CreateAssessment(id, rubric.Default(), unit, period)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Record records changes in assessment aid as id, failing the test on a
// refusal.
func Record(t testing.TB, s *store.Store, id store.Identity, aid string, cs ...store.Change) {
	t.Helper()
	if _, err := s.Record(id, aid, cs...); err != nil {
		t.Fatal(err)
	}
}

// FullMarks is every rule of rb at its full-marks finding, with the note
// the rubric asks for.
func FullMarks(rb *rubric.Rubric) []store.Change {
	var out []store.Change
	for rule, f := range scoring.FullFindings(rb) {
		out = append(out, store.SetRule(rule, f.Value, f.Note))
	}
	return out
}

// SetJSON is the change that records a rule's value given as its JSON text
// (3, true), as a file or a command line gives it, failing the test if the
// text is no value.
func SetJSON(t testing.TB, rule, text, note string) store.Change {
	t.Helper()
	var v scoring.Value
	if err := v.UnmarshalJSON([]byte(text)); err != nil {
		t.Fatal(err)
	}
	return store.SetRule(rule, v, note)
}
