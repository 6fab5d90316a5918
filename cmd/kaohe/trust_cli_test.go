//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kaohe/kaohe/store"
)

// forgedPair is 李四's packed file (her device signs every revision; 1.2.a
// is 5) and a forgery made from it with sqlite3: its signature and device
// rows deleted, and an unsigned revision in her and her device's name
// replacing the 5 with 0, its hash recomputed.
func forgedPair(t *testing.T) (li, forged, forgery, device string) {
	t.Helper()
	c, db := dbCLI(t, "李四")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.3.a", "2")
	c.ok("set", "吉首市/2021", "1.2.a", "5")
	dir := t.TempDir()
	li, forged = filepath.Join(dir, "li.db"), filepath.Join(dir, "forged.db")
	c.ok("pack", li)
	c.ok("pack", forged)
	st := openForTest(t, db)
	a := mustFind(t, st, "吉首市/2021")
	hist, err := st.History(a.ID, "1.2.a")
	st.Close()
	if err != nil || len(hist) != 1 {
		t.Fatal(hist, err)
	}
	real := hist[0]
	h, err := store.ParseHLC(real.HLC)
	if err != nil {
		t.Fatal(err)
	}
	fake := *real
	fake.ID, fake.Parents = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", []string{real.ID}
	zero := "0"
	fake.Value = &zero
	fake.HLC = store.HLC{Wall: h.Wall, Counter: h.Counter + 1}.String()
	fake.Hash = fake.ContentHash()
	sqlEdit(t, forged, "DELETE FROM revision_signature; DELETE FROM device")
	sqlEdit(t, forged, `INSERT INTO revision(id, assessment_id, subject, value, note, inspector, device, hlc, wall, hash)
		SELECT ?, assessment_id, subject, '0', note, inspector, device, ?, wall, ? FROM revision WHERE id = ?`, fake.ID, fake.HLC, fake.Hash, real.ID)
	sqlEdit(t, forged, "INSERT INTO revision_parent(revision_id, parent_id) VALUES (?, ?)", fake.ID, real.ID)
	return li, forged, fake.ID, real.Device
}

// A forgery in a device's name is refused by kaohe merge whichever file
// comes first, in one merge or in two; merged before the genuine file, in
// a merge of its own (nothing yet tells it from a revision written before
// signing), it is reported by the genuine file's merge, named by verify and
// warned about by list, and the genuine revisions keep their signatures.
func TestForgedFileMergedInEitherOrder(t *testing.T) {
	li, forged, forgery, device := forgedPair(t)
	config := []string{"KAOHE_CONFIG=" + t.TempDir()}
	merge := func(target string, sources ...string) result {
		return runProc(t, proc(target, config, append([]string{"merge", "--into", target}, sources...)...))
	}
	refusal := forged + ": revision " + forgery + ": it is unsigned, but device " + device + " signs its revisions"
	refused := func(what string, r result) {
		t.Helper()
		if r.code == 0 || !strings.Contains(r.stderr, refusal) || !strings.Contains(r.stderr, "nothing was merged") {
			t.Fatalf("%s: exit %d\n%s%s\nwant the forgery refused: %s", what, r.code, r.stdout, r.stderr, refusal)
		}
	}
	dir := t.TempDir()
	for i, order := range [][]string{{li, forged}, {forged, li}} {
		target := filepath.Join(dir, []string{"one-a.db", "one-b.db"}[i])
		refused("one merge, "+filepath.Base(order[0])+" first", merge(target, order...))
	}

	genuineFirst := filepath.Join(dir, "two-a.db")
	if r := merge(genuineFirst, li); r.code != 0 {
		t.Fatalf("genuine file: %+v", r)
	}
	refused("two merges, genuine first", merge(genuineFirst, forged))
	st := openForTest(t, genuineFirst)
	defer st.Close()
	state, err := st.State(mustFind(t, st, "吉首市/2021").ID)
	if err != nil {
		t.Fatal(err)
	}
	if f := state.Findings()["1.2.a"]; f.Value.Num.String() != "5" {
		t.Fatalf("two merges, genuine first: 1.2.a is %v", f.Value)
	}

	forgedFirst := filepath.Join(dir, "two-b.db")
	if r := merge(forgedFirst, forged); r.code != 0 {
		t.Fatalf("the forged file alone: %+v", r)
	}
	r := merge(forgedFirst, li)
	if r.code != 0 || !strings.Contains(r.stdout, "the target already holds 1 unsigned revisions in the name of a device whose key this file brought") ||
		!strings.Contains(r.stdout, store.ShortID(forgery, 8)) {
		t.Fatalf("the genuine file after the forged one: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	v := runProc(t, proc(forgedFirst, config, "verify"))
	if v.code != 1 || !strings.Contains(v.stdout, forgery) || !strings.Contains(v.stdout, "a forgery in that device's name") ||
		!strings.Contains(v.stdout, "2 revisions signed") {
		t.Fatalf("verify: exit %d\n%s%s", v.code, v.stdout, v.stderr)
	}
	l := runProc(t, proc(forgedFirst, config, "list"))
	if l.code != 0 || !strings.Contains(l.stderr, "1 records unsigned in the name of a device that signs (forged, or copies stripped of their signature) are not trusted") {
		t.Fatalf("list: exit %d\n%s%s", l.code, l.stdout, l.stderr)
	}
	// Not trusted, the forgery counts nowhere: 1.2.a is the genuine 5, and
	// the score is the one the genuine file alone gives.
	sc := func(target string) string {
		r := runProc(t, proc(target, config, "score", "吉首市/2021", "--json"))
		if r.code != 0 {
			t.Fatalf("score %s: %+v", target, r)
		}
		return r.stdout
	}
	if got, want := sc(forgedFirst), sc(genuineFirst); got != want {
		t.Fatalf("score after the forged file then the genuine one:\n%s\nwant the genuine score:\n%s", got, want)
	}
	h := runProc(t, proc(forgedFirst, config, "history", "吉首市/2021", "1.2.a"))
	lines := strings.Split(strings.TrimSpace(h.stdout), "\n")
	if h.code != 0 || len(lines) != 2 || strings.Contains(lines[0], "not trusted") ||
		!strings.Contains(lines[1], "5 → 0  [not trusted: unsigned in the name of a device that signs; not counted]") {
		t.Fatalf("history keeps the forgery, marked: exit %d\n%s%s", h.code, h.stdout, h.stderr)
	}
	st2 := openForTest(t, forgedFirst)
	defer st2.Close()
	state2, err := st2.State(mustFind(t, st2, "吉首市/2021").ID)
	if err != nil {
		t.Fatal(err)
	}
	if f := state2.Findings()["1.2.a"]; f.Value.Num.String() != "5" {
		t.Fatalf("two merges, forgery first: 1.2.a is %v, want the genuine 5", f.Value)
	}
}

// A refused merge into a packed file (not in WAL mode) leaves it byte for
// byte as it was, with nothing beside it; a merge that goes through
// switches it to WAL.
func TestRefusedMergeLeavesPackedTargetAsItWas(t *testing.T) {
	li, forged, _, _ := forgedPair(t)
	config := []string{"KAOHE_CONFIG=" + t.TempDir()}
	target := filepath.Join(t.TempDir(), "汇总.db")
	if err := os.WriteFile(target, mustRead(t, li), 0o600); err != nil {
		t.Fatal(err)
	}
	before := mustRead(t, target)
	if before[18] != 1 {
		t.Fatalf("fixture: the packed file is not in rollback mode (header byte 18 is %d)", before[18])
	}
	r := runProc(t, proc(target, config, "merge", "--into", target, forged))
	if r.code == 0 || !strings.Contains(r.stderr, "is unchanged") {
		t.Fatalf("merge of the forgery: exit %d\n%s", r.code, r.stderr)
	}
	if after := mustRead(t, target); !bytes.Equal(after, before) {
		t.Fatalf("the refused merge changed the packed target (header byte 18: %d -> %d)", before[18], after[18])
	}
	if beside, _ := filepath.Glob(target + "-*"); len(beside) != 0 {
		t.Fatalf("left beside the target: %v", beside)
	}
	c := newCLI(t)
	other := filepath.Join(t.TempDir(), "张三.db")
	c.ok("--db", other, "init", "--inspector", "张三")
	c.ok("--db", other, "new", "泸溪县", "2021")
	if r := runProc(t, proc(target, config, "merge", "--into", target, other)); r.code != 0 {
		t.Fatalf("a genuine merge: %+v", r)
	}
	if after := mustRead(t, target); after[18] != 2 {
		t.Fatalf("after a merge that went through, header byte 18 is %d, want 2 (WAL)", after[18])
	}
}

// A merge killed outright (kill -9) leaves its private copies behind; the
// next merge removes them, and leaves alone the folder of a kaohe that is
// still running and a folder from before folders were named for their
// process unless it is a day old.
func TestMergeRemovesCopiesOfKilledMerges(t *testing.T) {
	t.Parallel()
	src := packedFifteenUnits(t)
	tmp := t.TempDir()
	env := []string{"TMPDIR=" + tmp, "KAOHE_CONFIG=" + t.TempDir()}
	killed := false
	for attempt := 0; attempt < 5 && !killed; attempt++ {
		target := filepath.Join(t.TempDir(), "t.db")
		cmd := proc(target, env, "merge", "--into", target, src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Microsecond) {
			if m, _ := filepath.Glob(filepath.Join(tmp, "*", "*", "source.db")); len(m) > 0 {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		}
		cmd.Wait()
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "kaohe-merge-*"))
	if !killed || len(left) == 0 {
		t.Skip("the merge never ran long enough to be killed while copying")
	}
	running := filepath.Join(tmp, fmt.Sprintf("kaohe-merge-%d-123", os.Getpid())) // this test's own process
	oldStyle := filepath.Join(tmp, "kaohe-merge-4242424242")
	newStyle := filepath.Join(tmp, "kaohe-merge-4343434343")
	for _, d := range []string{running, oldStyle, newStyle} {
		if err := os.MkdirAll(filepath.Join(d, "x"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	dayAgo := time.Now().Add(-25 * time.Hour)
	os.Chtimes(oldStyle, dayAgo, dayAgo)
	target := filepath.Join(t.TempDir(), "t.db")
	if r := runProc(t, proc(target, env, "merge", "--into", target, src)); r.code != 0 {
		t.Fatalf("the next merge: %+v", r)
	}
	for _, d := range left {
		if _, err := os.Stat(d); err == nil {
			t.Errorf("the killed merge's folder %s is still there", d)
		}
	}
	for _, d := range []string{running, newStyle} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed: %v", d, err)
		}
	}
	if _, err := os.Stat(oldStyle); err == nil {
		t.Errorf("the day-old folder %s is still there", oldStyle)
	}
}
