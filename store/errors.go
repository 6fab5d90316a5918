package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

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

// ErrBusy is wrapped by the error of an open or a write that waited for
// another process's lock on the database and gave up: the file is in use,
// not damaged.
var ErrBusy = errors.New("database in use")

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED.
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return errors.Is(err, ErrBusy)
}

// isTooBig reports whether err is SQLite's SQLITE_TOOBIG: a value would
// exceed the connection's length limit.
func isTooBig(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_TOOBIG
}

// cannotMakeWAL reports whether err is SQLite failing to create the files
// it reads a WAL-mode database with (a read-only folder).
func cannotMakeWAL(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN:
			return true
		}
	}
	return false
}

// busyErr says the file is in use by another program, naming it and how
// long kaohe waited for it.
func busyErr(path string, wait time.Duration, err error) *FileError {
	return &FileError{Path: path, Problem: "in use by another program (another kaohe, or a sqlite3 shell) that did not let go within " + waitText(wait) + "; nothing was changed: try again when it has finished",
		Err: errors.Join(ErrBusy, err)}
}

// openErr describes a failure to read a file: busy is said to be busy, a
// disk or folder that refused is said to be that (a *DiskError inside),
// anything else is prefixed with what.
func openErr(path, what string, wait time.Duration, err error) *FileError {
	if isBusy(err) {
		return busyErr(path, wait, err)
	}
	if de := diskErr(path, err); de != nil {
		return diskFileErr(de)
	}
	return fileErr(path, what+": "+describe(err), err)
}

// diskFileErr is a *FileError carrying a *DiskError, so callers that look
// for a FileError find one and the CLI words the DiskError in the user's
// language.
func diskFileErr(de *DiskError) *FileError {
	return fileErr(de.Path, strings.TrimPrefix(de.Error(), de.Path+": "), de)
}

// checkErr describes a quick_check that could not run: damaged only when
// SQLite says the file is (SQLITE_CORRUPT, SQLITE_NOTADB); a full disk or
// no room for the -shm is said to be that.
func checkErr(path string, wait time.Duration, err error) *FileError {
	if isCorrupt(err) {
		return fileErr(path, "damaged database: "+describe(err), err)
	}
	return openErr(path, "cannot check the database", wait, err)
}

// describe shortens SQLite error texts for one-line messages.
func describe(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "sqlite: ")
	return s
}

// writeErr turns a failed write into a message naming the file; what the
// disk or the folder refused (a full disk, no room for the -shm, a
// read-only folder) is told apart by SQLite's result code (diskErr).
func (s *Store) writeErr(err error) error {
	if isBusy(err) {
		return busyErr(s.path, s.busyTimeout, err)
	}
	if s.readOnly {
		return fileErr(s.path, "cannot save: the database was opened read-only (for a command that only reads)", err)
	}
	if de := diskErr(s.path, err); de != nil {
		return diskFileErr(de)
	}
	msg := describe(err)
	return fileErr(s.path, "cannot save: "+msg, err)
}

// waitText words a wait for a message: whole seconds as seconds, anything
// shorter in milliseconds.
func waitText(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		if d == time.Second {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", d/time.Second)
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}
