package store

import (
	"database/sql"
	"encoding/json"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// EvidencePrefix starts the subject of an attachment (佐证材料):
// "evidence/1.2.a/<sha256>" for a rule, "evidence/2.1/<sha256>" for an
// indicator. One subject per file and rule, so two inspectors attaching
// different files both keep theirs, and the same file attached twice is
// one subject: a set union with no conflicts, by construction.
const EvidencePrefix = "evidence/"

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
	if !isSHA256(sum) {
		return "", "", false
	}
	return subject, sum, true
}

// isSHA256 reports whether s is a SHA-256 as kaohe writes it: 64
// lowercase hex digits.
func isSHA256(s string) bool { return isLowerHex(s, 64) }

// isLowerHex reports whether s is n lowercase hex digits.
func isLowerHex(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789abcdef") == ""
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

// AttachOptions tune Attach.
type AttachOptions struct {
	// Limit is the largest file accepted (DefaultBlobLimit when 0).
	Limit int64
	// Photo reads a file's EXIF capture time and GPS position ("" when
	// absent); nil records neither.
	Photo func(path string) (taken, gps string)
}

// maxAttachmentName bounds a file name recorded with an attachment.
const maxAttachmentName = 255

// Attach stores a file's bytes (once per database) and records it as
// evidence on a rule or indicator, all in one transaction: on any refusal
// nothing is written. Attaching a file that is already attached there with
// the same name and note writes nothing.
func (s *Store) Attach(id Identity, assessmentID, subject, path, note string, opts AttachOptions) (Attachment, error) {
	atts, err := s.AttachAll(id, assessmentID, subject, []string{path}, note, opts)
	if err != nil {
		return Attachment{}, err
	}
	return atts[0], nil
}

// AttachAll attaches several files to one rule or indicator, all or
// nothing: every file is checked (present, a regular file, within the
// limit, a usable name) before any is stored, and all are stored in one
// transaction, so a missing file or a full disk leaves none attached.
func (s *Store) AttachAll(id Identity, assessmentID, subject string, paths []string, note string, opts AttachOptions) ([]Attachment, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	files := make([]checkedFile, len(paths))
	for i, path := range paths {
		f, err := checkAttachment(path, opts)
		if err != nil {
			return nil, err
		}
		files[i] = f
	}
	revs := make([]*Revision, len(files))
	err := s.writeTx(func(tx *sql.Tx) error {
		a, rb, err := s.assessmentIn(tx, assessmentID)
		if err != nil {
			return err
		}
		if !evidenceTarget(rb, subject) {
			return invalid("rubric %s %s has no rule or indicator %q (rule IDs look like 1.2.a, indicators like 2.1)", rb.ID, rb.Version, subject)
		}
		for i, f := range files {
			if _, err := storeBlobFile(tx, f.path, f.info); err != nil {
				return err
			}
			if revs[i], err = s.record(tx, id, a, rb, Change{Subject: EvidenceSubject(subject, f.info.SHA256), Value: &f.value, Note: note}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Attachment, len(files))
	for i, f := range files {
		out[i] = Attachment{Subject: subject, SHA256: f.info.SHA256, AttachmentMeta: f.meta, Note: note, Inspector: id.Inspector, Device: id.Device}
		if revs[i] != nil {
			out[i].Wall, out[i].Revision = revs[i].Wall, revs[i].ID
		}
	}
	return out, nil
}

// checkedFile is a file checked for attaching: its hash and the metadata
// recorded with it.
type checkedFile struct {
	path  string
	info  BlobInfo
	meta  AttachmentMeta
	value string
}

// checkAttachment checks one file for attaching and reads its metadata.
func checkAttachment(path string, opts AttachOptions) (checkedFile, error) {
	info, err := checkBlobFile(path, opts.Limit)
	if err != nil {
		return checkedFile{}, err
	}
	name := filepath.Base(path)
	if !utf8.ValidString(name) || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return checkedFile{}, invalid("%q: a file name must be text without control characters; rename the file", name)
	}
	if utf8.RuneCountInString(name) > maxAttachmentName {
		return checkedFile{}, invalid("%s: the file name is longer than %d characters; rename the file", path, maxAttachmentName)
	}
	meta := AttachmentMeta{Name: name, Size: info.Size, Type: fileType(path)}
	if opts.Photo != nil {
		meta.Taken, meta.GPS = opts.Photo(path)
	}
	text, err := json.Marshal(meta)
	if err != nil {
		return checkedFile{}, err
	}
	return checkedFile{path: path, info: info, meta: meta, value: string(text)}, nil
}

// fileType is a file's media type from its name, else from its first bytes.
func fileType(path string) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(path))); t != "" {
		return t
	}
	f, err := os.Open(path)
	if err != nil {
		return "application/octet-stream"
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := f.Read(buf)
	return http.DetectContentType(buf[:n])
}

// evidenceTarget reports whether subject names a rule or an indicator.
func evidenceTarget(rb *rubric.Rubric, subject string) bool {
	if _, ok := rb.Rule(subject); ok {
		return true
	}
	_, _, ok := rb.Indicator(subject)
	return ok
}

// checkEvidence validates an attachment change: its subject names a rule
// or indicator and a SHA-256; its value (unless retracted) is the metadata
// of a file of that hash.
func checkEvidence(rb *rubric.Rubric, c Change) error {
	subject, _, ok := ParseEvidenceSubject(c.Subject)
	if !ok {
		return invalid("%q is not an evidence subject (evidence/RULE/SHA256)", c.Subject)
	}
	if !evidenceTarget(rb, subject) {
		return invalid("rubric %s %s has no rule or indicator %q", rb.ID, rb.Version, subject)
	}
	if c.Value == nil {
		return nil
	}
	var m AttachmentMeta
	if err := json.Unmarshal([]byte(*c.Value), &m); err != nil || m.Name == "" || m.Size < 0 {
		return invalid("%s: the attachment's record is not a file description", c.Subject)
	}
	return nil
}

// Detach retracts the attachment of the file whose hash starts with prefix
// (at least 6 hex digits) from subject. Its bytes and history stay.
func (s *Store) Detach(id Identity, assessmentID, subject, prefix string) (Attachment, error) {
	st, err := s.State(assessmentID)
	if err != nil {
		return Attachment{}, err
	}
	att, err := st.FindAttachment(subject, prefix)
	if err != nil {
		return Attachment{}, err
	}
	if _, err := s.Record(id, assessmentID, Change{Subject: EvidenceSubject(att.Subject, att.SHA256)}); err != nil {
		return Attachment{}, err
	}
	return att, nil
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
		var m AttachmentMeta
		if json.Unmarshal([]byte(*live.Value), &m) != nil {
			continue
		}
		out = append(out, Attachment{Subject: target, SHA256: sum, AttachmentMeta: m, Note: live.Note,
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

// FindAttachment finds one live attachment by a prefix of its hash (at
// least 6 hex digits), optionally on one subject.
func (st *State) FindAttachment(subject, prefix string) (Attachment, error) {
	prefix = strings.ToLower(prefix)
	if len(prefix) < 6 {
		return Attachment{}, subjectRefusal(CodeShortHash, st.Assessment.Label(), "give at least 6 hex digits of the file's sha256")
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
