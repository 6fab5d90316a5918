package store

import (
	"database/sql"

	"github.com/kaohe/kaohe/assessment"
)

// ProblemStep is one change of one problem, for ActOnProblemSteps: the
// assessment, the problem (its ID, key or number in the list) and what to
// record on it.
type ProblemStep struct {
	Assessment string
	Problem    string
	Action     ProblemAction
}

// ActOnProblemSteps makes several changes, each to one problem of a signed
// assessment, possibly of several assessments and each with its own
// values, in one transaction: all are written or none. It is how a unit's
// returned 问题清单 is imported — every filled row its own rectification,
// and a workbook refused by one row writes nothing of the others. A step
// that leaves a record as it was writes nothing; each new record descends
// from the one read here, so a change made meanwhile elsewhere becomes a
// conflict, never a lost update. Steps carry no files (a workbook brings
// none); a problem named twice is refused.
func (s *Store) ActOnProblemSteps(id Identity, steps []ProblemStep) ([]assessment.Problem, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	type planned struct {
		problem assessment.Problem
		change  Change
		aid     string
	}
	states := map[string][]assessment.Problem{}
	seen := map[string]bool{}
	plans := make([]planned, 0, len(steps))
	for _, step := range steps {
		problems, ok := states[step.Assessment]
		if !ok {
			st, err := s.State(step.Assessment)
			if err != nil {
				return nil, err
			}
			if st.Signed() == nil {
				return nil, ErrNotSigned
			}
			if problems, err = ProblemsOf(st); err != nil {
				return nil, err
			}
			states[step.Assessment] = problems
			if len(problems) == 0 {
				return nil, invalid("%s has no problem %q (%d problems)", st.Assessment.Label(), step.Problem, 0)
			}
		}
		if len(step.Action.Evidence) > 0 {
			return nil, invalid("files are attached to one problem at a time, not to a batch of changes")
		}
		p, ok := assessment.FindProblem(problems, step.Problem)
		if !ok {
			return nil, invalid("the assessment %s has no problem %q", step.Assessment, step.Problem)
		}
		if seen[step.Assessment+"\x00"+p.Key] {
			return nil, invalid("problem %s is named twice in one batch of changes", p.ID)
		}
		seen[step.Assessment+"\x00"+p.Key] = true
		rec, err := nextRecord(p, step.Action)
		if err != nil {
			return nil, err
		}
		c := Change{Subject: assessment.ProblemSubject(p.Key), Value: assessment.ProblemValue(rec), Note: step.Action.Note, Resolve: step.Action.Resolve && p.Conflict}
		if !c.Resolve {
			c.Seen = revisionIDs(p.Heads)
			if c.Seen == nil {
				c.Seen = []string{}
			}
		}
		plans = append(plans, planned{problem: p, change: c, aid: step.Assessment})
	}
	var changed []assessment.Problem
	err := s.writeTx(func(tx *sql.Tx) error {
		changed = changed[:0]
		for _, pl := range plans {
			a, rb, err := s.assessmentForWrite(tx, pl.aid)
			if err != nil {
				return err
			}
			rev, err := s.record(tx, id, a, rb, pl.change)
			if err != nil {
				return err
			}
			if rev == nil {
				continue
			}
			p := pl.problem
			rec := *pl.change.Value.Problem
			p.Record, p.Status, p.Revision, p.Conflict = &rec, rec.Status, rev, false
			changed = append(changed, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return changed, nil
}
