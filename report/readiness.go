package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Missing is one kind of what stands between an assessment and its
// sign-off, worded: its heading with how many, how the command line
// settles it ("" where the heading says it), and the rules or subjects.
type Missing struct {
	Heading, How string
	Subjects     []string
}

// ReadinessMissing words what rd found missing, kind by kind, conflicts
// first (they alone forbid signing); nothing when rd is complete. The
// command line's refusal (NotReady) and the workbench's checks dialog both
// list it, so the two say the same.
func ReadinessMissing(l *i18n.Labels, rd store.Readiness) []Missing {
	w := &l.Readiness
	var out []Missing
	add := func(heading, how string, subjects []string) {
		if len(subjects) > 0 {
			out = append(out, Missing{Heading: fmt.Sprintf(heading, len(subjects)), How: how, Subjects: subjects})
		}
	}
	add(w.Conflicts, w.ConflictsHow, rd.Conflicts)
	add(w.Unrecorded, "", rd.Unrecorded)
	add(w.MissingReasons, w.MissingReasonsHow, rd.MissingReasons)
	add(w.MissingEvidence, w.MissingEvidenceHow, rd.MissingEvidence)
	return out
}

// ReadinessSummary is what rd found missing as one line of headings:
// "未记录的规则 68 条、酌情扣分未填理由 1 项".
func ReadinessSummary(l *i18n.Labels, rd store.Readiness) string {
	var parts []string
	for _, m := range ReadinessMissing(l, rd) {
		parts = append(parts, m.Heading)
	}
	return strings.Join(parts, l.Readiness.Separator)
}

// NotReady is the refusal of a sign-off in l's language: the assessment,
// each kind of what is missing on its own line with how to settle it and
// its subjects, then what to do.
func NotReady(l *i18n.Labels, e *store.IncompleteError) string {
	w := &l.Readiness
	var b strings.Builder
	fmt.Fprintf(&b, w.NotReady, e.Assessment)
	for _, m := range ReadinessMissing(l, e.Readiness) {
		b.WriteString("\n  " + m.Heading + m.How + l.Values.Colon + strings.Join(m.Subjects, ", "))
	}
	b.WriteString("\n")
	if len(e.Readiness.Conflicts) > 0 {
		b.WriteString(w.SettleFirst)
	} else {
		b.WriteString(w.AllowIncomplete)
	}
	return b.String()
}
