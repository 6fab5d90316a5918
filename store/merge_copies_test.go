package store

import (
	"os"
	"testing"
	"time"
)

// A merge of many files keeps only a couple of private copies in the
// temporary folder at a time, and none once it is over.
func TestMergeKeepsFewCopiesAtOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	paths := buildSources(t, dir, 1, 1, 1, 1, 1, 1, 1)
	tmp := t.TempDir()
	copies := func() int {
		entries, err := os.ReadDir(tmp)
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	ahead, stop := prepareSources(paths, tmp, time.Now())
	for i := range paths {
		p := <-ahead
		if p.err != nil {
			t.Fatal(p.err)
		}
		// Give the preparer time to run as far ahead as it can.
		time.Sleep(100 * time.Millisecond)
		if n := copies(); n > 2 {
			t.Fatalf("while merging source %d of %d: %d private copies in the temporary folder, want at most 2", i+1, len(paths), n)
		}
		p.d.close()
	}
	stop()
	if n := copies(); n != 0 {
		t.Errorf("%d private copies left after the merge", n)
	}

	// Stopped early (a refusal, Ctrl-C), it removes what it prepared.
	ahead, stop = prepareSources(paths, tmp, time.Now())
	p := <-ahead
	p.d.close()
	time.Sleep(100 * time.Millisecond)
	stop()
	if n := copies(); n != 0 {
		t.Errorf("%d private copies left after stopping early", n)
	}
}
