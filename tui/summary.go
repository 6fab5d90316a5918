package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
)

// reportWrittenMsg reports the xlsx written from the summary screen.
type reportWrittenMsg struct {
	path string
	err  error
}

// summaryScreen is the ranking of every assessment, grouped by period, with
// a bar and a figure per category; x writes the Excel report where asked.
type summaryScreen struct {
	c          *common
	report     *report.Report
	margins    []report.Margin // of the latest period, ranking order
	reportErr  error
	reportPath string // the last report written
	// ranked counts the sets of states taken; ranking says the report
	// of the latest is still being worked out.
	ranked  int
	ranking bool
	err     string
	asking  bool // typing the path of the report
	path    textinput.Model
}

func newSummaryScreen(c *common) *summaryScreen {
	return &summaryScreen{c: c, path: newInput("", 400)}
}

// setStates takes newly read states: the ranking of the previous ones no
// longer holds, and the one of these is worked out by the command returned.
func (s *summaryScreen) setStates(msg statesMsg) tea.Cmd {
	s.ranked++
	s.report, s.margins, s.reportErr, s.ranking = nil, nil, nil, len(msg.states) > 0
	return rankStates(s.c.opts.Backend, s.c.l, s.c.opts.Now(), msg.states, s.ranked)
}

// setRanking takes a ranking worked out by rankStates, unless newer states
// have come since.
func (s *summaryScreen) setRanking(msg rankingMsg) {
	if msg.of != s.ranked {
		return
	}
	s.report, s.margins, s.reportErr, s.ranking = msg.report, msg.margins, msg.err, false
}

func (s *summaryScreen) focus() tea.Cmd {
	s.asking, s.err = false, ""
	return nil
}

// defaultReportPath is a readable name in the report folder: 2021考核结果.xlsx.
func (s *summaryScreen) defaultReportPath() string {
	period := ""
	if s.report != nil && len(s.report.Ranking) > 0 {
		period = s.report.Ranking[0].Period
	}
	name := period + "考核结果.xlsx"
	if s.c.l.Lang != "zh" {
		name = "kaohe-" + period + ".xlsx"
	}
	return filepath.Join(s.c.opts.ReportDir, name)
}

func (s *summaryScreen) update(msg tea.Msg) tea.Cmd {
	k := &s.c.keys
	if m, ok := msg.(reportWrittenMsg); ok {
		if m.err != nil {
			s.err = exportError(s.c.l, m.err)
			return nil
		}
		s.err, s.reportPath = "", m.path
		return nil
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if s.asking {
		switch {
		case isKey && key.Matches(km, k.Cancel):
			s.asking = false
			s.path.Blur()
			return nil
		case isKey && key.Matches(km, k.Confirm):
			path := strings.TrimSpace(s.path.Value())
			if path == "" || s.report == nil {
				return nil
			}
			s.asking = false
			s.path.Blur()
			r := s.report
			return func() tea.Msg { return reportWrittenMsg{path: path, err: r.WriteFile(path, "xlsx", false)} }
		}
		var cmd tea.Cmd
		s.path, cmd = s.path.Update(msg)
		return cmd
	}
	if !isKey {
		return nil
	}
	switch {
	case key.Matches(km, k.Export):
		if s.report == nil {
			return nil
		}
		s.asking, s.err = true, ""
		s.path.SetValue(s.defaultReportPath())
		s.path.CursorEnd()
		return s.path.Focus()
	case key.Matches(km, k.Back), key.Matches(km, k.Cancel):
		return goTo(screenPicker)
	}
	return nil
}

func (s *summaryScreen) view() []string {
	c := s.c
	l := c.l
	lines := []string{c.styles.Strong.Render(" " + l.Summary), ""}
	r := s.report
	if s.ranking {
		return append(lines, "  "+l.UI.Loading)
	}
	if s.reportErr != nil || r == nil {
		msg := l.UI.NoAssessments
		if s.reportErr != nil {
			msg = report.ErrorText(l, s.reportErr)
		}
		return append(lines, "  "+c.styles.Error.Render(msg))
	}
	nc := len(r.Categories)
	// Narrow windows leave out progress and status (the remark says
	// 未完成（1/36）) so that every category's figure fits.
	wide := c.w >= 100
	// A narrow window gives the period (also the heading of its units)
	// less room, and the total, which may be provisional, more.
	totalW, periodW := totalWidth(l), 6
	if wide {
		periodW = 8
	}
	fixed := 1 + 5 + 12 + periodW + totalW
	if wide {
		fixed += 1 + 7 + 1 + 7
	}
	// Each category: its figure, and a bar in front when there is room
	// (the remark, such as 未完成（1/36）, keeps 18 columns).
	cellW := min((c.w-fixed-18)/max(nc, 1)-1, 14)
	barW := 0
	if cellW >= 8 {
		barW = cellW - 6
	} else {
		cellW = 5
	}
	head := " " + fit(l.Rank, 5) + fit(l.Unit, 12) + fit(l.Period, periodW) + textwidth.PadLeft(l.Total, totalW)
	if wide {
		head += " " + textwidth.PadLeft(l.Progress, 7) + " " + fit(l.Status, 7)
	}
	for _, cat := range r.Categories {
		head += " " + textwidth.PadLeft(cat.ID, cellW)
	}
	lines = append(lines, c.styles.Header.Render(head))
	period := "\x00"
	for _, row := range r.Ranking {
		if row.Period != period {
			period = row.Period
			lines = append(lines, c.styles.Strong.Render(" "+textwidth.Sanitize(period, false)))
		}
		line := " " + fit(strconv.Itoa(row.Rank), 5) + fit(textwidth.Sanitize(row.Unit, false), 12) + fit(textwidth.Sanitize(row.Period, false), periodW) +
			textwidth.PadLeft(report.TotalShort(l, row.Total, row.Recorded, row.Indicators), totalW)
		if wide {
			line += " " + textwidth.PadLeft(fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), 7) + " " + fit(r.StatusText(row), 7)
		}
		for k, cat := range r.Categories {
			if barW > 0 {
				line += " " + drawBar(&c.styles, row.Categories[k], cat.Max, barW) + textwidth.PadLeft(row.Categories[k].Fixed(2), cellW-barW)
			} else {
				line += " " + textwidth.PadLeft(row.Categories[k].Fixed(2), cellW)
			}
		}
		if r.Graded && row.Grade != "" { // a rubric with grades; the seed has none
			line += "  " + fmt.Sprintf(l.Rules.GradeIs, textwidth.Sanitize(row.Grade, false))
		}
		if mark := r.RankMark(row); mark != "" {
			line += "  " + c.styles.Warning.Render(mark)
		}
		lines = append(lines, line)
	}
	// Room under the ranking, keeping two lines for a message: the
	// closest ranks first (what a county will appeal), then the legend of
	// the categories if it still fits.
	room := c.bodyHeight() - len(lines) - 2
	margins := s.closestMargins(room)
	legend := 1 + len(r.Categories)
	if len(margins) > 0 {
		lines = append(lines, "", c.styles.Strong.Render(" "+s.marginsHeading(len(margins))))
		for _, line := range margins {
			lines = append(lines, "  "+line)
		}
		room -= 2 + len(margins)
	}
	if len(margins) == 0 || room >= legend {
		lines = append(lines, "")
		for _, cat := range r.Categories {
			lines = append(lines, c.styles.Dim.Render(fmt.Sprintf("  %s %s（%s）", cat.ID, textwidth.Sanitize(cat.Title, false), cat.Max)))
		}
	}
	switch {
	case s.asking:
		lines = append(lines, "", "  "+l.UI.Help["export"]+": "+s.path.View())
	case s.err != "":
		lines = append(lines, "", c.styles.Error.Render("  "+l.UI.Error+oneLine(s.err)))
	case s.reportPath != "":
		lines = append(lines, "", c.styles.Saved.Render("  "+fmt.Sprintf(l.ReportWritten, s.reportPath)))
	}
	return lines
}

// maxMarginLines is how many pairs the summary shows at most: the closest.
const maxMarginLines = 3

// closestMargins are the lines of the closest pairs of the latest period
// that fit in room lines with a blank line and a heading: smallest margin
// first, ranking order among equal ones.
func (s *summaryScreen) closestMargins(room int) []string {
	n := min(maxMarginLines, len(s.margins), room-2)
	if n <= 0 {
		return nil
	}
	order := make([]int, len(s.margins))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return s.margins[order[i]].Margin < s.margins[order[j]].Margin })
	order = order[:n]
	sort.Ints(order) // shown in ranking order
	out := make([]string, n)
	for i, k := range order {
		out[i] = textwidth.Sanitize(report.MarginShort(s.c.l, s.margins[k]), false)
	}
	return out
}

// marginsHeading heads the pairs shown: all of the period's, or the
// closest n.
func (s *summaryScreen) marginsHeading(n int) string {
	a := &s.c.l.Analysis
	period := textwidth.Sanitize(s.report.Ranking[0].Period, false)
	if n == len(s.margins) {
		return fmt.Sprintf(a.AllPairs, period)
	}
	return fmt.Sprintf(a.ClosestPairs, period, n)
}

func (s *summaryScreen) shortHelp() []key.Binding {
	k := &s.c.keys
	if s.asking {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Export, k.Back}
}

func (s *summaryScreen) fullHelp() [][]key.Binding {
	k := &s.c.keys
	return [][]key.Binding{{k.Export, k.Back, k.Confirm, k.Cancel}}
}

func (s *summaryScreen) typing() bool           { return s.asking }
func (s *summaryScreen) status() (string, bool) { return "", false }

// exportError words a failed export for the inspector: an existing file
// asks for another name (the TUI has no --force), others as they come.
func exportError(l *i18n.Labels, err error) string {
	var ee *report.ExistsError
	if errors.As(err, &ee) {
		return fmt.Sprintf(l.Report.ExistsChoose, textwidth.Line(ee.Path))
	}
	return report.ErrorText(l, err)
}

// totalWidth is the width of the total column of the list and the
// summary: room for a provisional total, 暂 108.77 (prov 108.77).
func totalWidth(l *i18n.Labels) int {
	return max(textwidth.Width(report.TotalShort(l, decimal.FromInt(100), 0, 1))+1, textwidth.Width(l.Total)+1, 8)
}
