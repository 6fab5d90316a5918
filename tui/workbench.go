package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// editMode says what the keyboard is driving.
type editMode int

const (
	editNone       editMode = iota
	editValue               // a rule's figure
	editNote                // the indicator's free note
	editFilter              // the navigator filter
	editResolveNew          // a new value that settles a conflict
)

// typing reports the modes in which keys go into a text field: all of them
// but editNone (the lists and views are dialogs).
func (m editMode) typing() bool { return m != editNone }

// place is where the inspector was in an assessment.
type place struct {
	indicator string
	sel       int
}

// workbench is the three-pane screen for one assessment: it holds the
// assessment's in-memory state and routes keys and messages to the top
// dialog (dialog.go), the inline editing (edit.go, committed by commit.go)
// or the navigation (navigate.go); the panes (pane_*.go) only read it.
type workbench struct {
	c     *common
	saver *saver

	rb       *rubric.Rubric
	a        store.Assessment
	signed   *store.Revision
	findings scoring.Findings
	notes    map[string]string
	// self is the unit's self-assessment by indicator (自评), shown
	// beside the verified score.
	self     map[string]store.SelfRecord
	evidence map[string][]store.Attachment // by rule or indicator
	items    map[string][]store.Item       // a count rule's items, by rule
	appeals  map[string][]store.Appeal     // the latest round's appeals, by rule
	// afterFinal holds the appeal and decision subjects merged in after
	// the result was frozen: shown, marked, not applied.
	afterFinal map[string]bool
	// lookback is what the unit's last signed period left (回头看): its
	// problems under this rubric's indicators, shown in the indicator
	// pane, the unmapped ones in the score pane. nil when there is none.
	lookback *store.Lookback
	// noEvidence marks deductions without the evidence the rubric asks
	// for, worked out with the score.
	noEvidence map[string]bool
	// signOff holds values changed after the sign-off, by subject.
	signOff   map[string]store.SignOffConflict
	conflicts map[string]*store.SubjectState
	res       *scoring.Result
	rng       *scoring.Range
	// mine is the categories the lead's plan gives the inspector on this
	// unit (nil: no assignment here, every indicator is theirs); blind is
	// set while they score the unit blind and the other's values are
	// hidden (assignment.go).
	mine  map[string]bool
	blind bool

	titles map[string]string // indicator ID → short title, computed once
	rows   []row             // visible rows (after the filter)
	cursor int               // index into rows
	filter string
	sel    int // selected input: 0..len(rules)-1 a rule, len(rules) the note
	scroll int // lines the indicator pane is scrolled down by the inspector

	mode       editMode
	valueInput textinput.Model
	noteArea   textarea.Model
	inlineErr  string
	undo       []undoStep
	// dialogs are the modals open over the panes, the top one in front.
	dialogs overlay

	renderGen   int // counts rescores: cached rows older than it are stale
	navCache    map[navRowKey]string
	navCacheKey navCacheKey
	message     string // the last thing done, for the status line
	failure     string // the last save failure or refusal
	version     int64  // the database's data_version when last read
	pollGen     int    // this workbench's poll timer
	// justSaved is set when a save has just finished with nothing left to
	// save (an edit, a sign-off, a reopening), and cleared by the next key
	// or paste and by a reload after another program wrote: the status
	// line says "saved" only about what the inspector just did, never
	// after opening an assessment or moving about.
	justSaved bool
}

func newWorkbench(c *common, state *store.State, version int64) *workbench {
	wb := &workbench{c: c, version: version}
	wb.saver = newSaver(c.opts.Backend, c.id, state.Assessment.ID, c.opts.RetryDelay)
	wb.valueInput = newInput("", 24)
	// No widget limits on notes: the widgets count screen columns (a
	// Chinese character as two) and cut what is beyond; limitNote keeps
	// store.MaxNoteChars instead, in characters, and refuses with a message.
	wb.noteArea = textarea.New()
	noteStyles := wb.noteArea.Styles()
	noteStyles.Cursor.Blink = false
	wb.noteArea.SetStyles(noteStyles)
	wb.noteArea.ShowLineNumbers = false
	wb.noteArea.Prompt = ""
	wb.noteArea.CharLimit = 0
	wb.noteArea.MaxHeight = 0 // no limit on lines either; the pane shows four
	wb.noteArea.KeyMap.InsertNewline = c.keys.NewLine
	wb.load(state)
	wb.titles = distinctTitles(wb.rb)
	wb.rebuildRows()
	wb.moveToIndicator(0, 1)
	wb.toFirstOfMine()
	return wb
}

// load takes the assessment's current state from the store.
func (wb *workbench) load(state *store.State) {
	state = wb.seePlan(state)
	wb.rb = state.Rubric
	wb.a = state.Assessment
	wb.signed = state.Signed()
	wb.findings = state.Findings()
	wb.notes = state.Notes()
	wb.self = state.SelfScores()
	wb.signOff = map[string]store.SignOffConflict{}
	for _, c := range state.SignOffConflicts() {
		wb.signOff[c.Subject] = c
	}
	wb.evidence = map[string][]store.Attachment{}
	for _, a := range state.Attachments("") {
		wb.evidence[a.Subject] = append(wb.evidence[a.Subject], a)
	}
	wb.items = itemsOf(state)
	wb.appeals = appealsOf(state)
	wb.afterFinal = map[string]bool{}
	for _, subj := range state.FinalConflicts() {
		wb.afterFinal[subj] = true
	}
	wb.conflicts = map[string]*store.SubjectState{}
	for _, c := range state.Conflicts() {
		wb.conflicts[c.Subject] = c
	}
	wb.saver.seeHeads(state)
	// Edits not yet saved stay on screen over what the store says.
	for _, c := range wb.saver.pending() {
		wb.applyLocal(c)
	}
	wb.rescore()
}

// rescore recomputes the result; pure, so it runs in Update.
func (wb *workbench) rescore() {
	res, err := scoring.Score(wb.rb, wb.findings)
	if err != nil {
		// Cannot happen: every value is validated before it is kept.
		wb.failure = err.Error()
		return
	}
	wb.res = res
	wb.findMissingEvidence()
	wb.renderGen++
	wb.rng = nil
	if wb.signed == nil {
		// A signed assessment scores what was signed: one figure.
		wb.rng = scoring.RangeOver(wb.rb, wb.findings, wb.conflictAlternatives())
	}
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

// place is where the inspector is, to come back to it.
func (wb *workbench) place() place {
	if ind := wb.current(); ind != nil {
		return place{indicator: ind.ID, sel: wb.sel}
	}
	return place{}
}

// restore returns to a place.
func (wb *workbench) restore(p place) {
	if wb.gotoIndicator(p.indicator) {
		wb.sel = clamp(p.sel, 0, max(wb.inputs()-1, 0))
	}
}

// update handles one message; the workbench is mutated in place.
func (wb *workbench) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		return wb.saved(msg)
	case retryMsg:
		return wb.saver.retry()
	case pollMsg:
		return wb.poll(msg)
	case versionMsg:
		return wb.versionRead(msg)
	case reloadedMsg:
		if msg.err == nil && msg.state.Assessment.ID == wb.a.ID {
			if msg.version != 0 { // 0: the version could not be read; keep the last
				wb.version = msg.version
			}
			wb.load(msg.state)
			wb.lookedBack(msg.lookback, msg.lookErr)
			wb.keepCursor()
		}
		return nil
	case historyMsg:
		wb.showHistory(msg)
		return nil
	case checksMsg:
		wb.showChecks(msg)
		return nil
	case completedMsg:
		wb.completed(msg)
		return nil
	case attachedMsg:
		return wb.attached(msg)
	case itemAddedMsg:
		return wb.itemAdded(msg)
	case detachedMsg:
		if msg.err != nil {
			wb.failure = wb.c.l.UI.Error + oneLine(errText(wb.c.l, msg.err))
		} else {
			wb.failure, wb.message = "", fmt.Sprintf(wb.c.l.Screens.Detached, textwidth.Line(msg.name))
		}
		return wb.reload()
	case openedMsg:
		if msg.err != nil {
			wb.failure = wb.c.l.UI.Error + oneLine(errText(wb.c.l, msg.err))
		} else {
			wb.failure, wb.message = "", fmt.Sprintf(wb.c.l.Screens.Opened, textwidth.Line(msg.name))
		}
		return nil
	case statusSavedMsg:
		if msg.err != nil {
			wb.failure = wb.c.l.UI.Error + oneLine(errText(wb.c.l, msg.err))
		} else {
			wb.failure, wb.justSaved = "", true
		}
		if s := msg.signed; s != nil {
			wb.message = fmt.Sprintf(wb.c.l.Workbench.SignedNow, textwidth.Line(wb.a.Label()), textwidth.Line(s.Inspector),
				store.ShortID(s.Device, 8), s.Wall.Local().Format("2006-01-02 15:04"))
		}
		return wb.reload()
	case tea.KeyPressMsg:
		wb.justSaved = false // what the key does may save again
		if d := wb.dialogs.top(); d != nil {
			return wb.act(d.handle(msg))
		}
		if wb.mode != editNone {
			return wb.updateEditing(msg)
		}
		return wb.updateKeys(msg)
	case tea.PasteMsg:
		wb.justSaved = false
		if d := wb.dialogs.top(); d != nil {
			if d.typing() {
				return wb.act(d.handle(msg))
			}
			return nil
		}
		if wb.mode.typing() {
			return wb.updateEditing(msg)
		}
	}
	return nil
}

func (wb *workbench) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := &wb.c.keys
	if key.Matches(msg, k.Confirm) && wb.signed != nil {
		// A value changed after the sign-off: enter keeps the signed one.
		if c, ok := wb.signOff[wb.evidenceSubject()]; ok {
			return wb.askKeepSigned(c.Subject)
		}
	}
	if wb.signed != nil && wb.wouldChange(msg) {
		wb.readOnly()
		return nil
	}
	if cmd, used := wb.updateConflictKeys(msg); used {
		return cmd
	}
	if cmd, used := wb.updateNavigation(msg); used {
		return cmd
	}
	if cmd, used := wb.updateValueKeys(msg); used {
		return cmd
	}
	switch {
	case key.Matches(msg, k.NoDeficiency):
		return wb.recordNone()
	case key.Matches(msg, k.Found):
		return wb.recordFound()
	case key.Matches(msg, k.Toggle):
		return wb.toggle()
	case key.Matches(msg, k.Increment):
		return wb.step(1)
	case key.Matches(msg, k.Decrement):
		return wb.step(-1)
	case key.Matches(msg, k.Figure):
		return wb.startFigure(msg.Text)
	case key.Matches(msg, k.Clear):
		return wb.askRetract()
	case key.Matches(msg, k.Confirm):
		return wb.startEdit()
	case key.Matches(msg, k.IndicatorClean):
		return wb.indicatorClean()
	case key.Matches(msg, k.Undo):
		return wb.undoLast()
	case key.Matches(msg, k.History):
		return wb.openHistory()
	case key.Matches(msg, k.Attach):
		return wb.startAttach()
	case key.Matches(msg, k.AddItem):
		return wb.startItem()
	case key.Matches(msg, k.Evidence):
		return wb.openEvidenceList()
	case key.Matches(msg, k.Sign):
		return wb.startSign()
	case key.Matches(msg, k.Reopen):
		return wb.startReopen()
	case key.Matches(msg, k.Back):
		if n := wb.saver.unsaved(); n > 0 {
			wb.failure = fmt.Sprintf(wb.c.l.UI.Saving, n)
			return nil
		}
		return goTo(screenPicker)
	case key.Matches(msg, k.Problems):
		if n := wb.saver.unsaved(); n > 0 {
			wb.failure = fmt.Sprintf(wb.c.l.UI.Saving, n)
			return nil
		}
		aid := wb.a.ID
		return func() tea.Msg { return openProblemsMsg{aid: aid, back: screenWorkbench} }
	}
	return nil
}

// view draws the three panes side by side.
func (wb *workbench) view() []string {
	nw, cw, sw := wb.layout()
	h := wb.c.bodyHeight()
	return joinColumns(wb.navigatorView(nw, h), wb.indicatorView(cw, h), wb.scoreView(sw, h))
}

func (wb *workbench) typing() bool {
	if d := wb.dialogs.top(); d != nil {
		return d.typing()
	}
	return wb.mode.typing()
}

// status is the question, the last failure, the last thing done, or the
// state of saving. "Saved" is added only right after a save (justSaved):
// opening an assessment, moving about or a reload saved nothing.
func (wb *workbench) status() (string, bool) {
	l := wb.c.l
	n := wb.saver.unsaved()
	if text, isErr, ok := wb.dialogs.status(); ok {
		return text, isErr
	}
	switch {
	case wb.failure != "" && n > 0:
		return wb.failure + "  [" + fmt.Sprint(n) + " " + l.UI.Unsaved + "]", true
	case wb.failure != "":
		return wb.failure, true
	case n > 0:
		return fmt.Sprintf(l.UI.Saving, n), false
	case wb.message != "" && wb.justSaved:
		return wb.message + "  " + l.UI.Saved, false
	case wb.message != "":
		return wb.message, false
	case wb.justSaved:
		return l.UI.Saved, false
	case wb.blind:
		return l.Plan.Blind, false
	}
	return "", false
}

// shortHelp is the footer: the keys of what the inspector is doing now.
func (wb *workbench) shortHelp() []key.Binding {
	if d := wb.dialogs.top(); d != nil {
		return d.shortHelp()
	}
	k := &wb.c.keys
	switch {
	case wb.mode == editValue, wb.mode == editResolveNew:
		return []key.Binding{k.Confirm, k.NextInput, k.Cancel}
	case wb.mode == editNote:
		return []key.Binding{k.Confirm, k.NewLine, k.Cancel}
	case wb.mode == editFilter:
		return []key.Binding{k.Confirm, k.Cancel}
	case wb.signed != nil:
		return []key.Binding{k.Problems, k.Reopen, k.History, k.NextInput, k.NextIndicator, k.Back}
	case wb.selectedConflict() != nil:
		return []key.Binding{k.PickHead, k.Confirm, k.NextConflict, k.NextInput, k.NextIndicator, k.Down}
	}
	r := wb.selectedRule()
	if r == nil {
		return []key.Binding{k.Confirm, k.IndicatorClean, k.NextIndicator, k.NextInput, k.Undo}
	}
	return wb.ruleHelp(r)
}

// essential are the footer's keys kept first when it is too narrow for all
// (with ? and q, which it always shows): moving to the next input and to
// the next indicator.
func (wb *workbench) essential() []key.Binding {
	return []key.Binding{wb.c.keys.NextInput, wb.c.keys.NextIndicator}
}

// fullHelp is the ? screen.
func (wb *workbench) fullHelp() [][]key.Binding {
	k := &wb.c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.NextIndicator, k.PrevIndicator, k.NextUnrecorded, k.PrevUnrecorded, k.NextConflict, k.ListUnrecorded, k.Filter, k.ScrollDown, k.ScrollUp},
		{k.NextInput, k.PrevInput, k.NoDeficiency, k.Found, k.Toggle, k.Figure, k.Increment, k.Decrement, k.IndicatorClean},
		{k.Confirm, k.Advance, k.Cancel, k.Clear, k.Undo, k.History, k.PickHead},
		{k.NewLine, k.Attach, k.Evidence, k.AddItem, k.Sign, k.Reopen, k.Problems, k.Back},
	}
}
