package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// shownValues is every assessment's heads as a user sees them: subject,
// revision and value, one line each, sorted.
func shownValues(states []*State) []string {
	var out []string
	for _, st := range states {
		for subj, ss := range st.Subjects {
			for _, h := range ss.Heads {
				out = append(out, fmt.Sprintf("%s %s %s %s", st.Assessment.ID, subj, h.ID, h.ValueText()))
			}
		}
	}
	slices.Sort(out)
	return out
}

// statesWith opens path as `kaohe list` does, with the check cache in dir
// ("" none), and returns what it shows.
func statesWith(t *testing.T, path, dir string) []string {
	t.Helper()
	s, states, err := OpenStates(path, Options{ReadOnly: true, CheckDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return shownValues(states)
}

// snapshotKept says the check cache in dir holds heads it would use for
// path in its present state.
func snapshotKept(t *testing.T, path, dir string) bool {
	t.Helper()
	c, ok := recognise(dir, path)
	if !ok {
		return false
	}
	_, ok = c.snapshotHeads(path)
	return ok
}

// The heads a list reads from the check cache are the file's: kept once
// the file is checked, used while it stays as it was, and never once it
// changed (a hand edit) or when the snapshot does not read back whole.
func TestHeadsSnapshotFollowsTheFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "checked")
	path := busyFile(t)
	time.Sleep(settledAfter + 100*time.Millisecond)
	truth := statesWith(t, path, "")
	if len(truth) == 0 {
		t.Fatal("fixture: nothing recorded")
	}

	if got := statesWith(t, path, dir); !slices.Equal(got, truth) {
		t.Fatalf("first list (checks the file):\n%v\nwant\n%v", got, truth)
	}
	if !snapshotKept(t, path, dir) {
		t.Fatal("a checked, settled file's heads were not kept")
	}
	if got := statesWith(t, path, dir); !slices.Equal(got, truth) {
		t.Fatalf("list from the kept heads:\n%v\nwant\n%v", got, truth)
	}

	// A hand edit: the kept heads are the old state's and are not used.
	editValue(t, path, false)
	if snapshotKept(t, path, dir) {
		t.Fatal("heads kept for the state before a hand edit would be used after it")
	}
	edited := statesWith(t, path, "")
	if slices.Equal(edited, truth) || !strings.Contains(strings.Join(edited, "\n"), " 9") {
		t.Fatalf("fixture: the edit is not seen: %v", edited)
	}
	if got := statesWith(t, path, dir); !slices.Equal(got, edited) {
		t.Fatalf("list after a hand edit:\n%v\nwant the edit\n%v", got, edited)
	}
	time.Sleep(settledAfter + 100*time.Millisecond)
	statesWith(t, path, dir) // checks the new state, keeps its heads
	if !snapshotKept(t, path, dir) {
		t.Fatal("the new state's heads were not kept")
	}
	if got := statesWith(t, path, dir); !slices.Equal(got, edited) {
		t.Fatalf("list from the new state's heads:\n%v\nwant\n%v", got, edited)
	}

	// The workbench's store, opened on the kept heads, then written to:
	// its next read of the states shows what it wrote.
	s, states, err := OpenStates(path, Options{CheckDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	zs := mustInspector(t, s, "张三")
	var unsigned string
	for _, st := range states {
		if st.Assessment.Unit == "泸溪县" {
			unsigned = st.Assessment.ID
		}
	}
	if _, err := s.Record(zs, unsigned, Change{Subject: "2.4.a", Value: ruleVal(t, "90")}); err != nil {
		t.Fatal(err)
	}
	after, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	if got := shownValues(after); len(got) != len(edited)+1 {
		t.Fatalf("states after a record in the same store: %d heads, want %d", len(got), len(edited)+1)
	}
	s.Close()
	edited = statesWith(t, path, "")
	time.Sleep(settledAfter + 100*time.Millisecond)
	statesWith(t, path, dir)

	// Kept heads damaged (one byte): not used, the file read instead.
	c, _ := recognise(dir, path)
	snap := c.snapshotPath()
	b, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(b), `"9"`)
	if i < 0 {
		i = len(b) / 2
	}
	b[i] ^= 0x01
	if err := os.WriteFile(snap, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if snapshotKept(t, path, dir) {
		t.Fatal("damaged kept heads pass as whole")
	}
	if got := statesWith(t, path, dir); !slices.Equal(got, edited) {
		t.Fatalf("list with damaged kept heads:\n%v\nwant\n%v", got, edited)
	}
}

// periodWith opens path as `problem list --period` does, with the check
// cache in dir ("" none), and returns what that period's states show.
func periodWith(t *testing.T, path, dir, period string) []string {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true, CheckDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	states, err := s.StatesOfPeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return shownValues(states)
}

// A period's states read through the kept heads are that period's only and
// the file's own: the same as read without any cache, before and after a
// hand edit, for a period that is most of the file and one that is not.
func TestPeriodStatesFollowTheSnapshot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "checked")
	path := busyFile(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	zs := mustInspector(t, s, "张三")
	later := mustNew(t, s, zs, "吉首市", "2022")
	if _, err := s.Record(zs, later.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "2")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	time.Sleep(settledAfter + 100*time.Millisecond)
	check := func(when string) {
		t.Helper()
		for _, period := range []string{"2021", "2022"} {
			truth := periodWith(t, path, "", period)
			if len(truth) == 0 {
				t.Fatalf("fixture: nothing in %s", period)
			}
			for _, p := range truth {
				if (strings.HasPrefix(p, later.ID)) != (period == "2022") {
					t.Fatalf("fixture: %s in period %s", p, period)
				}
			}
			if got := periodWith(t, path, dir, period); !slices.Equal(got, truth) {
				t.Fatalf("%s, period %s through the check cache:\n%v\nwant\n%v", when, period, got, truth)
			}
		}
	}
	check("first read") // 2021 is most of the file: read whole, kept
	if !snapshotKept(t, path, dir) {
		t.Fatal("reading a period that is most of the file kept no heads")
	}
	check("from the kept heads")
	editValue(t, path, false)
	check("after a hand edit")
}
