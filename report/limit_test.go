package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// The largest value a rule accepts is the one its allowed-range hint and
// its English record text name, for every kind: the value itself is
// accepted, one more is refused, and both texts say the same figure. A
// count rule whose max_value is beyond the million every count stops at
// says the million, which is what it refuses above. (Rules that have no
// max_value are tried with one too.)
func TestAllowedNamesTheLimitValidateKeeps(t *testing.T) {
	var rules []*rubric.Rule
	for _, rb := range []*rubric.Rubric{rubric.Default(), languageRubric(t)} {
		for ci := range rb.Categories {
			for ii := range rb.Categories[ci].Indicators {
				ind := &rb.Categories[ci].Indicators[ii]
				for ri := range ind.Rules {
					rules = append(rules, &ind.Rules[ri])
				}
			}
		}
	}
	huge, bound := decimal.FromInt(2*scoring.MaxCount), decimal.FromInt(500)
	counted := false
	for _, r := range rules {
		switch {
		case r.Form() != rubric.FormNumber:
		case r.Kind == rubric.Count && !counted:
			big := *r
			big.ID += "-big"
			big.MaxValue = &huge
			rules = append(rules, &big)
			counted = true
		case r.MaxValue == nil && (r.Kind == rubric.Shortfall || r.Kind == rubric.Band || r.Kind == rubric.Excess || r.Kind == rubric.Linear):
			bounded := *r
			bounded.ID += "-max"
			bounded.MaxValue = &bound
			rules = append(rules, &bounded)
		}
	}
	zh, en := i18n.For("zh"), i18n.For("en")
	kinds := map[rubric.Kind]bool{}
	for _, r := range rules {
		limit, ok := scoring.Limit(r)
		if !ok {
			continue
		}
		kinds[r.Kind] = true
		at, over := scoring.NumValue(limit), scoring.NumValue(limit+decimal.FromInt(1))
		if r.Form() == rubric.FormList {
			at, over = scoring.ListValue(limit), scoring.ListValue(limit+decimal.FromInt(1))
		}
		if ve := scoring.Validate(r, scoring.Finding{Value: at, Note: "理由"}); ve != nil {
			t.Errorf("%s (%s) refuses its limit %s: %v", r.ID, r.Kind, limit, ve)
		}
		ve := scoring.Validate(r, scoring.Finding{Value: over, Note: "理由"})
		if ve == nil || !strings.Contains(ve.Limit, limit.String()) {
			t.Errorf("%s (%s) above its limit %s: %v", r.ID, r.Kind, limit, ve)
			continue
		}
		for _, l := range []*i18n.Labels{zh, en} {
			if got := Allowed(l, r); !strings.Contains(got, limit.String()) {
				t.Errorf("%s (%s) allowed %q does not name its limit %s", r.ID, r.Kind, got, limit)
			}
		}
		if got := ve.Error(); !strings.Contains(got, "to "+limit.String()) {
			t.Errorf("%s (%s) record text %q does not name its limit %s", r.ID, r.Kind, got, limit)
		}
	}
	for _, k := range []rubric.Kind{rubric.Count, rubric.Shortfall, rubric.Ratio, rubric.Convert, rubric.Discretion,
		rubric.Band, rubric.Excess, rubric.Linear, rubric.Bonus} {
		if !kinds[k] {
			t.Errorf("no rule of kind %s with a limit was tried", k)
		}
	}
}
