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
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build knows.
const SchemaVersion = 3

// connPragmas are set on every connection.
const connPragmas = "_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=trusted_schema(0)"

// roPragmas are set on a read-only store's connection.
const roPragmas = "mode=ro&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=trusted_schema(0)"

// Store is an open kaohe database.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	tempDir  string
	now      func() time.Time
	keyDir   string
	// walPending: opened with DeferWAL on a file not in WAL mode, which
	// the first committed merge switches.
	walPending bool
	rubrics    rubricCache
	prepared   preparedStmts
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
}

// Open opens the kaohe database at path, creating it (mode 0600, with its
// folder) when missing. An existing file is checked before use: it must be
// SQLite, kaohe's, of a known schema, whole, and pass quick_check, and a
// -wal beside it must be a WAL; otherwise a *FileError names the file and
// the problem and the file is not touched. A file another process holds
// locked for longer than the busy timeout is a *FileError wrapping ErrBusy,
// which says the file is in use and does not blame it.
func Open(path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	empty, err := checkHeader(path)
	if err != nil {
		return nil, err
	}
	if empty {
		if opts.ReadOnly {
			if _, err := os.Stat(path); err != nil {
				return nil, fileErr(path, "no database here yet", err)
			}
			return nil, fileErr(path, "an empty file, no kaohe database yet", nil)
		}
		if err := createFile(path); err != nil {
			return nil, err
		}
		opts.DeferWAL = false // a new file is WAL from its first write
	} else {
		if err := quickCheck(path); err != nil {
			return nil, err
		}
		if !opts.ReadOnly {
			if err := checkWritable(path); err != nil {
				return nil, err
			}
		}
	}
	s, err := openConn(path, opts)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(); err != nil {
		s.db.Close()
		var old *staleSchemaError
		if errors.As(err, &old) {
			// Reading an older schema needs an upgrade first.
			opts.ReadOnly = false
			if err := checkWritable(path); err != nil {
				return nil, fileErr(path, fmt.Sprintf("made by an older kaohe (schema %d) and read-only, so it cannot be upgraded to schema %d: %s", old.version, SchemaVersion, err.(*FileError).Problem), err)
			}
			return Open(path, opts)
		}
		return nil, err
	}
	return s, nil
}

// openConn opens the connection pool (one connection) on a checked file;
// a writable one is switched to WAL before anything else is written, so
// even a new database's first transaction goes to its -wal.
func openConn(path string, opts Options) (*Store, error) {
	query := connPragmas
	if opts.ReadOnly {
		query = roPragmas
	}
	uri, err := fileURI(path, query)
	if err != nil {
		return nil, fileErr(path, "bad path: "+err.Error(), err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, fileErr(path, "cannot open: "+err.Error(), err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	s := &Store{db: db, path: path, now: opts.Now, readOnly: opts.ReadOnly, tempDir: opts.TempDir, keyDir: opts.KeyDir}
	if opts.ReadOnly {
		var n int
		err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
		if err != nil && (cannotMakeWAL(err) || diskErr(path, err).is(ShmNoRoom)) && !walHolds(path) {
			// A read-only file in a read-only folder (a write-protected
			// stick), or no room for the -shm (a full disk, a file size
			// limit): SQLite cannot make the -shm it reads a WAL-mode
			// file with. With no -wal (or an empty one) there is nothing
			// to read but the file, and nobody can be writing it (a
			// writer would have made the -shm): read it as immutable.
			db.Close()
			if uri, err = fileURI(path, roPragmas+"&immutable=1"); err != nil {
				return nil, fileErr(path, "bad path: "+err.Error(), err)
			}
			if db, err = sql.Open("sqlite", uri); err != nil {
				return nil, fileErr(path, "cannot open: "+err.Error(), err)
			}
			db.SetMaxOpenConns(1)
			s.db = db
		}
	}
	if !opts.ReadOnly && opts.DeferWAL {
		var mode string
		if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
			db.Close()
			return nil, openErr(path, "cannot read the journal mode", err)
		}
		s.walPending = !strings.EqualFold(mode, "wal")
	}
	if !opts.ReadOnly && !s.walPending {
		if err := switchToWAL(db); err != nil {
			db.Close()
			return nil, openErr(path, "cannot switch to WAL", err)
		}
	}
	return s, nil
}

// switchToWAL puts the file in WAL mode (a no-op once it is). Several
// processes opening a new file at once can make SQLite give up at once
// rather than wait (it does not wait where waiting could deadlock), so the
// switch is retried for as long as the busy timeout.
func switchToWAL(db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		var mode string
		err := db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode)
		if err == nil && strings.EqualFold(mode, "wal") {
			return nil
		}
		if err != nil && !isBusy(err) {
			return err
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("journal mode stays %q: %w", mode, ErrBusy)
			}
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// staleSchemaError is a read-only open of a file whose schema is older
// than this build's.
type staleSchemaError struct{ version int }

func (e *staleSchemaError) Error() string {
	return fmt.Sprintf("schema %d needs an upgrade", e.version)
}

// createFile makes a new empty database file with owner-only permissions
// (SQLite gives its -wal and -shm files the same mode).
func createFile(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fileErr(path, "cannot create the folder for the database: "+err.Error(), err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fileErr(path, "cannot create the database: the folder is read-only (permission denied)", err)
		}
		return fileErr(path, "cannot create the database: "+err.Error(), err)
	}
	return f.Close()
}

// checkWritable refuses a database the user cannot write, with a clear
// message rather than a failure on the first save.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fileErr(path, "the database file is read-only (permission denied); copy it somewhere writable or fix its permissions", err)
		}
		if de := diskErr(path, err); de != nil {
			return diskFileErr(de)
		}
		return fileErr(path, "cannot open for writing: "+err.Error(), err)
	}
	f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".kaohe-write-check-*")
	if err != nil {
		if de := diskErr(path, err); de != nil && de.Problem != ReadOnlyFolder {
			return diskFileErr(de)
		}
		return diskFileErr(&DiskError{Path: path, Problem: ReadOnlyFolder, Err: err})
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	return nil
}

// quickCheck runs PRAGMA quick_check on a read-only connection, so a damaged
// file is reported and left exactly as it was.
//
// When nothing lies beside the file (no -wal, no -shm: no process has it
// open) the check reads it as immutable, which creates nothing beside it.
// Problems found that way are checked again on an ordinary read-only
// connection, which waits for other processes' locks and reads their -wal:
// a file that a process opened and wrote in the meantime is read as of a
// committed state, so only real damage is reported, and a busy file is said
// to be busy, never damaged.
func quickCheck(path string) error {
	quiet := !exists(path+"-wal") && !exists(path+"-shm")
	if quiet && runQuickCheck(path, true) == nil {
		return nil
	}
	err := runQuickCheck(path, false)
	if quiet {
		// Remove what this check created beside a damaged file.
		removeEmptyWAL(path)
	}
	return err
}

// removeEmptyWAL removes the empty -wal and the -shm a connection leaves
// beside a file it only read, for a file that had nothing beside it.
func removeEmptyWAL(path string) {
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() == 0 {
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
}

// walHolds reports whether a -wal beside the database holds anything.
func walHolds(path string) bool {
	st, err := os.Lstat(path + "-wal")
	return err == nil && st.Size() > 0
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func runQuickCheck(path string, immutable bool) error {
	query := "mode=ro&_pragma=busy_timeout(10000)&_pragma=trusted_schema(0)"
	if immutable {
		query = "mode=ro&immutable=1&_pragma=trusted_schema(0)"
	}
	uri, err := fileURI(path, query)
	if err != nil {
		return fileErr(path, "bad path: "+err.Error(), err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return fileErr(path, "cannot open: "+err.Error(), err)
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA quick_check")
	if err != nil {
		return checkErr(path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return checkErr(path, err)
		}
		if msg != "ok" {
			problems = append(problems, strings.Join(strings.Fields(msg), " "))
		}
	}
	if err := rows.Err(); err != nil {
		return checkErr(path, err)
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 1 {
			more = fmt.Sprintf(" (and %d more problems)", len(problems)-1)
		}
		return fileErr(path, "damaged database, quick_check failed: "+problems[0]+more, nil)
	}
	return nil
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

// busyErr says the file is in use by another program, naming it.
func busyErr(path string, err error) *FileError {
	return &FileError{Path: path, Problem: "in use by another program (another kaohe, or a sqlite3 shell) that did not let go within 10 seconds; nothing was changed: try again when it has finished",
		Err: errors.Join(ErrBusy, err)}
}

// openErr describes a failure to read a file: busy is said to be busy, a
// disk or folder that refused is said to be that (a *DiskError inside),
// anything else is prefixed with what.
func openErr(path, what string, err error) *FileError {
	if isBusy(err) {
		return busyErr(path, err)
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
func checkErr(path string, err error) *FileError {
	if isCorrupt(err) {
		return fileErr(path, "damaged database: "+describe(err), err)
	}
	return openErr(path, "cannot check the database", err)
}

// describe shortens SQLite error texts for one-line messages.
func describe(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "sqlite: ")
	return s
}

// migrate applies every pending migration in one transaction, setting the
// application_id and user_version with them. The transaction takes the
// write lock first (BEGIN IMMEDIATE) and reads the schema version inside
// it, so two processes opening a new file at once do not both migrate it.
func (s *Store) migrate() error {
	version, err := s.schemaVersion(s.db)
	if err != nil || version == SchemaVersion {
		return err
	}
	if s.readOnly {
		return &staleSchemaError{version: version}
	}
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	tx, err := s.db.BeginTx(context.Background(), nil) // _txlock=immediate
	if err != nil {
		return openErr(s.path, "cannot write", err)
	}
	defer tx.Rollback()
	version, err = s.schemaVersion(tx)
	if err != nil || version == SchemaVersion {
		return err
	}
	for i, e := range entries {
		if i < version {
			continue
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return err
		}
		if _, err := tx.Exec(string(body)); err != nil {
			return openErr(s.path, "migration "+e.Name()+" failed", err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return openErr(s.path, "cannot write", err)
	}
	return nil
}

// schemaVersion reads the file's user_version, refusing a foreign file or
// one made by a newer kaohe.
func (s *Store) schemaVersion(db q) (int, error) {
	// One statement, so the three are read from one snapshot even while
	// another process is creating the schema.
	var appID, version, tables int
	err := db.QueryRow("SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").
		Scan(&appID, &version, &tables)
	if err != nil {
		return 0, openErr(s.path, "cannot read the database", err)
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return 0, fileErr(s.path, foreignMessage(uint32(appID)), nil)
	}
	if version > SchemaVersion {
		return 0, fileErr(s.path, fmt.Sprintf("made by a newer kaohe (schema %d; this build knows up to %d)", version, SchemaVersion), nil)
	}
	return version, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the database file, so the .db alone holds
// everything once kaohe has closed, and closes it. Everything committed
// before Close is saved whether or not the checkpoint succeeds: a failed
// checkpoint (a full disk, another process reading) leaves the changes in
// the -wal, where the next open finds them, and is returned as a
// *CheckpointError, a warning rather than a failure. A read-only store
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
		return &CheckpointError{Path: s.path, Err: err}
	}
	err := s.db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
	if err != nil && !isBusy(err) {
		return &CheckpointError{Path: s.path, Err: err}
	}
	return nil
}

// CheckpointError is a closing checkpoint that failed after every change had
// been committed: nothing is lost (the changes are in the -wal beside the
// file and the next open folds them in), but the .db alone does not hold
// them yet, so it must not be copied away without its -wal.
type CheckpointError struct {
	Path string
	Err  error
}

// Error says what happened and what it means for the user.
func (e *CheckpointError) Error() string {
	return fmt.Sprintf("%s: warning: everything was saved, but folding the journal into the file failed (%s); the latest changes are in %s-wal: keep that file beside the database (kaohe folds it in next time it opens)",
		e.Path, describe(e.Err), filepath.Base(e.Path))
}

// Unwrap returns SQLite's error.
func (e *CheckpointError) Unwrap() error { return e.Err }

// Meta keys.
const (
	metaInspector = "inspector"
	metaDevice    = "device"
)

// Identity is who writes from this database: the inspector's name and the
// random device ID fixed when the database was initialised.
type Identity struct {
	Inspector string
	Device    string
	key       ed25519.PrivateKey // signs new revisions; nil: unsigned
}

// Signs reports whether revisions written as id are signed.
func (id Identity) Signs() bool { return id.key != nil }

// ErrNoInspector is returned by writes when no inspector name is set.
var ErrNoInspector = errors.New("no inspector is set for this database: run `kaohe init --inspector NAME` (or set KAOHE_INSPECTOR)")

// Identity returns the stored inspector and device; override, when not
// empty, replaces the stored inspector name (KAOHE_INSPECTOR). The device ID
// is created on first use.
func (s *Store) Identity(override string) (Identity, error) {
	id := Identity{}
	dev, err := s.meta(metaDevice)
	if err != nil {
		return id, err
	}
	if dev == "" {
		dev, err = s.ensureDevice()
		if err != nil {
			return id, err
		}
	}
	id.Device = dev
	if s.keyDir != "" {
		key, err := LoadDeviceKey(s.keyDir)
		if err != nil {
			return id, err
		}
		id.key = key
		id.Device = Fingerprint(key.Public().(ed25519.PublicKey))
	}
	name, err := s.meta(metaInspector)
	if err != nil {
		return id, err
	}
	if strings.TrimSpace(override) != "" {
		if name, err = ValidName("inspector", override); err != nil {
			return id, fmt.Errorf("KAOHE_INSPECTOR: %w", err)
		}
	}
	id.Inspector = name
	return id, nil
}

// SetInspector records the inspector's name for this database (and creates
// the device ID if it has none).
func (s *Store) SetInspector(name string) (Identity, error) {
	name, err := ValidName("inspector name", name)
	if err != nil {
		return Identity{}, err
	}
	if _, err := s.ensureDevice(); err != nil {
		return Identity{}, err
	}
	if _, err := s.db.Exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", metaInspector, name); err != nil {
		return Identity{}, s.writeErr(err)
	}
	return s.Identity("")
}

func (s *Store) ensureDevice() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	if _, err := s.db.Exec("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", metaDevice, hex.EncodeToString(b)); err != nil {
		return "", s.writeErr(err)
	}
	return s.meta(metaDevice)
}

func (s *Store) meta(key string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// writeErr turns a failed write into a message naming the file; what the
// disk or the folder refused (a full disk, no room for the -shm, a
// read-only folder) is told apart by SQLite's result code (diskErr).
func (s *Store) writeErr(err error) error {
	if isBusy(err) {
		return busyErr(s.path, err)
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
