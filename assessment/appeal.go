package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/scoring"
)

// After the team signs, the office sends the unit its preliminary result
// (初步结果反馈) with a deadline to object; the unit's objections (申诉)
// are reviewed (复核: upheld with a changed value, or rejected), and then
// the final result (终审) is frozen. Each step is a revision of its own
// subject, written after the sign-off and not signed by it:
//
//	feedback            one revision per round: what was sent, when, the deadline
//	appeal/<id>         one objection to one rule's deduction
//	decision/<id>       the review of appeal <id>: upheld (with the new value) or rejected
//	final               one revision per round: the final result, pinning the decisions
//
// An upheld appeal does not rewrite the rule's signed value: the decision
// carries the new value and the signed revision it replaces, so the
// preliminary result stays what was signed and the final result is the
// signed findings with the upheld values (FinalFindings), both recomputable
// by anyone from the records.
const (
	SubjectFeedback = "feedback"
	AppealPrefix    = "appeal/"
	DecisionPrefix  = "decision/"
	SubjectFinal    = "final"
)

// The stages of a signed assessment's result (State.Stage).
const (
	// StageSigned is a signed result not yet sent to the unit.
	StageSigned = "signed"
	// StagePreliminary is 初步: the result was sent; no appeal is open.
	StagePreliminary = "preliminary"
	// StageAppealing is 申诉中: an appeal waits for its decision.
	StageAppealing = "appealing"
	// StageFinal is 已终审: the final result is frozen.
	StageFinal = "final"
)

// Decisions on an appeal (DecisionRecord.Decision).
const (
	DecisionUphold = "uphold"
	DecisionReject = "reject"
)

// FeedbackRecord is one round of feedback: the sign-off it sent (its
// revision and digest), the date it was issued and the deadline for
// appeals, both YYYY-MM-DD as on paper.
type FeedbackRecord struct {
	Round int `json:"round"`
	// First is the first round issued on this same sign-off (a later
	// round after a final result carries the upheld values of the rounds
	// before it); 0 reads as Round.
	First    int    `json:"first,omitempty"`
	SignOff  string `json:"sign_off"`
	Digest   string `json:"digest"`
	IssuedOn string `json:"issued_on"`
	Deadline string `json:"deadline"`
}

// AppealRecord is one objection: the rule whose deduction it disputes, the
// unit's reason, the date it was lodged (on paper) and whether it was
// accepted after the deadline (Late), in which feedback round.
type AppealRecord struct {
	Round  int    `json:"round"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
	On     string `json:"on"`
	Late   bool   `json:"late,omitempty"`
	// Source is SourceCounty when read from the unit's returned workbook.
	Source string `json:"source,omitempty"`
}

// DecisionRecord is the review of one appeal: upheld with the rule's new
// Value, or rejected; Signed is the rule's signed revision the decision
// descends from (the value it replaces); On the date decided. The
// revision's note says why.
type DecisionRecord struct {
	Decision string         `json:"decision"`
	Rule     string         `json:"rule"`
	Value    *scoring.Value `json:"value,omitempty"`
	Signed   string         `json:"signed,omitempty"`
	On       string         `json:"on"`
}

// FinalRecord freezes a round's final result: Heads are the appeal and
// decision revisions it rests on (sorted), Digest the SHA-256 over them and
// the sign-off's digest (FinalDigest).
type FinalRecord struct {
	Round  int      `json:"round"`
	Digest string   `json:"digest"`
	Heads  []string `json:"heads"`
	On     string   `json:"on"`
}

// IsPostSignOffSubject reports whether subject is written after the
// sign-off and is not part of what it signs: a problem's record, the
// feedback, an appeal, a decision, the final result, or a file attached to
// one of them.
func IsPostSignOffSubject(subject string) bool {
	if target, _, ok := ParseEvidenceSubject(subject); ok {
		subject = target
	}
	return subject == SubjectFeedback || subject == SubjectFinal || strings.HasPrefix(subject, ProblemPrefix) ||
		strings.HasPrefix(subject, AppealPrefix) || strings.HasPrefix(subject, DecisionPrefix)
}

// AppealSubject is the subject of appeal id; DecisionSubject that of its
// decision.
func AppealSubject(id string) string   { return AppealPrefix + id }
func DecisionSubject(id string) string { return DecisionPrefix + id }

// errNotRecord says a stored record does not read as its subject's kind.
var errNotRecord = errors.New("not a record of its kind")

// decodeStrict reads one JSON object into v, refusing unknown fields and
// anything after it.
func decodeStrict(text string, v any) error {
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.DisallowUnknownFields()
	if dec.Decode(v) != nil {
		return errNotRecord
	}
	if _, err := dec.Token(); err != io.EOF {
		return errNotRecord
	}
	return nil
}

// decodeAppealSubject reads the value of a feedback, appeal, decision or
// final subject; ok is false for other subjects.
func decodeAppealSubject(subject, text string) (v Value, ok bool, err error) {
	switch {
	case subject == SubjectFeedback:
		var r FeedbackRecord
		err = decodeStrict(text, &r)
		return Value{Kind: KindFeedback, Feedback: &r}, true, err
	case subject == SubjectFinal:
		var r FinalRecord
		err = decodeStrict(text, &r)
		return Value{Kind: KindFinal, Final: &r}, true, err
	case strings.HasPrefix(subject, AppealPrefix):
		var r AppealRecord
		err = decodeStrict(text, &r)
		return Value{Kind: KindAppeal, Appeal: &r}, true, err
	case strings.HasPrefix(subject, DecisionPrefix):
		var r DecisionRecord
		err = decodeStrict(text, &r)
		return Value{Kind: KindDecision, Decision: &r}, true, err
	}
	return Value{}, false, nil
}

// Appeal is one objection with its decision, as lists show it.
type Appeal struct {
	ID string // the appeal's ID (a UUID); Short shows its last 8
	AppealRecord
	Inspector, Device string
	Wall              time.Time
	Revision          *Revision
	// Decision is the current decision (nil: open); DecisionRevision
	// holds it. DecisionConflict is set when two laptops decided it
	// differently: both are heads, and it counts as open.
	Decision         *DecisionRecord
	DecisionRevision *Revision
	DecisionConflict bool
	DecisionHeads    []*Revision
	// NotByLead is set when the decision was written on a device this
	// laptop's roster does not list as the lead's; Mismatch when it is
	// not about the appeal's rule or its value is not one the rule takes.
	// Either way it does not count: the appeal is open.
	NotByLead, Mismatch bool
	// Invalid is set for an appeal that does not fit its feedback round
	// (dated before the feedback, or after the deadline without being
	// marked late): kaohe verify names it, and no round counts it.
	Invalid bool
}

// Short is the appeal's short ID: the last 8 characters of its ID.
func (a Appeal) Short() string {
	if len(a.ID) < 8 {
		return a.ID
	}
	return a.ID[len(a.ID)-8:]
}

// Open reports whether the appeal waits for a decision (or for a
// conflict between two decisions to be settled).
func (a Appeal) Open() bool {
	return a.Decision == nil || a.DecisionConflict || a.NotByLead || a.Mismatch
}

// Feedback returns the latest round of feedback and its revision, or nil.
func (st *State) Feedback() (*FeedbackRecord, *Revision) {
	return latestRecord(st, SubjectFeedback, func(v Value) *FeedbackRecord { return v.Feedback }, func(r *FeedbackRecord) int { return r.Round })
}

// Final returns the latest final result and its revision, or nil.
func (st *State) Final() (*FinalRecord, *Revision) {
	return latestRecord(st, SubjectFinal, func(v Value) *FinalRecord { return v.Final }, func(r *FinalRecord) int { return r.Round })
}

// latestRecord is the head of subject with the highest round (the latest
// by clock among equal rounds): two laptops issuing the same round agree
// on which counts.
func latestRecord[T any](st *State, subject string, get func(Value) *T, round func(*T) int) (*T, *Revision) {
	ss := st.Subjects[subject]
	if ss == nil {
		return nil, nil
	}
	var best *T
	var rev *Revision
	for _, h := range ss.Heads { // latest first
		r := get(h.Decoded())
		if r == nil {
			continue
		}
		if best == nil || round(r) > round(best) {
			best, rev = r, h
		}
	}
	return best, rev
}

// Appeals returns every appeal of the assessment (all rounds) with its
// decision, by round, date lodged, then ID.
func (st *State) Appeals() []Appeal {
	fb, _ := st.Feedback()
	var out []Appeal
	for subj, ss := range st.Subjects {
		id, ok := strings.CutPrefix(subj, AppealPrefix)
		if !ok {
			continue
		}
		cur := ss.Current()
		v := cur.Decoded()
		if v.Kind != KindAppeal {
			continue // damaged: verify names it
		}
		a := Appeal{ID: id, AppealRecord: *v.Appeal, Inspector: cur.Inspector, Device: cur.Device, Wall: cur.Wall, Revision: cur}
		if fb != nil && a.Round == fb.Round {
			a.Invalid = a.On < fb.IssuedOn || (a.On > fb.Deadline && !a.Late)
		}
		if fb != nil && a.Round > fb.Round {
			a.Invalid = true
		}
		if ds := st.Subjects[DecisionSubject(id)]; ds != nil {
			d := ds.Current()
			if dv := d.Decoded(); dv.Kind == KindDecision {
				a.Decision, a.DecisionRevision = dv.Decision, d
				a.NotByLead = !st.Leads[d.Device]
				a.Mismatch = dv.Decision.Rule != a.Rule || !st.decisionFits(dv.Decision)
			}
			a.DecisionConflict, a.DecisionHeads = ds.Conflict(), ds.Heads
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Round != out[j].Round {
			return out[i].Round < out[j].Round
		}
		if out[i].On != out[j].On {
			return out[i].On < out[j].On
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// decisionFits reports whether an upheld decision's value is one its rule
// takes (a rejection carries none).
func (st *State) decisionFits(d *DecisionRecord) bool {
	ref, ok := st.Rubric.Rule(d.Rule)
	if !ok {
		return false
	}
	if d.Decision != DecisionUphold {
		return d.Value == nil
	}
	return d.Value != nil && scoring.CheckValue(ref.Rule, scoring.Finding{Value: *d.Value, Note: "—"}) == ""
}

// RoundAppeals returns the valid appeals of one feedback round.
func (st *State) RoundAppeals(round int) []Appeal {
	var out []Appeal
	for _, a := range st.Appeals() {
		if a.Round == round && !a.Invalid {
			out = append(out, a)
		}
	}
	return out
}

// Stage is where the signed result stands: StageSigned before feedback,
// StagePreliminary or StageAppealing after it, StageFinal once the current
// round is finalised; "" for an assessment that is not signed.
func (st *State) Stage() string {
	if st.Signed() == nil {
		return ""
	}
	fb, _ := st.Feedback()
	if fb == nil || !st.feedbackCurrent(fb) {
		return StageSigned // never sent, or signed again since: a new round sends it
	}
	if st.finalOf(fb) != nil {
		return StageFinal
	}
	for _, a := range st.RoundAppeals(fb.Round) {
		if a.Open() {
			return StageAppealing
		}
	}
	return StagePreliminary
}

// feedbackCurrent reports whether the feedback sent the result signed
// now: a result reopened and signed again since needs a new round.
func (st *State) feedbackCurrent(fb *FeedbackRecord) bool {
	so := st.SignOff()
	return so != nil && so.Digest == fb.Digest
}

// finalOf is the final record of feedback round fb, or nil: one of that
// round, dated after its deadline, whose digest, where the revisions it
// rests on are at hand, is theirs (kaohe verify checks the rest).
func (st *State) finalOf(fb *FeedbackRecord) *FinalRecord {
	fin, _ := st.Final()
	if fin == nil || fin.Round != fb.Round || fin.On <= fb.Deadline {
		return nil
	}
	have := map[string]*Revision{}
	for _, r := range st.FinalHeads(fb.Round) {
		have[r.ID] = r
	}
	revs := []*Revision{{Subject: SubjectStatus, ID: "sign-off", Hash: fb.Digest}}
	for _, id := range fin.Heads {
		r := have[id]
		if r == nil {
			return fin // superseded since: verify judges it from history
		}
		revs = append(revs, r)
	}
	if HeadsDigest(revs) != fin.Digest {
		return nil
	}
	return fin
}

// FinalFindings are the findings of the final result: the signed findings
// with each upheld appeal's value in place of its rule's — the appeals of
// every round on the current sign-off, a later round's over an earlier
// one's, and, once a round is frozen, only the decisions its final record
// rests on (appeals merged in after it do not change it). A result signed
// again since the feedback is its own findings: a new round sends it.
func (st *State) FinalFindings() scoring.Findings {
	fs := st.Findings()
	fb, _ := st.Feedback()
	if fb == nil || !st.feedbackCurrent(fb) {
		return fs
	}
	pinned := map[string]bool{}
	fin := st.finalOf(fb)
	if fin != nil {
		for _, id := range fin.Heads {
			pinned[id] = true
		}
	}
	first := fb.First
	if first == 0 {
		first = fb.Round
	}
	var upheld []Appeal
	for round := first; round <= fb.Round; round++ {
		upheld = append(upheld, st.RoundAppeals(round)...)
	}
	for _, a := range upheld {
		if a.Open() || a.Decision.Decision != DecisionUphold || a.Decision.Value == nil {
			continue
		}
		if fin != nil && a.Round == fb.Round && !pinned[a.DecisionRevision.ID] {
			continue
		}
		f := fs[a.Rule]
		f.Value = *a.Decision.Value
		if a.DecisionRevision.Note != "" {
			f.Note = a.DecisionRevision.Note
		}
		fs[a.Rule] = f
	}
	return fs
}

// FinalHeads are the revisions a final result of round rests on: the
// heads of the round's appeals and their decisions, sorted by ID.
func (st *State) FinalHeads(round int) []*Revision {
	var out []*Revision
	for _, a := range st.RoundAppeals(round) {
		out = append(out, st.Subjects[AppealSubject(a.ID)].Heads...)
		out = append(out, a.DecisionHeads...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// FinalDigest is the SHA-256 a final result of round records: over the
// sign-off's digest and the revisions it rests on (FinalHeads), so that
// anyone holding the records recomputes it.
func (st *State) FinalDigest(round int, signedDigest string) string {
	revs := append([]*Revision{{Subject: SubjectStatus, ID: "sign-off", Hash: signedDigest}}, st.FinalHeads(round)...)
	return HeadsDigest(revs)
}

// FinalConflicts lists the appeal and decision subjects changed after the
// current round was finalised (merged in from a laptop that had not seen
// the final result): a conflict against it, as against a sign-off, shown
// until a new feedback round settles it.
func (st *State) FinalConflicts() []string {
	fb, _ := st.Feedback()
	if fb == nil {
		return nil
	}
	fin := st.finalOf(fb)
	if fin == nil {
		return nil
	}
	pinned := map[string]bool{}
	for _, id := range fin.Heads {
		pinned[id] = true
	}
	var out []string
	for _, r := range st.FinalHeads(fb.Round) {
		if !pinned[r.ID] {
			out = append(out, r.Subject)
		}
	}
	sort.Strings(out)
	return slicesCompact(out)
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
