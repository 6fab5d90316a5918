package scoring

import (
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// FullFindings returns a finding for every rule of the rubric, each a
// plausible mid-range value that deducts something: a fully recorded
// assessment for benchmarks, demos and tests in other packages.
func FullFindings(rb *rubric.Rubric) Findings {
	fs := Findings{}
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			var f Finding
			switch r.Kind {
			case rubric.Flag:
				f.Value = BoolValue(i%2 == 0)
			case rubric.Bonus:
				f.Value = BoolValue(true)
			case rubric.Count:
				f.Value = NumValue(decimal.FromInt(1))
			case rubric.Shortfall:
				v := *r.Target - *r.Step*3 - *r.Step/2
				if v < 0 {
					v = *r.Target / 2
				}
				f.Value = NumValue(v)
			case rubric.Ratio:
				f.Value = NumValue(*r.Target - decimal.FromInt(5))
			case rubric.Convert:
				f.Value = NumValue(r.FullMark() - decimal.MustParse("7.5"))
			case rubric.Discretion:
				f.Value = NumValue(decimal.MustParse("0.5"))
				f.Note = "酌情扣分"
			}
			fs[r.ID] = f
		}
	}
	return fs
}
