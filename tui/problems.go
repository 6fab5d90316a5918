package tui

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/timefmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// problemRow is one problem with the assessment it belongs to.
type problemRow struct {
	aid, unit, period string
	p                 assessment.Problem
	evidence          []string // names of the files attached to the problem (its rectification's evidence)
	// found is what was found as the screen shows it: the item's text or
	// the rule's note, else the rule's label (what it deducts for).
	found string
	// relapse is the closed problem of the unit's last signed period this
	// one repeats (反弹), nil when it repeats none.
	relapse *assessment.EarlierProblem
}

// Messages of the 问题 screen.
type (
	// openProblemsMsg asks the root model for the 问题 screen on one
	// assessment (aid) or on every one (""), returning to back.
	openProblemsMsg struct {
		aid  string
		back screenID
	}
	// problemsMsg carries the problems in the screen's scope, derived in
	// the command that read the assessments.
	problemsMsg struct {
		rows     []problemRow
		unsigned []string // assessments in scope that are not signed
		scope    string   // the one assessment's unit and period, "" for every one
		err      error
	}
	// problemsActedMsg reports a change of problems.
	problemsActedMsg struct {
		done string
		err  error
	}
	// problemHistoryMsg carries one problem's revisions.
	problemHistoryMsg struct {
		title string
		revs  []*store.Revision
		err   error
	}
)

// problemStates are the states in the order the screen groups them (a
// new slice each call: no package state to change).
func problemStates() []string {
	return []string{assessment.ProblemOpen, assessment.ProblemRectifying, assessment.ProblemReturned,
		assessment.ProblemClosed, assessment.ProblemWithdrawn}
}

// problemFilters are the state filter's choices in the order f cycles
// through them ("" keeps every problem).
func problemFilters() []string {
	return []string{"", assessment.ProblemOpen, assessment.ProblemRectifying, assessment.ProblemReturned,
		"overdue", assessment.ProblemClosed, assessment.ProblemWithdrawn}
}

// stateRank is a state's place in problemStates (sorting calls it often,
// so it allocates nothing).
func stateRank(status string) int {
	switch status {
	case assessment.ProblemOpen:
		return 0
	case assessment.ProblemRectifying:
		return 1
	case assessment.ProblemReturned:
		return 2
	case assessment.ProblemClosed:
		return 3
	case assessment.ProblemWithdrawn:
		return 4
	}
	return 5
}

// loadProblems reads the assessments in scope (one, or every one not
// withdrawn) and derives their problems, each unit's by state.
func loadProblems(be Backend, aid string) tea.Cmd {
	return func() tea.Msg {
		var states []*store.State
		if aid != "" {
			st, err := be.State(aid)
			if err != nil {
				return problemsMsg{err: err}
			}
			states = []*store.State{st}
		} else {
			all, err := be.States()
			if err != nil {
				return problemsMsg{err: err}
			}
			for _, st := range all {
				if st.Withdrawn() == nil {
					states = append(states, st)
				}
			}
			sortStates(states)
		}
		var msg problemsMsg
		if aid != "" {
			msg.scope = states[0].Assessment.Unit + " " + states[0].Assessment.Period
		}
		lbs := store.NewLookbacks(states) // 回头看: which problems are 反弹
		for _, st := range states {
			if aid != "" && st.Signed() == nil {
				msg.unsigned = append(msg.unsigned, st.Assessment.Label())
			}
			ps, err := store.ProblemsOf(st)
			if err != nil {
				return problemsMsg{err: err}
			}
			var lb *store.Lookback
			switch lber, ok := be.(lookBacker); {
			case len(ps) == 0:
			case aid != "" && ok: // one assessment: its unit's earlier ones are read for it
				lb, err = lber.LookBack(st)
			case aid == "":
				lb, err = lbs.Of(st, ps)
			}
			if err != nil {
				return problemsMsg{err: err}
			}
			group := make([]problemRow, 0, len(ps))
			for _, p := range ps {
				row := problemRow{aid: st.Assessment.ID, unit: st.Assessment.Unit, period: st.Assessment.Period, p: p, found: p.Found}
				for _, a := range st.Attachments(assessment.ProblemSubject(p.Key)) {
					row.evidence = append(row.evidence, a.Name)
				}
				if ref, ok := st.Rubric.Rule(p.Rule); ok && row.found == "" {
					row.found = ref.Rule.Label
				}
				if e, ok := lb.Relapse(p.Key); ok {
					row.relapse = &e
				}
				group = append(group, row)
			}
			slices.SortStableFunc(group, func(a, b problemRow) int { return stateRank(a.p.Status) - stateRank(b.p.Status) })
			msg.rows = append(msg.rows, group...)
		}
		return msg
	}
}

// problemsScreen is the 问题 screen: the problems of the signed
// assessments (every one, from the list; one, from its workbench), by unit
// and state, overdue ones in red, with filters, and the keys that record
// what happens to them. Every read and write runs in a command.
type problemsScreen struct {
	c    *common
	aid  string   // the one assessment shown, "" for every one
	back screenID // where b returns

	rows     []problemRow
	scope    string            // what the screen shows (problemsMsg.scope)
	heads    map[string]string // each assessment's head, by ID (unitHeads)
	shown    []int             // indexes into rows after the filters
	sel      int               // index into shown
	loaded   bool
	unsigned []string

	state     string // a state, "overdue", or "" for every one
	unit      string // "" for every unit
	text      textinput.Model
	filtering bool

	prompt *problemPrompt
	// sent is the prompt whose change is being recorded, to open again
	// if the store refuses it.
	sent    *problemPrompt
	history *problemHistory
	// armed is the problem and key last refused for a conflict: the same
	// key again settles the conflict with the change.
	armed            string
	message, failure string
}

func newProblemsScreen(c *common) *problemsScreen {
	return &problemsScreen{c: c, text: newInput(c.l.UI.Filter, 40)}
}

// open shows the problems of aid ("" every assessment), coming from back.
func (s *problemsScreen) open(aid string, back screenID) tea.Cmd {
	if s.aid != aid {
		s.sel, s.unit, s.scope, s.rows, s.shown = 0, "", "", nil, nil
	}
	s.aid, s.back = aid, back
	s.prompt, s.sent, s.history, s.armed, s.message, s.failure, s.loaded = nil, nil, nil, "", "", "", false
	return loadProblems(s.c.opts.Backend, aid)
}

// today is the day overdue is counted on: the clock's date.
func (s *problemsScreen) today() string { return s.c.opts.Now().Format(assessment.DateLayout) }

// selected is the problem under the cursor, or nil.
func (s *problemsScreen) selected() *problemRow {
	if s.sel < len(s.shown) {
		return &s.rows[s.shown[s.sel]]
	}
	return nil
}

func (s *problemsScreen) setRows(msg problemsMsg) {
	keep := ""
	if r := s.selected(); r != nil {
		keep = r.aid + "/" + r.p.Key
	}
	s.rows, s.unsigned, s.scope, s.loaded = msg.rows, msg.unsigned, msg.scope, true
	s.heads = s.unitHeads()
	s.applyFilter()
	for j, i := range s.shown {
		if s.rows[i].aid+"/"+s.rows[i].p.Key == keep {
			s.sel = j
		}
	}
}

func (s *problemsScreen) applyFilter() {
	f := strings.ToLower(strings.TrimSpace(s.text.Value()))
	today := s.today()
	s.shown = s.shown[:0]
	for i, r := range s.rows {
		switch {
		case s.unit != "" && r.unit != s.unit:
			continue
		case s.state == "overdue" && !r.p.Overdue(today):
			continue
		case s.state != "" && s.state != "overdue" && r.p.Status != s.state:
			continue
		}
		if f != "" {
			text := r.p.ID + " " + r.p.Indicator + " " + r.found + " " + r.unit + " " + r.period
			if rec := r.p.Record; rec != nil {
				text += " " + rec.Owner + " " + rec.Measure + " " + rec.Responsible
			}
			if !strings.Contains(strings.ToLower(text), f) {
				continue
			}
		}
		s.shown = append(s.shown, i)
	}
	s.sel = clamp(s.sel, 0, max(len(s.shown)-1, 0))
}

// units are the units the rows belong to, in their order.
func (s *problemsScreen) units() []string {
	var out []string
	for _, r := range s.rows {
		if !slices.Contains(out, r.unit) {
			out = append(out, r.unit)
		}
	}
	return out
}

func (s *problemsScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case problemsMsg:
		if msg.err != nil {
			s.failure = s.c.l.UI.Error + oneLine(errText(s.c.l, msg.err))
			s.loaded = true
			return nil
		}
		s.setRows(msg)
		return nil
	case problemsActedMsg:
		load := loadProblems(s.c.opts.Backend, s.aid)
		if msg.err != nil {
			s.failure, s.message = s.c.l.UI.Error+oneLine(s.c.problemRefusedText(msg.err)), ""
			return tea.Batch(load, s.reopenSent())
		}
		s.failure, s.message, s.sent = "", msg.done, nil
		return load
	case problemHistoryMsg:
		s.history = newProblemHistory(s.c, msg)
		return nil
	case filesPickedMsg:
		return s.picked(msg)
	case completedMsg:
		if s.prompt != nil && s.prompt.attach != nil {
			s.prompt.attach.completed(msg)
		}
		return nil
	case tea.PasteMsg:
		switch {
		case s.prompt != nil:
			return s.promptKey(msg)
		case s.filtering:
			var cmd tea.Cmd
			s.text, cmd = s.text.Update(msg)
			s.applyFilter()
			return cmd
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *problemsScreen) key(km tea.KeyPressMsg) tea.Cmd {
	k := &s.c.keys
	if s.history != nil {
		s.history = nil
		return nil
	}
	if s.prompt != nil {
		return s.promptKey(km)
	}
	if s.filtering {
		if key.Matches(km, k.Confirm) || key.Matches(km, k.Cancel) {
			s.filtering = false
			s.text.Blur()
			if key.Matches(km, k.Cancel) {
				s.text.SetValue("")
				s.applyFilter()
			}
			return nil
		}
		var cmd tea.Cmd
		s.text, cmd = s.text.Update(km)
		s.applyFilter()
		return cmd
	}
	armed := s.armed
	s.armed = ""
	s.failure = ""
	switch {
	case key.Matches(km, k.Up):
		s.sel = max(s.sel-1, 0)
	case key.Matches(km, k.Down):
		s.sel = min(s.sel+1, max(len(s.shown)-1, 0))
	case key.Matches(km, k.Filter):
		s.filtering = true
		return s.text.Focus()
	case key.Matches(km, k.ProblemState):
		filters := problemFilters()
		i := slices.Index(filters, s.state)
		s.state = filters[(i+1)%len(filters)]
		s.applyFilter()
	case key.Matches(km, k.ProblemUnit):
		units := append([]string{""}, s.units()...)
		i := slices.Index(units, s.unit)
		s.unit = units[(i+1)%len(units)]
		s.applyFilter()
	case key.Matches(km, k.Cancel) && s.text.Value() != "":
		s.text.SetValue("")
		s.applyFilter()
	case key.Matches(km, k.Back), key.Matches(km, k.Cancel):
		return s.leave()
	case key.Matches(km, k.History):
		return s.openHistory()
	case key.Matches(km, k.ProblemDue):
		return s.startDue(armed)
	case key.Matches(km, k.Rectify):
		return s.startRectify(armed)
	case key.Matches(km, k.CloseProblem):
		return s.startClose(armed)
	case key.Matches(km, k.ReturnProblem):
		return s.startReturn(armed)
	}
	return nil
}

// leave returns where the screen was opened from: the workbench of its
// assessment (read again) or the list.
func (s *problemsScreen) leave() tea.Cmd {
	if s.back == screenWorkbench && s.aid != "" {
		return loadState(s.c.opts.Backend, s.aid)
	}
	return goTo(screenPicker)
}

// openHistory reads the selected problem's revisions in a command.
func (s *problemsScreen) openHistory() tea.Cmd {
	r := s.selected()
	if r == nil {
		return nil
	}
	be, aid, subject := s.c.opts.Backend, r.aid, assessment.ProblemSubject(r.p.Key)
	title := s.c.l.Problems.HistoryTitle + " " + r.unit + " " + r.period + " " + r.p.ID
	return func() tea.Msg {
		revs, err := be.History(aid, subject)
		return problemHistoryMsg{title: title, revs: revs, err: err}
	}
}

// mayChange reports whether the selected problem takes a change by key b,
// saying on the status line why not: a closed or withdrawn problem takes
// none; one in conflict takes one only when b is pressed again (armed),
// and that change then settles the conflict (resolve).
func (s *problemsScreen) mayChange(r *problemRow, b key.Binding, armed string) (resolve, ok bool) {
	w := &s.c.l.Problems
	switch r.p.Status {
	case assessment.ProblemClosed, assessment.ProblemWithdrawn:
		s.failure = fmt.Sprintf(w.Finished, r.p.ID, w.States[r.p.Status])
		return false, false
	}
	if !r.p.Conflict {
		return false, true
	}
	tag := r.aid + "/" + r.p.Key + "/" + b.Help().Key
	if armed != tag {
		s.armed = tag
		s.failure = fmt.Sprintf(w.ConflictRefused, r.p.ID, b.Help().Key)
		return false, false
	}
	return true, true
}

// act runs one change of problems of an assessment in a command.
func (s *problemsScreen) act(aid string, refs []string, all bool, a store.ProblemAction, done string) tea.Cmd {
	be, id, unchanged := s.c.opts.Backend, s.c.id, s.c.l.Problems.Unchanged
	s.message, s.failure = "", ""
	return func() tea.Msg {
		if len(a.Evidence) > 0 {
			files, err := pickedFiles(a.Evidence)
			if err != nil {
				return problemsActedMsg{err: err}
			}
			a.Evidence = files
		}
		changed, err := be.ActOnProblems(id, aid, refs, all, a)
		if err == nil && len(changed) == 0 {
			done = unchanged
		}
		return problemsActedMsg{done: done, err: err}
	}
}

// view is the filters, the problems by unit and state, and the selected
// problem's record (or the prompt or history open over it).
func (s *problemsScreen) view() []string {
	c := s.c
	w := &c.l.Problems
	scope := w.AllAssessments
	if s.scope != "" {
		scope = textwidth.Sanitize(s.scope, false)
	}
	lines := []string{c.styles.Strong.Render(" "+w.Title+"  ") + scope + "  " + c.styles.Dim.Render(fmt.Sprintf(w.AsOf, s.today()))}
	state, unit := w.All, w.All
	if s.state != "" {
		state = w.States[s.state]
	}
	if s.unit != "" {
		unit = textwidth.Sanitize(s.unit, false)
	}
	filter := fmt.Sprintf(w.Filters, state, unit, textwidth.Sanitize(s.text.Value(), false))
	if s.filtering {
		filter = fmt.Sprintf(w.Filters, state, unit, "") + s.text.View()
	}
	lines = append(lines, " "+filter)
	if s.history != nil {
		return append(lines, s.history.view(c.w, c.bodyHeight()-len(lines))...)
	}
	var foot []string
	if s.prompt != nil {
		foot = s.prompt.view(c.w)
	} else if r := s.selected(); r != nil {
		foot = s.detail(r)
	}
	for _, u := range s.unsigned {
		lines = append(lines, "  "+c.styles.Warning.Render(fmt.Sprintf(w.NotSigned, textwidth.Sanitize(u, false))))
	}
	switch {
	case !s.loaded:
		lines = append(lines, "  "+c.l.UI.Loading)
	case len(s.rows) == 0:
		lines = append(lines, "  "+w.Empty)
	case len(s.shown) == 0:
		lines = append(lines, "  "+w.NoMatch)
	default:
		room := c.bodyHeight() - len(lines) - len(foot)
		lines = append(lines, s.table(max(room, 3))...)
	}
	for len(lines) < c.bodyHeight()-len(foot) {
		lines = append(lines, "")
	}
	return append(lines, foot...)
}

// columns are the table's widths: ID, indicator, points, due, state; the
// problem's text takes the rest.
func (s *problemsScreen) columns() (id, ind, pts, due, state, found int) {
	id, ind, pts, due, state = 16, 6, 7, 12, 12
	if s.c.w < 100 {
		id, ind, state = 15, 5, 11
	}
	return id, ind, pts, due, state, max(s.c.w-2-id-ind-pts-due-state, 8)
}

// table is the column heads and the rows of the shown problems, under a
// head for each unit (with its count by state) and each state, scrolled
// so the selected one is in the room.
func (s *problemsScreen) table(room int) []string {
	c := s.c
	w := &c.l.Problems
	today := s.today()
	idW, indW, ptsW, dueW, stW, foundW := s.columns()
	head := "  " + fit(w.ColID, idW) + fit(w.ColIndicator, indW) + textwidth.PadLeft(w.ColPoints, ptsW-1) + " " + " " +
		fit(w.ColDue, dueW-1) + fit(w.ColState, stW) + fit(w.ColFound, foundW)
	out := []string{c.styles.Header.Render(fit(head, c.w))}
	// The list's lines are laid out first as what each one is (a unit's
	// head, a state's head, a problem), and only those in the room are
	// drawn: an office's 36,000 problems cost a walk, not 36,000 lines.
	type entry struct {
		head bool // a unit's head; else a state's head when j < 0
		j    int  // index into shown for a problem, -1 for a head
	}
	var body []entry
	// heads are the lines of the unit heads, so a list scrolled past one
	// still says whose problems these are.
	var heads []int
	selLine := 0
	lastGroup, lastState := "", ""
	for j, i := range s.shown {
		r := &s.rows[i]
		if r.aid != lastGroup {
			lastGroup, lastState = r.aid, ""
			heads = append(heads, len(body))
			body = append(body, entry{head: true, j: j})
		}
		if r.p.Status != lastState {
			lastState = r.p.Status
			body = append(body, entry{j: -1 - j})
		}
		if j == s.sel {
			selLine = len(body)
		}
		body = append(body, entry{j: j})
	}
	draw := func(e entry) string {
		switch {
		case e.head:
			return c.styles.Strong.Render(" " + s.heads[s.rows[s.shown[e.j]].aid])
		case e.j < 0:
			return c.styles.Dim.Render("  — " + w.States[s.rows[s.shown[-1-e.j]].p.Status])
		}
		r := &s.rows[s.shown[e.j]]
		due := "—"
		if r.p.Record != nil && r.p.Record.Due != "" {
			due = r.p.Record.Due
		}
		// The group's head names the state; an overdue one says by how
		// much instead.
		st := w.States[r.p.Status]
		overdue := r.p.Overdue(today)
		if overdue {
			st = fmt.Sprintf(w.DaysOverdue, r.p.DaysOverdue(today))
		}
		pts := r.p.Points.Fixed(2)
		if r.p.Veto {
			pts = c.l.Kind["veto"]
		}
		found := textwidth.Sanitize(r.found, false)
		if r.relapse != nil {
			found = "[" + c.l.Lookback.Relapse + "] " + found
		}
		if r.p.Conflict {
			found = "[" + w.Conflict + "] " + found
		}
		line := "  " + fit(r.p.ID, idW) + fit(r.p.Indicator, indW) + textwidth.PadLeft(pts, ptsW-1) + "  " +
			fit(due, dueW-1) + fit(st, stW-1) + " " + fit(found, foundW)
		switch {
		case e.j == s.sel:
			// A mark as well as the colour: a capture without colour
			// (or a screen reader) still shows which one is selected.
			return c.styles.Cursor.Render(fit(" >"+line[2:], c.w))
		case r.p.Conflict:
			return c.styles.Conflict.Render(line)
		case overdue:
			return c.styles.Error.Render(line)
		case r.p.Status == assessment.ProblemClosed || r.p.Status == assessment.ProblemWithdrawn:
			return c.styles.Dim.Render(line)
		}
		return line
	}
	room--
	top := scrollWindow(selLine, len(body), room)
	end := min(top+room, len(body))
	if top > 0 && selLine > top && !body[top].head {
		// The unit head above the window: the last one before top.
		at, _ := slices.BinarySearch(heads, top)
		out = append(out, draw(body[heads[at-1]]))
		top++
	}
	for _, e := range body[top:end] {
		out = append(out, draw(e))
	}
	return out
}

// unitHeads are the heads of the units' problems, by assessment: its unit
// and period, how many problems, and how many in each state and overdue.
// They count every problem, whatever the filters keep.
func (s *problemsScreen) unitHeads() map[string]string {
	w := &s.c.l.Problems
	today := s.today()
	type group struct {
		unit, period string
		n            int
		counts       map[string]int
	}
	groups := map[string]*group{}
	for i := range s.rows {
		r := &s.rows[i]
		g := groups[r.aid]
		if g == nil {
			g = &group{unit: r.unit, period: r.period, counts: map[string]int{}}
			groups[r.aid] = g
		}
		g.n++
		g.counts[r.p.Status]++
		if r.p.Overdue(today) {
			g.counts["overdue"]++
		}
	}
	out := make(map[string]string, len(groups))
	for aid, g := range groups {
		text := fmt.Sprintf(w.Group, textwidth.Sanitize(g.unit, false), textwidth.Sanitize(g.period, false), g.n)
		var parts []string
		for _, st := range append(problemStates(), "overdue") {
			if g.counts[st] > 0 {
				parts = append(parts, fmt.Sprintf(w.Count, w.States[st], g.counts[st]))
			}
		}
		out[aid] = text + "  " + strings.Join(parts, " · ")
	}
	return out
}

// detail is the selected problem's record: what was found, the due date
// and owner, the rectification reported, its evidence and the last change.
func (s *problemsScreen) detail(r *problemRow) []string {
	c := s.c
	w := &c.l.Problems
	colon := c.l.Values.Colon
	san := func(t string) string { return textwidth.Sanitize(t, false) }
	head := fmt.Sprintf("%s %s %s · %s %s · %s%s%s", san(r.unit), san(r.period), r.p.ID, w.ColIndicator, r.p.Indicator,
		w.Points, colon, r.p.Points.Fixed(2))
	if r.p.Inspector != "" {
		head += " · " + w.Inspector + colon + san(r.p.Inspector)
	}
	lines := []string{c.styles.Dim.Render(strings.Repeat("─", c.w)), " " + head}
	lines = appendWrapped(lines, c.styles.Text, " ", w.Found+colon+san(r.found), c.w-2)
	if r.relapse != nil {
		lines = appendWrapped(lines, c.styles.Warning, " ", report.RelapseText(c.l, *r.relapse), c.w-2)
	}
	rec := r.p.Record
	if rec == nil {
		rec = &assessment.ProblemRecord{}
	}
	due := []string{w.Due + colon + orDash(rec.Due)}
	if rec.Owner != "" {
		due = append(due, w.Owner+colon+san(rec.Owner))
	}
	dueStyle := c.styles.Text
	if d := r.p.DaysOverdue(s.today()); d > 0 {
		due = append(due, fmt.Sprintf(w.DaysOverdue, d))
		dueStyle = c.styles.Error
	}
	ev := fmt.Sprintf(w.Evidence, len(r.evidence))
	if len(r.evidence) > 0 {
		ev += colon + san(strings.Join(r.evidence, "、"))
	}
	lines = appendWrapped(lines, dueStyle, " ", strings.Join(append(due, ev), " · "), c.w-2)
	if rec.Measure != "" {
		m := w.Measure + colon + san(rec.Measure)
		if rec.DoneOn != "" {
			m += " · " + w.DoneOn + colon + rec.DoneOn
		}
		if rec.Responsible != "" {
			m += " · " + w.Responsible + colon + san(rec.Responsible)
		}
		if rec.Source == assessment.SourceCounty {
			m += w.County
		}
		lines = appendWrapped(lines, c.styles.Text, " ", oneLine(m), c.w-2)
	}
	if rev := r.p.Revision; rev != nil {
		last := fmt.Sprintf(w.Last, timefmt.Local(rev.Wall).Format(assessment.DateLayout), san(rev.Inspector), w.Actions[rec.Action])
		if rev.Note != "" {
			last += " · " + noteText(w, rec.Action, san(rev.Note))
		}
		lines = appendWrapped(lines, c.styles.Text, " ", oneLine(last), c.w-2)
	}
	// The detail keeps at most seven lines under its rule: a long measure
	// is cut, the list above keeps its room.
	if len(lines) > 8 {
		lines = lines[:8]
	}
	return lines
}

// noteText is a revision's note as its action has it: a return's
// reason, else a note.
func noteText(w *i18n.ProblemScreen, action, note string) string {
	if action == assessment.ActionReturn {
		return fmt.Sprintf(w.Reason, note)
	}
	return fmt.Sprintf(w.Note, note)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (s *problemsScreen) shortHelp() []key.Binding {
	k := &s.c.keys
	switch {
	case s.history != nil:
		return []key.Binding{k.Cancel}
	case s.prompt != nil:
		if s.prompt.attach != nil {
			return []key.Binding{k.Confirm, k.Complete, k.Cancel}
		}
		return []key.Binding{k.Confirm, k.Cancel}
	case s.filtering:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Rectify, k.CloseProblem, k.ReturnProblem, k.ProblemDue, k.ProblemState, k.ProblemUnit, k.Filter, k.History, k.Back}
}

// essential keeps the keys that record (整改, 销号, 退回) first in a
// narrow footer.
func (s *problemsScreen) essential() []key.Binding {
	k := &s.c.keys
	return []key.Binding{k.Rectify, k.CloseProblem, k.ReturnProblem}
}

func (s *problemsScreen) fullHelp() [][]key.Binding {
	k := &s.c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.ProblemState, k.ProblemUnit, k.Filter, k.History, k.Back},
		{k.ProblemDue, k.Rectify, k.CloseProblem, k.ReturnProblem, k.Confirm, k.Complete, k.Cancel},
	}
}

func (s *problemsScreen) typing() bool { return s.filtering || s.prompt != nil }

func (s *problemsScreen) status() (string, bool) {
	if s.prompt != nil && s.prompt.err != "" {
		return s.prompt.err, true
	}
	if s.failure != "" {
		return s.failure, true
	}
	return s.message, false
}
