package store

import (
	"github.com/google/uuid"

	"database/sql"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// isLowerHex reports whether s is n lowercase hex digits.
func isLowerHex(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789abcdef") == ""
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
			if revs[i], err = s.record(tx, id, a, rb, Change{Subject: EvidenceSubject(subject, f.info.SHA256), Value: assessment.FileValue(f.meta), Note: note}); err != nil {
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
	path string
	info BlobInfo
	meta AttachmentMeta
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
	return checkedFile{path: path, info: info, meta: meta}, nil
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

// evidenceTarget reports whether subject names a rule, an indicator or
// a problem (the files of its rectification).
func evidenceTarget(rb *rubric.Rubric, subject string) bool {
	if rule, _, ok := assessment.ParseProblemSubject(subject); ok {
		_, ok := rb.Rule(rule)
		return ok
	}
	if ind, ok := strings.CutPrefix(subject, assessment.SelfPrefix); ok {
		_, _, ok := rb.Indicator(ind)
		return ok
	}
	if id, ok := strings.CutPrefix(subject, assessment.AppealPrefix); ok {
		u, err := uuid.Parse(id)
		return err == nil && u.String() == id
	}
	if _, ok := rb.Rule(subject); ok {
		return true
	}
	_, _, ok := rb.Indicator(subject)
	return ok
}

// checkEvidence validates an attachment's value: its subject names a rule
// or indicator and a SHA-256; its value (unless retracted) is the metadata
// of a file of that hash.
func checkEvidence(rb *rubric.Rubric, subject string, v Value) error {
	target, _, ok := ParseEvidenceSubject(subject)
	if !ok {
		return invalid("%q is not an evidence subject (evidence/RULE/SHA256)", subject)
	}
	if !evidenceTarget(rb, target) {
		return invalid("rubric %s %s has no rule or indicator %q", rb.ID, rb.Version, target)
	}
	if v.Retracted() {
		return nil
	}
	if v.Kind != assessment.KindFile || v.File.Name == "" || v.File.Size < 0 {
		return invalid("%s: the attachment's record is not a file description", subject)
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
	if _, err := s.Record(id, assessmentID, Retract(EvidenceSubject(att.Subject, att.SHA256))); err != nil {
		return Attachment{}, err
	}
	return att, nil
}
