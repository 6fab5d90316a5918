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

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build knows.
const SchemaVersion = 1

// connPragmas are set on every connection.
const connPragmas = "_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=trusted_schema(0)"

// Store is an open kaohe database.
type Store struct {
	db      *sql.DB
	path    string
	now     func() time.Time
	rubrics rubricCache
}

// Options tune Open.
type Options struct {
	// Now is the clock (time.Now when nil); tests inject their own.
	Now func() time.Time
}

// Open opens the kaohe database at path, creating it (mode 0600, with its
// folder) when missing. An existing file is checked before use: it must be
// SQLite, kaohe's, of a known schema, whole, and pass quick_check; otherwise
// a *FileError names the file and the problem and the file is not touched.
func Open(path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	empty, err := checkHeader(path)
	if err != nil {
		return nil, err
	}
	if empty {
		if err := createFile(path); err != nil {
			return nil, err
		}
	} else {
		if err := quickCheck(path); err != nil {
			return nil, err
		}
		if err := checkWritable(path); err != nil {
			return nil, err
		}
	}
	uri, err := fileURI(path, connPragmas)
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
	s := &Store{db: db, path: path, now: opts.Now}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, fileErr(path, "cannot switch to WAL: "+describe(err), err)
	}
	return s, nil
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
		return fileErr(path, "cannot open for writing: "+err.Error(), err)
	}
	f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".kaohe-write-check-*")
	if err != nil {
		return fileErr(path, "the folder holding the database is read-only; kaohe needs to write its journal beside it", err)
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	return nil
}

// quickCheck runs PRAGMA quick_check on a read-only connection, so a damaged
// file is reported and left exactly as it was.
func quickCheck(path string) error {
	query := "mode=ro&_pragma=trusted_schema(0)"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		// No WAL to read: open immutable, so SQLite creates no -wal or
		// -shm beside the file either.
		query += "&immutable=1"
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
		return fileErr(path, "damaged database: "+describe(err), err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return fileErr(path, "damaged database: "+describe(err), err)
		}
		if msg != "ok" {
			problems = append(problems, strings.Join(strings.Fields(msg), " "))
		}
	}
	if err := rows.Err(); err != nil {
		return fileErr(path, "damaged database: "+describe(err), err)
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

// describe shortens SQLite error texts for one-line messages.
func describe(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "sqlite: ")
	return s
}

// migrate applies every pending migration in one transaction, setting the
// application_id and user_version with them.
func (s *Store) migrate() error {
	ctx := context.Background()
	var appID, version int
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fileErr(s.path, "cannot read the database: "+describe(err), err)
	}
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fileErr(s.path, "cannot read the database: "+describe(err), err)
	}
	var tables int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fileErr(s.path, "cannot read the database: "+describe(err), err)
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return fileErr(s.path, foreignMessage(uint32(appID)), nil)
	}
	if version > SchemaVersion {
		return fileErr(s.path, fmt.Sprintf("made by a newer kaohe (schema %d; this build knows up to %d)", version, SchemaVersion), nil)
	}
	if version == SchemaVersion {
		return nil
	}
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fileErr(s.path, "cannot write: "+describe(err), err)
	}
	defer tx.Rollback()
	for i, e := range entries {
		if i < version {
			continue
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return err
		}
		if _, err := tx.Exec(string(body)); err != nil {
			return fileErr(s.path, fmt.Sprintf("migration %s failed: %s", e.Name(), describe(err)), err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fileErr(s.path, "cannot write: "+describe(err), err)
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the database file, so the .db alone holds
// everything once kaohe has closed, and closes it.
func (s *Store) Close() error {
	_, cerr := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := s.db.Close()
	if err == nil {
		err = cerr
	}
	return err
}

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
}

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

// writeErr turns a failed write into a message naming the file; a full disk
// is said in so many words.
func (s *Store) writeErr(err error) error {
	msg := describe(err)
	low := strings.ToLower(msg)
	switch {
	case strings.Contains(low, "full"):
		return fileErr(s.path, "cannot save: the disk is full ("+msg+"); nothing was written, free some space and try again", err)
	case strings.Contains(low, "readonly") || strings.Contains(low, "read-only"):
		return fileErr(s.path, "cannot save: the database is read-only ("+msg+")", err)
	case strings.Contains(low, "i/o") || strings.Contains(low, "disk"):
		return fileErr(s.path, "cannot save: disk I/O error ("+msg+"); nothing was written", err)
	}
	return fileErr(s.path, "cannot save: "+msg, err)
}
