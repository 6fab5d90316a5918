package tui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// row is one line of the navigator tree: a category header or an indicator.
type row struct {
	cat *rubric.Category
	ind *rubric.Indicator // nil for a category header
}

// pending is an edit waiting to be saved (or retried).
type pending struct {
	change store.Change
	seq    int
	err    error
}

// editMode says what the keyboard is typing into.
type editMode int

const (
	editNone       editMode = iota
	editValue               // a rule's figure
	editReason              // the reason of a discretionary deduction
	editNote                // the indicator's free note
	editFilter              // the navigator filter
	editResolveNew          // a new value that settles a conflict
)

// workbench is the three-pane screen for one assessment. It owns the
// assessment's in-memory findings; panes only read them.
type workbench struct {
	l    *i18n.Labels
	st   *Styles
	keys *KeyMap
	be   Backend
	id   store.Identity

	rb        *rubric.Rubric
	a         store.Assessment
	signed    *store.Revision
	findings  scoring.Findings
	notes     map[string]string
	conflicts map[string]*store.SubjectState
	res       *scoring.Result
	rng       *scoring.Range

	titles map[string]string // indicator ID → short title, computed once
	rows   []row             // visible rows (after the filter)
	cursor int               // index into rows
	filter string
	sel    int // selected input: 0..len(rules)-1 a rule, len(rules) the note

	mode       editMode
	valueInput textinput.Model
	reasonIn   textinput.Model
	noteArea   textarea.Model
	pendingVal *scoring.Value // a discretion value waiting for its reason
	resolving  bool           // the value being entered settles a conflict
	inlineErr  string

	pend       map[string]*pending
	queue      []string
	inflight   string
	seq        int
	retryDelay time.Duration
	status     string
	statusErr  bool

	w, h int
}

func newWorkbench(l *i18n.Labels, st *Styles, keys *KeyMap, be Backend, id store.Identity, state *store.State, retry time.Duration) *workbench {
	wb := &workbench{l: l, st: st, keys: keys, be: be, id: id, retryDelay: retry,
		pend: map[string]*pending{}}
	wb.valueInput = newInput("", 24)
	wb.reasonIn = newInput("", 500)
	wb.noteArea = textarea.New()
	ns := wb.noteArea.Styles()
	ns.Cursor.Blink = false
	wb.noteArea.SetStyles(ns)
	wb.noteArea.ShowLineNumbers = false
	wb.noteArea.Prompt = ""
	wb.noteArea.CharLimit = 4000
	wb.noteArea.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	wb.load(state)
	wb.titles = map[string]string{}
	for _, ind := range wb.rb.Indicators() {
		wb.titles[ind.ID] = textwidth.Sanitize(shortTitle(ind), false)
	}
	wb.rebuildRows()
	wb.moveToIndicator(0, 1)
	return wb
}

// load takes the assessment's current state from the store.
func (wb *workbench) load(state *store.State) {
	wb.rb = state.Rubric
	wb.a = state.Assessment
	wb.signed = state.Signed()
	wb.findings = state.Findings()
	wb.notes = state.Notes()
	wb.conflicts = map[string]*store.SubjectState{}
	for _, c := range state.Conflicts() {
		wb.conflicts[c.Subject] = c
	}
	// Edits not yet saved stay on screen over what the store says.
	for subj, p := range wb.pend {
		wb.applyLocal(subj, p.change)
	}
	wb.rescore()
}

// rescore recomputes the result; pure, so it runs in Update.
func (wb *workbench) rescore() {
	res, err := scoring.Score(wb.rb, wb.findings)
	if err != nil {
		// Cannot happen: every value is validated before it is kept.
		wb.status, wb.statusErr = err.Error(), true
		return
	}
	wb.res = res
	wb.rng = scoring.RangeOver(wb.rb, wb.findings, wb.conflictAlternatives())
}

// conflictAlternatives lists, per conflicted rule, every head's value.
func (wb *workbench) conflictAlternatives() map[string][]scoring.Finding {
	if len(wb.conflicts) == 0 {
		return nil
	}
	list := make([]*store.SubjectState, 0, len(wb.conflicts))
	for _, ss := range wb.conflicts {
		list = append(list, ss)
	}
	return store.Alternatives(list)
}

// rebuildRows applies the filter to the tree.
func (wb *workbench) rebuildRows() {
	var cur *rubric.Indicator
	if wb.cursor < len(wb.rows) {
		cur = wb.rows[wb.cursor].ind
	}
	wb.rows = wb.rows[:0]
	f := strings.ToLower(strings.TrimSpace(wb.filter))
	for ci := range wb.rb.Categories {
		c := &wb.rb.Categories[ci]
		var inds []row
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			if f == "" || matches(f, c, ind) {
				inds = append(inds, row{cat: c, ind: ind})
			}
		}
		if len(inds) > 0 || (f != "" && strings.Contains(strings.ToLower(c.Title), f)) {
			wb.rows = append(wb.rows, row{cat: c})
			wb.rows = append(wb.rows, inds...)
		}
	}
	wb.cursor = 0
	for i, r := range wb.rows {
		if r.ind != nil && r.ind == cur {
			wb.cursor = i
			return
		}
	}
	wb.sel, wb.inlineErr = 0, ""
	for i, r := range wb.rows {
		if r.ind != nil {
			wb.cursor = i
			return
		}
	}
}

func matches(f string, c *rubric.Category, ind *rubric.Indicator) bool {
	if strings.HasPrefix(ind.ID, f) {
		return true
	}
	for _, s := range []string{ind.Content, ind.Standard, c.Title} {
		if strings.Contains(strings.ToLower(s), f) {
			return true
		}
	}
	for _, r := range ind.Rules {
		if strings.Contains(strings.ToLower(r.Label), f) {
			return true
		}
	}
	return false
}

// current returns the indicator under the cursor, or nil on a header.
func (wb *workbench) current() *rubric.Indicator {
	if wb.cursor < 0 || wb.cursor >= len(wb.rows) {
		return nil
	}
	return wb.rows[wb.cursor].ind
}

// moveToIndicator moves the cursor from index `from` in direction dir to the
// first indicator row (from itself included).
func (wb *workbench) moveToIndicator(from, dir int) {
	for i := from; i >= 0 && i < len(wb.rows); i += dir {
		if wb.rows[i].ind != nil {
			wb.setCursor(i)
			return
		}
	}
}

func (wb *workbench) setCursor(i int) {
	if i == wb.cursor {
		return
	}
	wb.cursor = i
	wb.sel = 0
	wb.inlineErr = ""
}

// nextUnrecorded moves to the next (dir 1) or previous (−1) indicator that
// is not fully recorded, wrapping around.
func (wb *workbench) nextUnrecorded(dir int) {
	n := len(wb.rows)
	for k := 1; k <= n; k++ {
		i := ((wb.cursor+dir*k)%n + n) % n
		if ind := wb.rows[i].ind; ind != nil {
			if ir, ok := wb.res.Indicator(ind.ID); ok && !ir.Complete {
				wb.setCursor(i)
				return
			}
		}
	}
}

// inputs is the number of inputs of the current indicator (rules + note).
func (wb *workbench) inputs() int {
	if ind := wb.current(); ind != nil {
		return len(ind.Rules) + 1
	}
	return 0
}

// selectedRule returns the selected rule, or nil when the note (or nothing)
// is selected.
func (wb *workbench) selectedRule() *rubric.Rule {
	ind := wb.current()
	if ind == nil || wb.sel >= len(ind.Rules) {
		return nil
	}
	return &ind.Rules[wb.sel]
}

var digitKey = regexp.MustCompile(`^[0-9.]$`)

// update handles one message; the workbench is mutated in place and the
// root model decides what to show.
func (wb *workbench) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		return wb.saved(msg)
	case retryMsg:
		return wb.dispatch()
	case tea.KeyPressMsg:
		if wb.mode != editNone {
			return wb.updateEditing(msg)
		}
		return wb.updateKeys(msg)
	case tea.PasteMsg:
		if wb.mode != editNone {
			return wb.updateEditing(msg)
		}
	}
	return nil
}

func (wb *workbench) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := wb.keys
	if cmd, used := wb.updateConflictKeys(msg); used {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		if wb.cursor > 0 {
			wb.setCursor(wb.cursor - 1)
		}
	case key.Matches(msg, k.Down):
		if wb.cursor < len(wb.rows)-1 {
			wb.setCursor(wb.cursor + 1)
		}
	case key.Matches(msg, k.NextIndicator):
		wb.moveToIndicator(wb.cursor+1, 1)
	case key.Matches(msg, k.PrevIndicator):
		wb.moveToIndicator(wb.cursor-1, -1)
	case key.Matches(msg, k.NextUnrecorded):
		wb.nextUnrecorded(1)
	case key.Matches(msg, k.PrevUnrecorded):
		wb.nextUnrecorded(-1)
	case key.Matches(msg, k.Filter):
		wb.mode = editFilter
		wb.valueInput.SetValue(wb.filter)
		wb.valueInput.CursorEnd()
		return wb.valueInput.Focus()
	case key.Matches(msg, k.Cancel) && wb.filter != "":
		wb.filter = ""
		wb.rebuildRows()
	case key.Matches(msg, k.NextInput):
		if n := wb.inputs(); n > 0 {
			wb.sel = (wb.sel + 1) % n
			wb.inlineErr = ""
		}
	case key.Matches(msg, k.PrevInput):
		if n := wb.inputs(); n > 0 {
			wb.sel = (wb.sel - 1 + n) % n
			wb.inlineErr = ""
		}
	case key.Matches(msg, k.Toggle):
		return wb.toggle()
	case key.Matches(msg, k.Increment):
		return wb.step(1)
	case key.Matches(msg, k.Decrement):
		return wb.step(-1)
	case key.Matches(msg, k.Clear):
		if r := wb.selectedRule(); r != nil {
			return wb.commit(r.ID, nil, "")
		}
	case key.Matches(msg, k.Confirm):
		return wb.startEdit("")
	case digitKey.MatchString(msg.Text):
		return wb.startEdit(msg.Text)
	}
	return nil
}

// readOnly refuses edits of a signed assessment with a visible reason.
func (wb *workbench) readOnly() bool {
	if wb.signed != nil {
		wb.inlineErr = wb.signedText()
		return true
	}
	return false
}

// conflicted refuses plain edits of a subject in conflict.
func (wb *workbench) conflicted(subject string) bool {
	if _, ok := wb.conflicts[subject]; ok {
		wb.inlineErr = wb.l.UI.Conflict + ": " + wb.l.UI.ConflictHeads
		return true
	}
	return false
}

func (wb *workbench) signedText() string {
	return fmt.Sprintf(wb.l.UI.SignedBy, textwidth.Sanitize(wb.signed.Inspector, false), wb.signed.Wall.Local().Format("2006-01-02 15:04"))
}

func (wb *workbench) toggle() tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if !r.Kind.IsBool() {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	cur := false
	if f, ok := wb.findings[r.ID]; ok {
		cur = f.Value.Bool
	}
	v := scoring.BoolValue(!cur)
	if _, ok := wb.findings[r.ID]; !ok {
		v = scoring.BoolValue(true) // first press records "deficiency found"
	}
	return wb.commit(r.ID, &v, "")
}

func (wb *workbench) step(d int64) tea.Cmd {
	r := wb.selectedRule()
	if r == nil {
		return nil
	}
	if r.Kind != rubric.Count {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	// On an unrecorded count, + records 1 and − records 0 (none found).
	n := decimal.Zero
	if f, ok := wb.findings[r.ID]; ok {
		n = f.Value.Num + decimal.FromInt(d)
	} else if d > 0 {
		n = decimal.FromInt(1)
	}
	if n < 0 {
		n = 0
	}
	return wb.validateAndCommit(r, scoring.NumValue(n), "")
}

// startEdit begins typing into the selected input; initial is the first
// character typed, if the edit started with one.
func (wb *workbench) startEdit(initial string) tea.Cmd {
	ind := wb.current()
	if ind == nil {
		wb.moveToIndicator(wb.cursor, 1)
		return nil
	}
	if wb.readOnly() {
		return nil
	}
	r := wb.selectedRule()
	if r == nil { // the indicator note
		if initial != "" {
			return nil
		}
		wb.mode = editNote
		wb.noteArea.SetValue(wb.notes[ind.ID])
		wb.noteArea.SetWidth(max(wb.centerWidth()-4, 10))
		wb.noteArea.SetHeight(4)
		return wb.noteArea.Focus()
	}
	if r.Kind.IsBool() {
		if initial == "" {
			return wb.toggle()
		}
		return nil
	}
	if wb.conflicted(r.ID) {
		return nil
	}
	wb.mode = editValue
	wb.inlineErr = ""
	if initial != "" {
		wb.valueInput.SetValue(initial)
	} else if f, ok := wb.findings[r.ID]; ok {
		wb.valueInput.SetValue(f.Value.String())
	} else {
		wb.valueInput.SetValue("")
	}
	wb.valueInput.CursorEnd()
	return wb.valueInput.Focus()
}

func (wb *workbench) stopEditing() {
	wb.mode = editNone
	wb.valueInput.Blur()
	wb.reasonIn.Blur()
	wb.noteArea.Blur()
	wb.pendingVal = nil
	wb.resolving = false
}

func (wb *workbench) updateEditing(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyPressMsg)
	k := wb.keys
	if isKey && key.Matches(km, k.Cancel) && wb.mode != editFilter {
		// esc abandons the edit in progress, whatever it is.
		wb.inlineErr = ""
		wb.stopEditing()
		return nil
	}
	switch wb.mode {
	case editFilter:
		if isKey && key.Matches(km, k.Confirm) {
			wb.stopEditing()
			return nil
		}
		if isKey && key.Matches(km, k.Cancel) {
			wb.filter = ""
			wb.rebuildRows()
			wb.stopEditing()
			return nil
		}
		var cmd tea.Cmd
		wb.valueInput, cmd = wb.valueInput.Update(msg)
		wb.filter = wb.valueInput.Value()
		wb.rebuildRows()
		return cmd
	case editNote:
		if isKey && key.Matches(km, k.Confirm) {
			ind := wb.current()
			text := strings.TrimSpace(wb.noteArea.Value())
			wb.stopEditing()
			var v *scoring.Value
			if text != "" {
				t := scoring.Value{Type: scoring.Text, Text: text}
				v = &t
			}
			subject := store.NotePrefix + ind.ID
			_, inConflict := wb.conflicts[subject]
			return wb.commitChange(subject, v, "", inConflict)
		}
		var cmd tea.Cmd
		wb.noteArea, cmd = wb.noteArea.Update(msg)
		return cmd
	case editValue:
		r := wb.selectedRule()
		if isKey && (key.Matches(km, k.Confirm) || key.Matches(km, k.NextInput)) {
			v, ok := wb.typedValue(r)
			if !ok {
				return nil
			}
			if r.Kind == rubric.Discretion {
				note := ""
				if f, ok := wb.findings[r.ID]; ok {
					note = f.Note
				}
				return wb.askReason(v, note, false)
			}
			wb.stopEditing()
			cmd := wb.commit(r.ID, &v, "")
			if key.Matches(km, k.NextInput) {
				wb.sel = (wb.sel + 1) % wb.inputs()
			}
			return cmd
		}
		var cmd tea.Cmd
		wb.valueInput, cmd = wb.valueInput.Update(msg)
		return cmd
	case editReason:
		r := wb.selectedRule()
		if isKey && key.Matches(km, k.Confirm) {
			reason := strings.TrimSpace(wb.reasonIn.Value())
			if reason == "" {
				wb.inlineErr = wb.l.UI.NoteRequired
				return nil
			}
			v, resolve := *wb.pendingVal, wb.resolving
			wb.stopEditing()
			return wb.commitChange(r.ID, &v, reason, resolve)
		}
		var cmd tea.Cmd
		wb.reasonIn, cmd = wb.reasonIn.Update(msg)
		return cmd
	case editResolveNew:
		return wb.updateResolveNew(msg)
	}
	return nil
}

// askReason holds a discretionary deduction until its reason is typed: it
// is accepted only with one.
func (wb *workbench) askReason(v scoring.Value, note string, resolve bool) tea.Cmd {
	wb.pendingVal = &v
	wb.resolving = resolve
	wb.mode = editReason
	wb.valueInput.Blur()
	wb.reasonIn.SetValue(note)
	wb.reasonIn.CursorEnd()
	wb.inlineErr = wb.l.UI.NoteRequired
	return wb.reasonIn.Focus()
}

// validateAndCommit records a value if the rule accepts it, else shows why.
func (wb *workbench) validateAndCommit(r *rubric.Rule, v scoring.Value, note string) tea.Cmd {
	if msg := scoring.CheckValue(r, scoring.Finding{Value: v, Note: note}); msg != "" {
		wb.inlineErr = wb.allowed(r)
		return nil
	}
	return wb.commit(r.ID, &v, note)
}

// typedValue parses and range-checks what was typed for a rule; when it is
// not acceptable it shows why, with the allowed range, and reports false.
// (A discretion's reason is asked for separately.)
func (wb *workbench) typedValue(r *rubric.Rule) (scoring.Value, bool) {
	typed := wb.valueInput.Value()
	v, err := scoring.ParseValue(r, typed)
	if err != nil {
		wb.inlineErr = fmt.Sprintf(wb.l.UI.NotANumber, typed) + "; " + wb.allowed(r)
		return v, false
	}
	if msg := scoring.CheckValue(r, scoring.Finding{Value: v, Note: "-"}); msg != "" {
		wb.inlineErr = wb.allowed(r)
		return v, false
	}
	return v, true
}

// allowed is the inline hint of what a rule accepts.
func (wb *workbench) allowed(r *rubric.Rule) string {
	return wb.l.UI.Allowed + allowedText(wb.l, r)
}

// commit is a confirmed edit: it takes effect on screen at once (the score
// is recomputed in this same Update) and is queued for saving.
func (wb *workbench) commit(subject string, v *scoring.Value, note string) tea.Cmd {
	if wb.conflicted(subject) {
		return nil
	}
	return wb.commitChange(subject, v, note, false)
}

// commitChange records a value; resolve settles a conflict (the new
// revision supersedes every head).
func (wb *workbench) commitChange(subject string, v *scoring.Value, note string, resolve bool) tea.Cmd {
	if wb.readOnly() {
		return nil
	}
	wb.inlineErr = ""
	c := store.Change{Subject: subject, Note: note, Resolve: resolve}
	if v != nil {
		var text string
		if v.Type == scoring.Text {
			text = *store.StringValue(v.Text)
		} else {
			text = store.EncodeValue(*v)
		}
		c.Value = &text
	}
	return wb.enqueue(c)
}

// enqueue applies a change locally and queues its save.
func (wb *workbench) enqueue(c store.Change) tea.Cmd {
	wb.applyLocal(c.Subject, c)
	if c.Resolve {
		delete(wb.conflicts, c.Subject)
	}
	wb.rescore()
	wb.seq++
	wb.pend[c.Subject] = &pending{change: c, seq: wb.seq}
	inQueue := false
	for _, s := range wb.queue {
		if s == c.Subject {
			inQueue = true
		}
	}
	if !inQueue {
		wb.queue = append(wb.queue, c.Subject)
	}
	return wb.dispatch()
}

// applyLocal puts a change into the in-memory findings and notes.
func (wb *workbench) applyLocal(subject string, c store.Change) {
	if ind, ok := strings.CutPrefix(subject, store.NotePrefix); ok {
		if c.Value == nil {
			delete(wb.notes, ind)
		} else {
			wb.notes[ind] = store.DecodeText(c.Value)
		}
		return
	}
	if c.Value == nil {
		delete(wb.findings, subject)
		return
	}
	if v, err := store.DecodeValue(*c.Value); err == nil {
		wb.findings[subject] = scoring.Finding{Value: v, Note: c.Note}
	}
}

// dispatch starts saving the first queued change unless one is in flight:
// saves run one at a time, in order, so an older value never lands after a
// newer one.
func (wb *workbench) dispatch() tea.Cmd {
	if wb.inflight != "" || len(wb.queue) == 0 {
		wb.updateStatus()
		return nil
	}
	subj := wb.queue[0]
	p := wb.pend[subj]
	wb.inflight = subj
	wb.updateStatus()
	be, id, aid, c, seq := wb.be, wb.id, wb.a.ID, p.change, p.seq
	return func() tea.Msg {
		_, err := be.Record(id, aid, c)
		return savedMsg{subject: subj, seq: seq, err: err}
	}
}

// saved handles a save's outcome: success clears the edit (unless a newer
// one is waiting); a failure keeps it on screen, marked unsaved, and
// schedules a retry; a refusal (signed, conflict, invalid) drops it.
func (wb *workbench) saved(msg savedMsg) tea.Cmd {
	wb.inflight = ""
	p := wb.pend[msg.subject]
	if msg.err == nil {
		if p != nil && p.seq == msg.seq {
			delete(wb.pend, msg.subject)
			wb.queue = wb.queue[1:]
		}
		wb.statusErr = false
		return wb.dispatch()
	}
	if store.IsRefusal(msg.err) {
		// Refused on its merits (signed or in conflict elsewhere, …): drop
		// this edit unless a newer one of the subject waits, and reload what
		// the store holds so the screen shows the truth.
		if p != nil && p.seq == msg.seq {
			delete(wb.pend, msg.subject)
			wb.queue = wb.queue[1:]
		}
		wb.status, wb.statusErr = wb.l.UI.Error+oneLine(msg.err.Error()), true
		return tea.Batch(wb.dispatch(), wb.reload())
	}
	if p != nil {
		p.err = msg.err
	}
	wb.status, wb.statusErr = fmt.Sprintf(wb.l.UI.SaveFailed, oneLine(msg.err.Error())), true
	return tea.Tick(wb.retryDelay, func(time.Time) tea.Msg { return retryMsg{} })
}

// reload reads the assessment's current state from the store again.
func (wb *workbench) reload() tea.Cmd {
	be, aid := wb.be, wb.a.ID
	return func() tea.Msg {
		st, err := be.State(aid)
		return reloadedMsg{st, err}
	}
}

func (wb *workbench) updateStatus() {
	if wb.statusErr && len(wb.pend) > 0 {
		return // keep the failure visible until the retry succeeds
	}
	if len(wb.pend) > 0 {
		wb.status, wb.statusErr = fmt.Sprintf(wb.l.UI.Saving, len(wb.pend)), false
		return
	}
	if !wb.statusErr {
		wb.status = wb.l.UI.Saved
	}
}

// unsaved returns the number of edits not yet saved.
func (wb *workbench) unsaved() int { return len(wb.pend) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// allowedText describes what a rule accepts, in the UI's language.
func allowedText(l *i18n.Labels, r *rubric.Rule) string {
	switch r.Kind {
	case rubric.Flag, rubric.Bonus:
		return l.UI.AllowedBool
	case rubric.Count:
		if r.MaxValue != nil {
			return fmt.Sprintf(l.UI.AllowedCountMax, r.MaxValue)
		}
		return fmt.Sprintf(l.UI.AllowedCount, fmt.Sprint(scoring.MaxCount))
	case rubric.Shortfall:
		if r.MaxValue != nil {
			return fmt.Sprintf(l.UI.AllowedShortfallMax, r.MaxValue, r.Target)
		}
		return fmt.Sprintf(l.UI.AllowedShortfall, r.Target)
	case rubric.Ratio:
		return fmt.Sprintf(l.UI.AllowedRatio, r.Target)
	case rubric.Convert:
		return fmt.Sprintf(l.UI.AllowedConvert, r.FullMark())
	case rubric.Discretion:
		return fmt.Sprintf(l.UI.AllowedDiscretion, r.Cap)
	}
	return ""
}
