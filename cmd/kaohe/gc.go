package main

import "runtime/debug"

// gcPercent is the garbage collector's target kaohe runs with unless the
// user set GOGC: 200, the heap growing to three times what is live before a
// collection instead of twice. Most commands are short processes that read
// a file and print (list reads every head of a decade's file: 64 MB
// allocated, most of it live until the end), where Go's default collects
// several times for nothing: with 200, `kaohe list` on the 1,000-assessment
// file spends about a tenth less CPU at the same peak memory (measured
// as whole processes, see docs/development.md).
const gcPercent = 200

// tuneGC sets gcPercent as the collector's target, unless getenv says the
// user chose one (GOGC), which stands.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
}
