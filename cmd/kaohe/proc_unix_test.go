//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// proc is a real kaohe process (this test binary run as kaohe, see
// TestMain) on the database db.
func proc(db string, extraEnv []string, args ...string) *exec.Cmd {
	cmd := storetest.Child("KAOHE_TEST_AS_KAOHE", "1", append([]string{"--lang", "en"}, args...)...)
	cmd.Env = append(cmd.Env, "KAOHE_DB="+db, "KAOHE_INSPECTOR=", "LANG=C")
	cmd.Env = append(cmd.Env, extraEnv...)
	return cmd
}

type result struct {
	stdout, stderr string
	code           int
}

func runProc(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errs.String(), code}
}

// A write that commits but whose closing checkpoint fails (the disk is
// full: here the file size limit stops the database file from growing while
// the small -wal still fits) says saved, warns, and exits 0; every later
// command opens the file — whose header now claims pages the file does not
// have yet — finds the value, and so does a copy of the file with its -wal.
func TestFullDiskCheckpointIsAWarning(t *testing.T) {
	c, db := seeded(t)
	for i, r := range []string{"1.2.a", "1.3.a", "2.1.b"} {
		c.ok("set", "吉首市/2021", r, "1", "--note", strings.Repeat("台账齐全", 200+i))
	}
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	// The limit is set in the child's own shell (dash counts ulimit -f
	// in 512-byte blocks), never in this process, whose own files (the
	// test log among them) are already larger.
	p := proc(db, nil, "set", "吉首市/2021", "5.1.a", "1", "--note", strings.Repeat("整改到位，材料另附。", 2000))
	cmd := exec.Command("sh", append([]string{"-c", fmt.Sprintf(`ulimit -f %d && exec "$@"`, st.Size()/512), "sh"}, p.Args...)...)
	cmd.Env = p.Env
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if err != nil || !strings.Contains(out.String(), "saved 吉首市/2021 5.1.a = 1") || !strings.Contains(errs.String(), "warning") {
		t.Fatalf("a committed write with a failed checkpoint: %v\nstdout: %s\nstderr: %s", err, out.String(), errs.String())
	}
	if !strings.Contains(errs.String(), db) || !strings.Contains(errs.String(), "-wal") {
		t.Errorf("the warning should name the file and its -wal: %s", errs.String())
	}
	hdr := make([]byte, 100)
	f, _ := os.Open(db)
	f.Read(hdr)
	f.Close()
	st, _ = os.Stat(db)
	claimed := int64(binary.BigEndian.Uint32(hdr[28:32])) * int64(binary.BigEndian.Uint16(hdr[16:18]))
	if st.Size() >= claimed {
		t.Fatalf("the scenario needs a file shorter than its header says (%d ≥ %d)", st.Size(), claimed)
	}
	// A copy of the file with its -wal, as a user would copy the folder.
	copyDir := t.TempDir()
	cp := filepath.Join(copyDir, "kaohe.db")
	for _, suf := range []string{"", "-wal"} {
		b, err := os.ReadFile(db + suf)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(cp+suf, b, 0o600)
	}
	for _, p := range []string{cp, db} {
		r := runProc(t, proc(p, nil, "history", "吉首市/2021", "5.1.a"))
		if r.code != 0 || !strings.Contains(r.stdout, "整改到位") {
			t.Fatalf("%s after the failed checkpoint: exit %d\n%s%s", p, r.code, r.stdout, r.stderr)
		}
		r = runProc(t, proc(p, nil, "list"))
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("list %s: exit %d %s", p, r.code, r.stderr)
		}
	}
	// The next write folds the -wal in: the file is whole again.
	if r := runProc(t, proc(db, nil, "set", "吉首市/2021", "1.2.a", "2")); r.code != 0 || r.stderr != "" {
		t.Fatalf("set after the failed checkpoint: %d %s", r.code, r.stderr)
	}
	if st, _ := os.Stat(db + "-wal"); st != nil && st.Size() != 0 {
		t.Error("the -wal was not folded in once there was room")
	}
}

// Several kaohe processes writing one file at once (two terminals, the TUI
// and the CLI) all succeed: a busy database makes them wait, never
// reports the file damaged.
func TestConcurrentWritersAllSucceed(t *testing.T) {
	t.Parallel()
	_, db := seeded(t)
	workers, rounds := 4, 25
	if testing.Short() {
		rounds = 8
	}
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				var out, stderr bytes.Buffer
				cmd := proc(db, nil, "set", "吉首市/2021", fmt.Sprintf("1.%d.a", 2+w%2), fmt.Sprint(i%3), "--note", fmt.Sprintf("w%d-%d", w, i))
				cmd.Stdout, cmd.Stderr = &out, &stderr
				if err := cmd.Run(); err != nil || stderr.Len() > 0 {
					errs <- fmt.Sprintf("worker %d round %d: %v: %s", w, i, err, stderr.String())
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	n := 0
	for e := range errs {
		if n < 5 {
			t.Error(e)
		}
		n++
	}
	if n > 0 {
		t.Fatalf("%d of %d concurrent writes failed", n, workers*rounds)
	}
	r := runProc(t, proc(db, nil, "history", "吉首市/2021"))
	if got := strings.Count(r.stdout, "「w"); got != workers*rounds {
		t.Errorf("history holds %d of the %d writes", got, workers*rounds)
	}
}

// Ten `kaohe init` on a new file at the same moment all succeed: the
// schema is created once.
func TestConcurrentInitOnNewFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	barrier := filepath.Join(dir, "go")
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for i := 0; i < 10; i++ {
		cmd := proc(db, []string{"KAOHE_TEST_BARRIER=" + barrier}, "init", "--inspector", fmt.Sprintf("督查%d", i))
		var b bytes.Buffer
		cmd.Stdout, cmd.Stderr = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &b)
	}
	time.Sleep(300 * time.Millisecond)
	os.WriteFile(barrier, nil, 0o600)
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("init %d: %v: %s", i, err, outs[i].String())
		}
	}
	if r := runProc(t, proc(db, nil, "list")); r.code != 0 {
		t.Errorf("list after concurrent init: %s", r.stderr)
	}
}

// holder starts another program holding db locked (see holdLock) and
// returns a function that makes it let go.
func holder(t *testing.T, db, mode string) (release func()) {
	t.Helper()
	cmd := storetest.Child("KAOHE_TEST_HOLD_LOCK", db)
	cmd.Env = append(cmd.Env, "KAOHE_TEST_HOLD_MODE="+mode)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("the lock holder: %q", line)
	}
	done := false
	release = func() {
		if !done {
			done = true
			stdin.Close()
			cmd.Wait()
		}
	}
	t.Cleanup(release)
	return release
}

// A file another process has locked for a moment (a checkpoint, a crash
// recovery, a write in another terminal) is waited for: commands that start
// meanwhile — reading or writing — succeed once it lets go, and none calls
// the file damaged.
func TestBusyFileIsWaitedForNotCalledDamaged(t *testing.T) {
	t.Parallel()
	c, db := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	for _, mode := range []string{"exclusive", "write"} {
		t.Run(mode, func(t *testing.T) {
			release := holder(t, db, mode)
			var wg sync.WaitGroup
			results := make([]result, 3)
			for i, args := range [][]string{{"set", "吉首市/2021", "1.2.a", "4"}, {"list"}, {"history", "吉首市/2021"}} {
				wg.Add(1)
				go func(i int, args []string) { defer wg.Done(); results[i] = runProc(t, proc(db, nil, args...)) }(i, args)
			}
			time.Sleep(1500 * time.Millisecond)
			release()
			wg.Wait()
			for _, r := range results {
				if r.code != 0 || r.stderr != "" {
					t.Errorf("a command started while the file was locked: exit %d: %s", r.code, r.stderr)
				}
			}
		})
	}
}

// A target another program holds locked for longer than kaohe waits is
// named as in use — not damaged, not SQLITE_BUSY — and nothing is changed.
func TestLockedTargetSaysWhichFileIsInUse(t *testing.T) {
	t.Parallel()
	c, db := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	src := filepath.Join(t.TempDir(), "src.db")
	c.ok("pack", src)
	holder(t, db, "write")
	// Both wait out a short busy timeout at the same time.
	other := filepath.Join(t.TempDir(), "other.db")
	short := []string{"KAOHE_TEST_BUSY_TIMEOUT=200ms"}
	var set, merge result
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); set = runProc(t, proc(db, short, "set", "吉首市/2021", "1.2.a", "4")) }()
	go func() { defer wg.Done(); merge = runProc(t, proc(other, short, "merge", "--into", db, src)) }()
	wg.Wait()
	for name, r := range map[string]result{"set": set, "merge": merge} {
		if r.code != 1 || !strings.Contains(r.stderr, db+": in use by another program") || !strings.Contains(r.stderr, "within 200 ms") || strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "locked (5)") {
			t.Errorf("%s on a locked file: exit %d: %s", name, r.code, r.stderr)
		}
	}
}

// Reading commands work on a read-only file in a read-only folder; writes
// are refused saying so. As root (CI containers) the commands run as the
// unprivileged user nobody, for whom the permissions hold.
func TestReadOnlyFileCLI(t *testing.T) {
	c, db := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	dir := filepath.Dir(db)
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		// nobody must reach the folder and run this test binary.
		for p := dir; p != "/" && p != "."; p = filepath.Dir(p) {
			if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o005 != 0o005 {
				os.Chmod(p, st.Mode().Perm()|0o005)
			}
		}
	}
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	before, _ := os.ReadFile(db)
	// A copy of this test binary that nobody may run.
	binDir := t.TempDir()
	os.Chmod(binDir, 0o755)
	bin := filepath.Join(binDir, "kaohe.test")
	if b, err := os.ReadFile(os.Args[0]); err != nil || os.WriteFile(bin, b, 0o755) != nil {
		t.Fatal("cannot copy the test binary", err)
	}
	as := func(args ...string) result {
		cmd := proc(db, []string{"HOME=" + dir}, args...)
		cmd.Path, cmd.Args[0] = bin, bin
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		return runProc(t, cmd)
	}
	if r := as("set", "吉首市/2021", "1.2.a", "4"); r.code != 1 || !strings.Contains(r.stderr, "read-only") {
		t.Fatalf("precondition: the file should be read-only to this process; set: exit %d %s", r.code, r.stderr)
	}
	outDir := t.TempDir()
	os.Chmod(outDir, 0o777)
	for _, folder := range []os.FileMode{0o555, 0o777} {
		os.Chmod(dir, folder) // a read-only file in a read-only folder, then in a writable one
		out := filepath.Join(outDir, fmt.Sprintf("r%o.md", folder))
		for _, args := range [][]string{{"list"}, {"history", "吉首市/2021"}, {"score", "吉首市/2021"}, {"conflicts"}, {"report", "--format", "md", "-o", out}} {
			if r := as(args...); r.code != 0 {
				t.Errorf("%s on a read-only file (folder %o): exit %d: %s", args[0], folder, r.code, r.stderr)
			}
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("reading changed the read-only file")
	}
}

// A merge interrupted with Ctrl-C while it reads a source leaves no private
// copy of that source behind, and exits non-zero.
func TestInterruptedMergeLeavesNoCopy(t *testing.T) {
	t.Parallel()
	src := packedFifteenUnits(t)
	tmp := t.TempDir()
	for attempt := 0; attempt < 5; attempt++ {
		cmd := proc(filepath.Join(t.TempDir(), "t.db"), []string{"TMPDIR=" + tmp}, "merge", "--into", filepath.Join(t.TempDir(), "t.db"), src)
		var errs bytes.Buffer
		cmd.Stderr = &errs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		caught := false
		var err error
	poll:
		for {
			select {
			case err = <-exited:
				break poll
			default:
			}
			m1, _ := filepath.Glob(filepath.Join(tmp, "*", "*", "source.db"))
			m2, _ := filepath.Glob(filepath.Join(tmp, "*", "source.db"))
			if !caught && len(m1)+len(m2) > 0 {
				cmd.Process.Signal(os.Interrupt)
				caught = true
			}
			time.Sleep(200 * time.Microsecond)
		}
		if !caught || err == nil {
			continue // the merge finished before the interrupt arrived; try again
		}
		left, _ := filepath.Glob(filepath.Join(tmp, "*"))
		if len(left) > 0 {
			t.Fatalf("an interrupted merge left %v behind (%s)", left, errs.String())
		}
		return
	}
	t.Skip("the merge never ran long enough to be interrupted while copying")
}

// packedFifteenUnits packs a file of fifteen units, each with every seed
// scenario's findings: a source large enough that a merge of it can be
// interrupted or killed while it runs.
func packedFifteenUnits(t *testing.T) string {
	t.Helper()
	c, _ := seeded(t)
	var parts []string
	for _, sc := range seedScenarios {
		parts = append(parts, sc.findings)
	}
	findings := writeFile(t, "all.json", `{"findings": {`+strings.Join(parts, ",")+`}}`)
	for i := 0; i < 15; i++ {
		unit := fmt.Sprintf("单位%02d", i)
		c.ok("new", unit, "2021")
		c.ok("import", unit+"/2021", findings)
	}
	src := filepath.Join(t.TempDir(), "src.db")
	c.ok("pack", src)
	return src
}
