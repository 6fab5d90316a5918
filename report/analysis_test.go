package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// unitFindings is a unit of a period: every rule at no deduction, then
// the rules given (rule, JSON value, note …), and rules recorded item by
// item (rule → texts). rb is its rubric (the seed's when nil).
type unitFindings struct {
	unit, period string
	set          []string
	items        map[string][]string
	rb           *rubric.Rubric
}

// statesOf records the units in a new store and returns every state.
func statesOf(t *testing.T, units ...unitFindings) (*store.Store, []*store.State) {
	t.Helper()
	s, id := seed.Store(t)
	for _, u := range units {
		rb := u.rb
		if rb == nil {
			rb = rubric.Default()
		}
		a, _, err := s.CreateAssessment(id, rb, u.unit, u.period)
		if err != nil {
			t.Fatal(err)
		}
		var cs []store.Change
		for _, c := range noDeductions(rb) {
			if _, itemised := u.items[c.Subject]; !itemised {
				cs = append(cs, c)
			}
		}
		seed.Record(t, s, id, a.ID, cs...)
		cs = nil
		for i := 0; i+2 < len(u.set); i += 3 {
			cs = append(cs, seed.SetJSON(t, u.set[i], u.set[i+1], u.set[i+2]))
		}
		if len(cs) > 0 {
			seed.Record(t, s, id, a.ID, cs...)
		}
		for rule, texts := range u.items {
			for _, text := range texts {
				if _, err := s.AddItem(id, a.ID, rule, text, nil, ""); err != nil {
					t.Fatal(err)
				}
			}
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
		unitFindings{unit: "吉首市", period: "2021", set: []string{"2.4.a", "89", ""},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐", "道路运输许可"}}},
		unitFindings{unit: "泸溪县", period: "2021", set: []string{"1.2.a", "8", "不动产登记等8项"}},
		unitFindings{unit: "花垣县", period: "2021", set: []string{"1.1.a", "true", "未按时完成梳理"},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐"}}},
	)
	return states
}

// noDeductions is every rule of rb at a value that deducts nothing and
// adds no bonus: 100 points on the seed.
func noDeductions(rb *rubric.Rubric) []store.Change { return seed.Clean(rb) }

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
		unitFindings{unit: "吉首市", period: "2021", set: []string{"1.2.a", "1", ""}},
		unitFindings{unit: "花垣县", period: "2021", set: []string{"1.1.a", "true", "", "1.1.b", "true", "", "1.2.a", "1", ""}},
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

// The 共性问题 of the three units, by hand: 1.2 lost 0.60 + 1.00 + 0.40 =
// 2.00 by all three (不动产登记 and 林木采伐 itemised by two units, 泸溪县's
// note once); 1.1 1.00 by 花垣县; 2.4 0.33 by 吉首市, with no text.
func TestCommonProblemsOfThreeUnits(t *testing.T) {
	cps, err := CommonProblems(threeUnits(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cps {
		line := fmt.Sprintf("%s %s %d/%d", c.Indicator, c.Lost.Fixed(2), c.Units, c.Among)
		for _, ty := range c.Typical {
			line += fmt.Sprintf(" %s×%d", ty.Text, ty.Units)
		}
		got = append(got, line)
	}
	want := []string{
		"1.2 2.00 3/3 不动产登记×2 林木采伐×2 不动产登记等8项×1",
		"1.1 1.00 1/3 未按时完成梳理×1",
		"2.4 0.33 1/3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("common problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// earlierRubric is the seed rubric as it stood in 2020 (hand-made): version
// 2020; categories 5 (政务窗口服务) and 6 (工作保障) were numbered the other
// way round, with their indicators and rules (工作保障's 6.4.a was 5.4.a);
// and indicator 2.5 was another task altogether, so it has no counterpart
// either way.
func earlierRubric(t *testing.T) *rubric.Rubric {
	t.Helper()
	src := string(rubric.DefaultSource())
	src = strings.Replace(src, `version: "2021"`, `version: "2020"`, 1)
	i5, i6, i7 := strings.Index(src, `  - id: "5"`+"\n"), strings.Index(src, `  - id: "6"`+"\n"), strings.Index(src, `  - id: "7"`+"\n")
	to5 := strings.NewReplacer(`- id: "6"`, `- id: "5"`, `"6.`, `"5.`)
	to6 := strings.NewReplacer(`- id: "5"`, `- id: "6"`, `"5.`, `"6.`)
	src = src[:i5] + to5.Replace(src[i6:i7]) + to6.Replace(src[i5:i6]) + src[i7:]
	src = strings.Replace(src, "（5）规范本级政务服务中心优惠政策兑现窗口和人才服务窗口设置和运行，开展优惠政策“一窗兑现”。（2分）", "（5）建设12345热线并按时办结群众诉求。（2分）", 1)
	rb, err := rubric.Parse("2020.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// compareFixture is threeUnits in 2021 and, in 2020, 吉首市 99.00 (1.1.a),
// 泸溪县 100.00 and 凤凰县 98.00 (1.1.a, 1.1.b), all under the seed rubric.
func compareFixture(t *testing.T) []*store.State {
	var rb2020 *rubric.Rubric
	_, states := statesOf(t,
		unitFindings{unit: "吉首市", period: "2021", set: []string{"2.4.a", "89", ""},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐", "道路运输许可"}}},
		unitFindings{unit: "泸溪县", period: "2021", set: []string{"1.2.a", "8", "不动产登记等8项"}},
		unitFindings{unit: "花垣县", period: "2021", set: []string{"1.1.a", "true", "未按时完成梳理"},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐"}}},
		unitFindings{unit: "吉首市", period: "2020", set: []string{"1.1.a", "true", ""}, rb: rb2020},
		unitFindings{unit: "泸溪县", period: "2020", rb: rb2020},
		unitFindings{unit: "凤凰县", period: "2020", set: []string{"1.1.a", "true", "", "1.1.b", "true", ""}, rb: rb2020},
	)
	return states
}

// changedFixture is threeUnits in 2021 and, in 2020 under earlierRubric,
// 吉首市 98.80 (1.1.a, 1.2.a 1项), 泸溪县 99.00 (工作保障's 5.4.a, the
// 6.4.a of 2021) and 凤凰县 98.00 (1.1.a, 1.1.b).
func changedFixture(t *testing.T) []*store.State {
	rb2020 := earlierRubric(t)
	_, states := statesOf(t,
		unitFindings{unit: "吉首市", period: "2021", set: []string{"2.4.a", "89", ""},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐", "道路运输许可"}}},
		unitFindings{unit: "泸溪县", period: "2021", set: []string{"1.2.a", "8", "不动产登记等8项"}},
		unitFindings{unit: "花垣县", period: "2021", set: []string{"1.1.a", "true", "未按时完成梳理"},
			items: map[string][]string{"1.2.a": {"不动产登记", "林木采伐"}}},
		unitFindings{unit: "吉首市", period: "2020", set: []string{"1.1.a", "true", "", "1.2.a", "1", ""}, rb: rb2020},
		unitFindings{unit: "泸溪县", period: "2020", set: []string{"5.4.a", "true", ""}, rb: rb2020},
		unitFindings{unit: "凤凰县", period: "2020", set: []string{"1.1.a", "true", "", "1.1.b", "true", ""}, rb: rb2020},
	)
	return states
}

// unitChanges lists a comparison's units as text: unit, change of total,
// ranks, change of rank, and categories 1 and 2 (score, change).
func unitChanges(c *Comparison) string {
	var out []string
	for _, u := range c.Units {
		out = append(out, fmt.Sprintf("%s %s→%s %s #%d→#%d %+d c1 %s %s c2 %s %s", u.Unit, u.EarlierTotal.Fixed(2), u.Total.Fixed(2), u.Change.Fixed(2),
			u.EarlierRank, u.Rank, u.RankChange, u.Categories[0].Score.Fixed(2), u.Categories[0].Change.Fixed(2), u.Categories[1].Score.Fixed(2), u.Categories[1].Change.Fixed(2)))
	}
	return strings.Join(out, "\n")
}

// Same rubric, by hand: 吉首市 99.00 (#2) → 99.07 (#1), +0.07, up one;
// category 1 (15 points) 14.00 → 14.40 (+0.40), category 2 (25) 25.00 → 24.67 (−0.33).
// 泸溪县 100.00 (#1) → 99.00 (#2), −1.00, down one; category 1 −1.00.
// 花垣县 assessed in 2021 only, 凤凰县 in 2020 only.
func TestCompareSameRubric(t *testing.T) {
	r, err := Build(compareFixture(t), Filter{Period: "2021", Compare: "2020"}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c := r.Compare
	want := "吉首市 99.00→99.07 0.07 #2→#1 +1 c1 14.40 0.40 c2 24.67 -0.33\n" +
		"泸溪县 100.00→99.00 -1.00 #1→#2 -1 c1 14.00 -1.00 c2 25.00 0.00"
	if got := unitChanges(c); got != want {
		t.Errorf("changes\n%s\nwant\n%s", got, want)
	}
	if strings.Join(c.OnlyNow, ",") != "花垣县" || strings.Join(c.OnlyEarlier, ",") != "凤凰县" {
		t.Errorf("only now %v, only earlier %v", c.OnlyNow, c.OnlyEarlier)
	}
	if len(c.IndicatorsAdded)+len(c.IndicatorsRemoved)+len(c.CategoriesAdded)+len(c.CategoriesRemoved) != 0 {
		t.Errorf("same rubric, unmatched %+v", c)
	}
	for _, cc := range c.Categories {
		if !cc.Alike || cc.EarlierID != cc.ID {
			t.Errorf("category %+v", cc)
		}
	}
}

// A changed rubric, by hand: categories are paired by their words, so
// 泸溪县's 工作保障 (6 now, 5 then) went 9.00 → 10.00, +1.00, and 政务窗口服务
// (5 now, 6 then) stayed 10.00; pairing by ID would have put the +1.00 on
// category 5. 吉首市 98.80 (#2) → 99.07 (#1), +0.27, category 1 13.80 →
// 14.40; 泸溪县 99.00 (#1) → 99.00 (#2). 2.5 is listed both ways, not
// dropped, and category 2, whose indicators differ, is marked as not like
// for like.
func TestCompareChangedRubric(t *testing.T) {
	r, err := Build(changedFixture(t), Filter{Period: "2021", Compare: "2020"}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c := r.Compare
	if c.Rubric == c.EarlierRubric {
		t.Fatalf("rubrics %s and %s", c.Rubric, c.EarlierRubric)
	}
	want := "吉首市 98.80→99.07 0.27 #2→#1 +1 c1 14.40 0.60 c2 24.67 -0.33\n" +
		"泸溪县 99.00→99.00 0.00 #1→#2 -1 c1 14.00 -1.00 c2 25.00 0.00"
	if got := unitChanges(c); got != want {
		t.Errorf("changes\n%s\nwant\n%s", got, want)
	}
	lx := c.Units[1].Categories
	if lx[4].ID != "5" || lx[4].Earlier != dec("10") || lx[4].Change != 0 || lx[5].ID != "6" || lx[5].Earlier != dec("9") || lx[5].Change != dec("1") {
		t.Errorf("泸溪县 categories 5 and 6: %+v %+v", lx[4], lx[5])
	}
	if len(c.IndicatorsAdded) != 1 || c.IndicatorsAdded[0].ID != "2.5" || !strings.Contains(c.IndicatorsAdded[0].Text, "一窗兑现") {
		t.Errorf("added %+v", c.IndicatorsAdded)
	}
	if len(c.IndicatorsRemoved) != 1 || c.IndicatorsRemoved[0].ID != "2.5" || !strings.Contains(c.IndicatorsRemoved[0].Text, "12345") {
		t.Errorf("removed %+v", c.IndicatorsRemoved)
	}
	for _, cc := range c.Categories {
		wantID := map[string]string{"5": "6", "6": "5"}[cc.ID]
		if wantID == "" {
			wantID = cc.ID
		}
		if cc.EarlierID != wantID || cc.Alike != (cc.ID != "2") {
			t.Errorf("category %+v", cc)
		}
	}
}

// The report shows the analysis where the office reads it: a 共性问题, a
// 名次差距 and a 同比 sheet in the workbook, after the ranking, with the
// figures of the tests above; the same sections in Markdown.
func TestReportShowsTheAnalysis(t *testing.T) {
	zh := i18n.For("zh")
	r, err := Build(compareFixture(t), Filter{Period: "2021", Analysis: true, Compare: "2020"}, zh, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 4 || sheets[1] != "共性问题" || sheets[2] != "名次差距" || sheets[3] != "同比" {
		t.Fatalf("sheets %v", sheets)
	}
	// Every sheet repeats its own title rows when printed.
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sh := range sheets {
		if want := "'" + sh + "'!$1:$2"; titles[sh] != want {
			t.Errorf("print titles of %s: %q, want %q", sh, titles[sh], want)
		}
	}
	cell := func(sheet, at string) string {
		v, err := f.GetCellValue(sheet, at)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct{ sheet, at, want string }{
		{"共性问题", "B3", "1.2"}, {"共性问题", "E3", "2.00"}, {"共性问题", "F3", "3/3"},
		{"共性问题", "G3", "不动产登记（2个单位）；林木采伐（2个单位）；不动产登记等8项（1个单位）"},
		{"共性问题", "B5", "2.4"}, {"共性问题", "E5", "0.33"},
		{"名次差距", "B3", "吉首市"}, {"名次差距", "D3", "泸溪县"}, {"名次差距", "F3", "0.07"},
		{"名次差距", "G3", "吉首市 2.4.a “好差评”评分指标得分 89 → 86（-0.09）即可互换名次"},
		{"名次差距", "G4", "花垣县 1.1.a 未按要求开展或按时完成事项梳理 是 → 否（+1.00）即可互换名次"},
		{"同比", "A3", "吉首市"}, {"同比", "D3", "0.07"}, {"同比", "G3", "上升1位"}, {"同比", "H3", "0.40"},
		{"同比", "A4", "泸溪县"}, {"同比", "D4", "-1.00"}, {"同比", "G4", "下降1位"},
		{"同比", "A6", "仅2021有考核的单位：花垣县"}, {"同比", "A7", "仅2020有考核的单位：凤凰县"},
	} {
		if got := oneLine(cell(c.sheet, c.at)); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.at, got, c.want)
		}
	}
	var csvOut bytes.Buffer
	if err := r.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvOut.String(), "\ufeff")))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, rec := range recs {
		rows = append(rows, strings.Join(rec, "|"))
	}
	all := strings.Join(rows, "\n")
	for _, want := range []string{"共性问题", "1|1.2|", "|2.00|2.00|3/3|", "名次差距", "1–2|吉首市|99.07|泸溪县|99.00|0.07|吉首市 2.4.a", "同比 2021与2020比较", "泸溪县|99.00|100.00|-1.00|2|1|下降1位|-1.00|0.00"} {
		if !strings.Contains(all, want) {
			t.Errorf("csv lacks %q:\n%s", want, all)
		}
	}
	var md strings.Builder
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## 共性问题", "## 名次差距", "- 吉首市 99.07 与 泸溪县 99.00 相差 0.07；吉首市 2.4.a", "## 同比 2021与2020比较", "| 泸溪县 | 99.00 | 100.00 | -1.00 | 2 | 1 | 下降1位 |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}

// A tie swaps on the least change, and a shortfall rule (每少2000件扣0.1分,
// target 100000) moves a whole step at a time. 78500 件 is ⌊21500/2000⌋ =
// 10 steps short, −1.00: 99.00, as much as a unit with 1.1.a (−1.00). The
// pair ties; names order them (吉首市 before 泸溪县). With the shortfall
// below, 80001 件 (9 steps) lifts it 0.10 above; with it above, 78000 件
// (11 steps) drops it 0.10 below. The flag, already deducting, cannot lose
// more; lifting it would gain 1.00, more than needed.
func TestMarginsTieAndShortfallSteps(t *testing.T) {
	for _, tc := range []struct {
		shortfall, flag, want string
	}{
		{"泸溪县", "吉首市", "泸溪县 3.2.a 78500→80001 0.10"},
		{"吉首市", "泸溪县", "吉首市 3.2.a 78500→78000 -0.10"},
	} {
		_, states := statesOf(t,
			unitFindings{unit: tc.shortfall, period: "2021", set: []string{"3.2.a", "78500", ""}},
			unitFindings{unit: tc.flag, period: "2021", set: []string{"1.1.a", "true", ""}},
		)
		ms, err := Margins(states)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || ms[0].Margin != 0 || !ms[0].Single || len(ms[0].Swap) != 1 {
			t.Fatalf("margins %+v", ms)
		}
		c := ms[0].Swap[0]
		if got := c.Unit + " " + c.Rule + " " + c.From.String() + "→" + c.To.String() + " " + c.Effect.Fixed(2); got != tc.want {
			t.Errorf("swap %s, want %s", got, tc.want)
		}
	}
}

// BenchmarkAnalysis works out the 共性问题 and the rank margins of 120 and
// 1,000 fully recorded units, every rule deducting (the worst case: every
// finding is a candidate change, and equal totals make every pair a tie).
func BenchmarkAnalysis(b *testing.B) {
	for _, n := range []int{120, 1000} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			states := benchStates(b, n)
			b.ResetTimer()
			defer storetest.CPUPerOp(b)()
			for b.Loop() {
				if _, err := Build(states, Filter{Analysis: true}, i18n.For("zh"), time.Now()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Under the rubric language's constructs: a band rule (100% keeps 6 points,
// 90–100% 3) moves from band to band, and a veto is not a matter of points.
//   - 甲县 95% (−3) below 乙县, which is late once (2.2.b, −1): 2.00 apart.
//     乙县 can lose nothing more (its flag is set, its 100% carries no
//     points); 甲县 96%–99% stay in the band, 100% gains 3.00: the swap.
//   - With 乙县's 瞒报事故 (veto) recorded, 乙县 ranks below whatever its
//     points, and no swap is sought.
func TestMarginsBandsAndVetoes(t *testing.T) {
	rb, err := rubric.LoadFile("../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, states := statesOf(t,
		unitFindings{unit: "甲县", period: "2021", set: []string{"1.1.a", "95", ""}, rb: rb},
		unitFindings{unit: "乙县", period: "2021", set: []string{"1.1.a", "100", "", "2.2.b", "true", ""}, rb: rb},
	)
	ms, err := Margins(states)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Upper != "乙县" || ms[0].Margin != dec("2.00") || !ms[0].Single {
		t.Fatalf("margins %+v", ms)
	}
	if c := ms[0].Swap[0]; c.Unit != "甲县" || c.Rule != "1.1.a" || c.To.Num != dec("100") || c.Effect != dec("3.00") {
		t.Errorf("swap %+v, want 甲县 1.1.a 95 → 100 (+3.00)", c)
	}
	_, states = statesOf(t,
		unitFindings{unit: "甲县", period: "2021", set: []string{"1.1.a", "95", ""}, rb: rb},
		unitFindings{unit: "乙县", period: "2021", set: []string{"1.1.a", "100", "", "2.2.a", "true", ""}, rb: rb},
	)
	if ms, err = Margins(states); err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Upper != "甲县" || ms[0].Lower != "乙县" || !ms[0].Vetoed || len(ms[0].Swap) != 0 {
		t.Fatalf("margins %+v", ms)
	}
	if got := MarginText(i18n.For("zh"), ms[0]); !strings.HasSuffix(got, "；乙县因一票否决排在其后") {
		t.Errorf("worded %q", got)
	}
}

// A report for some units names no other: no 共性问题 or 名次差距 (they
// are the whole period's), and the comparison lists only the units shown,
// with their ranks among all.
func TestReportForSomeUnitsNamesNoOther(t *testing.T) {
	r, err := Build(compareFixture(t), Filter{Period: "2021", Units: []string{"泸溪县"}, Analysis: true, Compare: "2020"}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Analyses) != 0 {
		t.Errorf("analysis of a report for one unit: %+v", r.Analyses)
	}
	if c := r.Compare; len(c.Units) != 1 || c.Units[0].Unit != "泸溪县" || c.Units[0].Rank != 2 || c.Units[0].EarlierRank != 1 || len(c.OnlyNow)+len(c.OnlyEarlier) != 0 {
		t.Errorf("comparison %+v", c)
	}
	var md strings.Builder
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"吉首市", "花垣县", "凤凰县"} {
		if strings.Contains(md.String(), other) {
			t.Errorf("a report for 泸溪县 names %s:\n%s", other, md.String())
		}
	}
}

// A note written on another laptop reaches the 共性问题 as text: a formula
// stays text in the workbook, is neutralised in the CSV, and an escape
// sequence never reaches either.
func TestCommonProblemsHostileNote(t *testing.T) {
	note := "=HYPERLINK(\"http://x\")\x1b[31m红"
	_, states := statesOf(t,
		unitFindings{unit: "吉首市", period: "2021", set: []string{"1.1.a", "true", note}},
		unitFindings{unit: "泸溪县", period: "2021"},
	)
	r, err := Build(states, Filter{Period: "2021", Analysis: true}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var csvOut, xl bytes.Buffer
	if err := r.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(csvOut.String(), "\x1b") || !strings.Contains(csvOut.String(), `"'=HYPERLINK(""http://x"")`) {
		t.Errorf("csv:\n%q", csvOut.String())
	}
	if err := r.WriteXLSX(&xl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if formula, _ := f.GetCellFormula("共性问题", "G3"); formula != "" {
		t.Errorf("the note became a formula: %q", formula)
	}
	if v, _ := f.GetCellValue("共性问题", "G3"); !strings.HasPrefix(v, "=HYPERLINK") || strings.Contains(v, "\x1b") {
		t.Errorf("共性问题!G3 = %q", v)
	}
}

// The least change is not always the first one galloping finds: 凤凰县
// 99.80 (1.2.a 1项) vs 泸溪县 99.67 (2.4.a 89, 3 × 11/100 = 0.33 off).
// 凤凰县 1.2.a 1 → 2 swaps them at −0.20; 泸溪县 2.4.a 89 → 94 (0.18 off,
// 99.82) swaps them at +0.15, and 93 (99.79) does not: the least is
// 泸溪县's, +0.15, though a probe at 97 (+0.24) is worse than −0.20.
func TestMarginsFindTheLeastChangeBetweenProbes(t *testing.T) {
	_, states := statesOf(t,
		unitFindings{unit: "凤凰县", period: "2021", set: []string{"1.2.a", "1", "一项"}},
		unitFindings{unit: "泸溪县", period: "2021", set: []string{"2.4.a", "89", ""}},
		unitFindings{unit: "吉首市", period: "2021", set: []string{"1.2.a", "3", "三项"}},
	)
	ms, err := Margins(states)
	if err != nil {
		t.Fatal(err)
	}
	m := ms[0]
	if m.Upper != "凤凰县" || m.Lower != "泸溪县" || !m.Single || len(m.Swap) != 1 {
		t.Fatalf("first pair %+v", m)
	}
	if c := m.Swap[0]; c.Unit != "泸溪县" || c.Rule != "2.4.a" || c.To.Num != dec("94") || c.Effect != dec("0.15") {
		t.Errorf("the change %+v, want 泸溪县 2.4.a 89 → 94 (+0.15)", c)
	}
}
