//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/store/seed"
)

// listHeadsQuery is the yardstick of `kaohe list` as a process: the sqlite3
// shell printing every head's assessment, subject and value.
const listHeadsQuery = "SELECT h.assessment_id, h.subject, r.value FROM head h JOIN revision r ON r.id = h.revision_id"

// BenchmarkListProcess is `kaohe list` as a whole process (the real binary,
// built here) on the decade file (seed.LargeCopy), as it runs on every list
// after the first: the check cache, in a private cache folder, knows the
// file. Its yardstick is BenchmarkListShellProcess, in the same run.
// Both print cpu-ns/op: the child's user and system time.
func BenchmarkListProcess(b *testing.B) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command to build kaohe with")
	}
	bin := filepath.Join(b.TempDir(), "kaohe")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	db := seed.LargeCopy(b)
	cache := b.TempDir()
	list := func() *exec.Cmd {
		cmd := exec.Command(bin, "--db", db, "list")
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "HOME="+cache, "KAOHE_CONFIG="+cache)
		return cmd
	}
	time.Sleep(2100 * time.Millisecond) // the check cache remembers settled files only
	for range 2 {                       // checks the file, then keeps its heads
		if out, err := list().CombinedOutput(); err != nil {
			b.Fatalf("kaohe list: %v\n%s", err, out)
		}
	}
	benchProcess(b, list)
}

// BenchmarkListShellProcess is BenchmarkListProcess's yardstick: the sqlite3
// shell running listHeadsQuery on the same file.
func BenchmarkListShellProcess(b *testing.B) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 shell not installed")
	}
	db := seed.LargeCopy(b)
	benchProcess(b, func() *exec.Cmd { return exec.Command(shell, db, listHeadsQuery) })
}

// benchProcess runs the command cmd makes once per iteration, its output
// thrown away, and reports its CPU time per run beside the wall time.
func benchProcess(b *testing.B, cmd func() *exec.Cmd) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devnull.Close()
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		c := cmd()
		c.Stdout, c.Stderr = devnull, devnull
		if err := c.Run(); err != nil {
			b.Fatal(err)
		}
	}
}
