//go:build unix

package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// A named pipe given as a table is refused, not waited on, and a file over
// MaxTableBytes is refused without being read.
func TestReadTableRefusesPipesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	p := storetest.FIFO(t, dir, "细则.txt")
	var err error
	storetest.Within(t, 5*time.Second, "reading a named pipe", func() { _, err = ReadTable(p) })
	if err == nil || !strings.Contains(err.Error(), p+": not a regular file") {
		t.Errorf("pipe: %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxTableBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadTable(big); err == nil || !strings.Contains(err.Error(), big+": too big for a rubric table") {
		t.Errorf("big: %v", err)
	}
}
