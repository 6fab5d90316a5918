package word

import (
	"os"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

func TestMain(m *testing.M) { storetest.Main(m, nil) }

// now is the fixed day the documents are written on.
var now = time.Date(2022, 1, 5, 9, 0, 0, 0, time.UTC)

// fixture is a period of three signed units of the seed: 吉首市 missed
// three items of 1.2.a (不动产登记, 林木采伐, 道路运输许可: 0.60) and failed
// 1.1.a (1.00, with its reason); 泸溪县 ten items short on 1.3.a, one
// short of its cap … no: 1.2.a as eight (capped at 1.00); 凤凰县 lost
// nothing.
func fixture(t testing.TB) (*store.Store, []*store.State) {
	t.Helper()
	s, id := seed.Store(t)
	rb := rubric.Default()
	make := func(unit string, cs ...store.Change) store.Assessment {
		a := seed.Assessment(t, s, id, unit, "2021")
		seed.Record(t, s, id, a.ID, cleanFindings(t, rb)...)
		if len(cs) > 0 {
			seed.Record(t, s, id, a.ID, cs...)
		}
		return a
	}
	jishou := make("吉首市", store.Retract("1.2.a"), seed.SetJSON(t, "1.1.a", "true", "未建立工作机制"))
	for _, text := range []string{"不动产登记", "林木采伐", "道路运输许可"} {
		if _, err := s.AddItem(id, jishou.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	luxi := make("泸溪县", seed.SetJSON(t, "1.2.a", "8", ""), seed.SetJSON(t, "7.1.a", "true", "获省级督查激励"))
	fenghuang := make("凤凰县")
	for _, a := range []store.Assessment{jishou, luxi, fenghuang} {
		if _, err := s.Sign(id, a.ID, false); err != nil {
			t.Fatal(err)
		}
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return s, states
}

// cleanFindings is the finding that deducts nothing on every rule of the seed.
func cleanFindings(t testing.TB, rb *rubric.Rubric) []store.Change {
	var cs []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			var v scoring.Value
			switch r.Kind {
			case rubric.Flag, rubric.Bonus, rubric.Veto:
				v = scoring.BoolValue(false)
			case rubric.Count:
				v = scoring.NumValue(0)
			case rubric.Shortfall, rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			case rubric.Discretion:
				v = scoring.NumValue(decimal.Dec(0))
			default:
				t.Fatalf("clean: no clean value for a %s rule", r.Kind)
			}
			cs = append(cs, store.SetRule(r.ID, v, ""))
		}
	}
	return cs
}

// built is the report of the fixture's period and its Chinese labels.
func built(t testing.TB, states []*store.State) (*report.Report, *i18n.Labels) {
	t.Helper()
	l := i18n.For("zh")
	r, err := report.Build(states, report.Filter{Period: "2021"}, l, now)
	if err != nil {
		t.Fatal(err)
	}
	return r, l
}

func TestLook(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	o := Options{Issuer: "州政务服务中心", Now: now, Team: []string{"张三", "李四"}}
	b, err := WriteNotice(l, r, o, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/look/通报.docx", b, 0o644)
	for _, k := range []Kind{Feedback, Rectify} {
		docs, err := WriteUnits(l, k, r, states, o, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			os.WriteFile("/tmp/look/"+d.Name, d.Bytes, 0o644)
		}
	}
}
