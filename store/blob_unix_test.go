//go:build unix

package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/kaohe/kaohe/internal/storetest"
)

// unixChildren are the children only Unix runs: the large-file child
// measures its memory with getrusage.
func unixChildren() storetest.Children {
	return storetest.Children{"KAOHE_BLOB_CHILD": func(dir string) int { blobChild(dir); return 0 }}
}

// blobChild writes a pseudo-random file of KAOHE_BLOB_SIZE bytes, attaches
// it to the database at path, extracts it again, and prints the file's
// hash, the extracted copy's hash and its peak resident memory in KiB.
func blobChild(dir string) {
	fail := func(err error) { fmt.Println("error", err); os.Exit(3) }
	size, _ := strconv.ParseInt(os.Getenv("KAOHE_BLOB_SIZE"), 10, 64)
	src := filepath.Join(dir, "scan.tif")
	f, err := os.Create(src)
	if err != nil {
		fail(err)
	}
	h := sha256.New()
	rng := rand.NewChaCha8([32]byte{1})
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	if _, err := io.CopyN(w, rng, size); err != nil {
		fail(err)
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	f.Close()
	s, err := Open(filepath.Join(dir, "k.db"), Options{})
	if err != nil {
		fail(err)
	}
	info, _, err := s.PutBlobFile(src, size)
	if err != nil {
		fail(err)
	}
	os.Remove(src)
	out, err := os.Create(filepath.Join(dir, "out.tif"))
	if err != nil {
		fail(err)
	}
	h2 := sha256.New()
	if _, err := s.WriteBlob(info.SHA256, io.MultiWriter(out, h2)); err != nil {
		fail(err)
	}
	out.Close()
	s.Close()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Println("ok", hex.EncodeToString(h.Sum(nil)), hex.EncodeToString(h2.Sum(nil)), ru.Maxrss)
}

// Attaching and extracting a 300 MB file keeps the process under 100 MB of
// memory: bytes stream through in chunks. Measured in a real child
// process (its peak RSS), byte for byte by hash.
func TestBlobLargeFileFlatMemory(t *testing.T) {
	t.Parallel()
	size := int64(300 << 20)
	if testing.Short() {
		size = 40 << 20
	}
	dir := t.TempDir()
	cmd := storetest.Child("KAOHE_BLOB_CHILD", dir)
	cmd.Env = append(cmd.Env, "KAOHE_BLOB_SIZE="+strconv.FormatInt(size, 10))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	f := strings.Fields(string(out))
	if len(f) != 4 || f[0] != "ok" {
		t.Fatalf("child said %q", out)
	}
	if f[1] != f[2] {
		t.Fatalf("extracted bytes differ: %s vs %s", f[1], f[2])
	}
	rssKiB, _ := strconv.ParseInt(f[3], 10, 64)
	t.Logf("%d MB attached and extracted with a peak RSS of %d MB", size>>20, rssKiB>>10)
	if rssKiB > 100<<10 {
		t.Fatalf("peak RSS %d MB, want under 100 MB", rssKiB>>10)
	}
}
