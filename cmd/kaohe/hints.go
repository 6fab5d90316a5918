package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// refusalHint is the command line's own hint after a store refusal: the
// command or flag that proceeds, which the store's wording never names;
// "" when err holds no refusal with a hint.
func refusalHint(l *i18n.Labels, err error) string {
	h := l.Hints
	hints := map[store.Code]string{
		store.CodeSigned:           h.Signed,
		store.CodeConflict:         h.Conflict,
		store.CodeNoInspector:      h.NoInspector,
		store.CodeWithdrawRecorded: h.WithdrawRecorded,
		store.CodeSignedChanged:    h.SignedChanged,
		store.CodeNoConflict:       h.NoConflict,
		store.CodeStatusConflict:   h.StatusConflict,
		store.CodeNoAssessment:     h.NoAssessment,
		store.CodeBadDevice:        h.BadDevice,
		store.CodeNoDataDir:        h.NoDataDir,
		store.CodePeriodForm:       h.PeriodForm,
		store.CodeClockExhausted:   h.ClockExhausted,
		store.CodeNotLead:          l.Appeals.HintNotLead,
		store.CodeNotSigned:        l.ProblemCLI.HintSign,
	}
	if errors.Is(err, assessment.ErrShortHash) {
		return h.ShortHash
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		r, ok := e.(*store.Refusal)
		if ok && r.Code == store.CodeConflict && strings.HasPrefix(r.Subject, assessment.ProblemPrefix) {
			return l.ProblemCLI.HintResolve // a problem's record is settled by the change itself
		}
		if ok && r.Code == store.CodeConflict && assessment.IsPlanSubject(r.Subject) {
			return l.Plan.HintResolve // two leads' plans: the lead's next plan settles them
		}
		if !ok || hints[r.Code] == "" {
			continue
		}
		if f := hints[r.Code]; strings.Contains(f, "%") {
			return fmt.Sprintf(f, r.Args...) // by index: some arguments may go unused
		}
		return hints[r.Code]
	}
	return ""
}

// errorLine is err as the command line prints it: worded in l's language,
// with the hint of what to run next.
func errorLine(l *i18n.Labels, err error) string {
	return report.ErrorText(l, err) + refusalHint(l, err)
}
