//go:build unix

package tui

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process and its finished children (the
// sqlite3 shell) have used, user + system, every thread: on a machine
// shared with other work, a benchmark's CPU per operation moves far less
// than its wall time.
func processCPU() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if syscall.Getrusage(who, &ru) == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}
