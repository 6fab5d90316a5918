package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
)

// fileHead is what an attachment's record is checked against: the stored
// bytes' size, and their first 512 bytes (all that sniffing a type reads).
type fileHead struct {
	size int64
	head []byte
}

// readFileHead reads the size and first bytes of the file stored under
// sum; ok is false when db does not hold it.
func readFileHead(db q, sum string) (fh fileHead, ok bool, err error) {
	err = db.QueryRow("SELECT size FROM blob WHERE sha256 = ?", sum).Scan(&fh.size)
	if errors.Is(err, sql.ErrNoRows) {
		return fh, false, nil
	}
	if err != nil {
		return fh, false, err
	}
	err = db.QueryRow("SELECT substr(data, 1, 512) FROM blob_chunk WHERE sha256 = ? AND seq = 0", sum).Scan(&fh.head)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil // an empty file has no chunk
	}
	return fh, err == nil, err
}

// isSignatureType reports whether net/http's sniffer recognises media type
// t by a fixed signature in a file's first bytes: a file of such a type
// always sniffs as it, so a record claiming one for bytes that sniff as
// something else is false.
func isSignatureType(t string) bool {
	switch t {
	case "image/x-icon", "image/bmp", "image/gif", "image/webp", "image/png", "image/jpeg",
		"audio/basic", "audio/aiff", "audio/mpeg", "audio/midi", "audio/wave",
		"video/avi", "video/mp4", "video/webm",
		"application/ogg", "application/pdf", "application/postscript", "application/x-gzip",
		"application/zip", "application/x-rar-compressed", "application/wasm":
		return true
	}
	return false
}

// attachmentProblem says how an attachment's record disagrees with the
// bytes it attaches, or returns "". Its size must be theirs. Its type must
// be a media type, and it must not be contradicted by the bytes: it is
// accepted when it is the type this computer gives the file's name, or the
// type the bytes sniff as, or a type the bytes cannot show (other
// computers know other names' types: a .docx is a zip to the sniffer and
// nothing to a computer without Office); it is refused when it is a type
// the bytes would show by their signature (a JPEG, a PDF, a zip…) and they
// do not.
func attachmentProblem(m AttachmentMeta, fh fileHead) string {
	if m.Size != fh.size {
		return fmt.Sprintf("its record says the file is %d bytes, but the file it attaches is %d bytes (%s)", m.Size, fh.size, HumanSize(fh.size))
	}
	if m.Type == "" {
		return ""
	}
	claimed, _, err := mime.ParseMediaType(m.Type)
	if err != nil {
		return fmt.Sprintf("its record's type %q is not a media type", m.Type)
	}
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(fh.head))
	byName, _, _ := mime.ParseMediaType(mime.TypeByExtension(strings.ToLower(filepath.Ext(m.Name))))
	if claimed == sniffed || claimed == byName || !isSignatureType(claimed) {
		return ""
	}
	return fmt.Sprintf("its record says the file is %s, but its bytes are %s", claimed, sniffed)
}

// attachmentChecker checks attachment records against the files a
// database holds, reading each file's head once.
type attachmentChecker struct {
	db    q
	heads map[string]fileHead
}

func newAttachmentChecker(db q) *attachmentChecker {
	return &attachmentChecker{db: db, heads: map[string]fileHead{}}
}

// problem is attachmentProblem for revision r, or "" when r is not a live
// attachment or db does not hold its file (reported apart).
func (c *attachmentChecker) problem(r *Revision) (string, error) {
	_, sum, ok := ParseEvidenceSubject(r.Subject)
	if !ok || r.Value == nil {
		return "", nil
	}
	fh, ok := c.heads[sum]
	if !ok {
		var have bool
		var err error
		if fh, have, err = readFileHead(c.db, sum); err != nil || !have {
			return "", err
		}
		c.heads[sum] = fh
	}
	var m AttachmentMeta
	if err := json.Unmarshal([]byte(*r.Value), &m); err != nil {
		return "the attachment's record is not a file description", nil
	}
	return attachmentProblem(m, fh), nil
}
