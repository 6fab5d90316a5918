// Package store keeps assessments in a SQLite file (modernc.org/sqlite, pure
// Go) as an append-only graph of revisions, so that nothing saved is ever
// lost or rewritten and inspectors' files merge as a set union.
//
// A file is kaohe's when PRAGMA application_id says so; user_version is the
// schema version. The store runs in WAL mode with synchronous=FULL (a
// finding returned as saved has reached the disk), foreign keys on, a busy
// timeout, and one connection, so there is a single writer.
package store

import (
	"database/sql"
	"path/filepath"
	"time"
)

// Store is an open kaohe database.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	tempDir  string
	now      func() time.Time
	keyDir   string
	// busyTimeout is how long a statement waits for another process's
	// lock before the file is called in use (Options.BusyTimeout).
	busyTimeout time.Duration
	// walPending: opened with DeferWAL on a file not in WAL mode, which
	// the first committed merge switches.
	walPending bool
	rubrics    rubricCache
	prepared   preparedStmts
	// checked is what the check cache knows of the file (nil: nothing).
	checked *checkedState
	// pendingHeads is the last read of every head, kept until it is known
	// to have been read in the checked state (then it is the snapshot).
	pendingHeads *pendingHeads
}

// Options tune Open.
type Options struct {
	// Now is the clock (time.Now when nil); tests inject their own.
	Now func() time.Time
	// ReadOnly opens an existing database for reading only (list,
	// history, report, score): nothing is written, not even the closing
	// checkpoint, so a read-only file (a write-protected USB stick, a file
	// shared read-only) can be read. Writes through such a store fail with
	// a message that says the database was opened read-only. A file that
	// still needs a schema upgrade is opened for writing to upgrade it.
	ReadOnly bool
	// TempDir is where Merge makes the private copies of its sources
	// (os.TempDir() when empty); a caller that must clean up after an
	// interrupt gives its own folder and removes it.
	TempDir string
	// KeyDir is the folder of the device's private key (the user's config
	// folder). When set, the device ID is the key's fingerprint and every
	// new revision is signed; when empty, revisions are written unsigned
	// under a random device ID, as before signing began.
	KeyDir string
	// DeferWAL leaves an existing file that is not in WAL mode (a packed
	// copy) in its journal mode until a merge commits into it, and only
	// then switches it to WAL: a refused merge rolls back through the
	// rollback journal, which leaves the file byte for byte as it was
	// (the switch itself rewrites the header). For merge targets.
	DeferWAL bool
	// BusyTimeout is how long kaohe waits for another process (another
	// kaohe, a sqlite3 shell) to let go of the file before saying it is in
	// use; DefaultBusyTimeout when zero. Tests that lock files on purpose
	// wait less.
	BusyTimeout time.Duration
	// CheckDir is the check cache's folder (DefaultCheckDir): a file
	// found there unchanged since this machine checked it is not checked
	// again. Empty: every open checks its file.
	CheckDir string
}

// DefaultBusyTimeout is how long kaohe waits for a file another process
// holds: long enough for another kaohe's write or merge to finish.
const DefaultBusyTimeout = 10 * time.Second

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the database file, so the .db alone holds
// everything once kaohe has closed, and closes it. Everything committed
// before Close is saved whether or not the checkpoint succeeds: a failed
// checkpoint (a full disk, another process reading) leaves the changes in
// the -wal, where the next open finds them, and is returned as a
// refusal of CodeCheckpoint, a warning rather than a failure. A read-only store
// writes nothing.
func (s *Store) Close() error {
	var cerr error
	if !s.readOnly {
		cerr = s.checkpoint()
	}
	if err := s.db.Close(); err != nil {
		return fileErr(s.path, "cannot close: "+describe(err), err)
	}
	return cerr
}

// checkpoint folds the -wal into the database file. It waits only briefly
// for other processes: while one has the file open, it folds the -wal in
// itself when it closes, and the changes are safe in the -wal meanwhile.
func (s *Store) checkpoint() error {
	var busy, logFrames, done int
	if _, err := s.db.Exec("PRAGMA busy_timeout = 200"); err != nil {
		return checkpointErr(s.path, err)
	}
	err := s.db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
	if err != nil && !isBusy(err) {
		return checkpointErr(s.path, err)
	}
	return nil
}

// checkpointErr is a closing checkpoint that failed after every change
// had been committed (CodeCheckpoint): nothing is lost (the changes are in
// the -wal beside the file and the next open folds them in), but the .db
// alone does not hold them yet, so it must not be copied away without its
// -wal.
func checkpointErr(path string, err error) *Refusal {
	return fileRefusal(CodeCheckpoint, path, err, "warning: everything was saved, but folding the journal into the file failed (%s); the latest changes are in %s-wal: keep that file beside the database (kaohe folds it in next time it opens)",
		describe(err), filepath.Base(path))
}
