package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/kaohe/kaohe/internal/i18n"
)

// Formats lists the export formats.
func Formats() []string { return []string{"xlsx", "csv", "md", "json"} }

// Write renders the report in a format ("xlsx", "csv", "md", "json").
func (r *Report) Write(format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(format) {
	case "xlsx":
		err = r.WriteXLSX(&buf)
	case "csv":
		err = r.WriteCSV(&buf)
	case "md", "markdown":
		err = r.WriteMarkdown(&buf)
	case "json":
		err = r.WriteJSON(&buf)
	default:
		return nil, i18n.Errorf("unknown format %q (one of %s)", format, strings.Join(Formats(), ", "))
	}
	return buf.Bytes(), err
}

// WriteFile writes the report to path atomically: into a temporary file in
// the same folder, synced, then renamed over path, so a crash or a full disk
// never leaves half a report. An existing file is refused unless force,
// with an *ExistsError.
func (r *Report) WriteFile(path, format string, force bool) error {
	data, err := r.Write(format)
	if err != nil {
		return err
	}
	return AtomicWrite(path, data, force)
}

// ExistsError refuses to overwrite a file without --force.
type ExistsError struct{ Path string }

// Error is the English wording; In words it in the reader's language.
func (e *ExistsError) Error() string {
	return fmt.Sprintf(i18n.For("en").Report.Exists, e.Path)
}

// In words the refusal in l's language.
func (e *ExistsError) In(l *i18n.Labels) string { return fmt.Sprintf(l.Report.Exists, e.Path) }

// Worded is err in the report's language when it is a refusal the report
// package words (an existing file), else err unchanged.
func (r *Report) Worded(err error) error {
	var ee *ExistsError
	if errors.As(err, &ee) {
		return errors.New(ee.In(r.labels))
	}
	return err
}

// AtomicWrite writes data to path through a temporary file and a rename.
func AtomicWrite(path string, data []byte, force bool) error {
	return AtomicWriteFunc(path, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// NotRegularError is a target that exists and is not a regular file (a
// device such as /dev/full, a named pipe, a folder): kaohe refuses it even
// with --force, because renaming a file over it would replace the device
// or pipe with a file and say the report was written.
type NotRegularError struct{ Path string }

// Error says so in English.
func (e *NotRegularError) Error() string { return e.In(i18n.For("en")) }

// In says so in the labels' language.
func (e *NotRegularError) In(l *i18n.Labels) string {
	return fmt.Sprintf(l.CLI.Doors.NotRegular, e.Path)
}

// NoRoomError is a file that could not be written for want of room: a
// full disk, or a file size limit (ulimit -f). Nothing was written.
type NoRoomError struct {
	Path string
	Err  error
}

// Error says so in English.
func (e *NoRoomError) Error() string { return e.In(i18n.For("en")) }

// In says so in the labels' language, naming the folder to free.
func (e *NoRoomError) In(l *i18n.Labels) string {
	dir, _ := filepath.Abs(filepath.Dir(e.Path))
	return fmt.Sprintf(l.CLI.Doors.NoRoom, e.Path, dir)
}

// Unwrap returns the OS's error.
func (e *NoRoomError) Unwrap() error { return e.Err }

// checkTarget refuses a target that exists and is not a regular file
// (following a symbolic link to what it names).
func checkTarget(path string) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return &NotRegularError{Path: path}
	}
	return nil
}

// AtomicWriteFunc streams what write produces into path through a
// temporary file in the same folder, synced, then renamed over path: a
// crash or a full disk never leaves half a file. An existing file is
// refused unless force; a device, a named pipe or a folder always
// (*NotRegularError).
func AtomicWriteFunc(path string, force bool, write func(io.Writer) error) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	if !force {
		if _, err := os.Stat(path); err == nil {
			return &ExistsError{Path: path}
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write the report in %s: %w", dir, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) {
			return &NoRoomError{Path: path, Err: err}
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return fail(err)
	}
	if !force {
		// A hard link fails if path appeared meanwhile: never clobber it.
		err := os.Link(name, path)
		if err == nil || errors.Is(err, os.ErrExist) {
			os.Remove(name)
		}
		if errors.Is(err, os.ErrExist) {
			return &ExistsError{Path: path}
		}
		if err == nil {
			return nil
		}
		// No hard links on this file system (FAT on a USB stick): rename.
	}
	if err := checkTarget(path); err != nil { // made while the report was written
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// FormatFromPath guesses the format from a file name's extension.
func FormatFromPath(path string) string {
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
}
