package store

import (
	"time"

	"github.com/google/uuid"
	"github.com/kaohe/kaohe/rubric"
)

// revisionFault is one thing wrong with a stored revision, found by
// checkRevision.
type revisionFault struct {
	// why says what is wrong, in English; empty for a value the rubric
	// refuses, which each caller words around value.
	why string
	// graph marks a fault of the revision's place in the graph (its
	// clock, its parents, its sign-off) rather than of its own content.
	graph bool
	// value is the rubric's reason for refusing the revision's value.
	value error
}

// checkRevision is the one check of a revision on its own, which a merge
// applies to every revision it takes in (refusing the file on the first
// fault) and verify to every revision it holds (reporting them all): its ID
// is a UUID, its texts are valid and in bounds, its content matches its
// hash, its clock, parents and sign-off hold (graphProblem, against byID),
// and its value is one rb accepts (not checked when rb is nil). The faults
// come in that order.
func checkRevision(r *Revision, byID map[string]*Revision, now time.Time, rb *rubric.Rubric) []revisionFault {
	var out []revisionFault
	if _, err := uuid.Parse(r.ID); err != nil || len(r.ID) != 36 {
		out = append(out, revisionFault{why: "its ID is not a UUID"})
	}
	if why := revisionTextProblem(r); why != "" {
		out = append(out, revisionFault{why: why})
	}
	if !r.HoldsContentHash() {
		out = append(out, revisionFault{why: "its content does not match its hash (changed outside kaohe, or damaged)"})
	}
	if why := graphProblem(r, byID, now); why != "" {
		out = append(out, revisionFault{why: why, graph: true})
	}
	if rb != nil {
		if err := checkStored(rb, r); err != nil {
			out = append(out, revisionFault{value: err})
		}
	}
	return out
}
