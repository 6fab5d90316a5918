package tui

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
)

// selfLines are the unit's self-assessment of ind under its head: the
// self-score (自评 1.6) and its account, in the warning style with the gap
// when the verified score is lower (a 虚报 candidate); none when the unit
// claimed nothing.
func (wb *workbench) selfLines(ind *rubric.Indicator, inner int) []string {
	rec, ok := wb.self[ind.ID]
	if !ok {
		return nil
	}
	w := wb.c.l.SelfAssess
	text, style := fmt.Sprintf(w.Beside, rec.Score), wb.c.styles.Dim
	if wb.res != nil {
		if ir, ok := wb.res.Indicator(ind.ID); ok && ir.Score < rec.Score {
			text, style = fmt.Sprintf(w.BesideGap, rec.Score, (rec.Score-ir.Score).Fixed(2)), wb.c.styles.Warning
		}
	}
	if rec.Note != "" {
		text += wb.c.l.Values.Colon + textwidth.Sanitize(rec.Note, false)
	}
	var out []string
	for _, s := range textwidth.Wrap(text, max(inner, 1)) {
		out = append(out, style.Render(s))
	}
	return out
}
