package store

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"time"
)

// OpenStates opens the database like Open and returns every assessment's
// current state (as States does), which is what `kaohe list`, the report
// and the picker start from.
//
// On an existing file whose state can be read without writing anything,
// the states are read while the file's quick_check runs beside them on
// another connection (and another core), and are returned only once that
// check has passed: the answer is the same as Open followed by States, in
// less time. Whenever anything is out of the ordinary (the check finds a
// problem, the file needs a schema upgrade or a switch to WAL, another
// process has the file open for writing) it falls back to exactly that:
// Open, whose messages name the problem, then States.
func OpenStates(path string, opts Options) (*Store, []*State, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if s, states, ok := openStatesBesideCheck(path, opts); ok {
		return s, states, nil
	}
	s, err := Open(path, opts)
	if err != nil {
		return nil, nil, err
	}
	states, err := s.States()
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, states, nil
}

// openStatesBesideCheck is OpenStates' fast path; ok false means take the
// ordinary one. It reads nothing that Open would not and writes nothing
// before the check has passed: it runs only on a WAL-mode file of the
// current schema (read from the header before any connection is opened,
// when nothing lies beside the file), and a writable connection only when
// nothing lies beside the file (no -wal to fold in when the connection
// closes, no -journal to roll back).
func openStatesBesideCheck(path string, opts Options) (s *Store, states []*State, ok bool) {
	empty, err := checkHeader(path)
	if err != nil || empty {
		return nil, nil, false
	}
	hdr, ok := readFileHeader(path)
	if !ok || !hdr.walMode() {
		return nil, nil, false
	}
	// Quiet: nothing lies beside the file, so no process has it open, no
	// write was cut short, and its header is the whole truth about it.
	quiet := !exists(path+"-wal") && !exists(path+"-shm") && !exists(path+"-journal")
	if quiet && (hdr.applicationID != ApplicationID || hdr.userVersion != SchemaVersion) {
		return nil, nil, false // foreign, or to be upgraded: Open's business
	}
	if !opts.ReadOnly && (!quiet || checkWritable(path) != nil) {
		return nil, nil, false
	}
	checked := make(chan error, 1)
	go func() { checked <- runQuickCheck(path, quiet) }()
	// On the way out to the ordinary path, this connection's traces go: a
	// quiet file gets back exactly what lay beside it (nothing), so the
	// ordinary open judges the file as it was.
	undo := func() {
		s.db.Close()
		if quiet {
			removeEmptyWAL(path)
		}
	}
	fail := func() (*Store, []*State, bool) {
		if s != nil {
			undo()
		}
		<-checked
		return nil, nil, false
	}
	if s, err = openConn(path, opts); err != nil {
		return fail()
	}
	if version, err := s.schemaVersion(s.db); err != nil || version != SchemaVersion {
		return fail()
	}
	if states, err = s.States(); err != nil {
		return fail()
	}
	if err := <-checked; err != nil {
		undo()
		return nil, nil, false
	}
	return s, states, true
}

// fileHeader is what OpenStates reads from a database file's first 100
// bytes.
type fileHeader struct {
	readVersion, writeVersion byte
	userVersion               uint32
	applicationID             uint32
}

// walMode says whether the header marks a WAL-mode database (read and
// write versions 2), which opening in WAL mode does not write to.
func (h fileHeader) walMode() bool { return h.readVersion == 2 && h.writeVersion == 2 }

// readFileHeader reads a SQLite file's header; ok is false for anything
// else.
func readFileHeader(path string) (h fileHeader, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return h, false
	}
	defer f.Close()
	b := make([]byte, 100)
	if _, err := io.ReadFull(f, b); err != nil || !bytes.Equal(b[:16], []byte("SQLite format 3\x00")) {
		return h, false
	}
	return fileHeader{readVersion: b[18], writeVersion: b[19],
		userVersion: binary.BigEndian.Uint32(b[60:64]), applicationID: binary.BigEndian.Uint32(b[68:72])}, true
}
