package assessment

import (
	"encoding/json"

	"github.com/kaohe/kaohe/scoring"
)

// EncodeValue is the JSON text stored for a scoring value.
func EncodeValue(v scoring.Value) string {
	b, _ := v.MarshalJSON()
	return string(b)
}

// DecodeValue reads a stored value back.
func DecodeValue(text string) (scoring.Value, error) {
	var v scoring.Value
	err := v.UnmarshalJSON([]byte(text))
	return v, err
}

// StringValue encodes a text value (notes, status) as stored JSON.
func StringValue(s string) *string {
	b, _ := json.Marshal(s)
	t := string(b)
	return &t
}

// DecodeText reads a stored text value (a note, a status); "" for a
// tombstone or anything that is not text.
func DecodeText(text *string) string {
	if text == nil {
		return ""
	}
	var s string
	if json.Unmarshal([]byte(*text), &s) != nil {
		return ""
	}
	return s
}

// SameValue reports whether two stored values say the same (a tombstone
// equals only a tombstone; 3 and 3.0 are one value).
func SameValue(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if *a == *b {
		return true
	}
	va, ea := DecodeValue(*a)
	vb, eb := DecodeValue(*b)
	return ea == nil && eb == nil && va.Equal(vb)
}

// Agree reports whether all heads carry the same value (notes may differ).
func Agree(heads []*Revision) bool {
	for _, h := range heads[1:] {
		if !SameValue(h.Value, heads[0].Value) {
			return false
		}
	}
	return true
}

// Latest returns the head with the greatest clock.
func Latest(heads []*Revision) *Revision {
	var l *Revision
	for _, h := range heads {
		if l == nil || l.Less(h) {
			l = h
		}
	}
	return l
}
