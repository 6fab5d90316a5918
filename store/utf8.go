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
func changeTextError(c Change) error {
	for _, t := range []struct {
		format, s string
	}{
		{"%s: the subject is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", c.Subject},
		{"%s: the note is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", c.Note},
		{"%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", value(c.Value)},
	} {
		if at := invalidUTF8In(t.s); at >= 0 {
			return invalid(t.format, c.Subject, at)
		}
	}
	return nil
}

// value is a change's value text, "" for a retraction.
func value(v *string) string {
	if v == nil {
		return ""
	}
	return *v
}

// changeTextProblemEnglish is the English of a change's UTF-8 problem, for
// the reasons merge and verify give per revision.
func changeTextProblemEnglish(c Change) string {
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
	if why := changeTextProblemEnglish(Change{Subject: r.Subject, Value: r.Value, Note: r.Note}); why != "" {
		return why
	}
	for _, t := range []struct{ what, s string }{{"inspector's name", r.Inspector}, {"device ID", r.Device}, {"clock", r.HLC}, {"ID", r.ID}} {
		if at := invalidUTF8In(t.s); at >= 0 {
			return fmt.Sprintf("its %s is not valid UTF-8 text (an invalid byte at byte %d)", t.what, at)
		}
	}
	return ""
}
