package store

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

const benchAttachSize = 100 << 20

// BenchmarkAttach stores a 100 MB file in a fresh database (synchronous=FULL,
// one transaction) per iteration. Compare with BenchmarkAttachCopyBaseline.
func BenchmarkAttach(b *testing.B) {
	src, _ := writeRandomFile(b, b.TempDir(), "scan.bin", benchAttachSize)
	dir := b.TempDir()
	b.SetBytes(benchAttachSize)
	// CPU is counted over the timed part only, as the wall time is: the
	// close's checkpoint is not part of the attach.
	var cpu time.Duration
	defer func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}()
	i := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, strconv.Itoa(i)+".db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		i++
		start := storetest.CPUTime()
		b.StartTimer()
		if _, _, err := s.PutBlobFile(src, 0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += storetest.CPUTime() - start
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
	defer storetest.CPUPerOp(b)()
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
