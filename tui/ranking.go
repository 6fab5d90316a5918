package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// rankingMsg carries the ranking report of the states taken as the of'th
// set (summaryScreen.ranked).
type rankingMsg struct {
	of     int
	report *report.Report
	// margins are how close the ranks of the ranking's latest period are.
	margins []report.Margin
	err     error
}

// rankStates works out the ranking report of states in a command, after
// the list is drawn: on the office's decade file it costs as much again as
// reading the states, and only the summary screen shows it. Records whose
// content does not match their hash are named on it (unverified).
func rankStates(be Backend, l *i18n.Labels, now time.Time, states []*store.State, of int) tea.Cmd {
	if len(states) == 0 {
		return nil
	}
	return func() tea.Msg {
		msg := rankingMsg{of: of}
		bad, err := unverified(be, l, states)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.report, msg.err = report.Build(states, report.Filter{Unverified: bad}, l, now)
		if msg.err == nil {
			msg.margins, msg.err = latestMargins(msg.report, states)
		}
		return msg
	}
}

// latestMargins works out the rank margins of the report's latest period
// (its first rows), among every state of that period and rubric: the
// summary shows those, and the cost stays that of one period whatever the
// database holds.
func latestMargins(r *report.Report, states []*store.State) ([]report.Margin, error) {
	if len(r.Ranking) < 2 {
		return nil, nil
	}
	first := r.Ranking[0]
	var period []*store.State
	for _, st := range states {
		a := st.Assessment
		if textwidth.Sanitize(a.Period, true) == first.Period && a.RubricID+" "+a.RubricVersion == first.Rubric {
			period = append(period, st)
		}
	}
	return report.Margins(period)
}
