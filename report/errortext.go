package report

import (
	"errors"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// ErrorText is err's message in l's language, for the command line and
// the workbench alike: the first error along its chain that kaohe worded
// in English and l words otherwise (an i18n.Errorf message, a store
// refusal by its code, format and arguments, a sentinel by its message) is
// replaced, in place, by l's wording; the rest (file names, prefixes)
// stays as it is. A value or finding scoring refused is worded as
// FindingProblem words it, a sign-off refused as incomplete as NotReady
// does.
func ErrorText(l *i18n.Labels, err error) string {
	msg := err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if w := refusal(l, e); w != "" {
			return strings.Replace(msg, e.Error(), w, 1)
		}
	}
	return msg
}

// refusal is one error's wording in l's language, or "" when l has none.
func refusal(l *i18n.Labels, e error) string {
	switch e := e.(type) {
	case *scoring.ValueError:
		return ValueProblem(l, e)
	case *scoring.FindingError:
		return FindingProblem(l, e)
	case scoring.Errors:
		return FindingProblems(l, e)
	case *store.IncompleteError:
		return NotReady(l, e)
	}
	if m, ok := e.(interface{ In(*i18n.Labels) string }); ok {
		return m.In(l) // i18n.Message, store.Refusal, rubric.PeriodError
	}
	return l.Report.Refusals[e.Error()]
}
