package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// pickerScreen lists the assessments: latest period first, then the
// rubric's own order of units; / filters by unit, period or inspector.
type pickerScreen struct {
	c         *common
	states    []*store.State
	summaries []report.RankRow // one per state
	shown     []int            // indexes into states after the filter
	sel       int              // index into shown
	filter    textinput.Model
	filtering bool
}

func newPickerScreen(c *common) *pickerScreen {
	return &pickerScreen{c: c, filter: newInput(c.l.UI.Filter, 40)}
}

// load reads every assessment with its summary in a command, so View only
// draws; the ranking report follows in another (rankStates), so the list
// is drawn first.
func (s *pickerScreen) load() tea.Cmd {
	be := s.c.opts.Backend
	who := s.c.id.Inspector
	return func() tea.Msg {
		all, err := be.States()
		if err != nil {
			return statesMsg{err: err}
		}
		// A withdrawn assessment (created by mistake) is not offered;
		// a unit the inspector scores blind is listed, totalled and
		// ranked as they may see it, without the other's values.
		states := make([]*store.State, 0, len(all))
		for _, st := range all {
			if st.Withdrawn() == nil {
				states = append(states, st.ViewFor(who))
			}
		}
		sortStates(states)
		msg := statesMsg{states: states}
		for _, state := range states {
			sm, err := report.Summarize(state)
			if err != nil {
				sm = report.RankRow{Unit: state.Assessment.Unit, Period: state.Assessment.Period, Status: state.Status()}
			}
			msg.summaries = append(msg.summaries, sm)
		}
		return msg
	}
}

// sortStates orders assessments by period, latest first, then by the
// position of the unit in its rubric's list of units (others after, by name).
func sortStates(states []*store.State) {
	unitRank := func(state *store.State) int {
		if i := slices.Index(state.Rubric.Units, state.Assessment.Unit); i >= 0 {
			return i
		}
		return len(state.Rubric.Units)
	}
	slices.SortStableFunc(states, func(a, b *store.State) int {
		if c := strings.Compare(b.Assessment.Period, a.Assessment.Period); c != 0 {
			return c
		}
		if c := unitRank(a) - unitRank(b); c != 0 {
			return c
		}
		return strings.Compare(a.Assessment.Unit, b.Assessment.Unit)
	})
}

func (s *pickerScreen) setStates(msg statesMsg) {
	s.states, s.summaries = msg.states, msg.summaries
	s.applyFilter()
}

func (s *pickerScreen) applyFilter() {
	f := strings.ToLower(strings.TrimSpace(s.filter.Value()))
	s.shown = s.shown[:0]
	for i, state := range s.states {
		text := strings.ToLower(state.Assessment.Unit + " " + state.Assessment.Period + " " + strings.Join(state.ShownInspectors(), " ") + " " + state.Rubric.Title)
		if f == "" || strings.Contains(text, f) {
			s.shown = append(s.shown, i)
		}
	}
	s.sel = clamp(s.sel, 0, max(len(s.shown)-1, 0))
}

func (s *pickerScreen) update(msg tea.Msg) tea.Cmd {
	k := &s.c.keys
	km, isKey := msg.(tea.KeyPressMsg)
	if s.filtering {
		if isKey && (key.Matches(km, k.Confirm) || key.Matches(km, k.Cancel)) {
			s.filtering = false
			s.filter.Blur()
			if key.Matches(km, k.Cancel) {
				s.filter.SetValue("")
				s.applyFilter()
			}
			return nil
		}
		var cmd tea.Cmd
		s.filter, cmd = s.filter.Update(msg)
		s.applyFilter()
		return cmd
	}
	if !isKey {
		return nil
	}
	switch {
	case key.Matches(km, k.Up):
		s.sel = max(s.sel-1, 0)
	case key.Matches(km, k.Down):
		s.sel = min(s.sel+1, max(len(s.shown)-1, 0))
	case key.Matches(km, k.Filter):
		s.filtering = true
		return s.filter.Focus()
	case key.Matches(km, k.Cancel) && s.filter.Value() != "":
		s.filter.SetValue("")
		s.applyFilter()
	case key.Matches(km, k.New):
		return goTo(screenNew)
	case key.Matches(km, k.Open):
		if s.sel < len(s.shown) {
			return loadState(s.c.opts.Backend, s.states[s.shown[s.sel]].Assessment.ID)
		}
	case key.Matches(km, k.Summary):
		if len(s.states) > 0 {
			return goTo(screenSummary)
		}
	case key.Matches(km, k.Problems):
		return func() tea.Msg { return openProblemsMsg{back: screenPicker} }
	}
	return nil
}

func (s *pickerScreen) view() []string {
	c := s.c
	l := c.l
	lines := []string{c.styles.Strong.Render(" " + l.UI.Picker), ""}
	if s.filtering || s.filter.Value() != "" {
		lines[1] = " " + s.filter.View()
	}
	if len(s.states) == 0 {
		return append(lines, "  "+l.UI.NoAssessments)
	}
	// The rubric's version, then its title when there is room: two rows
	// of one unit and period differ by the version, so it is never cut.
	showRubric := c.w >= 100
	const versionW = 9
	inspW := clamp(c.w-70-versionW, 10, 24)
	rubricW := clamp(c.w-130, 17, 64)
	totalW := totalWidth(l) + 1
	head := " " + fit(l.Unit, 12) + fit(l.Period, 8)
	if showRubric {
		head += fit(l.Rubric, rubricW) + " "
	} else {
		head += fit(l.Rubric, versionW)
	}
	head += fit(l.Inspectors, inspW-1) + " " + textwidth.PadLeft(l.Progress, 8) + textwidth.PadLeft(l.Total, totalW) + "  " +
		fit(l.Status, 8) + textwidth.PadLeft(l.Conflicts, 6)
	lines = append(lines, c.styles.Header.Render(head))
	top := scrollWindow(s.sel, len(s.shown), c.bodyHeight()-len(lines))
	for j, i := range s.shown {
		if j < top {
			continue
		}
		state, sm := s.states[i], s.summaries[i]
		row := " " + fit(textwidth.Sanitize(state.Assessment.Unit, false), 12) + fit(textwidth.Sanitize(state.Assessment.Period, false), 8)
		if !showRubric {
			row += fit(textwidth.Sanitize(state.Assessment.RubricVersion, false), versionW)
		}
		if showRubric {
			title := state.Rubric.Title
			if title == "" {
				title = state.Assessment.RubricID
			}
			row += fit(textwidth.Sanitize(state.Assessment.RubricVersion+" "+title, false), rubricW) + " "
		}
		row += fit(textwidth.Sanitize(strings.Join(state.ShownInspectors(), ","), false), inspW-1) + " " + textwidth.PadLeft(fmt.Sprintf("%d/%d", sm.Recorded, sm.Indicators), 8) +
			textwidth.PadLeft(report.TotalShort(l, sm.Total, sm.Recorded, sm.Indicators), totalW) + "  " + fit(c.stageText(state, sm.Status), 8) + textwidth.PadLeft(strconv.Itoa(sm.Conflicts), 6)
		switch {
		case j == s.sel:
			row = c.styles.Cursor.Render(fit(row, c.w))
		case sm.Conflicts > 0:
			row = c.styles.Conflict.Render(row)
		}
		lines = append(lines, row)
	}
	return lines
}

func (s *pickerScreen) shortHelp() []key.Binding {
	k := &s.c.keys
	if s.filtering {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Open, k.New, k.Summary, k.Problems, k.Filter, k.Down}
}

func (s *pickerScreen) fullHelp() [][]key.Binding {
	k := &s.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.New, k.Summary, k.Problems, k.Filter, k.Cancel}}
}

func (s *pickerScreen) typing() bool           { return s.filtering }
func (s *pickerScreen) status() (string, bool) { return "", false }
