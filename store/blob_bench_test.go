package store

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

const benchAttachSize = 100 << 20

// BenchmarkAttach stores a 100 MB file in a fresh database (synchronous=FULL,
// one transaction) per iteration. Compare with BenchmarkAttachCopyBaseline.
func BenchmarkAttach(b *testing.B) {
	src, _ := writeRandomFile(b, b.TempDir(), "scan.bin", benchAttachSize)
	dir := b.TempDir()
	b.SetBytes(benchAttachSize)
	i := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, strconv.Itoa(i)+".db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
		if _, _, err := s.PutBlobFile(src, 0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkAttachCopyBaseline is what copying the same file costs: io.Copy
// to a new file in the same folder, then fsync.
func BenchmarkAttachCopyBaseline(b *testing.B) {
	src, _ := writeRandomFile(b, b.TempDir(), "scan.bin", benchAttachSize)
	dir := b.TempDir()
	b.SetBytes(benchAttachSize)
	i := 0
	for b.Loop() {
		in, err := os.Open(src)
		if err != nil {
			b.Fatal(err)
		}
		out, err := os.Create(filepath.Join(dir, strconv.Itoa(i)+".bin"))
		if err != nil {
			b.Fatal(err)
		}
		i++
		if _, err := io.Copy(out, in); err != nil {
			b.Fatal(err)
		}
		if err := out.Sync(); err != nil {
			b.Fatal(err)
		}
		out.Close()
		in.Close()
	}
}
