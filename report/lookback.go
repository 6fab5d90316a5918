package report

import (
	"fmt"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
)

// EarlierText words one of last period's problems as next year's screens
// list it: its rule under the current rubric (its own when the rule is
// gone), what was found, and its state then — "1.2.a 殡葬（已销号）".
func EarlierText(l *i18n.Labels, e assessment.EarlierProblem) string {
	rule := e.NowRule
	if rule == "" {
		rule = e.Rule
	}
	s := rule
	if found := textwidth.Sanitize(e.Found, false); found != "" {
		s += " " + found
	}
	return s + l.Lookback.Open + l.Lookback.StateOf(e.Status) + l.Lookback.Close
}

// RelapseText says which closed problem of last period a deduction
// repeats: "反弹：2020年 1.2.a 殡葬 已销号，本年再次扣分".
func RelapseText(l *i18n.Labels, e assessment.EarlierProblem) string {
	return fmt.Sprintf(l.Lookback.RelapseOf, e.Period, e.ID, textwidth.Sanitize(e.Found, false))
}
