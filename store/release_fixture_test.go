package store

import (
	"database/sql"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// releaseState is what the previous release read from an assessment of
// testdata/previous_release.json.
type releaseState struct {
	Unit, Period, Status, Total, Fingerprint string
	Findings                                 scoring.Findings
	Notes                                    map[string]string
	Attachments                              []string
	Withdrawn                                bool
	SignedHeads                              int
}

// A database the previous release wrote (its revisions checked in as that
// release stored them: rule values, notes with characters JSON escapes, an
// attachment, two sign-offs, a reopening, retractions, a withdrawal) reads
// identically: every revision keeps its content hash, every value encodes
// again to the very text stored, and each assessment's status, values,
// notes, attachments, score and fingerprint are what that release read.
func TestPreviousReleaseReadsIdentically(t *testing.T) {
	b, err := os.ReadFile("testdata/previous_release.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Revisions []*Revision
		States    []releaseState
	}
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	id := mustInspector(t, s, "王五")
	for _, e := range fx.States {
		mustNew(t, s, id, e.Unit, e.Period)
	}
	for _, r := range fx.Revisions {
		if got := r.ContentHash(); got != r.Hash {
			t.Errorf("%s %s: content hash %s, stored %s", r.Subject, r.ID, got, r.Hash)
		}
		got, want := encodeValue(r.Decoded()), r.Value
		if (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Errorf("%s: stored %s, its value encodes again as %s", r.Subject, valueText(want), valueText(got))
		}
	}
	if err := s.tx(func(tx *sql.Tx) error {
		for _, r := range fx.Revisions {
			if err := insertRevision(tx, r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.RebuildHeads(); err != nil {
		t.Fatal(err)
	}
	rb := rubric.Default()
	for _, want := range fx.States {
		st, err := s.State(AssessmentID(rb.ID, rb.Version, want.Unit, want.Period))
		if err != nil {
			t.Fatal(err)
		}
		res, err := st.Score()
		if err != nil {
			t.Fatal(err)
		}
		fp, err := st.Fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		got := releaseState{Unit: want.Unit, Period: want.Period, Status: st.Status(), Total: res.Total.Fixed(2), Fingerprint: fp,
			Findings: st.Findings(), Notes: st.Notes(), Withdrawn: st.Withdrawn() != nil}
		for _, at := range st.Attachments("") {
			got.Attachments = append(got.Attachments, at.Subject+" "+at.Name+" "+at.Note)
		}
		if so := st.SignOff(); so != nil {
			got.SignedHeads = len(so.Signed)
		}
		if len(got.Findings) != len(want.Findings) {
			t.Errorf("%s: %d values, the previous release read %d", want.Unit, len(got.Findings), len(want.Findings))
		}
		for rule, f := range want.Findings {
			if g, ok := got.Findings[rule]; !ok || !g.Value.Equal(f.Value) || g.Note != f.Note {
				t.Errorf("%s %s: reads %v %q, the previous release read %v %q", want.Unit, rule, g.Value, g.Note, f.Value, f.Note)
			}
		}
		got.Findings, want.Findings = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads\n%+v\nthe previous release read\n%+v", want.Unit, got, want)
		}
	}
}
