package store

import (
	"bytes"
	"database/sql"
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

// connPragmas are set on every connection.
const connPragmas = "_txlock=immediate&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=trusted_schema(0)"

// roPragmas are set on a read-only store's connection.
const roPragmas = "mode=ro&_pragma=foreign_keys(1)&_pragma=trusted_schema(0)"

// busyPragma makes a connection wait up to wait for another process's lock.
func busyPragma(wait time.Duration) string {
	return fmt.Sprintf("&_pragma=busy_timeout(%d)", wait.Milliseconds())
}

// Open opens the kaohe database at path, creating it (mode 0600, with its
// folder) when missing. An existing file is checked before use: it must be
// SQLite, kaohe's, of a known schema, whole, and pass quick_check, and a
// -wal beside it must be a WAL; otherwise a *Refusal names the file and
// the problem and the file is not touched. A file another process holds
// locked for longer than the busy timeout is a Refusal of CodeBusy
// (errors.Is ErrBusy), which says the file is in use and does not blame it.
func Open(path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = DefaultBusyTimeout
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
	}
	var checked *checkedState
	if !empty {
		var known bool
		checked, known = recognise(opts.CheckDir, path)
		if !known {
			if checked, err = checkedNow(opts.CheckDir, path, func() error { return quickCheck(path, opts.BusyTimeout) }); err != nil {
				return nil, err
			}
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
		var old *Refusal
		if errors.As(err, &old) && old.Code == CodeStaleSchema {
			// Reading an older schema needs an upgrade first.
			opts.ReadOnly = false
			if err := checkWritable(path); err != nil {
				return nil, fileErr(path, fmt.Sprintf("made by an older kaohe (schema %d) and read-only, so it cannot be upgraded to schema %d: %s", old.Args[0], SchemaVersion, err.(*Refusal).detail()), err)
			}
			return Open(path, opts)
		}
		return nil, err
	}
	s.checked = checked
	return s, nil
}

// openConn opens the connection pool (one connection) on a checked file;
// a writable one is switched to WAL before anything else is written, so
// even a new database's first transaction goes to its -wal.
func openConn(path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = DefaultBusyTimeout
	}
	query := connPragmas + busyPragma(opts.BusyTimeout)
	if opts.ReadOnly {
		query = roPragmas + busyPragma(opts.BusyTimeout)
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
	s := &Store{db: db, path: path, now: opts.Now, readOnly: opts.ReadOnly, tempDir: opts.TempDir, keyDir: opts.KeyDir, busyTimeout: opts.BusyTimeout}
	if opts.ReadOnly {
		var n int
		err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
		if err != nil && cannotMakeWAL(classify(path, opts.BusyTimeout, err)) && !walHolds(path) {
			// A read-only file in a read-only folder (a write-protected
			// stick), or no room for the -shm (a full disk, a file size
			// limit): SQLite cannot make the -shm it reads a WAL-mode
			// file with. With no -wal (or an empty one) there is nothing
			// to read but the file, and nobody can be writing it (a
			// writer would have made the -shm): read it as immutable.
			db.Close()
			if uri, err = fileURI(path, roPragmas+busyPragma(opts.BusyTimeout)+"&immutable=1"); err != nil {
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
			return nil, openErr(path, "cannot read the journal mode", opts.BusyTimeout, err)
		}
		s.walPending = !strings.EqualFold(mode, "wal")
	}
	if !opts.ReadOnly && !s.walPending {
		if err := switchToWAL(db, opts.BusyTimeout); err != nil {
			db.Close()
			return nil, openErr(path, "cannot switch to WAL", opts.BusyTimeout, err)
		}
	}
	return s, nil
}

// switchToWAL puts the file in WAL mode (a no-op once it is). Several
// processes opening a new file at once can make SQLite give up at once
// rather than wait (it does not wait where waiting could deadlock), so the
// switch is retried for as long as the busy timeout.
func switchToWAL(db *sql.DB, wait time.Duration) error {
	deadline := time.Now().Add(wait)
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
		if c := classify(path, 0, err); isDisk(c) {
			return c
		}
		return fileErr(path, "cannot open for writing: "+err.Error(), err)
	}
	f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".kaohe-write-check-*")
	if err != nil {
		if c := classify(path, 0, err); isDisk(c) {
			return c
		}
		return fileRefusal(CodeReadOnlyFolder, path, err, "")
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
func quickCheck(path string, wait time.Duration) error {
	quiet := !exists(path+"-wal") && !exists(path+"-shm")
	if quiet && runQuickCheck(path, true, wait) == nil {
		return nil
	}
	err := runQuickCheck(path, false, wait)
	if quiet && foundDamaged(err) {
		// Remove what this check created beside a damaged file. Only
		// then: a file found sound failed the immutable read because a
		// writer opened it meanwhile, and the -wal and -shm beside it are
		// that writer's; removing them under it would fork the database
		// (its commits going to an unlinked -wal that no later reader
		// sees, its checkpoints writing pages nobody else has).
		removeEmptyWAL(path)
	}
	return err
}

// foundDamaged reports whether a check failed on the file itself (damage,
// not another process's lock): nobody writes such a file, so what a check
// left beside it can go.
func foundDamaged(err error) bool {
	var r *Refusal
	return err != nil && !(errors.As(err, &r) && (r.Code == CodeBusy || errors.Is(err, ErrBusy)))
}

// tidyAfterQuietRead takes away the -wal and -shm that this process's own
// connection made beside a file that had nothing beside it, without
// touching another process's: it opens and closes one ordinary connection
// and lets SQLite decide, since SQLite removes them when the last
// connection closes and knows, by its locks, whether it is the last.
// Removing them by hand is never safe once another process may have the
// file open.
func tidyAfterQuietRead(path string) {
	uri, err := fileURI(path, "_pragma=trusted_schema(0)&_pragma=busy_timeout(0)")
	if err != nil {
		return
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return
	}
	var v int
	_ = db.QueryRow("PRAGMA schema_version").Scan(&v) // opens the -wal, to close it
	db.Close()
}

// removeEmptyWAL removes the empty -wal and the -shm a connection leaves
// beside a file it only read, for a file that had nothing beside it and
// that nobody can be writing (it is damaged).
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

func runQuickCheck(path string, immutable bool, wait time.Duration) error {
	query := "mode=ro" + busyPragma(wait) + "&_pragma=trusted_schema(0)"
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
		return checkErr(path, wait, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return checkErr(path, wait, err)
		}
		if msg != "ok" {
			problems = append(problems, strings.Join(strings.Fields(msg), " "))
		}
	}
	if err := rows.Err(); err != nil {
		return checkErr(path, wait, err)
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

// SQLite ignores a -wal whose header or frames do not check out, and deletes
// it when the database closes: committed data in a damaged -wal would vanish
// without a word. kaohe reads the -wal itself first (the format is
// https://www.sqlite.org/fileformat2.html#walformat) and refuses one whose
// header is damaged, leaving it in place.
//
// A -wal that ends in a torn or stale frame is normal: a crash in the middle
// of a write leaves one, and a -wal reused after a checkpoint holds frames of
// an older generation after the current ones. SQLite stops at the last valid
// commit frame and so do we; only a header that is not a WAL header (random
// bytes, a file cut inside its 32-byte header, a WAL of another page size)
// is refused.

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682
	walMagicBE         = 0x377f0683
	walFormatVersion   = 3007000
)

// walInfo is what checkWAL found beside a database.
type walInfo struct {
	// Present is true when a non-empty -wal lies beside the database.
	Present bool
	// Commits is the number of valid commit frames (transactions SQLite
	// will recover from it).
	Commits int
	// DBPages is the database size in pages after the last valid commit,
	// or 0 when there is none.
	DBPages uint32
}

// walChecksum continues SQLite's WAL checksum over b (a multiple of 8 bytes).
func walChecksum(bigEndian bool, s0, s1 uint32, b []byte) (uint32, uint32) {
	order := binary.ByteOrder(binary.LittleEndian)
	if bigEndian {
		order = binary.BigEndian
	}
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}

// checkWAL reads the -wal beside a database (path is the -wal's path) and
// says what it holds; dbPageSize, when not 0, is the database's page size,
// which the -wal's must equal. A damaged -wal is an error whose text says
// what is wrong with it.
func checkWAL(walPath string, dbPageSize int64) (walInfo, error) {
	var info walInfo
	st, err := os.Lstat(walPath)
	if errors.Is(err, os.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return info, fmt.Errorf("cannot read its -wal file: %v", err)
	}
	if !st.Mode().IsRegular() {
		return info, fmt.Errorf("its -wal file %s is not a regular file", walPath)
	}
	if st.Size() == 0 {
		return info, nil
	}
	info.Present = true
	f, err := os.Open(walPath)
	if err != nil {
		return info, fmt.Errorf("cannot read its -wal file: %v", err)
	}
	defer f.Close()
	hdr := make([]byte, walHeaderSize)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return info, walDamaged(walPath, fmt.Sprintf("%d bytes, shorter than a WAL header", st.Size()))
	}
	magic := binary.BigEndian.Uint32(hdr[0:4])
	if magic != walMagicLE && magic != walMagicBE {
		return info, walDamaged(walPath, "it does not start with a WAL header")
	}
	bigEndian := magic&1 == 1
	if v := binary.BigEndian.Uint32(hdr[4:8]); v != walFormatVersion {
		return info, walDamaged(walPath, fmt.Sprintf("WAL format version %d, not %d", v, walFormatVersion))
	}
	pageSize := int64(binary.BigEndian.Uint32(hdr[8:12]))
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return info, walDamaged(walPath, fmt.Sprintf("invalid page size %d in its header", pageSize))
	}
	c0, c1 := walChecksum(bigEndian, 0, 0, hdr[:24])
	if c0 != binary.BigEndian.Uint32(hdr[24:28]) || c1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return info, walDamaged(walPath, "its header checksum is wrong")
	}
	if dbPageSize != 0 && pageSize != dbPageSize {
		return info, walDamaged(walPath, fmt.Sprintf("page size %d, the database's is %d", pageSize, dbPageSize))
	}
	salt1, salt2 := binary.BigEndian.Uint32(hdr[16:20]), binary.BigEndian.Uint32(hdr[20:24])
	frame := make([]byte, walFrameHeaderSize+pageSize)
	for {
		if _, err := io.ReadFull(f, frame); err != nil {
			break // the end, or a torn last frame
		}
		if binary.BigEndian.Uint32(frame[8:12]) != salt1 || binary.BigEndian.Uint32(frame[12:16]) != salt2 {
			break // a frame of an older generation
		}
		n0, n1 := walChecksum(bigEndian, c0, c1, frame[:8])
		n0, n1 = walChecksum(bigEndian, n0, n1, frame[walFrameHeaderSize:])
		if n0 != binary.BigEndian.Uint32(frame[16:20]) || n1 != binary.BigEndian.Uint32(frame[20:24]) {
			break
		}
		c0, c1 = n0, n1
		if size := binary.BigEndian.Uint32(frame[4:8]); size != 0 {
			info.Commits++
			info.DBPages = size
		}
	}
	return info, nil
}

// walDamaged says a -wal is damaged, what that means and what to do.
func walDamaged(walPath, what string) error {
	return fmt.Errorf("its -wal file %s is damaged (%s); the latest saved changes may be in it, so kaohe does not read the database without it. "+
		"Both were left in place: copy them again from where they came from, or move the -wal away to use the database as of its last checkpoint", walPath, what)
}

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
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = DefaultBusyTimeout
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
	known, ok := recognise(opts.CheckDir, path)
	if ok {
		checked <- nil // checked in this very state before
	} else {
		go func() {
			var err error
			known, err = checkedNow(opts.CheckDir, path, func() error { return runQuickCheck(path, quiet, opts.BusyTimeout) })
			checked <- err
		}()
	}
	// On the way out to the ordinary path, this connection's traces go: a
	// quiet file gets back exactly what lay beside it (nothing), so the
	// ordinary open judges the file as it was.
	undo := func(checkErr error) {
		s.db.Close()
		switch {
		case quiet && foundDamaged(checkErr):
			removeEmptyWAL(path) // nobody writes a damaged file
		case quiet:
			tidyAfterQuietRead(path)
		}
	}
	fail := func() (*Store, []*State, bool) {
		err := <-checked
		if s != nil {
			undo(err)
		}
		return nil, nil, false
	}
	if s, err = openConn(path, opts); err != nil {
		return fail()
	}
	if ok {
		s.checked = known // the heads may come from its snapshot
	}
	if version, err := s.schemaVersion(s.db); err != nil || version != SchemaVersion {
		return fail()
	}
	if states, err = s.States(); err != nil {
		return fail()
	}
	if err := <-checked; err != nil {
		undo(err)
		return nil, nil, false
	}
	s.checked = known
	s.keepHeads() // read beside the check, in the state it checked
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
