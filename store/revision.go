package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Subjects other than rule IDs.
const (
	// SubjectStatus holds the assessment's status: "draft" or "signed".
	SubjectStatus = "status"
	// NotePrefix starts the subject of an indicator's free note: "note:1.2".
	NotePrefix = "note:"
)

// Status values.
const (
	StatusDraft  = "draft"
	StatusSigned = "signed"
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

// Revision is one recorded value, immutable once written.
type Revision struct {
	ID         string    `json:"id"`
	Assessment string    `json:"assessment"`
	Subject    string    `json:"subject"`
	Value      *string   `json:"value"` // JSON text; nil retracts (a tombstone)
	Note       string    `json:"note"`
	Inspector  string    `json:"inspector"`
	Device     string    `json:"device"`
	HLC        string    `json:"hlc"`
	Wall       time.Time `json:"wall"`
	Parents    []string  `json:"parents"`
	Hash       string    `json:"hash"`
}

// Tombstone reports whether the revision retracts the subject's value.
func (r *Revision) Tombstone() bool { return r.Value == nil }

// ValueText returns the JSON value, or "" for a tombstone.
func (r *Revision) ValueText() string {
	if r.Value == nil {
		return ""
	}
	return *r.Value
}

// ContentHash is the SHA-256 of everything a revision says, parents sorted:
// two revisions with one ID must have one hash, or a file was tampered with
// or damaged.
//
// What is hashed is the JSON document encoding/json makes of
// {ID, Assessment, Subject, Value, Note, Inspector, Device, HLC, Wall (RFC
// 3339, nanoseconds, UTC), Parents (sorted; null when none)}, written here
// directly: a merge hashes every revision it reads, and reflection was most
// of that cost. TestContentHashIsTheJSONDocument holds the two to the byte
// for valid UTF-8, the only text kaohe stores; invalid bytes are hashed as
// they are (see appendJSONString).
func (r *Revision) ContentHash() string {
	parents := r.Parents
	if !sort.StringsAreSorted(parents) {
		parents = append([]string(nil), parents...)
		sort.Strings(parents)
	}
	n := 160 + len(r.ID) + len(r.Assessment) + len(r.Subject) + len(r.Note) + len(r.Inspector) + len(r.Device) + len(r.HLC) + 40*len(parents)
	if r.Value != nil {
		n += len(*r.Value)
	}
	b := make([]byte, 0, n)
	field := func(name, v string) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = appendJSONString(b, v)
	}
	b = append(b, `{"ID":`...)
	b = appendJSONString(b, r.ID)
	field("Assessment", r.Assessment)
	field("Subject", r.Subject)
	if r.Value == nil {
		b = append(b, `,"Value":null`...)
	} else {
		field("Value", *r.Value)
	}
	field("Note", r.Note)
	field("Inspector", r.Inspector)
	field("Device", r.Device)
	field("HLC", r.HLC)
	field("Wall", r.Wall.UTC().Format(time.RFC3339Nano))
	if len(parents) == 0 {
		b = append(b, `,"Parents":null}`...)
	} else {
		b = append(b, `,"Parents":[`...)
		for i, p := range parents {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, p)
		}
		b = append(b, ']', '}')
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// appendJSONString appends s as a JSON string the way encoding/json writes
// one: HTML-safe (<, > and & escaped), U+2028 and U+2029 escaped. A byte
// that is not valid UTF-8 is appended as it is, where encoding/json writes
// U+FFFD: the hash is of the bytes as stored.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// Not valid UTF-8 (which no door lets in): the byte as
			// stored, so that different bytes hash differently
			// (encoding/json would write U+FFFD for every one).
			i++
			continue
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Less orders revisions by clock, then device, then ID: the order history is
// shown in and the "latest" of several heads.
func (r *Revision) Less(o *Revision) bool {
	if r.HLC != o.HLC {
		return r.HLC < o.HLC
	}
	if r.Device != o.Device {
		return r.Device < o.Device
	}
	return r.ID < o.ID
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
