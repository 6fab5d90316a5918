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
	"time"
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
// SQLite touch it: it must be a regular file, SQLite, kaohe's, of a schema
// this build knows, and not shorter than the header says. It reports whether
// the file is empty (a new database).
//
// The -wal beside it is checked too (checkWAL): a damaged one is refused. A
// file whose committed data lives partly in its -wal (a checkpoint cut short
// by a full disk or a kill) or beside a -journal (a transaction in flight or
// to roll back) is not judged by its size: SQLite recovers it, and
// quick_check then judges the result. A size verdict is only given when it
// holds twice, so a checkpoint running in another process at that moment is
// not taken for damage.
func checkHeader(path string) (empty bool, err error) {
	for attempt := 0; ; attempt++ {
		empty, unstable, err := checkHeaderOnce(path)
		if err == nil || !unstable || attempt == 2 {
			return empty, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkHeaderOnce is one look at the file; unstable says the verdict may
// come from a write in progress elsewhere and is worth a second look.
func checkHeaderOnce(path string) (empty, unstable bool, err error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return true, false, nil
		}
		if errors.Is(err, os.ErrPermission) {
			return false, false, fileErr(path, "cannot read the database file (permission denied)", err)
		}
		return false, false, fileErr(path, "cannot open the database file: "+err.Error(), err)
	}
	if st.IsDir() {
		return false, false, fileErr(path, "is a directory, not a database file", nil)
	}
	if !st.Mode().IsRegular() {
		return false, false, fileErr(path, "not a regular file (a named pipe, device or socket), not a database file", nil)
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return false, false, fileErr(path, "cannot read the database file (permission denied)", err)
		}
		return false, false, fileErr(path, "cannot open the database file: "+err.Error(), err)
	}
	defer f.Close()
	st, err = f.Stat()
	if err != nil {
		return false, false, fileErr(path, "cannot stat the database file: "+err.Error(), err)
	}
	hdr := make([]byte, 100)
	n, rerr := io.ReadFull(f, hdr)
	var pageSize int64
	if n >= 18 && string(hdr[:16]) == "SQLite format 3\x00" {
		pageSize = int64(binary.BigEndian.Uint16(hdr[16:18]))
		if pageSize == 1 {
			pageSize = 65536
		}
		if pageSize < 512 || pageSize&(pageSize-1) != 0 {
			pageSize = 0
		}
	}
	wal, werr := checkWAL(path+"-wal", pageSize)
	if werr != nil {
		return false, true, fileErr(path, werr.Error(), nil)
	}
	if st.Size() == 0 {
		// A new database, or one whose first transactions are all in
		// its -wal still: SQLite reads those.
		return wal.Commits == 0, false, nil
	}
	if n < 16 || string(hdr[:16]) != "SQLite format 3\x00" {
		return false, false, fileErr(path, "not a SQLite database (not a kaohe file)", nil)
	}
	if rerr != nil {
		return false, true, fileErr(path, "truncated SQLite file (shorter than its 100-byte header)", rerr)
	}
	if pageSize == 0 {
		return false, false, fileErr(path, "damaged SQLite header (invalid page size)", nil)
	}
	if wal.Commits > 0 || nonEmpty(path+"-journal") {
		// The header on disk may be older than the committed state
		// (application_id and schema set by a transaction still in the
		// -wal); SQLite reads that state and Open checks it.
		return false, false, nil
	}
	if appID := binary.BigEndian.Uint32(hdr[68:72]); appID == 0 && hdr[18] == 2 && binary.BigEndian.Uint32(hdr[28:32]) <= 1 {
		// A one-page WAL-mode file without an application_id: a new
		// database another kaohe is creating right now (the switch to WAL
		// comes first, the schema follows in the -wal). Open decides under
		// the write lock whether it is empty (and migrates it) or foreign.
		return false, false, nil
	} else if appID != ApplicationID {
		return false, false, fileErr(path, foreignMessage(appID), nil)
	}
	if v := int(binary.BigEndian.Uint32(hdr[60:64])); v > SchemaVersion {
		return false, false, fileErr(path, fmt.Sprintf("made by a newer kaohe (schema %d; this build knows up to %d): update kaohe to open it", v, SchemaVersion), nil)
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:32]))
	validFor := binary.BigEndian.Uint32(hdr[92:96])
	change := binary.BigEndian.Uint32(hdr[24:28])
	if validFor == change && pages > 0 && st.Size() < pages*pageSize {
		return false, true, fileErr(path, fmt.Sprintf("truncated: the file is %d bytes but its header says %d", st.Size(), pages*pageSize), nil)
	}
	if st.Size()%pageSize != 0 {
		return false, true, fileErr(path, fmt.Sprintf("truncated or damaged: %d bytes is not a whole number of %d-byte pages", st.Size(), pageSize), nil)
	}
	return false, false, nil
}

// nonEmpty reports whether a file exists and holds at least one byte.
func nonEmpty(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 0
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
