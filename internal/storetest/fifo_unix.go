//go:build unix

package storetest

import (
	"path/filepath"
	"syscall"
	"testing"
)

// FIFO makes a named pipe called name in dir and returns its path: a file
// that blocks whoever opens it for reading, which kaohe must refuse rather
// than wait on. The test is skipped where named pipes cannot be made.
func FIFO(t testing.TB, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	return p
}
