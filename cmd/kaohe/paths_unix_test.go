//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs the CLI and fails the test if it has not finished within
// a few seconds (a named pipe being waited on).
func runWithin(t *testing.T, c *cli, args ...string) (string, int) {
	t.Helper()
	type res struct {
		errs string
		code int
	}
	done := make(chan res, 1)
	go func() { _, errs, code := c.run(args...); done <- res{errs, code} }()
	select {
	case r := <-done:
		return r.errs, r.code
	case <-time.After(5 * time.Second):
		t.Fatalf("kaohe %s is waiting on a named pipe", strings.Join(args, " "))
	}
	return "", 0
}

// pack writes an owner-only file and refuses a symbolic link, a named pipe
// or an existing file as its target, leaving what the link points to alone.
func TestPackTargets(t *testing.T) {
	c, _ := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	dir := t.TempDir()
	out := filepath.Join(dir, "usb.db")
	c.ok("pack", out)
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("packed file mode %v, want 0600 (%v)", st.Mode().Perm(), err)
	}
	victim := filepath.Join(dir, "victim.txt")
	link := filepath.Join(dir, "link.db")
	os.Symlink(victim, link)
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{link: "symbolic link", fifo: "not a regular file", out: "already exists"} {
		errs, code := runWithin(t, c, "pack", target)
		if code != 1 || !strings.Contains(errs, target) || !strings.Contains(errs, want) {
			t.Errorf("pack %s: exit %d: %s (want %q)", target, code, errs, want)
		}
	}
	if _, err := os.Lstat(victim); err == nil {
		t.Error("pack wrote through the symbolic link")
	}
}

// A named pipe given as a merge source, a merge target or the database is
// refused at once, not waited on.
func TestNamedPipesRefused(t *testing.T) {
	c, db := seeded(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src.db")
	c.ok("pack", src)
	for _, args := range [][]string{
		{"merge", "--into", db, fifo},
		{"merge", "--into", fifo, src},
		{"list", "--db", fifo},
		{"set", "--db", fifo, "吉首市/2021", "1.2.a", "3"},
	} {
		errs, code := runWithin(t, c, args...)
		if code != 1 || !strings.Contains(errs, fifo) || !strings.Contains(errs, "not a regular file") {
			t.Errorf("kaohe %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
	}
}
