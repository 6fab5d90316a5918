package tui

import (
	"fmt"
	"path/filepath"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
)

// reportWrittenMsg reports the xlsx written from the summary screen.
type reportWrittenMsg struct {
	path string
	err  error
}

// writeReport builds and writes the xlsx report next to the database.
func (m Model) writeReport() tea.Cmd {
	r, dir, now := m.report, m.opts.ReportDir, m.opts.Now()
	if r == nil {
		return nil
	}
	return func() tea.Msg {
		path := filepath.Join(dir, "kaohe-report-"+now.Format("20060102-150405")+".xlsx")
		return reportWrittenMsg{path: path, err: r.WriteFile(path, "xlsx", false)}
	}
}

// summaryView is the ranking of every assessment with a bar per category.
func (m Model) summaryView() []string {
	l := m.l
	lines := []string{m.styles.Strong.Render(" " + l.Summary), ""}
	r := m.report
	if m.reportErr != nil || r == nil {
		msg := l.UI.NoAssessments
		if m.reportErr != nil {
			msg = m.reportErr.Error()
		}
		return append(lines, "  "+m.styles.Error.Render(msg))
	}
	nc := len(r.Categories)
	fixed := 6 + 12 + 8 + 9 + 8 + 8 + 2
	barW := clamp((m.w-fixed-20)/max(nc, 1)-1, 2, 8) // room for the remark
	head := " " + fit(l.Rank, 5) + fit(l.Unit, 12) + fit(l.Period, 8) + textwidth.PadLeft(l.Total, 8) + " " +
		textwidth.PadLeft(l.Progress, 7) + " " + fit(l.Status, 7)
	for _, c := range r.Categories {
		head += " " + fit(c.ID, barW)
	}
	lines = append(lines, m.styles.Header.Render(head))
	for _, row := range r.Ranking {
		s := " " + fit(strconv.Itoa(row.Rank), 5) + fit(row.Unit, 12) + fit(row.Period, 8) +
			textwidth.PadLeft(row.Total.Fixed(2), 8) + " " + textwidth.PadLeft(fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), 7) +
			" " + fit(l.StatusName(row.Status), 7)
		for k, c := range r.Categories {
			s += " " + drawBar(&m.styles, row.Categories[k], c.Max, barW)
		}
		if mark := r.RankMark(row); mark != "" {
			s += "  " + m.styles.Warning.Render(mark)
		}
		lines = append(lines, s)
	}
	lines = append(lines, "")
	for _, c := range r.Categories {
		lines = append(lines, m.styles.Dim.Render(fmt.Sprintf("  %s %s（%s）", c.ID, textwidth.Sanitize(c.Title, false), c.Max)))
	}
	if m.reportPath != "" {
		lines = append(lines, "", m.styles.Saved.Render("  "+fmt.Sprintf(l.ReportWritten, m.reportPath)))
	}
	lines = append(lines, "", m.styles.Dim.Render("  "+l.UI.SummaryKeys))
	return lines
}
