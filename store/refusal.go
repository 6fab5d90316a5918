package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Code says what the store refused or what stopped it, so that callers
// branch on it (errors.As, or errors.Is with a sentinel of the same code)
// and the command line and the workbench each add their own hint (a
// command, a key) to the store's wording, which names neither.
type Code int

// The refusals of a change on its merits: retrying does not cure them
// (IsRefusal).
const (
	CodeInvalid          Code = iota + 1 // bad input: a value, subject or name the rubric or the store does not take
	CodeSigned                           // an edit of a signed assessment
	CodeConflict                         // a plain edit of a subject whose heads disagree (Subject)
	CodeNoInspector                      // a write before an inspector is set
	CodeWithdrawRecorded                 // a withdrawal of an assessment in which something is recorded
	CodeAlreadyWithdrawn                 // a withdrawal of an assessment already withdrawn
	CodeSignedChanged                    // a resolve of a subject changed after the sign-off
	CodeNoConflict                       // a resolve of a subject that is not in conflict
	CodeStatusConflict                   // a resolve while the status itself is in conflict
	CodeNoAssessment                     // an assessment reference that matches none
	CodeBadDevice                        // a device fingerprint that is not one
	CodeNoDataDir                        // no user data folder to keep the default database in
	CodeRubricConflict                   // a rubric known under its id and version with other content
	CodePeriodForm                       // a merged assessment whose period is not of its rubric's form (Subject: its ID)
	CodeNoBlob                           // a hash the database holds no bytes for
	CodeIncomplete                       // a sign-off of an assessment not ready for it (IncompleteError)
	CodeNotSigned                        // a change of a problem of an assessment that is not signed
	CodeNotLead                          // a decision on an appeal from a device the roster does not list as the lead's
)

// What the file, the folder or the disk refused (classify), and other
// failures to read or write that are no judgement on the change.
const (
	CodeBusy           Code = iota + 100 // SQLITE_BUSY, SQLITE_LOCKED: another program holds the file
	CodeDiskFull                         // SQLITE_FULL, ENOSPC: no room for the write
	CodeShmNoRoom                        // SQLITE_IOERR_SHM*: no room for the -shm beside the file
	CodeWriteFailed                      // another SQLITE_IOERR, EFBIG: a file size limit, a failing device
	CodeReadOnlyFolder                   // SQLITE_READONLY*, EROFS: the folder cannot be written
	CodeShmReadOnly                      // SQLITE_READONLY with a -shm that cannot be written
	CodeCannotOpen                       // SQLITE_CANTOPEN: a file beside the database cannot be made
	CodeTooBig                           // SQLITE_TOOBIG: a value above the connection's length limit
	CodeDamaged                          // SQLITE_CORRUPT, SQLITE_NOTADB: SQLite found the file damaged
	CodeReadOnlyStore                    // a write through a store opened read-only
	CodeCannotSave                       // any other failed write
	CodeBadFile                          // a file that cannot be opened as a kaohe database, and why
	CodeClockExhausted                   // a stored clock no later revision can follow
	CodeBlobTooLarge                     // an evidence file above the limit
	CodeBlobMismatch                     // evidence bytes that do not hash to their name (Subject: the sha256)
	CodeUnreadable                       // a record that does not read back: the file was edited outside kaohe
	CodeCheckpoint                       // a warning: the closing checkpoint failed after everything was saved
	CodeStaleSchema                      // a read-only open of a schema older than this build's (Open upgrades it)
	CodeMergeRefused                     // a merge source the merge will not take (Path: the source; Subject: the record at fault)
)

// Refusal is every error the store words: what it refused or what stopped
// it (Code), the database file it is about (Path) and the thing refused
// (Subject), when there are, and the detail in English (Format and Args,
// a fmt format the i18n tables word in other languages). Err is the cause
// (SQLite's, the OS's, another package's error) when there is one.
type Refusal struct {
	Code    Code
	Path    string
	Subject string
	Format  string
	Args    []any
	Err     error
}

// refuse is a refusal on no file: its English detail is format with args.
func refusalOf(code Code, format string, args ...any) *Refusal {
	return &Refusal{Code: code, Format: format, Args: args}
}

// subjectRefusal is a refusal about subject (a subject, an assessment).
func subjectRefusal(code Code, subject, format string, args ...any) *Refusal {
	r := refusalOf(code, format, args...)
	r.Subject = subject
	return r
}

// invalid refuses bad input (CodeInvalid).
func invalid(format string, args ...any) error { return refusalOf(CodeInvalid, format, args...) }

// refusedValue marks a value the rubric does not take (a
// *scoring.FindingError, kept inside) a refusal of bad input.
func refusedValue(err error) error {
	var r *Refusal
	if errors.As(err, &r) {
		return err
	}
	return &Refusal{Code: CodeInvalid, Err: err}
}

// fileRefusal is a refusal about the database file at path.
func fileRefusal(code Code, path string, err error, format string, args ...any) *Refusal {
	return &Refusal{Code: code, Path: path, Format: format, Args: args, Err: err}
}

// fileErr is a problem with the database file at path, already worded.
func fileErr(path, problem string, err error) *Refusal {
	return fileRefusal(CodeBadFile, path, err, "%s", problem)
}

// mergeRefusal is a source the merge will not take, naming the file and
// the record at fault ("" when the whole file is): when any source is
// refused the target is unchanged.
func mergeRefusal(source, record, reason string) *Refusal {
	return &Refusal{Code: CodeMergeRefused, Path: source, Subject: record, Format: "%s", Args: []any{reason}}
}

// detail is the English wording without the file's name before it.
func (r *Refusal) detail() string {
	text := r.Error()
	if r.Path != "" {
		text = strings.TrimPrefix(text, r.Path+": ")
	}
	return text
}

// Error words the refusal in English.
func (r *Refusal) Error() string { return r.In(i18n.For("en")) }

// In words the refusal in the labels' language: the disk's and the
// folder's refusals by their code, the others by their format (English
// when l has no wording for it), prefixed with the file when there is one.
func (r *Refusal) In(l *i18n.Labels) string {
	if text, ok := r.diskText(l); ok {
		return text
	}
	var text string
	switch {
	case r.Format != "":
		text = (&i18n.Message{Format: r.Format, Args: r.Args}).In(l)
	case r.Err != nil:
		text = r.Err.Error()
		if w, ok := r.Err.(interface{ In(*i18n.Labels) string }); ok {
			text = w.In(l)
		}
	}
	if r.Code == CodeMergeRefused && r.Subject != "" {
		text = r.Subject + ": " + text
	}
	if r.Path != "" {
		return r.Path + ": " + text
	}
	return text
}

// diskText words what the disk or the folder refused, naming the folder
// and what to free.
func (r *Refusal) diskText(l *i18n.Labels) (string, bool) {
	m := l.CLI.Doors
	dir := filepath.Dir(r.Path)
	switch r.Code {
	case CodeDiskFull:
		return fmt.Sprintf(m.DiskFull, r.Path, dir), true
	case CodeShmNoRoom:
		return fmt.Sprintf(m.ShmNoRoom, r.Path, filepath.Base(r.Path)+"-shm", dir), true
	case CodeReadOnlyFolder:
		return fmt.Sprintf(m.ReadOnlyFolder, r.Path, dir), true
	case CodeCannotOpen:
		return fmt.Sprintf(m.CannotOpen, r.Path, dir, describe(r.Err)), true
	case CodeShmReadOnly:
		shm := r.Path + "-shm"
		return fmt.Sprintf(m.ShmReadOnly, r.Path, shm, shm), true
	case CodeWriteFailed:
		return fmt.Sprintf(m.WriteFailed, r.Path, dir, sqliteCode(r.Err)), true
	}
	return "", false
}

// Unwrap returns the cause.
func (r *Refusal) Unwrap() error { return r.Err }

// Is makes a refusal match a sentinel of its code (errors.Is(err,
// ErrBusy) holds for every busy file, whichever file it names).
func (r *Refusal) Is(target error) bool {
	t, ok := target.(*Refusal)
	return ok && t.Code == r.Code
}

// IsRefusal reports whether err is a write the store refused on its merits
// (signed, in conflict, a value or subject the rubric does not accept), as
// opposed to a failure to write that retrying may cure.
func IsRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r) && r.Code < CodeBusy
}

// CodeOf is the code of the first Refusal along err's chain, or 0.
func CodeOf(err error) Code {
	var r *Refusal
	if errors.As(err, &r) {
		return r.Code
	}
	return 0
}

// errIncomplete marks an *IncompleteError a refusal.
var errIncomplete error = refusalOf(CodeIncomplete, "the assessment is not ready to be signed")

// ErrBusy matches (errors.Is) the error of an open or a write that waited
// for another process's lock on the database and gave up: the file is in
// use, not damaged.
var ErrBusy error = refusalOf(CodeBusy, "database in use")

// busyErr says the file at path is in use by another program, and how
// long kaohe waited for it.
func busyErr(path string, wait time.Duration, err error) *Refusal {
	return fileRefusal(CodeBusy, path, err, "in use by another program (another kaohe, or a sqlite3 shell) that did not let go within %s; nothing was changed: try again when it has finished", waitText(wait))
}

// waitText words a wait for a message: whole seconds as seconds, anything
// shorter in milliseconds.
func waitText(d time.Duration) *i18n.Message {
	if d >= time.Second && d%time.Second == 0 {
		if d == time.Second {
			return i18n.Phrase("1 second")
		}
		return i18n.Phrase("%d seconds", int(d/time.Second))
	}
	return i18n.Phrase("%d ms", int(d.Milliseconds()))
}

// sqliteCode is err's SQLite extended result code, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// classify tells, once, what stopped a read or a write of the database at
// path (having waited wait for another program's lock) by SQLite's extended result code (or the OS's errno): another
// program's lock, a full disk, a -shm without room, a read-only folder, a
// failing write, a value too long, a damaged file. It returns nil when err
// is none of these, or is already a Refusal (one that says only "busy"
// is given the file's name).
func classify(path string, wait time.Duration, err error) *Refusal {
	if err == nil {
		return nil
	}
	var r *Refusal
	if errors.As(err, &r) {
		if r.Code == CodeBusy && r.Path == "" {
			return busyErr(path, wait, err)
		}
		return nil
	}
	code := sqliteCode(err)
	switch {
	case code&0xff == sqlite3.SQLITE_BUSY, code&0xff == sqlite3.SQLITE_LOCKED:
		return busyErr(path, wait, err)
	case code == sqlite3.SQLITE_IOERR_SHMSIZE, code == sqlite3.SQLITE_IOERR_SHMMAP, code == sqlite3.SQLITE_IOERR_SHMOPEN:
		return fileRefusal(CodeShmNoRoom, path, err, "")
	case code&0xff == sqlite3.SQLITE_FULL:
		return fileRefusal(CodeDiskFull, path, err, "")
	case code&0xff == sqlite3.SQLITE_IOERR:
		return fileRefusal(CodeWriteFailed, path, err, "")
	case code&0xff == sqlite3.SQLITE_READONLY:
		return fileRefusal(readOnlyWhich(path), path, err, "")
	case code&0xff == sqlite3.SQLITE_CANTOPEN:
		return fileRefusal(CodeCannotOpen, path, err, "")
	case code&0xff == sqlite3.SQLITE_TOOBIG:
		return fileRefusal(CodeTooBig, path, err, "%s", describe(err))
	case code&0xff == sqlite3.SQLITE_CORRUPT, code&0xff == sqlite3.SQLITE_NOTADB:
		return fileRefusal(CodeDamaged, path, err, "damaged database: %s", describe(err))
	case errors.Is(err, syscall.ENOSPC):
		return fileRefusal(CodeDiskFull, path, err, "")
	case errors.Is(err, syscall.EROFS):
		return fileRefusal(CodeReadOnlyFolder, path, err, "")
	case errors.Is(err, syscall.EFBIG):
		return fileRefusal(CodeWriteFailed, path, err, "")
	}
	return nil
}

// isBusy reports whether err is another program's lock on the file.
func isBusy(err error) bool {
	return is(classify("", 0, err), CodeBusy) || errors.Is(err, ErrBusy)
}

// cannotMakeWAL reports whether c is SQLite failing to make the files it
// reads a WAL-mode database with (a read-only folder, no room for the -shm).
func cannotMakeWAL(c *Refusal) bool {
	return c != nil && (c.Code == CodeReadOnlyFolder || c.Code == CodeShmReadOnly || c.Code == CodeCannotOpen || c.Code == CodeShmNoRoom)
}

// isDisk reports whether c is the disk's or the folder's doing.
func isDisk(c *Refusal) bool {
	return c != nil && c.Code >= CodeDiskFull && c.Code <= CodeCannotOpen
}

// is reports whether r is of code (false for nil).
func is(r *Refusal, code Code) bool { return r != nil && r.Code == code }

// readOnlyWhich tells what a write SQLite called read-only ran into: a
// -shm it could open only for reading (SQLite then refuses every write
// with a plain SQLITE_READONLY), else the folder.
func readOnlyWhich(path string) Code {
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return CodeReadOnlyFolder
	}
	if errors.Is(err, os.ErrNotExist) {
		return CodeReadOnlyFolder
	}
	return CodeShmReadOnly
}

// writeErr words a failed write of the store: a refusal as it is; what
// classify tells apart by its code (busy, the disk's or the folder's
// doing); a store opened read-only; else "cannot save".
func (s *Store) writeErr(err error) error {
	var r *Refusal
	if errors.As(err, &r) && r.Path != "" {
		return err
	}
	c := classify(s.path, s.busyTimeout, err)
	switch {
	case c == nil && r != nil:
		return err
	case is(c, CodeBusy):
		return c
	case s.readOnly:
		return fileRefusal(CodeReadOnlyStore, s.path, err, "cannot save: the database was opened read-only (for a command that only reads)")
	case isDisk(c):
		return c
	}
	return fileRefusal(CodeCannotSave, s.path, err, "cannot save: %s", describe(err))
}

// openErr describes a failure to read a file: classified by its code
// (busy, the disk's or the folder's doing, damaged), anything else
// prefixed with what.
func openErr(path, what string, wait time.Duration, err error) *Refusal {
	if r := classify(path, wait, err); is(r, CodeBusy) || isDisk(r) {
		return r
	}
	return fileErr(path, what+": "+describe(err), err)
}

// checkErr describes a quick_check that could not run: damaged only when
// SQLite says the file is (SQLITE_CORRUPT, SQLITE_NOTADB); a full disk or
// no room for the -shm is said to be that.
func checkErr(path string, wait time.Duration, err error) *Refusal {
	if r := classify(path, wait, err); is(r, CodeDamaged) {
		return r
	}
	return openErr(path, "cannot check the database", wait, err)
}

// describe shortens SQLite error texts for one-line messages.
func describe(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	return strings.TrimPrefix(s, "sqlite: ")
}
