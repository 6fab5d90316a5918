//go:build unix

package sheet

import (
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// A named pipe given as a rubric workbook is refused, not waited on.
func TestWorkbookFromFIFORefused(t *testing.T) {
	p := storetest.FIFO(t, t.TempDir(), "x.xlsx")
	var err error
	storetest.Within(t, 5*time.Second, "LoadFile on a named pipe", func() { _, err = LoadFile(p) })
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("got %v", err)
	}
}
