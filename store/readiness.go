package store

import (
	"fmt"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"sort"
	"strings"
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

// Summary says in one line what is missing, for history and messages.
func (r Readiness) Summary() string {
	var parts []string
	if n := len(r.Unrecorded); n > 0 {
		parts = append(parts, fmt.Sprintf("%d rules unrecorded", n))
	}
	if n := len(r.Conflicts); n > 0 {
		parts = append(parts, fmt.Sprintf("%d open conflicts", n))
	}
	if n := len(r.MissingReasons); n > 0 {
		parts = append(parts, fmt.Sprintf("%d discretionary deductions without a reason", n))
	}
	if n := len(r.MissingEvidence); n > 0 {
		parts = append(parts, fmt.Sprintf("%d deductions without evidence", n))
	}
	return strings.Join(parts, ", ")
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
		r.Conflicts = append(r.Conflicts, subj)
	}
	sort.Slice(r.Conflicts, func(i, j int) bool { return scoring.RuleLess(r.Conflicts[i], r.Conflicts[j]) })
	r.MissingEvidence = st.MissingEvidence()
	return r
}

// IncompleteError is a sign-off refused because the assessment is not
// ready; it lists what is missing.
type IncompleteError struct {
	Assessment string // UNIT/PERIOD
	Readiness  Readiness
}

// Error lists what is missing, one kind per line.
func (e *IncompleteError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is not ready to sign: %s", e.Assessment, e.Readiness.Summary())
	list := func(what string, ids []string) {
		if len(ids) > 0 {
			fmt.Fprintf(&b, "\n  %s: %s", what, strings.Join(ids, ", "))
		}
	}
	list("unrecorded", e.Readiness.Unrecorded)
	list("open conflicts (settle with kaohe resolve)", e.Readiness.Conflicts)
	list("discretionary deductions without a reason (add a note)", e.Readiness.MissingReasons)
	list("deductions without evidence (kaohe attach)", e.Readiness.MissingEvidence)
	if len(e.Readiness.Conflicts) > 0 {
		b.WriteString("\nopen conflicts must be settled before signing")
	} else {
		b.WriteString("\nto sign it as it is, add --allow-incomplete (kept in history)")
	}
	return b.String()
}

// Unwrap marks the error as a refusal.
func (e *IncompleteError) Unwrap() error { return errIncomplete }
