package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HLC is a hybrid logical clock reading: wall milliseconds and a counter. It
// orders revisions across devices for display and tie-breaking; conflict
// detection uses parent links, never the clock.
type HLC struct {
	Wall    int64 // Unix milliseconds
	Counter uint32
}

// String formats the clock so that string order is clock order.
func (h HLC) String() string { return fmt.Sprintf("%015d.%06d", h.Wall, h.Counter) }

// ParseHLC reads a clock written by String.
func ParseHLC(s string) (HLC, error) {
	w, c, ok := strings.Cut(s, ".")
	if !ok || len(w) != 15 || len(c) != 6 || !allDigits(w) || !allDigits(c) {
		return HLC{}, fmt.Errorf("bad clock %q", s)
	}
	wall, err := strconv.ParseInt(w, 10, 64)
	if err != nil {
		return HLC{}, fmt.Errorf("bad clock %q", s)
	}
	cnt, err := strconv.ParseUint(c, 10, 32)
	if err != nil {
		return HLC{}, fmt.Errorf("bad clock %q", s)
	}
	return HLC{wall, uint32(cnt)}, nil
}

// Clock bounds: String writes 15 wall digits and 6 counter digits, so that
// string order is clock order; a clock beyond them cannot be written.
const (
	MaxHLCWall    = 999_999_999_999_999
	MaxHLCCounter = 999_999
)

// Next returns the clock for a new event after last, at physical time now.
// A counter that would overflow its six digits carries into the wall
// (one millisecond later), so every clock still sorts after the last.
func (h HLC) Next(now time.Time) HLC {
	ms := now.UnixMilli()
	if ms > h.Wall {
		return HLC{Wall: ms}
	}
	if h.Counter >= MaxHLCCounter {
		return HLC{Wall: h.Wall + 1}
	}
	return HLC{Wall: h.Wall, Counter: h.Counter + 1}
}

// Valid reports whether the clock can be written by String and read back.
func (h HLC) Valid() bool {
	return h.Wall >= 0 && h.Wall <= MaxHLCWall && h.Counter <= MaxHLCCounter
}

// ShortID is the first n characters of an ID, for display.
func ShortID(id string, n int) string {
	if len(id) > n {
		return id[:n]
	}
	return id
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
