//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// rubric draft given a named pipe as its table says so at once rather than
// waiting on the pipe.
func TestRubricDraftRefusesAPipe(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	p := storetest.FIFO(t, dir, "细则.txt")
	var errs string
	var code int
	storetest.Within(t, 10*time.Second, "rubric draft on a named pipe", func() {
		_, errs, code = c.run("rubric", "draft", p, "-o", filepath.Join(dir, "d.yaml"))
	})
	if code != 1 || !strings.Contains(errs, p+": not a regular file; a rubric table is a text file") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
