package storetest

import (
	"testing"
	"time"
)

// Within runs f and fails the test if it has not returned within d, for
// code that must refuse promptly (a named pipe, a huge file) rather than
// hang: what names the work in the failure.
func Within(t testing.TB, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not finish within %s", what, d)
	}
}
