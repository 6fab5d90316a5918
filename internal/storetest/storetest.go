// Package storetest is what the tests of store, cmd/kaohe, report, tui and
// the rubric packages share: a TestMain that puts every t.TempDir on a fast
// file system and starts the test binary again as a child process, the
// command that starts such a child, named pipes and CPU time. It imports
// nothing of kaohe, so store's own in-package tests can use it.
package storetest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Children maps an environment variable to the child process it starts:
// when the test binary runs with that variable set (see Child), Main runs
// the child with the variable's value instead of the tests, and exits with
// the code it returns.
type Children map[string]func(value string) int

// Main is a test package's TestMain. In a child (one of children's
// variables is set) it runs that child. Otherwise it runs the tests with
// the temp folder (TMPDIR, so t.TempDir and os.MkdirTemp) on a fast file
// system where there is one (tmpfs at /dev/shm): SQLite's fsyncs there
// cost nothing, which makes the store's tests several times faster, and
// what the tests check does not depend on the disk. Benchmarks (-bench)
// and KAOHE_TEST_DISK_TMP=1 keep the ordinary temp folder: they measure
// the disk an inspector's laptop has.
func Main(m *testing.M, children Children) {
	runChild(children)
	os.Exit(runFast(m))
}

// MainOnDisk is Main with the ordinary temp folder, for tests whose
// screens show temp paths and are laid out for its short ones (the TUI's:
// a path under /dev/shm wraps where one under /tmp does not).
func MainOnDisk(m *testing.M, children Children) {
	runChild(children)
	os.Exit(m.Run())
}

// runChild runs the child whose variable is set, if any, and exits with
// its code.
func runChild(children Children) {
	for name, child := range children {
		if value := os.Getenv(name); value != "" {
			os.Exit(child(value))
		}
	}
}

// runFast runs the tests with TMPDIR in a folder of its own on the fast
// file system, and removes that folder afterwards.
func runFast(m *testing.M) int {
	if os.Getenv("KAOHE_TEST_DISK_TMP") == "1" || benchmarking() {
		return m.Run()
	}
	dir := fastFolder()
	if dir == "" {
		return m.Run()
	}
	tmp, err := os.MkdirTemp(dir, "kaohe-test-")
	if err != nil {
		return m.Run()
	}
	defer os.RemoveAll(tmp)
	if err := os.Setenv("TMPDIR", tmp); err != nil {
		return m.Run()
	}
	return m.Run()
}

// fastFolder is a writable folder on a memory file system, or "" if there
// is none.
func fastFolder() string {
	const shm = "/dev/shm"
	st, err := os.Stat(shm)
	if err != nil || !st.IsDir() {
		return ""
	}
	probe, err := os.MkdirTemp(shm, "kaohe-probe-")
	if err != nil {
		return ""
	}
	os.Remove(probe)
	return shm
}

// Child is this test binary started again as the child that Main runs for
// name=value, with args as its command line (none: it runs no tests
// either way). Add further environment to its Env.
func Child(name, value string, args ...string) *exec.Cmd {
	if len(args) == 0 {
		args = []string{"-test.run=^$"}
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), name+"="+value)
	return cmd
}

// benchmarking reports whether this run was asked for benchmarks.
func benchmarking() bool {
	for _, arg := range os.Args[1:] {
		if v, ok := strings.CutPrefix(arg, "-test.bench="); ok && v != "" {
			return true
		}
	}
	return false
}
