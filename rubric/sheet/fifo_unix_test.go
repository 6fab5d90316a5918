//go:build unix

package sheet

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe given as a rubric workbook is refused, not waited on.
func TestWorkbookFromFIFORefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.xlsx")
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
}
