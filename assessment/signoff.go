package assessment

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/kaohe/kaohe/scoring"
)

// A sign-off is a status revision whose value says exactly what was signed:
//
//	{"status":"signed","digest":"<sha256>","heads":["<revision ID>",…]}
//
// heads are the IDs of the heads of every other subject (rules and notes)
// at signing, sorted; digest is the SHA-256 over their subjects, IDs and
// content hashes (see HeadsDigest). The value is covered by the sign-off
// revision's own content hash, so neither can be changed unnoticed.
//
// While an assessment is signed, a subject whose heads are not the signed
// ones (a value merged in from a stale copy, or imported) is a conflict
// against the sign-off: the score, the notes and the status stay what was
// signed until the lead reopens the assessment or keeps the signed value
// (Resolve with Keep: KeepSigned). Older sign-offs whose value is the plain
// text "signed" carry no manifest; they still sign, but cannot tell what.
type SignOffManifest struct {
	Status string   `json:"status"`
	Digest string   `json:"digest"`
	Heads  []string `json:"heads"`
}

// ParseSignOff reads a sign-off manifest; ok is false for anything else.
func ParseSignOff(value *string) (v SignOffManifest, ok bool) {
	if value == nil || !strings.HasPrefix(strings.TrimSpace(*value), "{") {
		return v, false
	}
	dec := json.NewDecoder(strings.NewReader(*value))
	dec.DisallowUnknownFields()
	if dec.Decode(&v) != nil {
		return v, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return v, false
	}
	if v.Status != StatusSigned || !IsSHA256(v.Digest) {
		return v, false
	}
	for i, id := range v.Heads {
		if _, err := uuid.Parse(id); err != nil || len(id) != 36 || (i > 0 && v.Heads[i-1] >= id) {
			return v, false
		}
	}
	return v, true
}

// HeadsDigest is the SHA-256 over the revisions' subjects, IDs and content
// hashes, in a fixed order.
func HeadsDigest(revs []*Revision) string {
	lines := make([]string, 0, len(revs))
	for _, r := range revs {
		lines = append(lines, r.Subject+"\x00"+r.ID+"\x00"+r.Hash+"\n")
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SignOffOf is the value of a sign-off of these revisions: it says what it
// signs.
func SignOffOf(revs []*Revision) Value {
	m := SignOffManifest{Status: StatusSigned, Digest: HeadsDigest(revs), Heads: make([]string, 0, len(revs))}
	for _, r := range revs {
		m.Heads = append(m.Heads, r.ID)
	}
	sort.Strings(m.Heads)
	return Value{Kind: KindStatus, Text: StatusSigned, SignOff: &m}
}

// StatusOf returns what a status revision's value says: StatusSigned,
// StatusDraft, or "" for a value that is neither.
func StatusOf(value *string) string {
	v, _ := Decode(SubjectStatus, value)
	return v.Status()
}

// SignOff is what the assessment's sign-off says it signed.
type SignOff struct {
	Revision *Revision   // the sign-off itself
	Digest   string      // SHA-256 over the signed revisions (see HeadsDigest)
	Heads    []string    // IDs of the revisions signed
	Signed   []*Revision // those of them this database holds
}

// SignOffConflict is a subject of a signed assessment whose heads are not
// the ones signed: changed after the sign-off (merged in or imported).
type SignOffConflict struct {
	Subject string
	Signed  *Revision   // the value signed; nil when the subject had none
	Heads   []*Revision // the subject's heads now, latest first
}

// signedState is the part of State that a sign-off pins.
type signedState struct {
	signOff   *SignOff
	pinned    map[string]*Revision // subject → signed revision (nil: none)
	conflicts []SignOffConflict
}

// SignOff returns what the current sign-off signed, or nil when the
// assessment is not signed or was signed by an older kaohe that did not
// record it.
func (st *State) SignOff() *SignOff { return st.signed.signOff }

// SignOffConflicts returns the subjects changed after the sign-off, in
// rubric order. Their score and notes stay what was signed until the lead
// reopens the assessment or keeps the signed value.
func (st *State) SignOffConflicts() []SignOffConflict { return st.signed.conflicts }

// OpenConflicts counts the subjects in conflict, between inspectors or
// with the sign-off; a subject in both counts once.
func (st *State) OpenConflicts() int { return len(st.openConflictSubjects()) }

// openConflictSubjects is the set of subjects in conflict, between
// inspectors or with the sign-off.
func (st *State) openConflictSubjects() map[string]bool {
	subjects := map[string]bool{}
	for _, c := range st.Conflicts() {
		subjects[c.Subject] = true
	}
	for _, c := range st.SignOffConflicts() {
		subjects[c.Subject] = true
	}
	return subjects
}

// SignOffConflict returns the sign-off conflict on subject, or nil.
func (st *State) SignOffConflict(subject string) *SignOffConflict {
	for i := range st.signed.conflicts {
		if st.signed.conflicts[i].Subject == subject {
			return &st.signed.conflicts[i]
		}
	}
	return nil
}

// valueOf is the revision that counts for a subject: the signed one while
// the subject is in conflict with the sign-off (nil: nothing was signed),
// otherwise the current head.
func (st *State) valueOf(subject string, ss *SubjectState) *Revision {
	if r, ok := st.signed.pinned[subject]; ok {
		return r
	}
	return ss.Current()
}

// settleSignOff compares the heads with what the sign-off signed. lookup
// loads signed revisions that are no longer heads.
func (st *State) settleSignOff(lookup Lookup) error {
	st.signed = signedState{}
	s := st.Signed()
	if s == nil {
		return nil
	}
	v := s.Decoded().SignOff
	if v == nil {
		return nil // an older sign-off: it does not say what it signed
	}
	so := &SignOff{Revision: s, Digest: v.Digest, Heads: v.Heads}
	have := map[string]*Revision{}
	for _, ss := range st.Subjects {
		for _, h := range ss.Heads {
			have[h.ID] = h
		}
	}
	var missing []string
	for _, id := range v.Heads {
		if have[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 && lookup != nil {
		got, err := lookup(missing)
		if err != nil {
			return err
		}
		for _, r := range got {
			have[r.ID] = r
		}
	}
	signedBy := map[string][]*Revision{}
	for _, id := range v.Heads {
		r := have[id]
		if r == nil || r.Assessment != st.Assessment.ID || r.Subject == SubjectStatus || IsUnsignedSubject(r.Subject) {
			continue // kaohe verify names it
		}
		so.Signed = append(so.Signed, r)
		signedBy[r.Subject] = append(signedBy[r.Subject], r)
	}
	st.signed.signOff = so
	subjects := map[string]bool{}
	for subj := range st.Subjects {
		subjects[subj] = true
	}
	for subj := range signedBy {
		subjects[subj] = true
	}
	for subj := range subjects {
		if subj == SubjectStatus || IsUnsignedSubject(subj) {
			continue // the plan, and what is written after the sign-off: it does not sign them
		}
		var heads []*Revision
		if ss := st.Subjects[subj]; ss != nil {
			heads = ss.Heads
		}
		signed := signedBy[subj]
		if sameRevisions(heads, signed) {
			continue
		}
		sort.Slice(signed, func(i, j int) bool { return signed[j].Less(signed[i]) })
		c := SignOffConflict{Subject: subj, Heads: heads}
		if len(signed) > 0 {
			c.Signed = signed[0]
		}
		if st.signed.pinned == nil {
			st.signed.pinned = map[string]*Revision{}
		}
		st.signed.pinned[subj] = c.Signed
		st.signed.conflicts = append(st.signed.conflicts, c)
	}
	sort.Slice(st.signed.conflicts, func(i, j int) bool {
		return scoring.RuleLess(st.signed.conflicts[i].Subject, st.signed.conflicts[j].Subject)
	})
	return nil
}

func sameRevisions(a, b []*Revision) bool {
	if len(a) != len(b) {
		return false
	}
	ids := map[string]bool{}
	for _, r := range a {
		ids[r.ID] = true
	}
	for _, r := range b {
		if !ids[r.ID] {
			return false
		}
	}
	return true
}
