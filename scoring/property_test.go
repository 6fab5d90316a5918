package scoring

import (
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

// genDec draws a decimal in [lo, hi] with up to three decimals.
func genDec(t *rapid.T, lo, hi decimal.Dec, label string) decimal.Dec {
	step := decimal.Dec(1000) // 0.001
	n := rapid.Int64Range(0, int64((hi-lo)/step)).Draw(t, label)
	return lo + decimal.Dec(n)*step
}

// genFindings draws a valid value (or none) for every rule of rb.
func genFindings(t *rapid.T, rb *rubric.Rubric) Findings {
	fs := Findings{}
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			if !rapid.Bool().Draw(t, r.ID+"?") {
				continue
			}
			var f Finding
			switch r.Kind {
			case rubric.Flag, rubric.Bonus:
				f.Value = BoolValue(rapid.Bool().Draw(t, r.ID))
			case rubric.Count:
				hi := int64(60)
				if r.MaxValue != nil {
					hi = r.MaxValue.IntPart()
				}
				f.Value = NumValue(decimal.FromInt(rapid.Int64Range(0, hi).Draw(t, r.ID)))
			case rubric.Shortfall:
				hi := *r.Target * 2
				if r.MaxValue != nil {
					hi = *r.MaxValue
				}
				f.Value = NumValue(genDec(t, 0, hi, r.ID))
			case rubric.Ratio:
				f.Value = NumValue(genDec(t, 0, decimal.FromInt(100), r.ID))
			case rubric.Convert:
				f.Value = NumValue(genDec(t, 0, r.FullMark(), r.ID))
			case rubric.Discretion:
				f.Value = NumValue(genDec(t, 0, *r.Cap, r.ID))
				f.Note = "n"
			}
			fs[r.ID] = f
		}
	}
	return fs
}

// Scores stay within bounds and add up, for any valid findings.
func TestScoreBoundsProperty(t *testing.T) {
	rb := rubric.Default()
	rapid.Check(t, func(t *rapid.T) {
		fs := genFindings(t, rb)
		res, err := Score(rb, fs)
		if err != nil {
			t.Fatalf("valid findings refused: %v", err)
		}
		var base, bonus decimal.Dec
		for _, c := range res.Categories {
			var sum decimal.Dec
			for _, ir := range c.Indicators {
				if ir.Score < 0 || ir.Score > ir.Max {
					t.Fatalf("indicator %s score %s outside [0, %s]", ir.ID, ir.Score, ir.Max)
				}
				if !ir.Score.IsCents() {
					t.Fatalf("indicator %s score %s is not whole cents", ir.ID, ir.Score)
				}
				for _, rr := range ir.Rules {
					if rr.Amount < 0 || (rr.Cap() != nil && rr.Amount > *rr.Cap()) {
						t.Fatalf("rule %s deduction %s outside its cap", rr.ID(), rr.Amount)
					}
				}
				sum += ir.Score
			}
			if c.Score < 0 || c.Score > c.Max || c.Score > sum {
				t.Fatalf("category %s score %s outside [0, %s]", c.ID, c.Score, c.Max)
			}
			if c.Bonus {
				bonus += c.Score
			} else {
				base += c.Score
			}
		}
		if res.Base != base || res.Bonus != bonus || res.Total != res.Base+res.Bonus {
			t.Fatalf("totals do not add up: base %s bonus %s total %s", res.Base, res.Bonus, res.Total)
		}
		if res.Base > decimal.FromInt(100) || res.Bonus > decimal.FromInt(10) {
			t.Fatalf("base %s or bonus %s above max", res.Base, res.Bonus)
		}
	})
}

// Recording more deficiencies never raises a score.
func TestMoreDeficienciesNeverRaiseScoreProperty(t *testing.T) {
	rb := rubric.Default()
	rapid.Check(t, func(t *rapid.T) {
		fs := genFindings(t, rb)
		before, _ := Score(rb, fs)
		ids := []string{}
		for id, f := range fs {
			if f.Value.Type == Number {
				if ref, _ := rb.Rule(id); ref.Rule.Kind == rubric.Count {
					ids = append(ids, id)
				}
			}
		}
		if len(ids) == 0 {
			return
		}
		id := rapid.SampledFrom(ids).Draw(t, "rule")
		ref, _ := rb.Rule(id)
		f := fs[id]
		if ref.Rule.MaxValue != nil && f.Value.Num >= *ref.Rule.MaxValue {
			return
		}
		f.Value.Num += decimal.FromInt(1)
		fs[id] = f
		after, err := Score(rb, fs)
		if err != nil {
			t.Fatal(err)
		}
		if after.Base > before.Base {
			t.Fatalf("one more deficiency in %s raised base from %s to %s", id, before.Base, after.Base)
		}
	})
}

// Score refuses exactly what Check refuses, with Check's errors, whatever
// mix of valid values, out-of-range values, unset values and unknown rule
// IDs it is given.
func TestScoreRefusesWhatCheckRefuses(t *testing.T) {
	rb := rubric.Default()
	rapid.Check(t, func(t *rapid.T) {
		fs := genFindings(t, rb)
		ids := make([]string, 0, len(fs))
		for _, ind := range rb.Indicators() {
			for _, r := range ind.Rules {
				ids = append(ids, r.ID)
			}
		}
		for range rapid.IntRange(0, 3).Draw(t, "spoilt") {
			id := rapid.SampledFrom(append(ids, "9.9.z", "")).Draw(t, "id")
			fs[id] = rapid.SampledFrom([]Finding{{}, {Value: NumValue(decimal.FromInt(-1))},
				{Value: NumValue(decimal.FromInt(200))}, {Value: BoolValue(true)}}).Draw(t, "finding")
		}
		_, err := Score(rb, fs)
		cerr := Check(rb, fs)
		if (err == nil) != (cerr == nil) || (err != nil && err.Error() != cerr.Error()) {
			t.Fatalf("Score: %v; Check: %v", err, cerr)
		}
	})
}

// RuleAmount gives, for any value of any rule, what scoring an assessment
// holding that value alone gives the rule, and refuses what Score refuses.
func TestRuleAmountIsScoresAmountProperty(t *testing.T) {
	rb := rubric.Default()
	type ruleOf struct {
		ind *rubric.Indicator
		r   *rubric.Rule
	}
	var rules []ruleOf
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			rules = append(rules, ruleOf{ind, &ind.Rules[i]})
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		ro := rapid.SampledFrom(rules).Draw(t, "rule")
		var f Finding
		switch rapid.IntRange(0, 4).Draw(t, "form") {
		case 0:
			f.Value = BoolValue(rapid.Bool().Draw(t, "bool"))
		case 1:
			f.Value = NumValue(genDec(t, decimal.FromInt(-1), decimal.FromInt(200), "num"))
		case 2:
			labels := append(ro.r.Labels(), "其他")
			f.Value = TextValue(rapid.SampledFrom(labels).Draw(t, "label"))
		case 3:
			n := rapid.IntRange(0, 4).Draw(t, "items")
			var items []decimal.Dec
			for i := 0; i < n; i++ {
				items = append(items, genDec(t, 0, decimal.FromInt(3), "item"))
			}
			f.Value = ListValue(items...)
		}
		if rapid.Bool().Draw(t, "note") {
			f.Note = "检查发现"
		}
		got, ok := RuleAmount(ro.ind, ro.r, f)
		res, err := Score(rb, Findings{ro.r.ID: f})
		if (err == nil) != ok {
			t.Fatalf("%s %v: RuleAmount accepts %v, Score's error %v", ro.r.ID, f.Value, ok, err)
		}
		if err != nil {
			return
		}
		ir, _ := res.Indicator(ro.ind.ID)
		for _, rr := range ir.Rules {
			if rr.ID() == ro.r.ID && rr.Amount != got {
				t.Fatalf("%s %v: RuleAmount %s, Score %s", ro.r.ID, f.Value, got, rr.Amount)
			}
		}
	})
}
