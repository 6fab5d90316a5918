//go:build !unix

package storetest

import "testing"

// FIFO skips the test: there are no named pipes here.
func FIFO(t testing.TB, dir, name string) string {
	t.Helper()
	t.Skip("no named pipes here")
	return ""
}
