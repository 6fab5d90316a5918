package store

import (
	"sort"

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

// Lookbacks looks back for many assessments at once — a list of every
// problem of a period, a report — among states already read: each
// candidate unit's assessments are found by unit, each earlier
// assessment's problems are derived once however many look back at it
// (and taken from Of's current problems when it was listed itself), and
// each pair of rubrics is compared once.
type Lookbacks struct {
	byUnit   map[string][]*State
	problems map[string][]assessment.Problem
	maps     map[[2]*rubric.Rubric]*assessment.RubricMap
}

// NewLookbacks looks back among states (the withdrawn and unsigned ones
// are passed over).
func NewLookbacks(states []*State) *Lookbacks {
	lb := &Lookbacks{byUnit: map[string][]*State{}, problems: map[string][]assessment.Problem{},
		maps: map[[2]*rubric.Rubric]*assessment.RubricMap{}}
	for _, st := range states {
		lb.byUnit[st.Assessment.Unit] = append(lb.byUnit[st.Assessment.Unit], st)
	}
	return lb
}

// Earlier is the assessment st looks back at among the states, nil when
// there is none (then Of has nothing to say, and its caller need not
// derive st's problems).
func (lb *Lookbacks) Earlier(st *State) *State {
	return assessment.PickEarlier(st.Assessment, lb.byUnit[st.Assessment.Unit])
}

// Of sets the unit's last signed period beside st, whose problems are
// current (store.ProblemsOf's, or those of its live score); nil — which
// has nothing — when there is no earlier signed period among the states.
func (lb *Lookbacks) Of(st *State, current []assessment.Problem) (*Lookback, error) {
	if _, ok := lb.problems[st.Assessment.ID]; !ok && st.Signed() != nil {
		lb.problems[st.Assessment.ID] = current
	}
	earlier := lb.Earlier(st)
	if earlier == nil {
		return nil, nil
	}
	ps, ok := lb.problems[earlier.Assessment.ID]
	if !ok {
		var err error
		if ps, err = ProblemsOf(earlier); err != nil {
			return nil, err
		}
		lb.problems[earlier.Assessment.ID] = ps
	}
	key := [2]*rubric.Rubric{earlier.Rubric, st.Rubric}
	m, ok := lb.maps[key]
	if !ok {
		m = assessment.MapRubric(earlier.Rubric, st.Rubric)
		lb.maps[key] = m
	}
	return assessment.LookBackWith(m, earlier, ps, st, current), nil
}

// LookbacksFor prepares Lookbacks for states (one period's, as the ledger
// reads them), reading only what they look back at: the earlier periods of
// their units, latest first, one period's states at a time
// (StatesOfPeriod), until every unit has an earlier signed assessment or
// no period is left. Most often that is the one period before.
func (s *Store) LookbacksFor(states []*State) (*Lookbacks, error) {
	all, err := s.Assessments()
	if err != nil {
		return nil, err
	}
	latest := map[string]string{} // unit → its latest period among states
	for _, st := range states {
		u, p := st.Assessment.Unit, rubric.NormalizePeriod(st.Assessment.Period)
		if p > latest[u] {
			latest[u] = p
		}
	}
	periods := map[string]bool{}
	for _, a := range all {
		if p, ok := latest[a.Unit]; ok && rubric.NormalizePeriod(a.Period) < p {
			periods[a.Period] = true
		}
	}
	order := make([]string, 0, len(periods))
	for p := range periods {
		order = append(order, p)
	}
	sort.Slice(order, func(i, j int) bool { return rubric.NormalizePeriod(order[i]) > rubric.NormalizePeriod(order[j]) })
	among := append([]*State(nil), states...)
	found := map[string]bool{} // units with an earlier signed assessment read
	for _, p := range order {
		if len(found) == len(latest) {
			break
		}
		earlier, err := s.StatesOfPeriod(p)
		if err != nil {
			return nil, err
		}
		for _, st := range earlier {
			if q, ok := latest[st.Assessment.Unit]; ok {
				among = append(among, st)
				if rubric.NormalizePeriod(st.Assessment.Period) < q && st.Signed() != nil && st.Withdrawn() == nil {
					found[st.Assessment.Unit] = true
				}
			}
		}
	}
	return NewLookbacks(among), nil
}
