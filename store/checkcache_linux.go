package store

import "syscall"

// statCtime is the status-change time of a stat result, in nanoseconds.
func statCtime(st *syscall.Stat_t) int64 { return st.Ctim.Nano() }
