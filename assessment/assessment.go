package assessment

// Assessment is one unit assessed for one period under one rubric.
type Assessment struct {
	ID            string `json:"id"`
	RubricID      string `json:"rubric_id"`
	RubricVersion string `json:"rubric_version"`
	Unit          string `json:"unit"`
	Period        string `json:"period"`
}

// Label is "UNIT/PERIOD", the way commands address an assessment.
func (a Assessment) Label() string { return a.Unit + "/" + a.Period }

// SubjectWithdrawn is the subject that withdraws an assessment created by
// mistake (last year's rubric, a mistyped unit). Like the status it is a
// revision of the graph, so a withdrawal merges, signs and shows in history
// as every revision does, and merging in either order gives the same
// state: an assessment is withdrawn when any head of this subject says so.
const SubjectWithdrawn = "withdrawn"

// WithdrawnValue is the one value a withdrawal records (its note holds
// the reason).
const WithdrawnValue = "withdrawn"

// Withdrawn returns the revision that withdrew the assessment (the latest,
// when several inspectors did), or nil.
func (st *State) Withdrawn() *Revision {
	if ss, ok := st.Subjects[SubjectWithdrawn]; ok {
		for _, h := range ss.Heads {
			if v := h.Decoded(); v.Kind == KindText && v.Text == WithdrawnValue {
				return h
			}
		}
	}
	return nil
}

// Subjects other than rule IDs.
const (
	// SubjectStatus holds the assessment's status: "draft" or "signed".
	SubjectStatus = "status"
	// NotePrefix starts the subject of an indicator's free note: "note:1.2".
	NotePrefix = "note:"
)

// Status values.
const (
	// StatusDraft is an assessment open for editing.
	StatusDraft = "draft"
	// StatusSigned is a signed assessment.
	StatusSigned = "signed"
)

// EvidencePrefix starts the subject of an attachment (佐证材料):
// "evidence/1.2.a/<sha256>" for a rule, "evidence/2.1/<sha256>" for an
// indicator. One subject per file and rule, so two inspectors attaching
// different files both keep theirs, and the same file attached twice is
// one subject: a set union with no conflicts, by construction.
const EvidencePrefix = "evidence/"
