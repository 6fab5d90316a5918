package report

import (
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// unitFindings is a unit of a period: every rule at full marks, then the
// rules given (rule, JSON value, note …).
type unitFindings struct {
	unit, period string
	set          []string
}

// statesOf records the units in a new store under the default rubric and
// returns every state.
func statesOf(t *testing.T, units ...unitFindings) (*store.Store, []*store.State) {
	t.Helper()
	s, id := seed.Store(t)
	rb := rubric.Default()
	for _, u := range units {
		a := seed.Assessment(t, s, id, u.unit, u.period)
		seed.Record(t, s, id, a.ID, noDeductions(rb)...)
		var cs []store.Change
		for i := 0; i+2 < len(u.set)+1; i += 3 {
			cs = append(cs, seed.SetJSON(t, u.set[i], u.set[i+1], u.set[i+2]))
		}
		if len(cs) > 0 {
			seed.Record(t, s, id, a.ID, cs...)
		}
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return s, states
}

// threeUnits is the seed's three units of 2021, worked by hand:
//
//	吉首市 1.2.a 3项 −0.60, 2.4.a 好差评 89 → 3×11/100 = −0.33: 99.07
//	泸溪县 1.2.a 8项 → 1.60 capped at 1: −1.00:                99.00
//	花垣县 1.1.a −1.00, 1.2.a 2项 −0.40:                         98.60
func threeUnits(t *testing.T) []*store.State {
	_, states := statesOf(t,
		unitFindings{"吉首市", "2021", []string{"1.2.a", "3", "不动产登记、林木采伐、道路运输许可", "2.4.a", "89", ""}},
		unitFindings{"泸溪县", "2021", []string{"1.2.a", "8", "不动产登记", "1.1.b", "false", ""}},
		unitFindings{"花垣县", "2021", []string{"1.1.a", "true", "未按时完成梳理", "1.2.a", "2", "不动产登记"}},
	)
	return states
}

// noDeductions is every rule of rb at a value that deducts nothing and
// adds no bonus: 100 points on the seed.
func noDeductions(rb *rubric.Rubric) []store.Change {
	var out []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			v := scoring.BoolValue(false)
			switch r.Kind {
			case rubric.Count, rubric.Discretion:
				v = scoring.NumValue(0)
			case rubric.Shortfall, rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			}
			out = append(out, store.SetRule(r.ID, v, ""))
		}
	}
	return out
}

func dec(s string) decimal.Dec { return decimal.MustParse(s) }

// The margins of the three units, each computed by hand:
//
//   - 吉首市 99.07 vs 泸溪县 99.00, 0.07 apart. 吉首市 losing: 1.2.a 3 → 4
//     costs 0.20; 2.4.a 89 → 87 costs 3×13/100 = 0.39, 0.06 more (99.01,
//     still ahead), 89 → 86 costs 0.42, 0.09 more (98.98): swapped.
//     泸溪县 gaining: its 1.2.a is capped, 8 → 5 still deducts 1.00, 8 → 4
//     gains 0.20. The least: 吉首市 2.4.a 89 → 86, −0.09.
//   - 泸溪县 99.00 vs 花垣县 98.60, 0.40 apart. 泸溪县 cannot lose more on
//     its capped 1.2.a (caps apply); 花垣县's 1.2.a 2 → 0 gains 0.40, a
//     tie, not a swap; 1.1.a true → false gains 1.00: the one swap.
func TestMarginsOfThreeUnits(t *testing.T) {
	ms, err := Margins(threeUnits(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("%d margins, want 2: %+v", len(ms), ms)
	}
	m := ms[0]
	if m.Upper != "吉首市" || m.Lower != "泸溪县" || m.UpperTotal != dec("99.07") || m.LowerTotal != dec("99.00") || m.Margin != dec("0.07") {
		t.Errorf("first pair %+v", m)
	}
	if !m.Single || len(m.Swap) != 1 {
		t.Fatalf("first pair swap %+v", m.Swap)
	}
	if c := m.Swap[0]; c.Unit != "吉首市" || c.Rule != "2.4.a" || c.From.Num != dec("89") || c.To.Num != dec("86") || c.Effect != dec("-0.09") {
		t.Errorf("first pair's change %+v, want 吉首市 2.4.a 89 → 86 (−0.09)", c)
	}
	m = ms[1]
	if m.Upper != "泸溪县" || m.Lower != "花垣县" || m.Margin != dec("0.40") || !m.Single || len(m.Swap) != 1 {
		t.Fatalf("second pair %+v", m)
	}
	if c := m.Swap[0]; c.Unit != "花垣县" || c.Rule != "1.1.a" || c.To.Bool || c.Effect != dec("1.00") {
		t.Errorf("second pair's change %+v, want 花垣县 1.1.a true → false (+1.00)", c)
	}
	zh := i18n.For("zh")
	want := "吉首市 99.07 与 泸溪县 99.00 相差 0.07；吉首市 2.4.a “好差评”评分指标得分 89 → 86（-0.09）即可互换名次"
	if got := MarginText(zh, ms[0]); got != want {
		t.Errorf("worded\n%s\nwant\n%s", got, want)
	}
}

// No single finding swaps 吉首市 99.80 (1.2.a 1项) and 花垣县 97.80 (1.1.a,
// 1.1.b, 1.2.a 1项): 花垣县 gains at most 1.00 on each flag and 0.20 on
// 1.2.a; 吉首市 loses at most 0.80 on 1.2.a (capped at 1). Greedy: both
// flags (+1.00 each) bring 花垣县 to 99.80, a tie; then 吉首市's 1.2.a,
// brought back to the least that swaps, 1 → 2 (−0.20): 99.60 < 99.80.
func TestMarginsGreedyWhenNoSingleFindingSwaps(t *testing.T) {
	_, states := statesOf(t,
		unitFindings{"吉首市", "2021", []string{"1.2.a", "1", ""}},
		unitFindings{"花垣县", "2021", []string{"1.1.a", "true", "", "1.1.b", "true", "", "1.2.a", "1", ""}},
	)
	ms, err := Margins(states)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Margin != dec("2.00") || ms[0].Single {
		t.Fatalf("margins %+v", ms)
	}
	var got []string
	for _, c := range ms[0].Swap {
		got = append(got, c.Unit+" "+c.Rule+" "+c.From.String()+"→"+c.To.String()+" "+c.Effect.Fixed(2))
	}
	want := []string{"花垣县 1.1.a true→false 1.00", "花垣县 1.1.b true→false 1.00", "吉首市 1.2.a 1→2 -0.20"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("greedy set\n%v\nwant\n%v", got, want)
	}
	if text := MarginText(i18n.For("en"), ms[0]); !strings.Contains(text, "no single finding swaps them") {
		t.Errorf("worded %q", text)
	}
}

var _ = time.Now
