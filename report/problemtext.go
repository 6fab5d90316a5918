package report

import (
	"fmt"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
)

// ProblemState is the name of a problem's state (待整改, 整改中, 退回,
// 已销号, 已撤销), the one wording the list, the history, the workbooks
// and the workbench use.
func ProblemState(l *i18n.Labels, status string) string {
	w := l.ProblemCLI
	switch status {
	case assessment.ProblemOpen:
		return w.Open
	case assessment.ProblemRectifying:
		return w.Rectifying
	case assessment.ProblemReturned:
		return w.Returned
	case assessment.ProblemClosed:
		return w.Closed
	case assessment.ProblemWithdrawn:
		return w.Withdrawn
	}
	return status
}

// ProblemAction is the name of a change of a problem (交办, 报送整改,
// 销号, 退回).
func ProblemAction(l *i18n.Labels, action string) string {
	w := l.ProblemCLI
	switch action {
	case assessment.ActionAssign:
		return w.Assign
	case assessment.ActionRectify:
		return w.Rectify
	case assessment.ActionClose:
		return w.Close
	case assessment.ActionReturn:
		return w.Return
	case assessment.ActionWithdraw:
		return w.Withdrawn
	}
	return action
}

// ProblemRecordText is a problem's record in one line: the action, the
// state after it, and what it reported (history and conflicts show each
// side of a problem in conflict so).
func ProblemRecordText(l *i18n.Labels, rec *assessment.ProblemRecord) string {
	s := fmt.Sprintf(l.ProblemCLI.Record, ProblemAction(l, rec.Action), ProblemState(l, rec.Status))
	if rec.Measure != "" {
		s += l.Values.Colon + rec.Measure
	}
	return s
}
