package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"time"
)

// A database file's quick_check reads every page of it: on the office's
// decade file, as much as reading every current value. The check cache
// remembers, outside the database (the user's cache folder), the files this
// machine has checked and found whole, each with the file's state when it
// was checked: its size, modification and status-change times, its device
// and inode where the system has them, and a digest of its 100-byte header
// (whose change counter moves with every commit outside WAL mode). A file
// whose state is the same when it is opened again has not been written
// since, so it is not checked again; any write changes the state (a write
// sets the status-change time, which no one can set back), and a file that
// arrives from elsewhere (copied in, a merge source, an import) is a new
// file with a new state, so it is checked.
//
// Only a quiet file is remembered and recognised: no -journal and no
// -wal beside it holding anything, so the file itself is the whole of its
// committed state. A state is remembered only once the file's times are
// settledAfter old, so a write in the same tick of the file system's
// clock as the check, which could leave the times unchanged, cannot go
// unnoticed (as git guards its index against "racy" files).
//
// Beside the check's verdict an entry keeps which of the revisions the
// file's assessments show do not match their content hash (a record
// changed outside kaohe), so `kaohe list` warns of them without hashing
// every current revision again while the file stays as it was.

// settledAfter is how old a file's times must be before its state is
// remembered.
const settledAfter = 2 * time.Second

// checkFormat changes whenever a check cache entry's meaning does, so an
// older build's entries are not trusted.
const checkFormat = 1

// fileState is what changes whenever a database file is written.
type fileState struct {
	Size    int64  `json:"size"`
	ModNano int64  `json:"mtime_ns"`
	CtNano  int64  `json:"ctime_ns"`
	Dev     uint64 `json:"dev"`
	Ino     uint64 `json:"ino"`
	Header  string `json:"header"` // SHA-256 of the first 100 bytes
}

// checkEntry is one checked file in the cache.
type checkEntry struct {
	Format int       `json:"format"`
	Path   string    `json:"path"`
	State  fileState `json:"state"`
	// HashesKnown says Mismatched holds, for this state, every revision
	// shown by any of the file's assessments whose content does not
	// match its hash.
	HashesKnown bool     `json:"hashes_known,omitempty"`
	Mismatched  []string `json:"mismatched,omitempty"`
	// Heads is the snapshot of every assessment's heads read in this
	// state (heads_snapshot.go), when one was kept.
	Heads *headsRef `json:"heads,omitempty"`
}

// checkedState is what a store knows of its file from the check cache: the
// state its file was checked in (by this open, or an earlier one).
type checkedState struct {
	dir   string
	entry checkEntry
}

// DefaultCheckDir returns the folder of the check cache: the user's cache
// folder ($XDG_CACHE_HOME or ~/.cache on Linux and other Unixes,
// ~/Library/Caches on macOS, %LocalAppData% on Windows) in "kaohe/checked".
// It is "" when there is none, and then every open checks its file.
func DefaultCheckDir(getenv func(string) string) string {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = getenv("LocalAppData")
		if dir == "" {
			dir = getenv("LOCALAPPDATA")
		}
	case "darwin", "ios":
		if home := getenv("HOME"); home != "" {
			dir = filepath.Join(home, "Library", "Caches")
		}
	default:
		dir = getenv("XDG_CACHE_HOME")
		if dir == "" || !filepath.IsAbs(dir) {
			dir = ""
			if home := getenv("HOME"); home != "" {
				dir = filepath.Join(home, ".cache")
			}
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "kaohe", "checked")
}

// quietState is the state of the database file at path when it is quiet
// (nothing beside it that holds part of its committed state); ok is false
// otherwise, or when the file cannot be read.
func quietState(path string) (st fileState, ok bool) {
	if nonEmpty(path+"-wal") || exists(path+"-journal") {
		return st, false
	}
	f, err := os.Open(path)
	if err != nil {
		return st, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return st, false
	}
	hdr := make([]byte, 100)
	if _, err := f.ReadAt(hdr, 0); err != nil {
		return st, false
	}
	sum := sha256.Sum256(hdr)
	st = fileState{Size: info.Size(), ModNano: info.ModTime().UnixNano(), Header: hex.EncodeToString(sum[:])}
	st.CtNano, st.Dev, st.Ino = statIdentity(info)
	return st, true
}

// settled says the state's times are old enough to be remembered.
func (st fileState) settled(now time.Time) bool {
	latest := max(st.ModNano, st.CtNano)
	return now.UnixNano()-latest >= int64(settledAfter)
}

// entryPath is where the entry of the database at abs lives in dir.
func entryPath(dir, abs string) string {
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, hex.EncodeToString(sum[:16])+".json")
}

// recognise returns the check cache's entry for the database at path when
// its file is in the state the entry remembers (it was checked in that
// state and has not been written since); ok false means it must be
// checked. dir "" is no cache.
func recognise(dir, path string) (*checkedState, bool) {
	if dir == "" {
		return nil, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, false
	}
	now, quiet := quietState(path)
	if !quiet {
		return nil, false
	}
	b, err := os.ReadFile(entryPath(dir, abs))
	if err != nil {
		return nil, false
	}
	var e checkEntry
	if json.Unmarshal(b, &e) != nil || e.Format != checkFormat || e.Path != abs || e.State != now {
		return nil, false
	}
	return &checkedState{dir: dir, entry: e}, true
}

// checkedNow runs check on the database at path and, when it passes on a
// quiet file whose state did not change while it ran, remembers that
// state in the check cache (dir "" is none). It returns check's error, and
// what the store may know of its file (nil when nothing is remembered).
func checkedNow(dir, path string, check func() error) (*checkedState, error) {
	before, quiet := quietState(path)
	if err := check(); err != nil {
		return nil, err
	}
	if dir == "" || !quiet || !before.settled(time.Now()) {
		return nil, nil
	}
	if after, ok := quietState(path); !ok || after != before {
		return nil, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil
	}
	c := &checkedState{dir: dir, entry: checkEntry{Format: checkFormat, Path: abs, State: before}}
	c.save()
	return c, nil
}

// save writes the entry (a new file renamed over the old one, so a reader
// sees one whole entry or the other). A cache that cannot be written is no
// loss: the file is checked again next time.
func (c *checkedState) save() {
	b, err := json.Marshal(c.entry)
	if err != nil {
		return
	}
	writeReplacing(c.dir, entryPath(c.dir, c.entry.Path), b)
}

// unchanged says the store's file is still in the state it was checked
// in: nothing has been committed to it since, by this process or another.
func (c *checkedState) unchanged(path string) bool {
	if c == nil {
		return false
	}
	now, ok := quietState(path)
	return ok && now == c.entry.State
}

// mismatched returns the remembered hash mismatches, when they are known
// and the file is still in the state they were found in.
func (c *checkedState) mismatched(path string) (map[string]bool, bool) {
	if !c.unchanged(path) || !c.entry.HashesKnown {
		return nil, false
	}
	bad := make(map[string]bool, len(c.entry.Mismatched))
	for _, id := range c.entry.Mismatched {
		bad[id] = true
	}
	return bad, true
}

// rememberMismatched records the hash mismatches found among the
// revisions every assessment of the file shows, found while the file was
// in the state it was checked in.
func (c *checkedState) rememberMismatched(ids []string) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	c.entry.HashesKnown, c.entry.Mismatched = true, slices.Compact(ids)
	c.save()
}

// cachedMismatches answers HashMismatches from the check cache when the
// store's file is still in the state whose mismatches it remembers.
func (s *Store) cachedMismatches(states []*State) (map[string][]*Revision, bool) {
	bad, ok := s.checked.mismatched(s.path)
	if !ok {
		return nil, false
	}
	out := map[string][]*Revision{}
	for _, st := range states {
		seen := map[string]bool{}
		for _, r := range shown(st) {
			if seen[r.ID] || !bad[r.ID] {
				continue
			}
			seen[r.ID] = true
			out[st.Assessment.ID] = append(out[st.Assessment.ID], r)
		}
		found := out[st.Assessment.ID]
		sort.Slice(found, func(i, j int) bool { return found[i].Less(found[j]) })
	}
	return out, true
}

// rememberMismatches keeps HashMismatches' answer in the check cache when
// it covers every assessment of the file and the file was in the state it
// was checked in before (fresh) and after the hashing: then the states
// were read in that state, and the answer holds for as long as it lasts.
func (s *Store) rememberMismatches(fresh bool, states []*State, out map[string][]*Revision) {
	if !fresh || !s.checked.unchanged(s.path) {
		return
	}
	ids := map[string]bool{}
	for _, st := range states {
		ids[st.Assessment.ID] = true
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM assessment").Scan(&n); err != nil || n != len(ids) {
		return
	}
	var bad []string
	for _, rs := range out {
		for _, r := range rs {
			bad = append(bad, r.ID)
		}
	}
	s.checked.rememberMismatched(bad)
}
