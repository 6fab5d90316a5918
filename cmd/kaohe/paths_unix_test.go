//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/store"
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
	fifo := storetest.FIFO(t, dir, "fifo.db")
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
	fifo := storetest.FIFO(t, dir, "fifo.db")
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

// A named pipe in the device key's place is refused at once by every
// command that writes, naming it, not waited on.
func TestFIFODeviceKeyRefused(t *testing.T) {
	c, _ := seeded(t)
	if err := os.Remove(filepath.Join(c.env["KAOHE_CONFIG"], store.DeviceKeyFile)); err != nil {
		t.Fatal(err)
	}
	key := storetest.FIFO(t, c.env["KAOHE_CONFIG"], store.DeviceKeyFile)
	for _, args := range [][]string{
		{"set", "吉首市/2021", "1.2.a", "3"},
		{"new", "泸溪县", "2021"},
		{"note", "吉首市/2021", "1.2", "台账"},
	} {
		errs, code := runWithin(t, c, args...)
		if code != 1 || !strings.Contains(errs, key) || !strings.Contains(errs, "not a regular file") {
			t.Errorf("kaohe %s with a FIFO key: exit %d: %s", strings.Join(args, " "), code, errs)
		}
	}
}

// A report is written only to a regular file: --force onto a device, a
// named pipe or a folder is refused with a message, the target is left as
// it was, and 已写入 is never printed.
func TestReportRefusesTargetsThatAreNotFiles(t *testing.T) {
	c, _ := seeded(t)
	dir := t.TempDir()
	fifo := storetest.FIFO(t, dir, "r.xlsx")
	targets := []string{fifo, dir}
	// A device node of the test's own, never the system's: /dev/full's
	// numbers (1, 7) in a private folder, where root may make one.
	full := filepath.Join(dir, "full")
	if err := syscall.Mknod(full, syscall.S_IFCHR|0o600, 1<<8|7); err == nil {
		targets = append(targets, full)
	} else {
		t.Logf("no device node (%v): only the pipe and the folder are tried", err)
	}
	for _, target := range targets {
		for _, lang := range []string{"en", "zh"} {
			c.lang = lang
			out, errs, code := c.run("report", "--force", "--format", "xlsx", "-o", target)
			want := map[string]string{"en": "not a regular file", "zh": "不是普通文件"}[lang]
			if code != 1 || out != "" || !strings.Contains(errs, target) || !strings.Contains(errs, want) {
				t.Errorf("report --force -o %s (%s): exit %d\nstdout: %s\nstderr: %s", target, lang, code, out, errs)
			}
		}
		st, err := os.Lstat(target)
		if err != nil || st.Mode().IsRegular() {
			t.Errorf("%s was replaced by a regular file (%v)", target, err)
		}
	}
	c.lang = "en"
}
