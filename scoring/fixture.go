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
			switch {
			case r.Form() == rubric.FormList:
				f.Value = ListValue(r.Range[0], r.Range[1])
			case r.Form() == rubric.FormLabel:
				f.Value = TextValue(r.Labels()[len(r.Labels())/2])
			case r.Kind == rubric.Band:
				f.Value = NumValue(decimal.Dec(0))
				if len(r.Bands) > 1 && r.Bands[1].Min != nil {
					f.Value = NumValue(*r.Bands[1].Min)
				}
			case r.Kind == rubric.Veto:
				f.Value = BoolValue(false)
			case r.Kind == rubric.Bonus && r.PerItem:
				f.Value = NumValue(decimal.FromInt(1))
			case r.Kind == rubric.Excess:
				f.Value = NumValue(*r.Limit + *r.Step*2)
			case r.Kind == rubric.Linear:
				f.Value = NumValue((*r.From + *r.To) / 2)
			}
			if f.Value.Type != Unset {
				fs[r.ID] = f
				continue
			}
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

// CleanFindings returns, for every rule of the rubric, the finding that
// deducts nothing and adds no bonus: no flag or veto found, no item
// missing, every target met, the top band, the first label. Tests and
// demos start from it and add exactly the deductions they are about.
func CleanFindings(rb *rubric.Rubric) Findings {
	fs := Findings{}
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			v := BoolValue(false)
			switch {
			case r.Form() == rubric.FormList:
				v = ListValue()
			case r.Form() == rubric.FormLabel:
				v = TextValue(r.Labels()[0])
			case r.Kind == rubric.Band:
				v = NumValue(*r.Bands[0].Min)
			case r.Kind == rubric.Linear:
				v = NumValue(*r.To)
			case r.Kind == rubric.Excess:
				v = NumValue(*r.Limit)
			case r.Kind == rubric.Count, r.Kind == rubric.Discretion, r.Kind == rubric.Bonus && r.PerItem:
				v = NumValue(0)
			case r.Kind == rubric.Shortfall, r.Kind == rubric.Ratio:
				v = NumValue(*r.Target)
			case r.Kind == rubric.Convert:
				v = NumValue(r.FullMark())
			}
			fs[r.ID] = Finding{Value: v}
		}
	}
	return fs
}
