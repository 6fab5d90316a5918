package assessment

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// SubjectState is the current value of one subject: its heads, the
// revisions no other revision supersedes. One head, or several that agree,
// is settled; heads that disagree are a conflict.
type SubjectState struct {
	Subject string
	// Heads are latest first. They are read from the head table and carry
	// no Parents (History has every revision with its parents).
	Heads []*Revision
}

// Conflict reports whether the heads disagree. Attachments never conflict:
// they are a set union (see State.Attachments).
func (ss *SubjectState) Conflict() bool {
	return len(ss.Heads) > 1 && !strings.HasPrefix(ss.Subject, EvidencePrefix) && !Agree(ss.Heads)
}

// Current is the head that counts while a conflict is open: the latest by
// hybrid logical clock (device and ID break ties), the same on every laptop.
func (ss *SubjectState) Current() *Revision { return ss.Heads[0] }

// State is an assessment's current state.
type State struct {
	Assessment Assessment
	Rubric     *rubric.Rubric           // the rubric the assessment is scored against
	Subjects   map[string]*SubjectState // by subject: a rule, a note, the status, an attachment
	Revisions  int                      // how many revisions the assessment holds, superseded ones too
	Inspectors []string                 // everyone who wrote a revision, in first-write order
	// Creator is who created the assessment on this laptop ("" when it
	// came by merge): the inspector to show before the first value.
	Creator string
	// Leads are the devices this laptop's roster lists as the lead's: only
	// their decisions on appeals count (a decision merged in from any
	// other device is shown, and counts as open).
	Leads map[string]bool

	signed signedState // what the sign-off pins (signoff.go)
	// sum is CanonicalRubric's digest of Rubric when a caller knew it
	// (KnowRubricSum).
	sum rubricSum
}

// Status returns "draft" or "signed". While a sign-off and a reopening
// disagree (a status conflict), the assessment stays signed.
func (st *State) Status() string {
	if st.Signed() != nil {
		return StatusSigned
	}
	return StatusDraft
}

// Signed returns the revision that signed the assessment (the latest
// sign-off among the status heads), or nil.
func (st *State) Signed() *Revision {
	ss, ok := st.Subjects[SubjectStatus]
	if !ok {
		return nil
	}
	for _, h := range ss.Heads {
		if h.Decoded().Status() == StatusSigned {
			return h
		}
	}
	return nil
}

// IsRuleSubject reports whether a subject holds a rule's value: not the
// status, an indicator's note or an attachment.
func IsRuleSubject(subject string) bool {
	return subject != SubjectStatus && subject != SubjectWithdrawn && !strings.HasPrefix(subject, NotePrefix) && !strings.HasPrefix(subject, EvidencePrefix) &&
		!strings.HasPrefix(subject, ItemPrefix) && !IsUnsignedSubject(subject)
}

// Findings returns the current value of every rule (tombstones omitted);
// while signed, a rule changed after the sign-off keeps its signed value.
// A rule recorded as items has the value its live items give (ItemsValue),
// their texts as its note, whatever plain number it also holds (a
// disagreement is an ItemConflict).
func (st *State) Findings() scoring.Findings {
	fs := make(scoring.Findings, len(st.Subjects))
	for subj, ss := range st.Subjects {
		if !IsRuleSubject(subj) {
			continue
		}
		cur := st.valueOf(subj, ss)
		if cur == nil {
			continue
		}
		if v := cur.Decoded(); v.Kind == KindRule { // not retracted
			fs[subj] = scoring.Finding{Value: v.Rule, Note: cur.Note}
		}
	}
	for rule, items := range st.itemsByRule() {
		if ref, ok := st.Rubric.Rule(rule); ok {
			fs[rule] = scoring.Finding{Value: ItemsValue(ref.Rule, items), Note: itemsNote(items)}
		}
	}
	return fs
}

// Notes returns each indicator's current free note.
func (st *State) Notes() map[string]string {
	out := map[string]string{}
	for subj, ss := range st.Subjects {
		if ind, ok := strings.CutPrefix(subj, NotePrefix); ok {
			if r := st.valueOf(subj, ss); r != nil { // nil: no note was signed
				if v := r.Decoded(); v.Kind == KindText && v.Text != "" {
					out[ind] = v.Text
				}
			}
		}
	}
	return out
}

// Conflicts returns the subjects in conflict, in rubric order: those whose
// heads disagree, and the rules whose plain value disagrees with their
// items (ItemConflicts; its entry holds the plain value's heads, whose
// Conflict may be false).
func (st *State) Conflicts() []*SubjectState {
	var out []*SubjectState
	for _, ss := range st.Subjects {
		if ss.Conflict() {
			out = append(out, ss)
		}
	}
	for _, ic := range st.ItemConflicts() {
		if ss := st.Subjects[ic.Rule]; !ss.Conflict() {
			out = append(out, ss)
		}
	}
	sort.Slice(out, func(i, j int) bool { return scoring.RuleLess(out[i].Subject, out[j].Subject) })
	return out
}

// Score scores the current findings (the latest head of each conflict)
// and, while conflicts are open, the range the score could take. A signed
// assessment scores what was signed, one figure.
func (st *State) Score() (*scoring.Result, error) {
	res, err := scoring.Score(st.Rubric, st.Findings())
	if err != nil {
		return nil, err
	}
	if st.Signed() == nil {
		res.Range = st.Range()
	}
	return res, nil
}

// Lookup loads revisions by ID that are no longer heads: those a sign-off
// signed and that have since been superseded.
type Lookup func(ids []string) ([]*Revision, error)

// Build is an assessment's state from its heads (revisions no other
// revision supersedes, in any order), settled against its sign-off.
// signed loads the signed revisions that are no longer heads; nil when only
// the heads are at hand (a signed revision missing then counts as not
// held). The revision count, inspectors and creator are not the heads' to
// give: the caller sets them.
func Build(a Assessment, rb *rubric.Rubric, heads []*Revision, signed Lookup) (*State, error) {
	st := build(a, rb, heads)
	return st, st.settleSignOff(signed)
}

// build groups heads by subject, latest first. A subject's heads are one
// run of the sorted heads (not a slice of their own), and the decoded
// values and the subjects' states are one block each: a state costs a
// handful of allocations, not three per head.
func build(a Assessment, rb *rubric.Rubric, heads []*Revision) *State {
	sorted := append([]*Revision(nil), heads...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Subject != sorted[j].Subject {
			return sorted[i].Subject < sorted[j].Subject
		}
		return sorted[j].Less(sorted[i]) // latest first
	})
	values := make([]Value, len(sorted))
	subjects := make([]SubjectState, 0, len(sorted)) // never grows: the pointers below stay put
	st := &State{Assessment: a, Rubric: rb, Subjects: make(map[string]*SubjectState, len(sorted))}
	for i := 0; i < len(sorted); {
		j := i
		for ; j < len(sorted) && sorted[j].Subject == sorted[i].Subject; j++ {
			values[j] = decodeOrInvalid(sorted[j].Subject, sorted[j].Value)
			sorted[j].decoded = &values[j]
		}
		// The full slice expression makes an append to one subject's heads
		// copy them rather than write over the next subject's.
		subjects = append(subjects, SubjectState{Subject: sorted[i].Subject, Heads: sorted[i:j:j]})
		st.Subjects[sorted[i].Subject] = &subjects[len(subjects)-1]
		i = j
	}
	return st
}

// ShownInspectors is who the lists show for an assessment: everyone who
// wrote a revision, or, before the first value, the inspector who created it
// on this laptop.
func (st *State) ShownInspectors() []string {
	if len(st.Inspectors) == 0 && st.Creator != "" {
		return []string{st.Creator}
	}
	return st.Inspectors
}

// Alternatives lists, for each rule in conflict, every head's finding (an
// Unset value for a retraction), for scoring.RangeOver.
func Alternatives(conflicts []*SubjectState) map[string][]scoring.Finding {
	out := map[string][]scoring.Finding{}
	for _, ss := range conflicts {
		if !IsRuleSubject(ss.Subject) {
			continue
		}
		for _, h := range ss.Heads {
			f := scoring.Finding{Note: h.Note}
			if v := h.Decoded(); v.Kind == KindRule {
				f.Value = v.Rule
			}
			out[ss.Subject] = append(out[ss.Subject], f)
		}
	}
	return out
}

// Range is the span the assessment's score can take across its open
// conflicts, or nil when there are none.
func (st *State) Range() *scoring.Range {
	conflicts := st.Conflicts()
	if len(conflicts) == 0 {
		return nil // and no second decoding of every finding
	}
	alts := Alternatives(conflicts)
	for _, ic := range st.ItemConflicts() { // the items' value is one end
		alts[ic.Rule] = append(alts[ic.Rule], scoring.Finding{Value: ic.Derived})
	}
	return scoring.RangeOver(st.Rubric, st.Findings(), alts)
}
