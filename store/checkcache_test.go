package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mismatchCount is how many revisions HashMismatches names over states.
func mismatchCount(t *testing.T, s *Store, states []*State) int {
	t.Helper()
	bad, err := s.HashMismatches(states...)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rs := range bad {
		n += len(rs)
	}
	return n
}

// listOnce opens path as `kaohe list` does (OpenStates, read-only, with
// the check cache in dir) and returns how many shown revisions do not
// match their hash, and whether the open knew the file from the cache.
func listOnce(t *testing.T, path, dir string) (mismatches int, known bool) {
	t.Helper()
	_, known = recognise(dir, path)
	s, states, err := OpenStates(path, Options{ReadOnly: true, CheckDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return mismatchCount(t, s, states), known
}

// editValue changes one revision's value behind kaohe's back, as a
// sqlite3 UPDATE does, and returns with the editor's connection still
// open (its change in the -wal) when keepOpen, else closed (the change
// checkpointed into the file).
func editValue(t *testing.T, path string, keepOpen bool) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE revision SET value = '9' WHERE id = (SELECT revision_id FROM head WHERE subject = '1.3.a')"); err != nil {
		t.Fatal(err)
	}
	if keepOpen {
		t.Cleanup(func() { db.Close() })
		return
	}
	db.Close()
}

// A file this machine checked and nobody wrote since is not checked (nor
// its current revisions hashed) again, but every kind of change is seen:
// damage with the modification time put back, a hand edit (checkpointed or
// still in the -wal), and an edit found once is warned of on every list.
func TestCheckCacheSeesEveryChange(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "checked")
	clean, damaged, edited, live := busyFile(t), busyFile(t), busyFile(t), busyFile(t)
	editValue(t, edited, false)
	time.Sleep(settledAfter + 100*time.Millisecond) // times older than the racy window

	// Unchanged: known the second time, and nothing is lost.
	if n, known := listOnce(t, clean, dir); n != 0 || known {
		t.Fatalf("first list: %d mismatches, known %v; want 0 and a full check", n, known)
	}
	if n, known := listOnce(t, clean, dir); n != 0 || !known {
		t.Fatalf("second list of an unchanged file: %d mismatches, known %v; want 0, known", n, known)
	}

	// An edit found by the first list is still warned of by the second,
	// which does not hash again.
	for i, wantKnown := range []bool{false, true} {
		if n, known := listOnce(t, edited, dir); n != 1 || known != wantKnown {
			t.Fatalf("list %d of a hand-edited file: %d mismatches, known %v; want 1, known %v", i+1, n, known, wantKnown)
		}
	}

	// Damage in an index the states do not read, the file's modification
	// time put back: refused with the damage named, the file untouched.
	if _, known := listOnce(t, damaged, dir); known {
		t.Fatal("a file never checked is known")
	}
	if _, known := recognise(dir, damaged); !known {
		t.Fatal("a checked, settled file is not remembered")
	}
	wreckIndexInPlace(t, damaged)
	before := hashFile(t, damaged)
	for _, open := range []func() error{
		func() error { s, err := Open(damaged, Options{ReadOnly: true, CheckDir: dir}); closeIf(s); return err },
		func() error {
			s, _, err := OpenStates(damaged, Options{ReadOnly: true, CheckDir: dir})
			closeIf(s)
			return err
		},
		func() error { s, _, err := OpenStates(damaged, Options{CheckDir: dir}); closeIf(s); return err },
	} {
		if err := open(); err == nil || !strings.Contains(err.Error(), "damaged database, quick_check failed") {
			t.Errorf("a file damaged after its check opened: %v", err)
		}
	}
	if hashFile(t, damaged) != before {
		t.Error("the damaged file was modified")
	}

	// A hand edit after the file was listed: seen whether the editor has
	// closed the file or still holds the change in the -wal.
	if n, _ := listOnce(t, live, dir); n != 0 {
		t.Fatalf("fixture: %d mismatches", n)
	}
	editValue(t, live, true)
	if n, known := listOnce(t, live, dir); n != 1 || known {
		t.Errorf("list during a hand edit in the -wal: %d mismatches, known %v; want 1, checked again", n, known)
	}
	if n, known := listOnce(t, clean, dir); n != 0 || !known {
		t.Fatalf("clean file after the others: %d, known %v", n, known)
	}
	editValue(t, clean, false)
	if n, known := listOnce(t, clean, dir); n != 1 || known {
		t.Errorf("list after a hand edit: %d mismatches, known %v; want 1, checked again", n, known)
	}
}

// closeIf closes a store that opened.
func closeIf(s *Store) {
	if s != nil {
		s.Close()
	}
}

// hlcIndexPage is the page number (from 1) of the revision_hlc index in
// the file at path: a page reading the states never touches.
func hlcIndexPage(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var root int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'revision_hlc'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	return root
}

// wreckIndexInPlace overwrites the page of the revision_hlc index in the
// file itself (same size, same header) and puts its modification time
// back, as damage on the disk would leave it.
func wreckIndexInPlace(t *testing.T, path string) {
	t.Helper()
	root := hlcIndexPage(t, path)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	page := wreckPage(good, root-1)[(root-1)*4096 : root*4096]
	if _, err := f.WriteAt(page, int64(root-1)*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}
