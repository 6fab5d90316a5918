package tui

import (
	"errors"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// scriptedBackend answers Record from a script of errors and remembers
// what it was asked to write.
type scriptedBackend struct {
	StoreBackend
	errs    []error
	written [][]store.Change
}

func (b *scriptedBackend) Record(_ store.Identity, _ string, changes ...store.Change) ([]store.Revision, error) {
	b.written = append(b.written, changes)
	var err error
	if len(b.errs) > 0 {
		err, b.errs = b.errs[0], b.errs[1:]
	}
	if err != nil {
		return nil, err
	}
	var revs []store.Revision
	for _, c := range changes {
		revs = append(revs, store.Revision{ID: "rev-" + c.Subject + "-" + c.Value.Rule.String(), Subject: c.Subject})
	}
	return revs, nil
}

func change(subject, value string) store.Change {
	return store.SetRule(subject, scoring.NumValue(decimal.MustParse(value)), "")
}

// Each outcome of a save: what stays queued, whether it is retried, and
// which revisions later edits are based on.
func TestSaverOutcomes(t *testing.T) {
	refused := &store.Refusal{Code: store.CodeConflict, Subject: "1.2.a"}
	for _, tc := range []struct {
		name        string
		errs        []error
		edits       []store.Change // the second is made while the first is in flight
		want        saveOutcome
		unsavedThen int
		nextCmd     bool   // another save (or the retry timer) follows
		secondSeen  string // the parent the second edit is saved with
	}{
		{name: "saved", edits: []store.Change{change("1.2.a", "4")}, want: outcomeSaved, unsavedThen: 0},
		{name: "refused", errs: []error{refused}, edits: []store.Change{change("1.2.a", "4")}, want: outcomeRefused, unsavedThen: 0},
		{name: "I/O failure", errs: []error{errors.New("disk I/O error")}, edits: []store.Change{change("1.2.a", "4")},
			want: outcomeFailed, unsavedThen: 1, nextCmd: true},
		{name: "newer edit waiting", edits: []store.Change{change("1.2.a", "4"), change("1.2.a", "5")},
			want: outcomeSaved, unsavedThen: 1, nextCmd: true, secondSeen: "rev-1.2.a-4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			be := &scriptedBackend{errs: tc.errs}
			s := newSaver(be, store.Identity{Inspector: "张三"}, "a", 0)
			s.seeHeads(stateOf(t, &store.Revision{ID: "rev-seen-3", Subject: "1.2.a", Value: new("3")}))
			first := s.enqueue(tc.edits[0])
			for _, e := range tc.edits[1:] {
				if s.enqueue(e) != nil {
					t.Fatal("a second save started while one was in flight")
				}
			}
			msg := first().(savedMsg)
			if got := be.written[0][0].Seen; len(got) != 1 || got[0] != "rev-seen-3" {
				t.Fatalf("first edit saved with parents %v, want the head on screen", got)
			}
			outcome, next := s.saved(msg)
			if outcome != tc.want {
				t.Fatalf("outcome %d, want %d", outcome, tc.want)
			}
			if s.unsaved() != tc.unsavedThen {
				t.Fatalf("unsaved %d, want %d", s.unsaved(), tc.unsavedThen)
			}
			if (next != nil) != tc.nextCmd {
				t.Fatalf("next command %v, want %v", next != nil, tc.nextCmd)
			}
			if tc.want == outcomeFailed && !s.failed("1.2.a") {
				t.Error("a failed edit is not marked failed")
			}
			if tc.secondSeen != "" {
				next()
				if got := be.written[1][0].Seen; len(got) != 1 || got[0] != tc.secondSeen {
					t.Errorf("second edit saved with parents %v, want %s", got, tc.secondSeen)
				}
			}
			// A stale message (no batch in flight) changes nothing.
			if o, _ := s.saved(savedMsg{seq: 99}); o != outcomeStale {
				t.Errorf("stale message outcome %d", o)
			}
		})
	}
}

// stateOf is an assessment of the default rubric built from heads alone,
// without a database.
func stateOf(t testing.TB, heads ...*store.Revision) *store.State {
	t.Helper()
	rb := rubric.Default()
	a := store.Assessment{ID: store.AssessmentID(rb.ID, rb.Version, "吉首市", "2021"), RubricID: rb.ID, RubricVersion: rb.Version, Unit: "吉首市", Period: "2021"}
	st, err := assessment.Build(a, rb, heads, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
