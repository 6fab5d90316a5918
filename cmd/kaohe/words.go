package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// wordedError is err's message in l's language: the first error along its
// chain that the store worded in English and l words otherwise (by its
// format and arguments, or by its message) is replaced, in place, by l's
// wording; the rest (file names, prefixes) stays as it is.
func wordedError(l *i18n.Labels, err error) string {
	msg := err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		inner := e.Error()
		if w := refusal(l, e); w != "" {
			return strings.Replace(msg, inner, w, 1)
		}
	}
	return msg
}

// refusal is one error's wording in l's language, or "" when l has none.
func refusal(l *i18n.Labels, e error) string {
	if m, ok := e.(*i18n.Message); ok {
		return m.In(l)
	}
	if format, args, ok := store.Wording(e); ok {
		if w := l.Report.Refusals[format]; w != "" {
			return fmt.Sprintf(w, args...)
		}
		return ""
	}
	return l.Report.Refusals[e.Error()]
}

// problemLine is one of verify's findings in l's language: where, then why.
func problemLine(l *i18n.Labels, p store.Problem) string {
	if l.Lang != "zh" {
		return p.String()
	}
	where := p.Record
	if p.Revision != "" {
		where = strings.TrimSpace(p.Assessment+" "+p.Subject) + " " + fmt.Sprintf(l.Report.Revision, p.Revision)
	} else if where == "" {
		where = p.Assessment
	}
	why := p.Why
	if w := l.Report.Refusals[why]; w != "" {
		why = w
	}
	return where + l.Values.Colon + why
}
