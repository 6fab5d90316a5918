package store

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/kaohe/kaohe/assessment"
	"pgregory.net/rapid"
)

// Any set of revisions signs off into a manifest that reads back to the
// same IDs and digest, and nothing but such a manifest reads as one.
func TestSignOffManifestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 40).Draw(t, "n")
		var revs []*Revision
		for i := range n {
			revs = append(revs, &Revision{ID: uuid.NewString(), Subject: rapid.SampledFrom([]string{"1.2.a", "2.4.a", "note:1.2"}).Draw(t, "subject"),
				Hash: fmt.Sprintf("%064x", i)})
		}
		v := encodeValue(assessment.SignOffOf(revs))
		so, ok := assessment.ParseSignOff(v)
		if !ok || assessment.StatusOf(v) != StatusSigned || len(so.Heads) != n || so.Digest != assessment.HeadsDigest(revs) {
			t.Fatalf("manifest %s reads back as %+v %v", *v, so, ok)
		}
		if n >= 2 { // only the canonical form (sorted, no repeats) is a manifest
			so.Heads[0], so.Heads[1] = so.Heads[1], so.Heads[0]
			b, _ := json.Marshal(so)
			text := string(b)
			if _, ok := assessment.ParseSignOff(&text); ok {
				t.Fatalf("unsorted manifest accepted: %s", text)
			}
		}
	})
}
