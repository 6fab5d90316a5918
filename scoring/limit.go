package scoring

import (
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// Limit is the largest figure rule r accepts, and false when nothing bounds
// it above or its value is no figure (yes/no, a label). For a rule with a
// range it is the largest amount of each item of the list. Validate refuses
// what is above it, and both the English of records and report.Allowed name
// it, so the three never disagree.
func Limit(r *rubric.Rule) (decimal.Dec, bool) { return limitOf(r, r.Form()) }

// limitOf is Limit of a rule whose form (r.Form()) is known already.
func limitOf(r *rubric.Rule, form rubric.Form) (decimal.Dec, bool) {
	switch form {
	case rubric.FormBool, rubric.FormLabel:
		return 0, false
	case rubric.FormList:
		return r.Range[1], true
	}
	switch r.Kind {
	case rubric.Count, rubric.Bonus: // a bonus here counts items (per_item)
		limit := decimal.FromInt(MaxCount)
		if r.MaxValue != nil && *r.MaxValue < limit {
			limit = *r.MaxValue
		}
		return limit, true
	case rubric.Shortfall, rubric.Band, rubric.Excess, rubric.Linear:
		if r.MaxValue != nil {
			return *r.MaxValue, true
		}
	case rubric.Ratio:
		return decimal.FromInt(100), true
	case rubric.Convert:
		return r.FullMark(), true
	case rubric.Discretion:
		if r.Cap != nil {
			return *r.Cap, true
		}
	}
	return 0, false
}
