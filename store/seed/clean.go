package seed

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Clean is every rule of rb recorded as deducting nothing — no flag found,
// no item missing, every target met — so a test adds exactly the
// deductions it is about (FullMarks records the seed's own findings).
func Clean(rb *rubric.Rubric) []store.Change {
	var out []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			var v scoring.Value
			switch r.Kind {
			case rubric.Flag, rubric.Bonus, rubric.Veto:
				v = scoring.BoolValue(false)
			case rubric.Count:
				v = scoring.NumValue(0)
				if r.Form() == rubric.FormList {
					v = scoring.ListValue()
				}
			case rubric.Shortfall, rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			case rubric.Discretion:
				v = scoring.NumValue(decimal.Dec(0))
			default:
				panic(fmt.Sprintf("seed.Clean: no clean value for a %s rule", r.Kind))
			}
			out = append(out, store.SetRule(r.ID, v, ""))
		}
	}
	return out
}
