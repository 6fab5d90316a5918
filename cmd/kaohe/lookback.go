package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// lookbacks works out what each listed assessment's unit left in its last
// signed period (回头看), for the 反弹 mark: from the states already read
// when the command read them all, else from the unit's earlier ones; each
// earlier assessment's problems are derived once however many look back at
// it.
type lookbacks struct {
	s *store.Store
	// all are every assessment's states when the command read them (nil:
	// read a unit's earlier ones when asked).
	all      []*store.State
	problems map[string][]assessment.Problem
}

func newLookbacks(s *store.Store, all []*store.State) *lookbacks {
	return &lookbacks{s: s, all: all, problems: map[string][]assessment.Problem{}}
}

// of sets the unit's last signed period beside st, whose problems are
// current; nil (which has nothing) when there is no earlier signed period.
func (lb *lookbacks) of(st *store.State, current []assessment.Problem) (*assessment.Lookback, error) {
	candidates := lb.all
	if candidates == nil {
		var err error
		if candidates, err = lb.s.EarlierStates(st.Assessment); err != nil {
			return nil, err
		}
	}
	earlier := assessment.PickEarlier(st.Assessment, candidates)
	if earlier == nil {
		return nil, nil
	}
	ps, ok := lb.problems[earlier.Assessment.ID]
	if !ok {
		var err error
		if ps, err = store.ProblemsOf(earlier); err != nil {
			return nil, err
		}
		lb.problems[earlier.Assessment.ID] = ps
	}
	return assessment.LookBack(earlier, ps, st, current), nil
}

// relapseTag is what the state column adds for a 反弹: " 反弹", or ""
// for a problem that repeats none.
func relapseTag(l *i18n.Labels, e *assessment.EarlierProblem) string {
	if e == nil {
		return ""
	}
	return " " + l.Lookback.Relapse
}

// unmappedLine is the line under the list naming the problems of st's
// last signed period whose indicator its rubric no longer has: listed,
// not dropped ("吉首市/2021 2020年问题（本年指标已不存在）：1.3.a（已销号）").
func unmappedLine(l *i18n.Labels, st *store.State, lb *assessment.Lookback) string {
	parts := make([]string, len(lb.Unmapped))
	for i, e := range lb.Unmapped {
		parts[i] = report.EarlierText(l, e)
	}
	return textwidth.Line(st.Assessment.Label()) + " " + fmt.Sprintf(l.Lookback.Unmapped, lb.Period()) + l.Values.Colon +
		strings.Join(parts, l.Lookback.Sep)
}
