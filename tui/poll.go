package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// startPolling starts this workbench's check for writes by other programs:
// a timer, then SQLite's data_version read in a command, never in Update.
func (wb *workbench) startPolling() tea.Cmd {
	if wb.c.opts.PollInterval <= 0 || wb.pollGen != 0 {
		return nil
	}
	wb.c.pollSeq++
	wb.pollGen = wb.c.pollSeq
	return wb.pollTimer()
}

func (wb *workbench) pollTimer() tea.Cmd {
	gen := wb.pollGen
	return tea.Tick(wb.c.opts.PollInterval, func(time.Time) tea.Msg { return pollMsg{gen} })
}

// poll reads the data version when the timer fires.
func (wb *workbench) poll(msg pollMsg) tea.Cmd {
	if msg.gen != wb.pollGen {
		return nil // the timer of a workbench closed since
	}
	be := wb.c.opts.Backend
	return func() tea.Msg {
		v, err := be.DataVersion()
		return versionMsg{gen: msg.gen, version: v, err: err}
	}
}

// versionRead reloads the assessment, keeping the cursor, when another
// program wrote since it was read; then it waits for the next check.
func (wb *workbench) versionRead(msg versionMsg) tea.Cmd {
	if msg.gen != wb.pollGen {
		return nil
	}
	next := wb.pollTimer()
	if msg.err != nil || msg.version == wb.version {
		return next
	}
	wb.version = msg.version
	wb.message, wb.justSaved = wb.c.l.Screens.ChangedElsewhere, false
	return tea.Batch(wb.reload(), next)
}
