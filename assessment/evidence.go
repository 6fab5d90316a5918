package assessment

import (
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// MissingEvidence lists the rules whose rubric requires evidence for
// deductions (evidence: deductions), that deduct, and that have no
// attachment on the rule or on its indicator, in rubric order. Signing
// lists them; the workbench marks them (EvidenceMissing on its own result).
func (st *State) MissingEvidence() []string {
	res, err := scoring.Score(st.Rubric, st.Findings())
	if err != nil {
		return nil
	}
	attached := map[string]bool{}
	for _, a := range st.Attachments("") {
		attached[a.Subject] = true
	}
	return EvidenceMissing(st.Rubric, res, attached)
}

// EvidenceMissing is MissingEvidence's rule on a score already computed:
// attached holds the rules and indicators that have a file.
func EvidenceMissing(rb *rubric.Rubric, res *scoring.Result, attached map[string]bool) []string {
	var out []string
	for _, c := range res.Categories {
		for _, ir := range c.Indicators {
			if !rb.EvidenceRequired(ir.ID) || attached[ir.ID] {
				continue
			}
			for _, rr := range ir.Rules {
				if rr.Raw > 0 && rr.Kind() != rubric.Bonus && !attached[rr.ID()] {
					out = append(out, rr.ID())
				}
			}
		}
	}
	return out
}

// EvidenceSubject is the revision subject of file sum attached to subject.
func EvidenceSubject(subject, sum string) string { return EvidencePrefix + subject + "/" + sum }

// ParseEvidenceSubject splits an attachment's revision subject.
func ParseEvidenceSubject(s string) (subject, sum string, ok bool) {
	rest, ok := strings.CutPrefix(s, EvidencePrefix)
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, '/')
	if i <= 0 {
		return "", "", false
	}
	subject, sum = rest[:i], rest[i+1:]
	if !IsSHA256(sum) {
		return "", "", false
	}
	return subject, sum, true
}

// IsSHA256 reports whether s is a SHA-256 as kaohe writes it: 64
// lowercase hex digits.
func IsSHA256(s string) bool {
	return len(s) == 64 && strings.Trim(s, "0123456789abcdef") == ""
}

// AttachmentMeta is what an attachment revision records about its file.
type AttachmentMeta struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	Type string `json:"type"`
	// Taken and GPS come from a photo's EXIF data when it has them:
	// capture time as the camera wrote it, position as "lat,lon".
	Taken string `json:"taken,omitempty"`
	GPS   string `json:"gps,omitempty"`
}

// Attachment is one live attachment of an assessment.
type Attachment struct {
	Subject string // the rule or indicator ID
	SHA256  string
	AttachmentMeta
	Note      string
	Inspector string
	Device    string
	Wall      time.Time
	Revision  string
}

// Attachments returns the live attachments of subject ("" for every rule
// and indicator), in rubric order, then by time.
func (st *State) Attachments(subject string) []Attachment {
	var out []Attachment
	for subj, ss := range st.Subjects {
		target, sum, ok := ParseEvidenceSubject(subj)
		if !ok || (subject != "" && target != subject) {
			continue
		}
		// Attachments are a set union: the file is attached while any
		// head is (two inspectors' different notes are not a conflict).
		var live *Revision
		for _, h := range ss.Heads {
			if !h.Tombstone() && (live == nil || live.Less(h)) {
				live = h
			}
		}
		if live == nil {
			continue
		}
		v := live.Decoded()
		if v.Kind != KindFile {
			continue
		}
		out = append(out, Attachment{Subject: target, SHA256: sum, AttachmentMeta: *v.File, Note: live.Note,
			Inspector: live.Inspector, Device: live.Device, Wall: live.Wall, Revision: live.ID})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Subject != out[j].Subject {
			return scoring.RuleLess(out[i].Subject, out[j].Subject)
		}
		if !out[i].Wall.Equal(out[j].Wall) {
			return out[i].Wall.Before(out[j].Wall)
		}
		return out[i].SHA256 < out[j].SHA256
	})
	return out
}

// ErrShortHash is a file named by fewer than 6 hex digits of its sha256:
// too few to pick one file safely. Front ends add where the hashes are
// listed.
var ErrShortHash error = i18n.Errorf("give at least 6 hex digits of the file's sha256")

// FindAttachment finds one live attachment by a prefix of its hash (at
// least 6 hex digits), optionally on one subject.
func (st *State) FindAttachment(subject, prefix string) (Attachment, error) {
	prefix = strings.ToLower(prefix)
	if len(prefix) < 6 {
		return Attachment{}, ErrShortHash
	}
	var found []Attachment
	for _, a := range st.Attachments(subject) {
		if strings.HasPrefix(a.SHA256, prefix) {
			found = append(found, a)
		}
	}
	switch {
	case len(found) == 0 && subject != "":
		return Attachment{}, i18n.Errorf("%s has no attachment %s… on %s", st.Assessment.Label(), prefix, subject)
	case len(found) == 0:
		return Attachment{}, i18n.Errorf("%s has no attachment %s…", st.Assessment.Label(), prefix)
	case len(found) > 1 && subject == "" && sameFile(found):
		return found[0], nil
	case len(found) > 1:
		return Attachment{}, i18n.Errorf("%s… matches %d attachments; give more digits or the rule", prefix, len(found))
	}
	return found[0], nil
}

// sameFile reports whether every attachment holds the same bytes.
func sameFile(as []Attachment) bool {
	for _, a := range as[1:] {
		if a.SHA256 != as[0].SHA256 {
			return false
		}
	}
	return true
}
