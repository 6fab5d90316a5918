package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// rankingMsg carries the ranking report of the states taken as the of'th
// set (summaryScreen.ranked).
type rankingMsg struct {
	of     int
	report *report.Report
	err    error
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
		return msg
	}
}
