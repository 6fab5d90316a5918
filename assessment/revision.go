package assessment

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"time"
	"unicode/utf8"
)

// Revision is one recorded value, immutable once written.
type Revision struct {
	ID         string    `json:"id"`
	Assessment string    `json:"assessment"`
	Subject    string    `json:"subject"`
	Value      *string   `json:"value"` // stored JSON text; nil retracts (a tombstone)
	Note       string    `json:"note"`
	Inspector  string    `json:"inspector"`
	Device     string    `json:"device"`
	HLC        string    `json:"hlc"`
	Wall       time.Time `json:"wall"`
	Parents    []string  `json:"parents"`
	Hash       string    `json:"hash"`

	// decoded is Value read once, by Build, for the heads of a state.
	decoded *Value
}

// Decoded is the revision's value, typed: read once for a state's heads
// (Build), read from the stored text for any other revision.
func (r *Revision) Decoded() Value {
	if r.decoded != nil {
		return *r.decoded
	}
	return decodeOrInvalid(r.Subject, r.Value)
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
// they are (see AppendJSONString).
func (r *Revision) ContentHash() string {
	sum := r.contentSum()
	return hex.EncodeToString(sum[:])
}

// HoldsContentHash reports whether r.Hash is r's ContentHash, without
// making the hash's text: a merge checks every revision it reads.
func (r *Revision) HoldsContentHash() bool {
	sum := r.contentSum()
	var text [2 * sha256.Size]byte
	hex.Encode(text[:], sum[:])
	return string(text[:]) == r.Hash
}

// contentSum is the SHA-256 behind ContentHash. The document is written
// into a buffer on the stack when it fits (nearly every revision does).
func (r *Revision) contentSum() [sha256.Size]byte {
	parents := r.Parents
	if !sort.StringsAreSorted(parents) {
		parents = append([]string(nil), parents...)
		sort.Strings(parents)
	}
	n := 160 + len(r.ID) + len(r.Assessment) + len(r.Subject) + len(r.Note) + len(r.Inspector) + len(r.Device) + len(r.HLC) + 40*len(parents)
	if r.Value != nil {
		n += len(*r.Value)
	}
	var stack [768]byte
	b := stack[:0]
	if n > len(stack) {
		b = make([]byte, 0, n)
	}
	field := func(name, v string) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = AppendJSONString(b, v)
	}
	b = append(b, `{"ID":`...)
	b = AppendJSONString(b, r.ID)
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
			b = AppendJSONString(b, p)
		}
		b = append(b, ']', '}')
	}
	return sha256.Sum256(b)
}

// AppendJSONString appends s as a JSON string the way encoding/json writes
// one: HTML-safe (<, > and & escaped), U+2028 and U+2029 escaped. A byte
// that is not valid UTF-8 is appended as it is, where encoding/json writes
// U+FFFD: the hash is of the bytes as stored.
func AppendJSONString(b []byte, s string) []byte {
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
