//go:build linux || darwin || freebsd || netbsd || openbsd

package store

import (
	"os"
	"syscall"
)

// statIdentity returns a file's status-change time (set by every write,
// and by anything that sets its times) and its device and inode.
func statIdentity(info os.FileInfo) (ctimeNano int64, dev, ino uint64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0
	}
	return statCtime(st), uint64(st.Dev), uint64(st.Ino)
}
