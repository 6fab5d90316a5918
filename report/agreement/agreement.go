// Package agreement measures how far two inspectors who scored the same
// units agree, per indicator: the share of rules where both recorded the
// same value, the mean absolute difference of the deductions, and a
// chance-corrected statistic — Cohen's weighted kappa where the findings
// are categories (flags, counts: 是/否, 几项), the intraclass correlation
// where they are figures (达标率, 得分). Indicators come worst first: the
// rubric's wording problems for next year.
//
// The values compared are what each inspector recorded before any
// resolution (FromHistory), so a conflict the lead settled still counts.
// The statistics are descriptive, not scores: they are computed in
// floating point from the exact deductions, and printed rounded.
package agreement

import (
	"math"
	"sort"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// Recorded is what each inspector recorded on one unit: rule → inspector
// → value.
type Recorded map[string]map[string]scoring.Value

// FromHistory reads, from an assessment's whole history, the value each
// inspector last recorded on each rule, leaving out resolutions (a
// revision that supersedes several heads that disagreed is someone
// settling a conflict, not a finding of their own; one over heads that
// agreed is an ordinary edit) and values later retracted by the same
// inspector. A rule recorded as items counts, per inspector, the items
// that inspector added and did not remove.
func FromHistory(rb *rubric.Rubric, revs []*assessment.Revision) Recorded {
	byID := make(map[string]*assessment.Revision, len(revs))
	for _, r := range revs {
		byID[r.ID] = r
	}
	settles := func(r *assessment.Revision) bool {
		var first *assessment.Value
		for _, id := range r.Parents {
			p := byID[id]
			if p == nil {
				continue
			}
			v := p.Decoded()
			if first == nil {
				first = &v
			} else if !first.Equal(v) {
				return true
			}
		}
		return false
	}
	latest := map[[2]string]*assessment.Revision{} // subject, inspector
	for _, r := range revs {
		if len(r.Parents) > 1 && settles(r) {
			continue
		}
		k := [2]string{r.Subject, r.Inspector}
		if cur := latest[k]; cur == nil || cur.Less(r) {
			latest[k] = r
		}
	}
	out := Recorded{}
	put := func(rule, inspector string, v scoring.Value) {
		if out[rule] == nil {
			out[rule] = map[string]scoring.Value{}
		}
		out[rule][inspector] = v
	}
	items := map[[2]string][]assessment.Item{} // rule, inspector
	for k, r := range latest {
		v := r.Decoded()
		switch {
		case v.Kind == assessment.KindRule && assessment.IsRuleSubject(k[0]):
			put(k[0], k[1], v.Rule)
		case v.Kind == assessment.KindItem:
			rule, _, ok := assessment.ParseItemSubject(k[0])
			if ok {
				items[[2]string{rule, k[1]}] = append(items[[2]string{rule, k[1]}], assessment.Item{Text: v.Item.Text, Amount: v.Item.Amount})
			}
		}
	}
	for k, its := range items {
		if ref, ok := rb.Rule(k[0]); ok {
			put(k[0], k[1], assessment.ItemsValue(ref.Rule, its))
		}
	}
	return out
}

// Pair is two inspectors, in name order.
type Pair struct{ A, B string }

// Figure is how one pair agreed on one indicator.
type Figure struct {
	Indicator string
	Pair      Pair
	// Units is how many units both recorded a rule of the indicator on;
	// Compared how many (unit, rule) pairs of values the figures rest on.
	Units, Compared int
	// Same is the share of compared values that are equal (0–1).
	Same float64
	// MeanDiff is the mean absolute difference of the two deductions, in
	// points.
	MeanDiff float64
	// Kappa is Cohen's linearly weighted kappa over the indicator's flag
	// and count rules (KappaN values), ICC the intraclass correlation
	// ICC(2,1), absolute agreement, over its figure rules (ICCN values);
	// NaN where it is undefined (too few values, or no variation at all).
	Kappa, ICC   float64
	KappaN, ICCN int
}

// categorical reports whether a rule's findings are categories (kappa)
// rather than figures (ICC).
func categorical(r *rubric.Rule) bool {
	return r.Kind.IsBool() || (r.Kind == rubric.Count && r.Form() != rubric.FormList) || r.Form() == rubric.FormLabel
}

// deduction is what value v alone deducts on rule r of indicator ind
// (after the rule's own cap), in points; false when the rule refuses v. A
// discretion rule's reason is not asked for: the figure is compared, not
// recorded.
func deduction(ind *rubric.Indicator, r *rubric.Rule, v scoring.Value) (decimal.Dec, bool) {
	return scoring.RuleAmount(ind, r, scoring.Finding{Value: v, Note: "—"})
}

// Compute measures every pair of inspectors on every indicator over the
// units (unit → what was recorded there), indicators worst first: lowest
// share of equal values, then largest mean difference, then rubric order.
func Compute(rb *rubric.Rubric, units map[string]Recorded) []Figure {
	type ratings struct{ a, b []float64 }
	type acc struct {
		units       map[string]bool
		compared    int
		same        int
		diff        float64
		cat, figure ratings
	}
	accs := map[string]map[Pair]*acc{}
	for unit, rec := range units {
		for _, ind := range rb.Indicators() {
			for i := range ind.Rules {
				r := &ind.Rules[i]
				byInspector := rec[r.ID]
				names := make([]string, 0, len(byInspector))
				for n := range byInspector {
					names = append(names, n)
				}
				sort.Strings(names)
				for x := 0; x < len(names); x++ {
					for y := x + 1; y < len(names); y++ {
						va, vb := byInspector[names[x]], byInspector[names[y]]
						da, oka := deduction(ind, r, va)
						db, okb := deduction(ind, r, vb)
						if !oka || !okb {
							continue
						}
						p := Pair{names[x], names[y]}
						if accs[ind.ID] == nil {
							accs[ind.ID] = map[Pair]*acc{}
						}
						a := accs[ind.ID][p]
						if a == nil {
							a = &acc{units: map[string]bool{}}
							accs[ind.ID][p] = a
						}
						a.units[unit] = true
						a.compared++
						if va.Equal(vb) {
							a.same++
						}
						fa, fb := points(da), points(db)
						a.diff += math.Abs(fa - fb)
						if categorical(r) {
							a.cat.a, a.cat.b = append(a.cat.a, fa), append(a.cat.b, fb)
						} else {
							a.figure.a, a.figure.b = append(a.figure.a, fa), append(a.figure.b, fb)
						}
					}
				}
			}
		}
	}
	var out []Figure
	for ind, pairs := range accs {
		for p, a := range pairs {
			out = append(out, Figure{Indicator: ind, Pair: p, Units: len(a.units), Compared: a.compared,
				Same: float64(a.same) / float64(a.compared), MeanDiff: a.diff / float64(a.compared),
				Kappa: WeightedKappa(a.cat.a, a.cat.b), KappaN: len(a.cat.a),
				ICC: ICC21(a.figure.a, a.figure.b), ICCN: len(a.figure.a)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Same != out[j].Same {
			return out[i].Same < out[j].Same
		}
		if out[i].MeanDiff != out[j].MeanDiff {
			return out[i].MeanDiff > out[j].MeanDiff
		}
		if out[i].Indicator != out[j].Indicator {
			return scoring.RuleLess(out[i].Indicator, out[j].Indicator)
		}
		return out[i].Pair.A+"\x00"+out[i].Pair.B < out[j].Pair.A+"\x00"+out[j].Pair.B
	})
	return out
}

// points is a deduction as a float, for the statistics only.
func points(d decimal.Dec) float64 { return float64(d) / float64(decimal.Scale) }

// WeightedKappa is Cohen's kappa with linear weights for two raters'
// ordinal ratings (paired by index): the categories are the distinct
// values either gave, in order, and a disagreement of i steps among k
// categories weighs 1 − i/(k−1). NaN when fewer than 2 pairs or when the
// expected agreement is already total (one category only).
func WeightedKappa(a, b []float64) float64 {
	n := len(a)
	if n < 2 || len(b) != n {
		return math.NaN()
	}
	levels := map[float64]int{}
	var vals []float64
	for _, v := range append(append([]float64{}, a...), b...) {
		if _, ok := levels[v]; !ok {
			levels[v] = 0
			vals = append(vals, v)
		}
	}
	sort.Float64s(vals)
	for i, v := range vals {
		levels[v] = i
	}
	k := len(vals)
	if k < 2 {
		return math.NaN()
	}
	w := func(i, j int) float64 { return 1 - math.Abs(float64(i-j))/float64(k-1) }
	obs := make([][]float64, k)
	for i := range obs {
		obs[i] = make([]float64, k)
	}
	rowA, colB := make([]float64, k), make([]float64, k)
	for i := range a {
		x, y := levels[a[i]], levels[b[i]]
		obs[x][y] += 1 / float64(n)
		rowA[x] += 1 / float64(n)
		colB[y] += 1 / float64(n)
	}
	var po, pe float64
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			po += w(i, j) * obs[i][j]
			pe += w(i, j) * rowA[i] * colB[j]
		}
	}
	if 1-pe < 1e-12 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// ICC21 is the intraclass correlation ICC(2,1) of Shrout and Fleiss
// (two-way random effects, absolute agreement, one rater) for two raters'
// figures on the same subjects (paired by index). NaN when fewer than 2
// subjects or when there is no variation at all.
func ICC21(a, b []float64) float64 {
	n := len(a)
	if n < 2 || len(b) != n {
		return math.NaN()
	}
	const k = 2.0
	var grand float64
	for i := range a {
		grand += a[i] + b[i]
	}
	grand /= float64(n) * k
	var ssr, ssc, sst float64
	var meanA, meanB float64
	for i := range a {
		m := (a[i] + b[i]) / k
		ssr += k * (m - grand) * (m - grand)
		sst += (a[i]-grand)*(a[i]-grand) + (b[i]-grand)*(b[i]-grand)
		meanA += a[i] / float64(n)
		meanB += b[i] / float64(n)
	}
	ssc = float64(n) * ((meanA-grand)*(meanA-grand) + (meanB-grand)*(meanB-grand))
	sse := sst - ssr - ssc
	msr := ssr / float64(n-1)
	msc := ssc / (k - 1)
	mse := sse / (float64(n-1) * (k - 1))
	den := msr + (k-1)*mse + k*(msc-mse)/float64(n)
	if math.Abs(den) < 1e-12 {
		return math.NaN()
	}
	return (msr - mse) / den
}
