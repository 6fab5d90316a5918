package tui

import (
	"errors"
	"fmt"
	"github.com/kaohe/kaohe/internal/timefmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
)

// promptField is one line a problem prompt asks for.
type promptField struct {
	label string
	input textinput.Model
	// check says what is wrong with the text typed ("" when nothing is).
	check func(text string) string
}

// problemPrompt asks, one line after another, for what a change of
// problems records (a due date and owner; a measure, its date and the
// evidence files; a note or a reason), then hands it to submit. esc
// anywhere records nothing.
type problemPrompt struct {
	c      *common
	title  string
	fields []*promptField
	at     int
	// files asks, after the fields, for evidence files with the attach
	// prompt's path picking (tab completes; a folder or *.jpg stands for
	// its files); attach is that prompt while it is open.
	files       bool
	subject     string
	attach      *attachDialog
	attachStart string
	chosen      []string
	err         string
	submit      func(values, files []string) tea.Cmd
}

func (s *problemsScreen) newPrompt(title string, submit func(values, files []string) tea.Cmd) *problemPrompt {
	return &problemPrompt{c: s.c, title: title, submit: submit}
}

// field adds a line to the prompt, holding initial.
func (p *problemPrompt) field(label, initial string, check func(string) string) *problemPrompt {
	in := newInput("", 0)
	in.SetValue(initial)
	in.CursorEnd()
	if check == nil {
		check = func(string) string { return "" }
	}
	p.fields = append(p.fields, &promptField{label: label, input: in, check: check})
	return p
}

// startPrompt puts the prompt in front, its first line focused.
func (s *problemsScreen) startPrompt(p *problemPrompt) tea.Cmd {
	s.prompt = p
	return p.fields[0].input.Focus()
}

// dateCheck accepts a date written YYYY-MM-DD, or nothing when optional.
func (p *problemPrompt) dateCheck(optional bool) func(string) string {
	return func(t string) string {
		if (t == "" && optional) || assessment.ValidDate(t) {
			return ""
		}
		return fmt.Sprintf(p.c.l.Problems.NotDate, t)
	}
}

// required refuses an empty line with msg.
func required(msg string) func(string) string {
	return func(t string) string {
		if t == "" {
			return msg
		}
		return ""
	}
}

// openAttach opens the path prompt for the next evidence file, in the
// folder used last.
func (p *problemPrompt) openAttach() tea.Cmd {
	start := p.c.lastDir
	if start != "" && !strings.HasSuffix(start, string(filepath.Separator)) {
		start += string(filepath.Separator)
	}
	d, cmd := newAttachDialog(p.c, p.subject, start, max(p.c.w-6, 10))
	p.attach, p.attachStart = d, start
	return cmd
}

// promptKey takes a key or a paste for the open prompt.
func (s *problemsScreen) promptKey(msg tea.Msg) tea.Cmd {
	p := s.prompt
	k := &s.c.keys
	km, isKey := msg.(tea.KeyPressMsg)
	if p.attach != nil {
		if isKey && !key.Matches(km, k.Confirm) {
			p.err = "" // what was wrong with the path is being corrected
		}
		if isKey && key.Matches(km, k.Confirm) {
			if v := strings.TrimSpace(p.attach.input.Value()); v == "" || v == strings.TrimSpace(p.attachStart) {
				return s.submitPrompt()
			}
		}
		switch a := p.attach.handle(msg).(type) {
		case cancelTyping:
			s.prompt = nil
		case runCmd:
			return a.cmd
		case attachPath:
			// The path is looked at now (in a command), so a file that
			// is not there is said at once, under the prompt.
			path := a.path
			return func() tea.Msg {
				files, err := pickedFiles([]string{path})
				return filesPickedMsg{prompt: p, path: path, files: files, err: err}
			}
		}
		return nil
	}
	f := p.fields[p.at]
	switch {
	case isKey && key.Matches(km, k.Cancel):
		s.prompt = nil
		return nil
	case isKey && key.Matches(km, k.Confirm):
		if e := f.check(strings.TrimSpace(f.input.Value())); e != "" {
			p.err = e
			return nil
		}
		p.err = ""
		f.input.Blur()
		p.at++
		switch {
		case p.at < len(p.fields):
			return p.fields[p.at].input.Focus()
		case p.files:
			p.at = len(p.fields) - 1
			return p.openAttach()
		}
		return s.submitPrompt()
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

// filesPickedMsg says what an evidence path typed in a prompt names.
type filesPickedMsg struct {
	prompt *problemPrompt
	path   string
	files  []string
	err    error
}

// picked adds the path typed to the files chosen, or says why not; the
// next path is asked in the same folder.
func (s *problemsScreen) picked(msg filesPickedMsg) tea.Cmd {
	p := s.prompt
	if p == nil || p != msg.prompt || p.attach == nil {
		return nil // the prompt was closed meanwhile
	}
	if msg.err != nil {
		p.err = errText(s.c.l, msg.err)
		return nil
	}
	p.err = ""
	p.chosen = append(p.chosen, msg.path)
	p.c.lastDir = filepath.Dir(msg.files[0])
	return p.openAttach()
}

// submitPrompt closes the prompt and hands on what it gathered.
// The prompt is kept until the store answers: refused (a file that is not
// there, a change made meanwhile), it opens again with what was typed.
func (s *problemsScreen) submitPrompt() tea.Cmd {
	p := s.prompt
	s.prompt, s.sent = nil, p
	values := make([]string, len(p.fields))
	for i, f := range p.fields {
		values[i] = strings.TrimSpace(f.input.Value())
		f.input.Blur()
	}
	p.at, p.attach = 0, nil
	return p.submit(values, p.chosen)
}

// reopenSent opens again the prompt whose change the store refused, on
// its first line, holding what was typed and the files chosen — unless
// another prompt is open by then: what is being typed there is not
// thrown away (the refusal is shown; the refused prompt's text is lost
// only if the user starts the same change afresh).
func (s *problemsScreen) reopenSent() tea.Cmd {
	p := s.sent
	s.sent = nil
	if p == nil || s.prompt != nil {
		return nil
	}
	return s.startPrompt(p)
}

// view is the prompt: its title, the lines answered and the one being
// typed, the files chosen, and its keys.
func (p *problemPrompt) view(w int) []string {
	styles := &p.c.styles
	lines := []string{styles.Dim.Render(strings.Repeat("─", w)), " " + styles.Strong.Render(p.title)}
	for i, f := range p.fields {
		if i > p.at {
			break
		}
		if i == p.at && p.attach == nil {
			lines = append(lines, fit(" "+f.label+f.input.View(), w))
		} else {
			lines = append(lines, fit(" "+f.label+textwidth.Sanitize(f.input.Value(), false), w))
		}
	}
	if p.files && p.attach != nil {
		lines = append(lines, fit(" "+p.c.l.Problems.FilesPrompt, w), fit("  "+p.attach.input.View(), w))
		for i, m := range p.attach.completions {
			if i == 4 {
				lines = append(lines, styles.Dim.Render(fmt.Sprintf("   … %d", len(p.attach.completions)-4)))
				break
			}
			lines = append(lines, styles.Dim.Render(fit("   "+filepath.Base(strings.TrimSuffix(m, string(filepath.Separator)))+suffixSep(m), w)))
		}
		if len(p.chosen) > 0 {
			names := make([]string, len(p.chosen))
			for i, c := range p.chosen {
				names[i] = filepath.Base(trimQuotes(c))
			}
			lines = append(lines, fit(" "+fmt.Sprintf(p.c.l.Problems.Files, textwidth.Sanitize(strings.Join(names, "、"), false)), w))
		}
		return append(lines, styles.Dim.Render(fit(" "+p.c.l.Problems.FilesKeys, w)))
	}
	return append(lines, styles.Dim.Render(fit(" "+p.c.l.Problems.PromptKeys, w)))
}

// startDue asks one due date (and owner) for every problem of the
// selected problem's assessment not yet closed.
func (s *problemsScreen) startDue(armed string) tea.Cmd {
	r := s.selected()
	if r == nil {
		return nil
	}
	w := &s.c.l.Problems
	n := 0
	var conflicted *problemRow
	for i := range s.rows {
		o := &s.rows[i]
		if o.aid != r.aid || o.p.Status == assessment.ProblemClosed || o.p.Status == assessment.ProblemWithdrawn {
			continue
		}
		n++
		if o.p.Conflict && conflicted == nil {
			conflicted = o
		}
	}
	if n == 0 {
		s.failure = fmt.Sprintf(w.NothingToDue, r.unit, r.period)
		return nil
	}
	// A problem of the unit in conflict refuses the one date for all, as
	// it refuses any change; d again settles every such conflict with it.
	resolve := false
	if conflicted != nil {
		key := s.c.keys.ProblemDue.Help().Key
		if tag := r.aid + "/" + key; armed != tag {
			s.armed = tag
			s.failure = fmt.Sprintf(w.ConflictRefused, conflicted.p.ID, key)
			return nil
		}
		resolve = true
	}
	due, owner := "", ""
	if rec := r.p.Record; rec != nil {
		due, owner = rec.Due, rec.Owner
	}
	aid := r.aid
	p := s.newPrompt(fmt.Sprintf(w.DueFor, textwidth.Sanitize(r.unit, false), textwidth.Sanitize(r.period, false), n), func(v, _ []string) tea.Cmd {
		return s.act(aid, nil, true, store.ProblemAction{Action: assessment.ActionAssign, Due: v[0], Owner: v[1], Resolve: resolve},
			fmt.Sprintf(w.Assigned, n, v[0]))
	})
	p.field(w.DuePrompt, due, p.dateCheck(false)).field(w.OwnerPrompt, owner, nil)
	return s.startPrompt(p)
}

// startRectify asks the measure, its date and the evidence files of the
// selected problem's rectification.
func (s *problemsScreen) startRectify(armed string) tea.Cmd {
	r := s.selected()
	if r == nil {
		return nil
	}
	resolve, ok := s.mayChange(r, s.c.keys.Rectify, armed)
	if !ok {
		return nil
	}
	w := &s.c.l.Problems
	measure, doneOn := "", s.today()
	if rec := r.p.Record; rec != nil && rec.Measure != "" {
		measure, doneOn = rec.Measure, rec.DoneOn
	}
	aid, ref, id := r.aid, r.p.Key, r.p.ID
	p := s.newPrompt(fmt.Sprintf(w.RectifyFor, id), func(v, files []string) tea.Cmd {
		return s.act(aid, []string{ref}, false, store.ProblemAction{Action: assessment.ActionRectify, Measure: v[0], DoneOn: v[1],
			Evidence: files, Resolve: resolve}, fmt.Sprintf(w.Rectified, id))
	})
	p.field(w.MeasurePrompt, measure, required(w.MeasureRequired)).field(w.DoneOnPrompt, doneOn, p.dateCheck(true))
	p.files, p.subject = true, id
	return s.startPrompt(p)
}

// startClose asks the note of the selected problem's 销号.
func (s *problemsScreen) startClose(armed string) tea.Cmd {
	return s.startVerdict(s.c.keys.CloseProblem, armed, assessment.ActionClose)
}

// startReturn asks the reason the selected problem is returned (退回).
func (s *problemsScreen) startReturn(armed string) tea.Cmd {
	return s.startVerdict(s.c.keys.ReturnProblem, armed, assessment.ActionReturn)
}

// startVerdict is the office's answer to a reported rectification: 销号
// with a note, or 退回 with a reason.
func (s *problemsScreen) startVerdict(b key.Binding, armed, action string) tea.Cmd {
	r := s.selected()
	if r == nil {
		return nil
	}
	resolve, ok := s.mayChange(r, b, armed)
	if !ok {
		return nil
	}
	w := &s.c.l.Problems
	if r.p.Status != assessment.ProblemRectifying {
		s.failure = fmt.Sprintf(w.NotRectifying, r.p.ID)
		return nil
	}
	aid, ref, id := r.aid, r.p.Key, r.p.ID
	title, label, done, check := fmt.Sprintf(w.CloseFor, id), w.ClosePrompt, fmt.Sprintf(w.Closed, id), func(string) string { return "" }
	if action == assessment.ActionReturn {
		title, label, done, check = fmt.Sprintf(w.ReturnFor, id), w.ReasonPrompt, fmt.Sprintf(w.Returned, id), required(w.ReasonRequired)
	}
	p := s.newPrompt(title, func(v, _ []string) tea.Cmd {
		return s.act(aid, []string{ref}, false, store.ProblemAction{Action: action, Note: v[0], Resolve: resolve}, done)
	})
	p.field(label, "", check)
	return s.startPrompt(p)
}

// pickedFiles are the files the evidence paths name, as the attach
// prompt takes them: a file, every file of a folder, or what a pattern
// matches. It reads the disk, so it runs in a command.
func pickedFiles(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		p := expandHome(trimQuotes(in))
		fi, err := os.Stat(p)
		var files []string
		switch {
		case err == nil && fi.IsDir():
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
		case err != nil && strings.ContainsAny(p, "*?["):
			files, _ = filepath.Glob(p)
		case err != nil:
			// As the store says it: the path, then the system's reason
			// (没有这个文件), which the wording tables know.
			return nil, fmt.Errorf("%s: %w", in, errors.Unwrap(err))
		default:
			files = []string{p}
		}
		if len(files) == 0 {
			return nil, i18n.Errorf("%s: no file to attach (the folder is empty or the pattern matches nothing)", in)
		}
		out = append(out, files...)
	}
	return out, nil
}

// problemHistory is one problem's revisions, newest first, over the
// screen's list; any key closes it.
type problemHistory struct {
	c     *common
	title string
	lines []string
}

func newProblemHistory(c *common, msg problemHistoryMsg) *problemHistory {
	h := &problemHistory{c: c, title: msg.title}
	w := &c.l.Problems
	san := func(t string) string { return textwidth.Sanitize(t, false) }
	switch {
	case msg.err != nil:
		h.lines = []string{c.l.UI.Error + oneLine(errText(c.l, msg.err))}
	case len(msg.revs) == 0:
		h.lines = []string{c.l.Screens.HistoryEmpty}
	}
	for i := len(msg.revs) - 1; i >= 0; i-- {
		r := msg.revs[i]
		line := timefmt.Local(r.Wall).Format("2006-01-02 15:04") + " " + san(r.Inspector) + "@" + san(textwidth.Head(r.Device, 8))
		action := ""
		if v := r.Decoded(); v.Kind == assessment.KindProblem && v.Problem != nil {
			rec := v.Problem
			action = rec.Action
			line += "  " + w.Actions[rec.Action]
			if rec.Action == assessment.ActionAssign || rec.Action == assessment.ActionRectify {
				line += " → " + w.States[rec.Status] // 销号 and 退回 name their state
			}
			if rec.Due != "" {
				line += " · " + w.Due + c.l.Values.Colon + rec.Due
			}
			if rec.Action == assessment.ActionRectify {
				line += " · " + w.Measure + c.l.Values.Colon + san(rec.Measure)
				if rec.Source == assessment.SourceCounty {
					line += w.County
				}
			}
		}
		if r.Note != "" {
			line += " · " + noteText(w, action, san(r.Note))
		}
		h.lines = append(h.lines, oneLine(line))
	}
	return h
}

// view is the history in room lines of w columns.
func (h *problemHistory) view(w, room int) []string {
	lines := []string{"", " " + h.c.styles.Strong.Render(h.title)}
	for _, l := range h.lines {
		lines = appendWrapped(lines, h.c.styles.Text, "  ", l, w-4)
	}
	if len(lines) > room {
		lines = lines[:room]
	}
	return lines
}
