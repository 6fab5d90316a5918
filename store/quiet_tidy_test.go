package store

import (
	"path/filepath"
	"testing"
)

// A reader that found a file with nothing beside it and opened it tidies
// up after itself on its way out; if a writer opened the file meanwhile,
// the -wal and -shm are the writer's and must stay, or the writer's
// commits go to an unlinked -wal and the next process forks the database
// ("database disk image is malformed" under two kaohe processes at once).
func TestTidyingAQuietReadLeavesAWritersFilesAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	s.Close()
	if exists(path+"-wal") || exists(path+"-shm") {
		t.Fatal("a closed store left its -wal or -shm")
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var n int
	if err := w.db.QueryRow("SELECT count(*) FROM revision").Scan(&n); err != nil { // reading made the -wal, empty
		t.Fatal(err)
	}
	tidyAfterQuietRead(path) // a reader that saw the file quiet leaves
	if !exists(path+"-wal") || !exists(path+"-shm") {
		t.Fatal("tidying after a quiet read removed a live writer's -wal or -shm")
	}
	other, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")}, Change{Subject: "1.2.b", Value: ruleVal(t, "true")}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "1")}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	w.Close()
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fs := mustState(t, r, a.ID).Findings()
	for _, rule := range []string{"1.2.a", "1.2.b", "1.3.a"} {
		if _, ok := fs[rule]; !ok {
			t.Errorf("%s, recorded by one of two processes, is lost", rule)
		}
	}
}

// After a quiet read with nobody else at the file, nothing is left beside
// it.
func TestTidyingAQuietReadLeavesNothingBeside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	tidyAfterQuietRead(path)
	if exists(path+"-wal") || exists(path+"-shm") {
		t.Error("a quiet read left its -wal or -shm beside the file")
	}
}
