//go:build unix

package report

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system), which a
// benchmark reports beside wall time: on a machine shared with other work
// the wall time says more about the neighbours than about the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
