package store

import (
	"fmt"
	"strings"
)

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
