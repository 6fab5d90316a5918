//go:build unix

package storetest

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time this process and its finished children (a
// sqlite3 shell, a child process) have used, user + system, every thread,
// which a benchmark reports beside wall time: on a machine shared with
// other work the wall time says more about the neighbours than the code.
func CPUTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if syscall.Getrusage(who, &ru) == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}
