package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/kaohe/kaohe/internal/i18n"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DiskProblem is what a disk or a folder refused, as opposed to what is
// wrong with a database file.
type DiskProblem int

// The disk problems, each with its own message.
const (
	DiskFull       DiskProblem = iota + 1 // SQLITE_FULL: no room for the write
	ShmNoRoom                             // SQLITE_IOERR_SHM*: no room for the -shm beside the file
	WriteFailed                           // another SQLITE_IOERR: a file size limit, a failing device
	ReadOnlyFolder                        // SQLITE_READONLY*, EROFS: the folder cannot be written
	CannotOpen                            // SQLITE_CANTOPEN: a file beside the database cannot be made
	ShmReadOnly                           // SQLITE_READONLY with a -shm that cannot be written
)

// DiskError is a read or write that the disk or the folder refused: a full
// disk, no room for the -shm file, a file size limit, a read-only folder.
// The database file itself is fine, so it is never called damaged; the
// message names the folder and what to free.
type DiskError struct {
	Path    string // the database file
	Problem DiskProblem
	Code    int // SQLite's extended result code, 0 when it came from the OS
	Err     error
}

// Error words the problem in English.
func (e *DiskError) Error() string { return e.In(i18n.For("en")) }

// In words the problem in the labels' language.
func (e *DiskError) In(l *i18n.Labels) string {
	m := l.CLI.Doors
	dir := filepath.Dir(e.Path)
	switch e.Problem {
	case DiskFull:
		return fmt.Sprintf(m.DiskFull, e.Path, dir)
	case ShmNoRoom:
		return fmt.Sprintf(m.ShmNoRoom, e.Path, filepath.Base(e.Path)+"-shm", dir)
	case ReadOnlyFolder:
		return fmt.Sprintf(m.ReadOnlyFolder, e.Path, dir)
	case CannotOpen:
		return fmt.Sprintf(m.CannotOpen, e.Path, dir, describe(e.Err))
	case ShmReadOnly:
		shm := e.Path + "-shm"
		return fmt.Sprintf(m.ShmReadOnly, e.Path, shm, shm)
	}
	return fmt.Sprintf(m.WriteFailed, e.Path, dir, e.Code)
}

// Unwrap returns SQLite's (or the OS's) error.
func (e *DiskError) Unwrap() error { return e.Err }

// sqliteCode is err's SQLite extended result code, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// isCorrupt reports whether SQLite itself found the file damaged
// (SQLITE_CORRUPT, SQLITE_NOTADB): the only errors that may call a file
// damaged besides what quick_check reports.
func isCorrupt(err error) bool {
	switch sqliteCode(err) & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// diskErr classifies err by SQLite's extended result code (or the OS's
// errno) into a *DiskError about the database at path, or returns nil when
// err is not the disk's or the folder's doing. It is the one place that
// tells a full disk, a -shm without room, a read-only folder and a failing
// write apart.
func diskErr(path string, err error) *DiskError {
	if err == nil {
		return nil
	}
	code := sqliteCode(err)
	var problem DiskProblem
	switch {
	case code == sqlite3.SQLITE_IOERR_SHMSIZE, code == sqlite3.SQLITE_IOERR_SHMMAP, code == sqlite3.SQLITE_IOERR_SHMOPEN:
		problem = ShmNoRoom
	case code&0xff == sqlite3.SQLITE_FULL:
		problem = DiskFull
	case code&0xff == sqlite3.SQLITE_IOERR:
		problem = WriteFailed
	case code&0xff == sqlite3.SQLITE_READONLY:
		problem = readOnlyWhich(path)
	case code&0xff == sqlite3.SQLITE_CANTOPEN:
		problem = CannotOpen
	case errors.Is(err, syscall.ENOSPC):
		problem = DiskFull
	case errors.Is(err, syscall.EROFS):
		problem = ReadOnlyFolder
	case errors.Is(err, syscall.EFBIG):
		problem = WriteFailed
	default:
		return nil
	}
	return &DiskError{Path: path, Problem: problem, Code: code, Err: err}
}

// is reports whether e is a disk problem of kind p (false for nil).
func (e *DiskError) is(p DiskProblem) bool { return e != nil && e.Problem == p }

// readOnlyWhich tells what a write SQLite called read-only ran into: a
// -shm it could open only for reading (SQLite then refuses every write
// with a plain SQLITE_READONLY), else the folder.
func readOnlyWhich(path string) DiskProblem {
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return ReadOnlyFolder
	}
	if errors.Is(err, os.ErrNotExist) {
		return ReadOnlyFolder
	}
	return ShmReadOnly
}
