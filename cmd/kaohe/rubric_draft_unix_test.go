//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// rubric draft given a named pipe as its table says so at once rather than
// waiting on the pipe.
func TestRubricDraftRefusesAPipe(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "细则.txt")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	type res struct {
		errs string
		code int
	}
	done := make(chan res, 1)
	go func() {
		_, errs, code := c.run("rubric", "draft", p, "-o", filepath.Join(dir, "d.yaml"))
		done <- res{errs, code}
	}()
	select {
	case r := <-done:
		if r.code != 1 || !strings.Contains(r.errs, p+": not a regular file; a rubric table is a text file") {
			t.Errorf("exit %d, stderr %q", r.code, r.errs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("rubric draft waited on a named pipe")
	}
}
