package store

import (
	"fmt"
	"unicode/utf8"
)

// InvalidUTF8 returns the byte offset of the first byte of b that is not
// part of valid UTF-8, or -1 when b is all valid UTF-8.
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// invalidUTF8In is InvalidUTF8 of a string.
func invalidUTF8In(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	return InvalidUTF8([]byte(s))
}

// changeTextError is the refusal of a change whose subject, note or value
// is not valid UTF-8, naming where. kaohe stores text as UTF-8 only: every
// way in (set, import, merge) refuses anything else, because a JSON reader
// turns each invalid byte into U+FFFD, so two different byte strings would
// read (and, before, hash) the same.
func changeTextError(subject, note string, value *string) error {
	for _, t := range []struct {
		format, s string
	}{
		{"%s: the subject is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", subject},
		{"%s: the note is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", note},
		{"%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", valueText(value)},
	} {
		if at := invalidUTF8In(t.s); at >= 0 {
			return invalid(t.format, subject, at)
		}
	}
	return nil
}

// valueText is a stored value's text, "" for a retraction.
func valueText(v *string) string {
	if v == nil {
		return ""
	}
	return *v
}

// revisionTextProblem is the English of a revision's UTF-8 problem, for
// the reasons merge and verify give per revision.
func revisionTextProblem(r *Revision) string {
	texts := []struct{ what, s string }{{"subject", r.Subject}, {"note", r.Note}}
	if r.Value != nil {
		texts = append(texts, struct{ what, s string }{"value", *r.Value})
	}
	for _, t := range texts {
		if at := invalidUTF8In(t.s); at >= 0 {
			return fmt.Sprintf("the %s is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", t.what, at)
		}
	}
	for _, t := range []struct{ what, s string }{{"inspector's name", r.Inspector}, {"device ID", r.Device}, {"clock", r.HLC}, {"ID", r.ID}} {
		if at := invalidUTF8In(t.s); at >= 0 {
			return fmt.Sprintf("its %s is not valid UTF-8 text (an invalid byte at byte %d)", t.what, at)
		}
	}
	return ""
}
