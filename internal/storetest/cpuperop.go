package storetest

import "testing"

// CPUPerOp reports the process's CPU time per operation (CPUTime) as
// "cpu-ns/op" beside the benchmark's wall time: call it just before the
// loop and defer what it returns. Nothing is reported where CPU time is
// not measured.
func CPUPerOp(b *testing.B) func() {
	start := CPUTime()
	return func() {
		if used := CPUTime() - start; used > 0 && b.N > 0 {
			b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}
