package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// ApplicationID marks a SQLite file as kaohe's ("KAOH" in ASCII).
const ApplicationID = 0x4B414F48

// FileError is a problem with a database file: it names the file and says
// what is wrong in one line.
type FileError struct {
	Path    string
	Problem string
	Err     error
}

// Error formats as "PATH: problem".
func (e *FileError) Error() string { return e.Path + ": " + e.Problem }

// Unwrap returns the underlying error, if any.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(path, problem string, err error) *FileError {
	return &FileError{Path: path, Problem: problem, Err: err}
}

// checkHeader inspects an existing database file's header without letting
// SQLite touch it: it must be SQLite, kaohe's, of a schema this build knows,
// and not shorter than the header says. It reports whether the file is empty
// (a new database).
func checkHeader(path string) (empty bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return true, nil
		}
		if errors.Is(err, os.ErrPermission) {
			return false, fileErr(path, "cannot read the database file (permission denied)", err)
		}
		return false, fileErr(path, "cannot open the database file: "+err.Error(), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, fileErr(path, "cannot stat the database file: "+err.Error(), err)
	}
	if st.IsDir() {
		return false, fileErr(path, "is a directory, not a database file", nil)
	}
	if st.Size() == 0 {
		return true, nil
	}
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	if n < 16 || string(hdr[:16]) != "SQLite format 3\x00" {
		return false, fileErr(path, "not a SQLite database (not a kaohe file)", nil)
	}
	if err != nil {
		return false, fileErr(path, "truncated SQLite file (shorter than its 100-byte header)", err)
	}
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return false, fileErr(path, "damaged SQLite header (invalid page size)", nil)
	}
	if appID := binary.BigEndian.Uint32(hdr[68:72]); appID != ApplicationID {
		return false, fileErr(path, foreignMessage(appID), nil)
	}
	if v := int(binary.BigEndian.Uint32(hdr[60:64])); v > SchemaVersion {
		return false, fileErr(path, fmt.Sprintf("made by a newer kaohe (schema %d; this build knows up to %d): update kaohe to open it", v, SchemaVersion), nil)
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:32]))
	validFor := binary.BigEndian.Uint32(hdr[92:96])
	change := binary.BigEndian.Uint32(hdr[24:28])
	if validFor == change && pages > 0 && st.Size() < pages*pageSize {
		return false, fileErr(path, fmt.Sprintf("truncated: the file is %d bytes but its header says %d", st.Size(), pages*pageSize), nil)
	}
	if st.Size()%pageSize != 0 {
		return false, fileErr(path, fmt.Sprintf("truncated or damaged: %d bytes is not a whole number of %d-byte pages", st.Size(), pageSize), nil)
	}
	return false, nil
}

// fileURI turns a path into a SQLite URI with the given query, so SQLite's
// own parameters (mode=ro) apply; it works for Windows drive paths and for
// names with spaces, '?', '#' or Chinese characters.
func fileURI(path, query string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	s := u.String() // file:///…, escaped
	if query != "" {
		s += "?" + query
	}
	return s, nil
}

// foreignMessage says a SQLite file belongs to someone else.
func foreignMessage(appID uint32) string {
	if appID == 0 {
		return "a SQLite database, but not kaohe's (it has no application_id)"
	}
	return fmt.Sprintf("a SQLite database, but not kaohe's (application_id %#x)", appID)
}
