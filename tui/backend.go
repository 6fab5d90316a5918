// Package tui is the inspection workbench: a bubbletea v2 program that walks
// the rubric indicator by indicator, records findings through the store and
// shows the capped scores recalculating as the inspector types.
//
// Update never does I/O: every read and write of the database runs in a
// tea.Cmd that returns a typed message. Scoring is pure and runs in Update,
// so the score panel changes in the same frame as the confirmed edit.
package tui

import (
	"io"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// Backend is what the TUI needs from the database. *store.Store provides it
// through StoreBackend; tests substitute one that fails on demand.
type Backend interface {
	Identity() (store.Identity, error)
	SetInspector(name string) (store.Identity, error)
	States() ([]*store.State, error)
	State(assessmentID string) (*store.State, error)
	Create(id store.Identity, rb *rubric.Rubric, unit, period string) (store.Assessment, error)
	Record(id store.Identity, assessmentID string, changes ...store.Change) ([]store.Revision, error)
	// History lists a subject's revisions, oldest first ("" for all).
	History(assessmentID, subject string) ([]*store.Revision, error)
	// NotTrusted picks out the revisions that count nowhere: unsigned in
	// the name of a device whose key the file holds (history marks them).
	NotTrusted(revs []*store.Revision) (map[string]bool, error)
	// DataVersion changes when another program wrote to the database.
	DataVersion() (int64, error)
	// Rubrics lists the rubrics a new assessment can use, the built-in first.
	Rubrics() ([]*rubric.Rubric, error)
	// Sign signs an assessment off; Reopen returns it to draft with a reason.
	Sign(id store.Identity, assessmentID string, allowIncomplete bool) (store.Revision, error)
	Reopen(id store.Identity, assessmentID, reason string) (store.Revision, error)
	// KeepSigned settles a value changed after the sign-off by keeping the
	// signed one.
	KeepSigned(id store.Identity, assessmentID, subject string) (store.Revision, error)
	// Attach stores a file as evidence on a rule or indicator; Detach
	// retracts one; WriteEvidence streams a stored file's bytes.
	Attach(id store.Identity, assessmentID, subject, path, note string) (store.Attachment, error)
	Detach(id store.Identity, assessmentID, subject, sha256 string) (store.Attachment, error)
	WriteEvidence(sha256 string, w io.Writer) (int64, error)
	// AddItem records a new item on a count rule.
	AddItem(id store.Identity, assessmentID, rule, text string, amount *decimal.Dec, note string) (store.Item, error)
	// ActOnProblems makes one change to problems of a signed assessment
	// (a due date, a rectification, 销号, 退回), all or nothing.
	ActOnProblems(id store.Identity, assessmentID string, refs []string, all bool, act store.ProblemAction) ([]assessment.Problem, error)
}

// lookBacker is a Backend that can also read what a unit's last signed
// period left for its current assessment (回头看). It is asked apart from
// Backend so that a backend without earlier periods need not provide it:
// the workbench then shows none.
type lookBacker interface {
	LookBack(st *store.State) (*store.Lookback, error)
}

// StoreBackend adapts a *store.Store; InspectorOverride is KAOHE_INSPECTOR.
type StoreBackend struct {
	Store             *store.Store
	InspectorOverride string
}

// Identity returns the inspector and device.
func (b StoreBackend) Identity() (store.Identity, error) {
	return b.Store.Identity(b.InspectorOverride)
}

// SetInspector stores the inspector's name.
func (b StoreBackend) SetInspector(name string) (store.Identity, error) {
	return b.Store.SetInspector(name)
}

// LookBack reads the unit's last signed period's problems beside st.
func (b StoreBackend) LookBack(st *store.State) (*store.Lookback, error) { return b.Store.LookBack(st) }

// States loads every assessment.
func (b StoreBackend) States() ([]*store.State, error) { return b.Store.States() }

// State loads one assessment.
func (b StoreBackend) State(id string) (*store.State, error) { return b.Store.State(id) }

// Create creates (or finds) an assessment.
func (b StoreBackend) Create(id store.Identity, rb *rubric.Rubric, unit, period string) (store.Assessment, error) {
	a, _, err := b.Store.CreateAssessment(id, rb, unit, period)
	return a, err
}

// Record writes changes.
func (b StoreBackend) Record(id store.Identity, aid string, changes ...store.Change) ([]store.Revision, error) {
	return b.Store.Record(id, aid, changes...)
}

// NotTrusted picks out revisions that are not trusted.
func (b StoreBackend) NotTrusted(revs []*store.Revision) (map[string]bool, error) {
	return b.Store.NotTrusted(revs)
}

// History lists revisions.
func (b StoreBackend) History(aid, subject string) ([]*store.Revision, error) {
	return b.Store.History(aid, subject)
}

// Attach stores a file as evidence, with a photo's time and place.
func (b StoreBackend) Attach(id store.Identity, aid, subject, path, note string) (store.Attachment, error) {
	return b.Store.Attach(id, aid, subject, path, note, store.AttachOptions{Photo: photoInfo})
}

// Detach retracts an attachment.
func (b StoreBackend) Detach(id store.Identity, aid, subject, sha256 string) (store.Attachment, error) {
	return b.Store.Detach(id, aid, subject, sha256)
}

// WriteEvidence streams a stored file, checking its hash.
func (b StoreBackend) WriteEvidence(sha256 string, w io.Writer) (int64, error) {
	return b.Store.WriteBlob(sha256, w)
}

// Rubrics lists the stored rubrics, the built-in first.
func (b StoreBackend) Rubrics() ([]*rubric.Rubric, error) { return b.Store.Rubrics() }

// DataVersion polls for writes by other programs.
func (b StoreBackend) DataVersion() (int64, error) { return b.Store.DataVersion() }

// Sign signs the assessment off through the store, which checks it as
// `kaohe sign` does (open conflicts always refuse; an incomplete one only
// when allowed, and then the history says so) and records what it signed.
func (b StoreBackend) Sign(id store.Identity, aid string, allowIncomplete bool) (store.Revision, error) {
	return b.Store.Sign(id, aid, allowIncomplete)
}

// Reopen returns a signed assessment to draft, with the reason in its history.
func (b StoreBackend) Reopen(id store.Identity, aid, reason string) (store.Revision, error) {
	return b.Store.Reopen(id, aid, reason)
}

// KeepSigned keeps the signed value of a subject changed after the sign-off.
func (b StoreBackend) KeepSigned(id store.Identity, aid, subject string) (store.Revision, error) {
	return b.Store.Resolve(id, aid, subject, store.Resolution{Keep: store.KeepSigned})
}

// Messages returned by commands.
type (
	identityMsg struct {
		id  store.Identity
		err error
		be  Backend // the database just created (Options.Create), if any
	}
	// statesMsg carries every assessment with its summary, computed in
	// the command so View only draws.
	statesMsg struct {
		states    []*store.State
		summaries []report.RankRow
		err       error
	}
	stateMsg struct {
		state   *store.State
		version int64
		err     error
		// lookback is what the unit's last signed period left (回头看),
		// read with the state; lookErr says why it could not be.
		lookback *store.Lookback
		lookErr  error
	}
	// reloadedMsg refreshes the open workbench after a refused save or a
	// write by another program.
	reloadedMsg stateMsg
	// pollMsg is the timer of the check for other programs' writes; gen
	// tells the workbench's own timer from a closed one's.
	pollMsg struct{ gen int }
	// versionMsg is the database's data_version read by the poll.
	versionMsg struct {
		gen     int
		version int64
		err     error
	}
	// historyMsg carries the revisions shown by the history view.
	historyMsg struct {
		title      string
		revs       []*store.Revision
		notTrusted map[string]bool
		err        error
	}
	createdMsg struct {
		a   store.Assessment
		err error
	}
	// savedMsg reports one batch's save; seq says which batch it was.
	savedMsg struct {
		seq       int
		revisions []store.Revision
		err       error
	}
	retryMsg struct{}
	// rubricsMsg carries the rubrics the new-assessment form offers.
	rubricsMsg struct {
		rubrics []*rubric.Rubric
		err     error
	}
	// statusSavedMsg reports a sign-off or a reopening.
	statusSavedMsg struct {
		err    error
		signed *store.Revision // the sign-off recorded, to say what happened
	}
)

// workbenchMsg marks a message for the open workbench: the outcome of a
// command it started (a save, a read, a timer, a file job). The root model
// hands every such message to the workbench, or drops it when none is open
// (the workbench was closed meanwhile); a new kind of message joins by its
// method, next to its type.
type workbenchMsg interface{ forWorkbench() }

func (reloadedMsg) forWorkbench()    {}
func (pollMsg) forWorkbench()        {}
func (versionMsg) forWorkbench()     {}
func (historyMsg) forWorkbench()     {}
func (savedMsg) forWorkbench()       {}
func (retryMsg) forWorkbench()       {}
func (statusSavedMsg) forWorkbench() {}

// AddItem records a new item on a count rule.
func (b StoreBackend) AddItem(id store.Identity, aid, rule, text string, amount *decimal.Dec, note string) (store.Item, error) {
	return b.Store.AddItem(id, aid, rule, text, amount, note)
}

// ActOnProblems changes problems through the store, which checks each
// transition and makes a change made meanwhile elsewhere a conflict.
func (b StoreBackend) ActOnProblems(id store.Identity, aid string, refs []string, all bool, act store.ProblemAction) ([]assessment.Problem, error) {
	return b.Store.ActOnProblems(id, aid, refs, all, act)
}
