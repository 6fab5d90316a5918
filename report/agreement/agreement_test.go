package agreement

import (
	"math"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Hand-computed: two raters, two categories, 3 of 4 agree; p_o = 0.75,
// p_e = 0.5·0.75 + 0.5·0.25 = 0.5, κ = 0.5. Three categories with linear
// weights: p_o = (1 + 0.5 + 1)/3, p_e = 0.5, κ = 2/3.
func TestWeightedKappaByHand(t *testing.T) {
	if k := WeightedKappa([]float64{0, 1, 1, 0}, []float64{0, 1, 0, 0}); !near(k, 0.5) {
		t.Errorf("κ = %v, want 0.5", k)
	}
	if k := WeightedKappa([]float64{0, 1, 2}, []float64{0, 2, 2}); !near(k, 2.0/3) {
		t.Errorf("weighted κ = %v, want 2/3", k)
	}
	if k := WeightedKappa([]float64{1, 1}, []float64{1, 1}); !math.IsNaN(k) {
		t.Errorf("κ with one category = %v, want NaN (undefined)", k)
	}
}

// Hand-computed ICC(2,1) for (1,1), (2,2), (3,4): MSR = 19/6, MSC = 1/6,
// MSE = 1/6, ICC = (19/6 − 1/6) / (19/6 + 1/6 + 0) = 0.9.
func TestICC21ByHand(t *testing.T) {
	if r := ICC21([]float64{1, 2, 3}, []float64{1, 2, 4}); !near(r, 0.9) {
		t.Errorf("ICC = %v, want 0.9", r)
	}
	if r := ICC21([]float64{2, 2}, []float64{2, 2}); !math.IsNaN(r) {
		t.Errorf("ICC without variation = %v, want NaN", r)
	}
}

func boolV(b bool) scoring.Value { return scoring.BoolValue(b) }
func numV(t *testing.T, s string) scoring.Value {
	var v scoring.Value
	if err := v.UnmarshalJSON([]byte(s)); err != nil {
		t.Fatal(err)
	}
	return v
}

// The seed, 张三 and 李四 on three units, indicator 1.2 (1.2.a 每少1项扣0.2
// 分, 1.2.b 未完成扣1分): 1.2.a 3/3, 2/1, 0/0 and 1.2.b 否/否, 是/否, 否/否.
// 4 of 6 values equal; deductions differ by 0.2 and 1 → mean 0.2; the six
// deduction pairs (0.6,0.6) (0.4,0.2) (0,0) (0,0) (1,0) (0,0) over the
// categories 0 < 0.2 < 0.4 < 0.6 < 1 give p_o = 4.75/6, p_e = 22/36,
// κ = (6.5/36)/(14/36) = 13/28.
func TestSeedIndicatorAgreementByHand(t *testing.T) {
	rb := rubric.Default()
	rec := func(a12, b12 string, a, b bool) Recorded {
		return Recorded{
			"1.2.a": {"张三": numV(t, a12), "李四": numV(t, b12)},
			"1.2.b": {"张三": boolV(a), "李四": boolV(b)},
		}
	}
	units := map[string]Recorded{
		"吉首市": rec("3", "3", false, false),
		"泸溪县": rec("2", "1", true, false),
		"凤凰县": rec("0", "0", false, false),
	}
	figs := Compute(rb, units)
	if len(figs) != 1 {
		t.Fatalf("figures %+v", figs)
	}
	f := figs[0]
	if f.Indicator != "1.2" || f.Pair != (Pair{"张三", "李四"}) && f.Pair != (Pair{"李四", "张三"}) || f.Units != 3 || f.Compared != 6 {
		t.Fatalf("figure %+v", f)
	}
	if !near(f.Same, 4.0/6) || !near(f.MeanDiff, 0.2) || !near(f.Kappa, 13.0/28) || f.KappaN != 6 || !math.IsNaN(f.ICC) {
		t.Errorf("same %v, mean diff %v, κ %v (n %d), ICC %v; want 2/3, 0.2, 13/28 (6), NaN", f.Same, f.MeanDiff, f.Kappa, f.KappaN, f.ICC)
	}
}

// What each inspector recorded is read from history: the lead's
// settlement of their conflict is not a finding of the lead's, and an
// inspector's later value replaces their earlier one.
func TestFromHistoryLeavesOutResolutions(t *testing.T) {
	rb := rubric.Default()
	text := func(s string) *string { return &s }
	revs := []*assessment.Revision{
		{ID: "a", Subject: "1.2.a", Value: text("3"), Inspector: "张三", HLC: "1"},
		{ID: "b", Subject: "1.2.a", Value: text("1"), Inspector: "李四", HLC: "2"},
		{ID: "c", Subject: "1.2.a", Value: text("2"), Inspector: "组长", HLC: "3", Parents: []string{"a", "b"}},
		{ID: "d", Subject: "1.2.b", Value: text("true"), Inspector: "张三", HLC: "4"},
		{ID: "e", Subject: "1.2.b", Value: text("false"), Inspector: "张三", HLC: "5", Parents: []string{"d"}},
	}
	rec := FromHistory(rb, revs)
	if len(rec["1.2.a"]) != 2 || rec["1.2.a"]["张三"].String() != "3" || rec["1.2.a"]["李四"].String() != "1" {
		t.Errorf("1.2.a: %v", rec["1.2.a"])
	}
	if v := rec["1.2.b"]["张三"]; v.Type != scoring.Bool || v.Bool {
		t.Errorf("1.2.b: 张三's later value is false, got %v", v)
	}
}
