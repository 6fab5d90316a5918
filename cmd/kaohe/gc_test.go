package main

import (
	"runtime/debug"
	"testing"
)

// kaohe collects garbage less often than Go's default, unless the user
// chose GOGC, whose choice stands.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tuneGC(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("with GOGC unset the target is %d, want %d", got, gcPercent)
	}
	tuneGC(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the target was changed to %d", got)
	}
}
