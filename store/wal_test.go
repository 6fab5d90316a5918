package store

import (
	"os"
	"path/filepath"
	"testing"

	"pgregory.net/rapid"
)

// Properties of the -wal check on a real -wal: cut anywhere after its
// header (what a crash at any moment leaves) it is accepted and never holds
// more commits than the whole; any change to a byte of its header is
// refused.
func TestWALCheckProperties(t *testing.T) {
	cp, _ := crashCopy(t, t.TempDir())
	wal, err := os.ReadFile(cp + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	whole, err := checkWAL(cp+"-wal", 0)
	if err != nil || whole.Commits == 0 {
		t.Fatalf("the intact -wal: %+v %v", whole, err)
	}
	dir := t.TempDir()
	rapid.Check(t, func(t *rapid.T) {
		p := filepath.Join(dir, "x.db-wal")
		if rapid.Bool().Draw(t, "cut") {
			n := rapid.IntRange(walHeaderSize, len(wal)).Draw(t, "length")
			os.WriteFile(p, wal[:n], 0o600)
			info, err := checkWAL(p, 0)
			if err != nil {
				t.Fatalf("a -wal cut at %d bytes was refused: %v", n, err)
			}
			if info.Commits > whole.Commits {
				t.Fatalf("a cut -wal holds %d commits, the whole %d", info.Commits, whole.Commits)
			}
			return
		}
		bad := append([]byte(nil), wal...)
		i := rapid.IntRange(0, walHeaderSize-1).Draw(t, "byte")
		bad[i] ^= byte(rapid.IntRange(1, 255).Draw(t, "flip"))
		os.WriteFile(p, bad, 0o600)
		if _, err := checkWAL(p, 0); err == nil {
			t.Fatalf("a -wal with header byte %d changed was accepted", i)
		}
	})
}
