package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/google/uuid"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/scoring"
	"io"
	"sort"
	"strings"
)

// A sign-off is a status revision whose value says exactly what was signed:
//
//	{"status":"signed","digest":"<sha256>","heads":["<revision ID>",…]}
//
// heads are the IDs of the heads of every other subject (rules and notes)
// at signing, sorted; digest is the SHA-256 over their subjects, IDs and
// content hashes (see headsDigest). The value is covered by the sign-off
// revision's own content hash, so neither can be changed unnoticed.
//
// While an assessment is signed, a subject whose heads are not the signed
// ones (a value merged in from a stale copy, or imported) is a conflict
// against the sign-off: the score, the notes and the status stay what was
// signed until the lead reopens the assessment or keeps the signed value
// (Resolve with Keep: KeepSigned). Older sign-offs whose value is the plain
// text "signed" carry no manifest; they still sign, but cannot tell what.
type signOffValue struct {
	Status string   `json:"status"`
	Digest string   `json:"digest"`
	Heads  []string `json:"heads"`
}

// parseSignOff reads a sign-off manifest; ok is false for anything else.
func parseSignOff(value *string) (v signOffValue, ok bool) {
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
	if v.Status != StatusSigned || !isSHA256(v.Digest) {
		return v, false
	}
	for i, id := range v.Heads {
		if _, err := uuid.Parse(id); err != nil || len(id) != 36 || (i > 0 && v.Heads[i-1] >= id) {
			return v, false
		}
	}
	return v, true
}

// headsDigest is the SHA-256 over the revisions' subjects, IDs and content
// hashes, in a fixed order.
func headsDigest(revs []*Revision) string {
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

// encodeSignOff is the stored value of a sign-off of these revisions.
func encodeSignOff(revs []*Revision) *string {
	v := signOffValue{Status: StatusSigned, Digest: headsDigest(revs), Heads: make([]string, 0, len(revs))}
	for _, r := range revs {
		v.Heads = append(v.Heads, r.ID)
	}
	sort.Strings(v.Heads)
	b, _ := json.Marshal(v)
	t := string(b)
	return &t
}

// StatusOf returns what a status revision's value says: StatusSigned,
// StatusDraft, or "" for a value that is neither.
func StatusOf(value *string) string {
	switch t := DecodeText(value); t {
	case StatusSigned, StatusDraft:
		return t
	}
	if _, ok := parseSignOff(value); ok {
		return StatusSigned
	}
	return ""
}

// DisplayValue is a revision's value as people read it: the status of a
// status revision (a sign-off's manifest is not shown), "(retracted)" for a
// tombstone, otherwise the stored text.
func DisplayValue(r *Revision) string {
	if r.Tombstone() {
		return "(retracted)"
	}
	if r.Subject == SubjectStatus {
		if st := StatusOf(r.Value); st != "" {
			return st
		}
	}
	if _, sum, ok := ParseEvidenceSubject(r.Subject); ok {
		// An attachment by its file name and hash prefix.
		var m AttachmentMeta
		if json.Unmarshal([]byte(*r.Value), &m) == nil {
			return m.Name + " (" + ShortID(sum, 8) + ")"
		}
	}
	return *r.Value
}

// SignOff is what the assessment's sign-off says it signed.
type SignOff struct {
	Revision *Revision   // the sign-off itself
	Digest   string      // SHA-256 over the signed revisions (see headsDigest)
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
func (st *State) settleSignOff(lookup func(ids []string) ([]*Revision, error)) error {
	st.signed = signedState{}
	s := st.Signed()
	if s == nil {
		return nil
	}
	v, ok := parseSignOff(s.Value)
	if !ok {
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
	if len(missing) > 0 {
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
		if r == nil || r.Assessment != st.Assessment.ID || r.Subject == SubjectStatus {
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
		if subj == SubjectStatus {
			continue
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

// revisionsByID loads revisions by ID (in chunks, to stay under SQLite's
// limit on bound variables).
func revisionsByID(db q, ids []string) ([]*Revision, error) {
	var out []*Revision
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		revs, err := loadRevisions(db, "WHERE r.id IN (?"+strings.Repeat(",?", n-1)+")", args...)
		if err != nil {
			return nil, err
		}
		out = append(out, revs...)
		ids = ids[n:]
	}
	return out, nil
}

// attachSignOff settles a loaded state's sign-off against db.
func attachSignOff(db q, st *State) error {
	return st.settleSignOff(func(ids []string) ([]*Revision, error) { return revisionsByID(db, ids) })
}

// stateIn loads an assessment's state inside a transaction.
func (s *Store) stateIn(db q, assessmentID string) (*State, error) {
	a, rb, err := s.assessmentIn(db, assessmentID)
	if err != nil {
		return nil, err
	}
	heads, err := loadHeads(db, a.ID)
	if err != nil {
		return nil, err
	}
	st := buildState(a, rb, heads)
	return st, attachSignOff(db, st)
}

// Sign signs the assessment off: the sign-off records the heads it signs.
// It is refused while conflicts are open, and while rules are unrecorded or
// discretionary deductions lack a reason unless allowIncomplete is given
// (the sign-off's note then says what was missing).
func (s *Store) Sign(id Identity, assessmentID string, allowIncomplete bool) (Revision, error) {
	return s.statusOp(id, func(tx *sql.Tx) (*Revision, error) {
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		if so := st.Signed(); so != nil {
			return nil, invalid("%s is already signed (by %s on %s)", st.Assessment.Label(), so.Inspector, timefmt.Human(so.Wall))
		}
		rd := st.Readiness()
		if len(rd.Conflicts) > 0 || (!allowIncomplete && !rd.Complete()) {
			return nil, &IncompleteError{Assessment: st.Assessment.Label(), Readiness: rd}
		}
		note := "sign-off"
		if !rd.Complete() {
			note = "sign-off with --allow-incomplete: " + incompleteNote(rd)
		}
		return s.record(tx, id, st.Assessment, st.Rubric, Change{Subject: SubjectStatus, Value: StringValue(StatusSigned), Note: note, Resolve: true})
	})
}

// Reopen returns a signed assessment to draft, with the reason kept in
// history.
func (s *Store) Reopen(id Identity, assessmentID, reason string) (Revision, error) {
	reason = strings.TrimSpace(reason)
	return s.statusOp(id, func(tx *sql.Tx) (*Revision, error) {
		if reason == "" {
			return nil, invalid("say why the assessment is reopened (the reason is kept in history)")
		}
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return nil, err
		}
		if st.Signed() == nil {
			return nil, invalid("%s is not signed", st.Assessment.Label())
		}
		return s.record(tx, id, st.Assessment, st.Rubric, Change{Subject: SubjectStatus, Value: StringValue(StatusDraft), Note: reason, Resolve: true})
	})
}

// statusOp runs one status or resolution write in a transaction.
func (s *Store) statusOp(id Identity, fn func(tx *sql.Tx) (*Revision, error)) (Revision, error) {
	if id.Inspector == "" {
		return Revision{}, ErrNoInspector
	}
	var out *Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		rev, err := fn(tx)
		if err != nil {
			return err
		}
		if rev == nil {
			return invalid("nothing to record")
		}
		out = rev
		return nil
	})
	if err != nil {
		return Revision{}, err
	}
	return *out, nil
}

// signOffOf is the sign-off value for the assessment's current heads
// (every subject but the status), read from the head table the same
// transaction keeps.
func signOffOf(db q, assessmentID string) (*string, error) {
	heads, err := loadHeads(db, assessmentID)
	if err != nil {
		return nil, err
	}
	signed := heads[:0]
	for _, h := range heads {
		if h.Subject != SubjectStatus {
			signed = append(signed, h)
		}
	}
	return encodeSignOff(signed), nil
}

// incompleteNote says in one line what was missing when an incomplete
// assessment was signed. It is part of the sign-off's stored note, so it
// is a record in one fixed form, not worded for the reader.
func incompleteNote(r Readiness) string {
	var parts []string
	if n := len(r.Unrecorded); n > 0 {
		parts = append(parts, fmt.Sprintf("%d rules unrecorded", n))
	}
	if n := len(r.Conflicts); n > 0 {
		parts = append(parts, fmt.Sprintf("%d open conflicts", n))
	}
	if n := len(r.MissingReasons); n > 0 {
		parts = append(parts, fmt.Sprintf("%d discretionary deductions without a reason", n))
	}
	if n := len(r.MissingEvidence); n > 0 {
		parts = append(parts, fmt.Sprintf("%d deductions without evidence", n))
	}
	return strings.Join(parts, ", ")
}
