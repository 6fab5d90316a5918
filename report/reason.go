package report

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Reason is a reason of kaohe verify (or where it found it) in l's
// language: its wording by message, or by the English format it was made
// from, whose arguments are read back from the text. A reason l has no
// wording for stays as it is.
func Reason(l *i18n.Labels, why string) string {
	if w := l.Report.Refusals[why]; w != "" {
		return w
	}
	formats := make([]string, 0, len(l.Report.Reasons))
	for f := range l.Report.Reasons {
		formats = append(formats, f)
	}
	// The longest first: the most specific format wins.
	sort.Slice(formats, func(i, j int) bool {
		if len(formats[i]) != len(formats[j]) {
			return len(formats[i]) > len(formats[j])
		}
		return formats[i] < formats[j]
	})
	for _, f := range formats {
		if args, ok := readBack(f, why); ok {
			return fmt.Sprintf(l.Report.Reasons[f], args...)
		}
	}
	return why
}

// fmtVerb is one verb of a fmt format (%s, %q, %d, %.12s …).
var fmtVerb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z]`)

// readBack reads the arguments of format back from text made with it,
// each as the text it printed; ok is false when text was not.
func readBack(format, text string) (args []any, ok bool) {
	var pattern strings.Builder
	pattern.WriteString("^")
	last := 0
	for _, loc := range fmtVerb.FindAllStringIndex(format, -1) {
		pattern.WriteString(regexp.QuoteMeta(format[last:loc[0]]) + "(.+?)")
		last = loc[1]
	}
	pattern.WriteString(regexp.QuoteMeta(format[last:]) + "$")
	m := regexp.MustCompile(pattern.String()).FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	for _, a := range m[1:] {
		args = append(args, a)
	}
	return args, true
}

// ProblemText is one of verify's findings in l's language: where (the
// record, or the assessment, subject and revision), then why.
func ProblemText(l *i18n.Labels, p store.Problem) string {
	if l.Lang != "zh" {
		return p.String()
	}
	where := Reason(l, p.Record)
	if p.Revision != "" {
		where = strings.TrimSpace(p.Assessment+" "+p.Subject) + " " + fmt.Sprintf(l.Report.Revision, p.Revision)
	} else if where == "" {
		where = p.Assessment
	}
	return where + l.Values.Colon + Reason(l, p.Why)
}
