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

// changeTextProblem says which text of a change is not valid UTF-8 and
// where, or returns "". kaohe stores text as UTF-8 only: every way in
// (set, import, merge) refuses anything else, because a JSON reader turns
// each invalid byte into U+FFFD, so two different byte strings would read
// (and, before, hash) the same.
func changeTextProblem(c Change) string {
	texts := []struct{ what, s string }{{"subject", c.Subject}, {"note", c.Note}}
	if c.Value != nil {
		texts = append(texts, struct{ what, s string }{"value", *c.Value})
	}
	for _, t := range texts {
		if at := invalidUTF8In(t.s); at >= 0 {
			return fmt.Sprintf("the %s is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", t.what, at)
		}
	}
	return ""
}

// revisionTextProblem is changeTextProblem for every text of a revision
// read from a file.
func revisionTextProblem(r *Revision) string {
	if why := changeTextProblem(Change{Subject: r.Subject, Value: r.Value, Note: r.Note}); why != "" {
		return why
	}
	for _, t := range []struct{ what, s string }{{"inspector's name", r.Inspector}, {"device ID", r.Device}, {"clock", r.HLC}, {"ID", r.ID}} {
		if at := invalidUTF8In(t.s); at >= 0 {
			return fmt.Sprintf("its %s is not valid UTF-8 text (an invalid byte at byte %d)", t.what, at)
		}
	}
	return ""
}
