package store

import (
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crashCopy records a finding and copies the database and its -wal while
// the writer is still open, as a laptop that lost power leaves them; it
// returns the copy's path and the finding's assessment.
func crashCopy(t *testing.T, dir string) (string, Assessment) {
	t.Helper()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6"), Note: strings.Repeat("现场核查", 300)}); err != nil {
		t.Fatal(err)
	}
	crash := filepath.Join(dir, "crash")
	os.Mkdir(crash, 0o700)
	cp := filepath.Join(crash, "kaohe.db")
	if err := copyFile(p, cp); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(p+"-wal", cp+"-wal"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !nonEmpty(cp + "-wal") {
		t.Fatal("the copy has no WAL to test with")
	}
	return cp, a
}

// walFrames lists the offsets of the -wal's frames for page pgno.
func walFrames(t *testing.T, wal []byte, pgno uint32) []int {
	t.Helper()
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	var out []int
	for off := walHeaderSize; off+walFrameHeaderSize+pageSize <= len(wal); off += walFrameHeaderSize + pageSize {
		if binary.BigEndian.Uint32(wal[off:]) == pgno {
			out = append(out, off)
		}
	}
	return out
}

func holds(t *testing.T, path string, a Assessment, rule, want string) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("an intact database was refused: %v", err)
	}
	defer s.Close()
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Findings()[rule].Value.String(); got != want {
		t.Fatalf("%s = %q, want %q", rule, got, want)
	}
}

// A checkpoint cut short (full disk, kill -9) after writing page 1 leaves
// the file shorter than its header says while its committed data is in
// the -wal: that database is intact and opens, with every finding.
func TestCheckpointCutShortStillOpens(t *testing.T) {
	cp, a := crashCopy(t, t.TempDir())
	wal, _ := os.ReadFile(cp + "-wal")
	frames := walFrames(t, wal, 1)
	if len(frames) == 0 {
		t.Fatal("no page 1 in the -wal")
	}
	page1 := wal[frames[len(frames)-1]+walFrameHeaderSize:][:binary.BigEndian.Uint32(wal[8:12])]
	f, err := os.OpenFile(cp, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(page1, 0) // the checkpoint wrote page 1, then the disk was full
	f.Close()
	st, _ := os.Stat(cp)
	pageSize := int64(binary.BigEndian.Uint16(page1[16:18]))
	if claimed := int64(binary.BigEndian.Uint32(page1[28:32])) * pageSize; st.Size() >= claimed {
		t.Fatalf("the scenario needs a file shorter than its header says (%d ≥ %d)", st.Size(), claimed)
	}
	holds(t, cp, a, "1.2.a", "6")
	if st, _ := os.Stat(cp); st.Size()%pageSize != 0 {
		t.Error("the file is not whole after reopening")
	}
}

// A -wal that ends in a torn frame (a kill in the middle of a write) is
// normal: the database opens with everything committed before it.
func TestTornLastWALFrameIsNormal(t *testing.T) {
	cp, a := crashCopy(t, t.TempDir())
	f, err := os.OpenFile(cp+"-wal", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	torn := make([]byte, walFrameHeaderSize+1000)
	binary.BigEndian.PutUint32(torn, 7)
	f.Write(torn)
	f.Close()
	holds(t, cp, a, "1.2.a", "6")
}

// damageWAL returns the ways a -wal gets damaged on a USB stick.
func damagedWALs(t *testing.T, wal []byte) map[string][]byte {
	random := make([]byte, 8192)
	rand.Read(random)
	badSum := append([]byte(nil), wal...)
	badSum[27] ^= 0x55
	badVersion := append([]byte(nil), wal...)
	binary.BigEndian.PutUint32(badVersion[4:], 3007001)
	return map[string][]byte{
		"random bytes":             random,
		"cut inside its header":    wal[:20],
		"header checksum wrong":    badSum,
		"unknown format version":   badVersion,
		"zeroed header, frames ok": append(make([]byte, walHeaderSize), wal[walHeaderSize:]...),
	}
}

// A damaged -wal beside the database is refused with a message naming it,
// and left in place byte for byte, like the database.
func TestDamagedWALBesideDatabaseRefused(t *testing.T) {
	t.Parallel()
	cp, _ := crashCopy(t, t.TempDir())
	good, _ := os.ReadFile(cp + "-wal")
	db, _ := os.ReadFile(cp)
	for name, bad := range damagedWALs(t, good) {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(cp, db, 0o600)
			os.Remove(cp + "-shm")
			os.WriteFile(cp+"-wal", bad, 0o600)
			s, err := Open(cp, Options{})
			if err == nil {
				s.Close()
				t.Fatal("opened a database beside a damaged -wal")
			}
			if !strings.HasPrefix(err.Error(), cp+": ") || !strings.Contains(err.Error(), cp+"-wal") || !strings.Contains(err.Error(), "left in place") {
				t.Errorf("error %q should name the database and its -wal", err)
			}
			if got, _ := os.ReadFile(cp + "-wal"); string(got) != string(bad) {
				t.Error("the damaged -wal was changed or deleted")
			}
			if got, _ := os.ReadFile(cp); string(got) != string(db) {
				t.Error("the database was changed")
			}
		})
	}
}

// The same beside a merge source: refused, nothing merged, -wal kept.
func TestDamagedWALBesideSourceRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cp, _ := crashCopy(t, dir)
	good, _ := os.ReadFile(cp + "-wal")
	target := filepath.Join(dir, "target.db")
	ts, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	for name, bad := range damagedWALs(t, good) {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(cp+"-wal", bad, 0o600)
			_, err := ts.Merge(cp)
			var re *Refusal
			if !refusedMerge(err, &re) || !strings.Contains(err.Error(), cp+"-wal") {
				t.Fatalf("error %v, want a refusal naming %s-wal", err, cp)
			}
			if got, _ := os.ReadFile(cp + "-wal"); string(got) != string(bad) {
				t.Error("the damaged -wal was changed or deleted")
			}
			as, _ := ts.Assessments()
			if len(as) != 0 {
				t.Error("something was merged")
			}
		})
	}
}

// A source in rollback-journal mode with a hot -journal (a write cut short
// after it spilled uncommitted pages into the file) is merged as of its
// last commit: the uncommitted rows are rolled back in the private copy,
// and the source and its -journal are left as they were.
func TestHotJournalSourceMergesOnlyCommittedRows(t *testing.T) {
	dir := t.TempDir()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6")}); err != nil {
		t.Fatal(err)
	}
	later, err := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2")})
	if err != nil {
		t.Fatal(err)
	}
	// Take the later revision out again, to insert it uncommitted.
	s.db.Exec("PRAGMA foreign_keys = OFF")
	if _, err := s.db.Exec("DELETE FROM revision WHERE id = ?", later[0].ID); err != nil {
		t.Fatal(err)
	}
	// And from the materialised heads, which insertRevision fills again.
	if _, err := s.db.Exec("DELETE FROM head WHERE revision_id = ?", later[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()

	raw, err := sql.Open("sqlite", "file:"+p+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(10)")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	defer raw.Close()
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := insertRevision(tx, &later[0]); err != nil {
		t.Fatal(err)
	}
	// Enough uncommitted pages to spill into the file itself.
	if _, err := tx.Exec("INSERT INTO meta(key, value) VALUES ('padding', ?)", strings.Repeat("x", 400_000)); err != nil {
		t.Fatal(err)
	}
	stick := filepath.Join(dir, "stick")
	os.Mkdir(stick, 0o700)
	src := filepath.Join(stick, "张三.db")
	copyFile(p, src)
	if err := copyFile(p+"-journal", src+"-journal"); err != nil {
		t.Fatalf("no hot journal to test with: %v", err)
	}
	tx.Rollback()
	h, hj := hashFile(t, src), hashFile(t, src+"-journal")

	target := filepath.Join(dir, "target.db")
	ts, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	if _, err := ts.Merge(src); err != nil {
		t.Fatalf("merging a source with a hot journal: %v", err)
	}
	st, err := ts.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.Findings()["1.3.a"]; ok {
		t.Error("an uncommitted row of the source was merged")
	}
	if st.Findings()["1.2.a"].Value.String() != "6" {
		t.Error("the committed finding is missing")
	}
	if hashFile(t, src) != h || hashFile(t, src+"-journal") != hj {
		t.Error("the source or its -journal was modified")
	}
}

// Reading commands open the file read-only: they read everything, write
// nothing (the file and its folder stay as they were) and a write through
// such a store is refused with a message saying why. This runs as root too:
// it proves the read path never needs write access, which is what lets a
// read-only file be read (TestReadOnlyFileCLI checks that with a real
// read-only file).
func TestReadOnlyStoreReadsAndRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6")})
	s.Close()
	before := hashFile(t, p)
	r, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st, err := r.State(a.ID)
	if err != nil || st.Findings()["1.2.a"].Value.String() != "6" {
		t.Fatalf("read-only state: %v", err)
	}
	if h, err := r.History(a.ID, ""); err != nil || len(h) == 0 {
		t.Fatalf("read-only history: %v", err)
	}
	if err := r.Pack(filepath.Join(dir, "out.db")); err != nil {
		t.Errorf("pack from a read-only store: %v", err)
	}
	_, err = r.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.HasPrefix(err.Error(), p+": ") {
		t.Errorf("write through a read-only store: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if hashFile(t, p) != before {
		t.Error("a read-only open changed the file")
	}
	if _, err := Open(filepath.Join(dir, "none.db"), Options{ReadOnly: true}); err == nil || exists(filepath.Join(dir, "none.db")) {
		t.Errorf("a read-only open of a missing file: %v", err)
	}
}
