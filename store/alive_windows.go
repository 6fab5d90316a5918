//go:build windows

package store

import "os"

// processAlive reports whether a process with this ID exists: Windows
// opens a handle only to a process that does.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
