package scoring

import (
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// Range is the span the score can take while conflicts are open: every
// combination of the conflicting values, indicator by indicator.
type Range struct {
	Min        decimal.Dec              `json:"min"`
	Max        decimal.Dec              `json:"max"`
	Indicators map[string]IndicatorSpan `json:"indicators"`
}

// IndicatorSpan is one indicator's lowest and highest possible score.
type IndicatorSpan struct {
	Min decimal.Dec `json:"min"`
	Max decimal.Dec `json:"max"`
}

// maxCombinations bounds the values tried per indicator.
const maxCombinations = 4096

// RangeOver computes the score range when the rules in alternatives may take
// any of the listed values (a Finding with an Unset value means "not
// recorded"). It returns nil when there is nothing to range over.
// Alternatives the rubric rejects are ignored.
func RangeOver(rb *rubric.Rubric, fs Findings, alternatives map[string][]Finding) *Range {
	if len(alternatives) == 0 {
		return nil
	}
	rg := &Range{Indicators: map[string]IndicatorSpan{}}
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		var lo, hi decimal.Dec
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			span := indicatorSpan(c, ind, fs, alternatives)
			if span.Min != span.Max || hasAlternative(ind, alternatives) {
				rg.Indicators[ind.ID] = span
			}
			lo += span.Min
			hi += span.Max
		}
		lo, hi = decimal.Min(lo, c.Points), decimal.Min(hi, c.Points)
		if c.Penalty && c.Cap != nil {
			lo, hi = decimal.Max2(lo, -*c.Cap), decimal.Max2(hi, -*c.Cap)
		}
		rg.Min += lo
		rg.Max += hi
	}
	// The total is never below 0, whatever the penalty categories deduct.
	rg.Min, rg.Max = decimal.Max2(rg.Min, 0), decimal.Max2(rg.Max, 0)
	return rg
}

func hasAlternative(ind *rubric.Indicator, alts map[string][]Finding) bool {
	for _, r := range ind.Rules {
		if len(alts[r.ID]) > 0 {
			return true
		}
	}
	return false
}

// indicatorSpan tries every combination of the indicator's alternatives.
func indicatorSpan(c *rubric.Category, ind *rubric.Indicator, fs Findings, alts map[string][]Finding) IndicatorSpan {
	var ids []string
	var choices [][]Finding
	for i := range ind.Rules {
		r := &ind.Rules[i]
		var ok []Finding
		for _, f := range alts[r.ID] {
			if f.Value.Type == Unset || Validate(r, f) == nil {
				ok = append(ok, f)
			}
		}
		if len(ok) > 0 {
			ids = append(ids, r.ID)
			choices = append(choices, ok)
		}
	}
	base := indicatorScore(c, ind, fs)
	span := IndicatorSpan{Min: base, Max: base}
	if len(ids) == 0 {
		return span
	}
	local := Findings{}
	for _, r := range ind.Rules {
		if f, ok := fs[r.ID]; ok {
			local[r.ID] = f
		}
	}
	idx := make([]int, len(ids))
	for n := 0; n < maxCombinations; n++ {
		for k, id := range ids {
			f := choices[k][idx[k]]
			if f.Value.Type == Unset {
				delete(local, id)
			} else {
				local[id] = f
			}
		}
		s := indicatorScore(c, ind, local)
		span.Min, span.Max = decimal.Min(span.Min, s), decimal.Max2(span.Max, s)
		// next combination (odometer)
		k := 0
		for ; k < len(idx); k++ {
			idx[k]++
			if idx[k] < len(choices[k]) {
				break
			}
			idx[k] = 0
		}
		if k == len(idx) {
			break
		}
	}
	return span
}

// indicatorScore is the score of one indicator alone under fs.
func indicatorScore(c *rubric.Category, ind *rubric.Indicator, fs Findings) decimal.Dec {
	sc := &scratch{rules: make([]RuleResult, len(ind.Rules)), groups: make([]GroupResult, len(ind.Groups)),
		values: make([]Value, len(ind.Rules))}
	var ir IndicatorResult
	scoreIndicator(&ir, sc, c, ind, fs)
	return ir.Score
}
