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
	candidates, err := s.EarlierStates(st.Assessment)
	if err != nil {
		return nil, err
	}
	return LookBackAmong(st, candidates)
}

// EarlierStates reads the assessments of a's unit in periods before a's:
// those a looks back at (assessment.PickEarlier picks one), read without
// reading the rest of the file.
func (s *Store) EarlierStates(a Assessment) ([]*State, error) {
	all, err := s.Assessments()
	if err != nil {
		return nil, err
	}
	cur := rubric.NormalizePeriod(a.Period)
	var out []*State
	for _, b := range all {
		if b.Unit != a.Unit || b.ID == a.ID || rubric.NormalizePeriod(b.Period) >= cur {
			continue
		}
		st, err := s.State(b.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
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
