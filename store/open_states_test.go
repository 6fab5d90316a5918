package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// busyFile builds a file of three assessments: one with a conflict, one
// signed, one empty, and returns its path.
func busyFile(t *testing.T) string {
	t.Helper()
	s, path := openTemp(t)
	zs := mustInspector(t, s, "张三")
	ls := mustInspector(t, s, "李四")
	a := mustNew(t, s, zs, "吉首市", "2021")
	b := mustNew(t, s, zs, "凤凰县", "2021")
	mustNew(t, s, ls, "泸溪县", "2021")
	first, err := s.Record(zs, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if err != nil {
		t.Fatal(err)
	}
	seen := []string{first[0].ID}
	if _, err := s.Record(zs, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "4"), Seen: seen}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(ls, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "5"), Seen: seen}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(ls, b.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2"), Note: "抽查三份"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(ls, b.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func statesVia(t *testing.T, path string, opts Options) []*State {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return states
}

// OpenStates gives what Open then States gives, whether it reads beside
// the check (nothing else has the file open) or falls back (another
// process's -wal lies beside the file), writable or read-only.
func TestOpenStatesIsOpenThenStates(t *testing.T) {
	path := busyFile(t)
	want := statesVia(t, path, Options{})
	if len(want) != 3 || want[0].Revisions == 0 {
		t.Fatalf("fixture: %d states", len(want))
	}
	check := func(name string, opts Options) {
		t.Helper()
		s, got, err := OpenStates(path, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer s.Close()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: states differ from Open then States", name)
		}
		// The store it returns is an ordinary one: it reads what others write.
		if again, err := s.States(); err != nil || !reflect.DeepEqual(again, want) {
			t.Errorf("%s: States on the returned store: %v", name, err)
		}
	}
	check("quiet, writable", Options{})
	check("quiet, read-only", Options{ReadOnly: true})

	other, err := Open(path, Options{}) // holds the file open: its -wal and -shm lie beside it
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("fixture: no -wal while another store has the file open: %v", err)
	}
	check("in use, writable", Options{})
	check("in use, read-only", Options{ReadOnly: true})
}

// A file whose damage lies where reading the states never goes (an index
// page) is refused all the same: OpenStates returns nothing until the
// quick_check beside it has passed.
func TestOpenStatesWaitsForTheCheck(t *testing.T) {
	path := busyFile(t)
	root := hlcIndexPage(t, path)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad-index.db")
	if err := os.WriteFile(bad, wreckPage(good, root-1), 0o600); err != nil {
		t.Fatal(err)
	}
	// Without the check, the states read fine: the damage is where they
	// do not look.
	raw, err := openConn(bad, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.States(); err != nil {
		t.Fatalf("fixture: the states of the damaged file cannot be read without the check either: %v", err)
	}
	raw.db.Close()
	os.Remove(bad + "-wal")
	os.Remove(bad + "-shm")

	for _, opts := range []Options{{}, {ReadOnly: true}} {
		before := hashFile(t, bad)
		s, states, err := OpenStates(bad, opts)
		if err == nil {
			s.Close()
			t.Fatalf("read-only %v: opened a damaged file and returned %d states", opts.ReadOnly, len(states))
		}
		if !strings.Contains(err.Error(), "damaged database") || !strings.HasPrefix(err.Error(), bad+": ") {
			t.Errorf("read-only %v: %v, want the file named as damaged", opts.ReadOnly, err)
		}
		if hashFile(t, bad) != before {
			t.Errorf("read-only %v: the damaged file was modified", opts.ReadOnly)
		}
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(bad + side); err == nil {
				t.Errorf("read-only %v: a %s was left beside the damaged file", opts.ReadOnly, side)
			}
		}
	}
}
