//go:build unix

package rubric

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe given as a rubric file is refused, not waited on.
func TestRubricFromFIFORefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rubric.yaml")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadFile(p); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadFile waited on a named pipe")
	}
	_ = os.Remove(p)
}
