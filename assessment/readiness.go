package assessment

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// Readiness lists what stands between an assessment and its sign-off.
type Readiness struct {
	Unrecorded     []string // rules without a value, in rubric order
	Conflicts      []string // subjects in conflict (between inspectors or with a sign-off)
	MissingReasons []string // discretionary deductions above 0 without a note saying why
	// MissingEvidence lists deductions without the attachment the rubric
	// asks for (evidence: deductions).
	MissingEvidence []string
}

// Complete reports whether nothing stands in the way.
func (r Readiness) Complete() bool {
	return len(r.Unrecorded) == 0 && len(r.Conflicts) == 0 && len(r.MissingReasons) == 0 && len(r.MissingEvidence) == 0
}

// Readiness lists what stands between the assessment and its sign-off.
func (st *State) Readiness() Readiness {
	var r Readiness
	fs := st.Findings()
	for _, ind := range st.Rubric.Indicators() {
		for i := range ind.Rules {
			rule := &ind.Rules[i]
			f, ok := fs[rule.ID]
			if !ok {
				r.Unrecorded = append(r.Unrecorded, rule.ID)
				continue
			}
			if rule.Kind == rubric.Discretion && f.Value.Type == scoring.Number && f.Value.Num > 0 && strings.TrimSpace(f.Note) == "" {
				r.MissingReasons = append(r.MissingReasons, rule.ID)
			}
		}
	}
	for subj := range st.openConflictSubjects() {
		if !IsUnsignedSubject(subj) { // the plan's and the rectification's are not the result's
			r.Conflicts = append(r.Conflicts, subj)
		}
	}
	sort.Slice(r.Conflicts, func(i, j int) bool { return scoring.RuleLess(r.Conflicts[i], r.Conflicts[j]) })
	r.MissingEvidence = st.MissingEvidence()
	return r
}
