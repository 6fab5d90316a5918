package report

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
)

// TotalText is a total as every screen, command and report shows it: the
// figure alone once every indicator is recorded, else the figure marked
// provisional with how many indicators are recorded, 96.60（暂，8/36）.
//
// An unrecorded rule counts as no deduction and no bonus, so the figure
// is neither a floor nor a ceiling of the final total (a base rule can
// still deduct, a bonus rule can still add): "provisional" is the only
// honest word for it.
func TotalText(l *i18n.Labels, total decimal.Dec, recorded, indicators int) string {
	if recorded >= indicators {
		return total.Fixed(2)
	}
	return fmt.Sprintf(l.Report.Provisional, total.Fixed(2), recorded, indicators)
}

// TotalShort is TotalText for a narrow column that has the progress
// beside it: 暂 96.60 while indicators are unrecorded.
func TotalShort(l *i18n.Labels, total decimal.Dec, recorded, indicators int) string {
	if recorded >= indicators {
		return total.Fixed(2)
	}
	return fmt.Sprintf(l.Report.ProvisionalShort, total.Fixed(2))
}

// TotalText is the row's total through the one formatter (see TotalText).
func (row RankRow) TotalText(l *i18n.Labels) string {
	return TotalText(l, row.Total, row.Recorded, row.Indicators)
}

// TotalText is the sheet's total through the one formatter (see TotalText).
func (sh *Sheet) TotalText(l *i18n.Labels) string {
	return TotalText(l, sh.Total, sh.Recorded, sh.Indicators)
}

// ResultTotalText is a scored result's total through the one formatter
// (see TotalText).
func ResultTotalText(l *i18n.Labels, res *scoring.Result) string {
	return TotalText(l, res.Total, res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
}
