package store

import (
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// Lookback is what a unit's earlier period left for its current
// assessment (回头看): its problems by the current indicator, the ones
// whose indicator is gone, and the current problems that are relapses.
type Lookback = assessment.Lookback

// LookBack sets the problems of the unit's latest earlier period that has
// a signed assessment (assessment.PickEarlier) beside st: the earlier
// problems as they stand now, under the current rubric's indicators, and
// which of st's problems — derived from its score, signed or not, so an
// inspector sees a relapse while recording it — repeat one closed then.
// With no earlier signed period it is an empty Lookback.
func (s *Store) LookBack(st *State) (*Lookback, error) {
	all, err := s.Assessments()
	if err != nil {
		return nil, err
	}
	cur := rubric.NormalizePeriod(st.Assessment.Period)
	var candidates []*State
	for _, a := range all {
		if a.Unit != st.Assessment.Unit || a.ID == st.Assessment.ID || rubric.NormalizePeriod(a.Period) >= cur {
			continue
		}
		e, err := s.State(a.ID)
		if err != nil {
			return nil, err
		}
		candidates = append(candidates, e)
	}
	return LookBackAmong(st, candidates)
}

// LookBackAmong is LookBack with the earlier assessments given (states
// already read, as a report has them): it picks the one to look back at
// among candidates and derives both sides' problems.
func LookBackAmong(st *State, candidates []*State) (*Lookback, error) {
	res, err := st.Score()
	if err != nil {
		return nil, err
	}
	current := st.Problems(res)
	earlier := assessment.PickEarlier(st.Assessment, candidates)
	if earlier == nil {
		return assessment.LookBack(nil, nil, st, current), nil
	}
	before, err := ProblemsOf(earlier)
	if err != nil {
		return nil, err
	}
	return assessment.LookBack(earlier, before, st, current), nil
}
