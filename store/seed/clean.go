package seed

import (
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Clean is every rule of rb recorded as deducting nothing — no flag found,
// no item missing, every target met — so a test adds exactly the
// deductions it is about (FullMarks records the seed's own findings).
func Clean(rb *rubric.Rubric) []store.Change {
	fs := scoring.CleanFindings(rb)
	out := make([]store.Change, 0, len(fs))
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			out = append(out, store.SetRule(ind.Rules[i].ID, fs[ind.Rules[i].ID].Value, ""))
		}
	}
	return out
}
