package store

import (
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// The store persists, merges and verifies the revisions whose meaning
// package assessment gives; these names let its callers keep speaking of
// the store's assessments, revisions and states.
type (
	// Assessment is one unit assessed for one period under one rubric.
	Assessment = assessment.Assessment
	// Revision is one recorded value, immutable once written.
	Revision = assessment.Revision
	// State is an assessment's current state.
	State = assessment.State
	// SubjectState is the current value of one subject: its heads.
	SubjectState = assessment.SubjectState
	// SignOff is what the assessment's sign-off says it signed.
	SignOff = assessment.SignOff
	// SignOffConflict is a subject changed after the sign-off.
	SignOffConflict = assessment.SignOffConflict
	// Readiness lists what stands between an assessment and its sign-off.
	Readiness = assessment.Readiness
	// Attachment is one live attachment of an assessment.
	Attachment = assessment.Attachment
	// AttachmentMeta is what an attachment revision records about its file.
	AttachmentMeta = assessment.AttachmentMeta
	// Value is what a revision records, typed.
	Value = assessment.Value
)

// Subjects and values other than rule IDs (see package assessment).
const (
	// SubjectStatus holds the assessment's status: "draft" or "signed".
	SubjectStatus = assessment.SubjectStatus
	// NotePrefix starts the subject of an indicator's free note: "note:1.2".
	NotePrefix = assessment.NotePrefix
	// EvidencePrefix starts the subject of an attachment.
	EvidencePrefix = assessment.EvidencePrefix
	// SubjectWithdrawn is the subject that withdraws an assessment.
	SubjectWithdrawn = assessment.SubjectWithdrawn
	// StatusDraft is the status of an assessment open for editing.
	StatusDraft = assessment.StatusDraft
	// StatusSigned is the status of a signed assessment.
	StatusSigned = assessment.StatusSigned
	// withdrawnValue is the one value a withdrawal records.
	withdrawnValue = assessment.WithdrawnValue
)

// EvidenceSubject is the revision subject of file sum attached to subject.
func EvidenceSubject(subject, sum string) string { return assessment.EvidenceSubject(subject, sum) }

// ParseEvidenceSubject splits an attachment's revision subject.
func ParseEvidenceSubject(s string) (subject, sum string, ok bool) {
	return assessment.ParseEvidenceSubject(s)
}

// EvidenceMissing lists the deductions without the evidence their rubric
// asks for, on a score already computed.
func EvidenceMissing(rb *rubric.Rubric, res *scoring.Result, attached map[string]bool) []string {
	return assessment.EvidenceMissing(rb, res, attached)
}

// Alternatives lists, for each rule in conflict, every head's finding.
func Alternatives(conflicts []*SubjectState) map[string][]scoring.Finding {
	return assessment.Alternatives(conflicts)
}

// CanonicalRubric is the rubric's canonical content and its SHA-256.
func CanonicalRubric(rb *rubric.Rubric) (content []byte, sum string, err error) {
	return assessment.CanonicalRubric(rb)
}

// buildState is an assessment's state from its heads, its sign-off
// settled against db.
func buildState(db q, a Assessment, rb *rubric.Rubric, heads []*Revision) (*State, error) {
	return assessment.Build(a, rb, heads, func(ids []string) ([]*Revision, error) { return revisionsByID(db, ids) })
}
