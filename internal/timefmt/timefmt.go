// Package timefmt is the one way kaohe writes a time: in the computer's
// own zone, for people as 2006-01-02 15:04 and for machines as RFC 3339
// with the zone's offset (2026-12-01T21:05:00+08:00). Stored times are UTC;
// every command, screen and report shows them through here, so one output
// never mixes zones.
package timefmt

import "time"

// HumanLayout is how a time reads to a person.
const HumanLayout = "2006-01-02 15:04"

// Human is t in local time as a person reads it: 2026-12-01 21:05.
func Human(t time.Time) string { return t.In(time.Local).Format(HumanLayout) }

// Machine is t in local time as RFC 3339 with the offset, for JSON and
// CSV: 2026-12-01T21:05:00+08:00 (never a bare Z, even where the offset is
// zero the form is +00:00, so a reader can tell local from UTC-by-habit).
func Machine(t time.Time) string {
	s := t.In(time.Local).Format(time.RFC3339)
	if len(s) > 0 && s[len(s)-1] == 'Z' {
		s = s[:len(s)-1] + "+00:00"
	}
	return s
}

// Local is t moved to local time, for values that encoding/json writes
// (it writes a time in the zone the value carries).
func Local(t time.Time) time.Time { return t.In(time.Local) }
