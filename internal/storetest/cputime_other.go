//go:build !unix

package storetest

import "time"

// CPUTime is not measured here (0): benchmarks then report wall time only.
func CPUTime() time.Duration { return 0 }
