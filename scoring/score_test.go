package scoring

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
)

func num(s string) Value { return NumValue(decimal.MustParse(s)) }

func mustScore(t *testing.T, fs Findings) *Result {
	t.Helper()
	res, err := Score(rubric.Default(), fs)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return res
}

func ind(t *testing.T, res *Result, id string) *IndicatorResult {
	t.Helper()
	ir, ok := res.Indicator(id)
	if !ok {
		t.Fatalf("no indicator %s", id)
	}
	return ir
}

func TestEmptyFindingsScoreFullMarks(t *testing.T) {
	res := mustScore(t, Findings{})
	if res.Base.String() != "100" || res.Bonus.String() != "0" || res.Total.String() != "100" {
		t.Errorf("empty assessment = base %s bonus %s total %s, want 100/0/100", res.Base, res.Bonus, res.Total)
	}
	if res.Progress.RulesRecorded != 0 || res.Progress.RulesTotal != 70 || res.Progress.IndicatorsTotal != 36 {
		t.Errorf("progress = %+v", res.Progress)
	}
}

// Each rule kind, each cap level and the rounding, on the seed's own rules.
func TestRuleKindsAndCaps(t *testing.T) {
	cases := []struct {
		name      string
		fs        Findings
		indicator string
		score     string
		deduction string
		capped    bool
	}{
		{"flag true deducts", Findings{"1.1.a": {Value: BoolValue(true)}}, "1.1", "1", "1", false},
		{"flag false deducts nothing", Findings{"1.1.a": {Value: BoolValue(false)}}, "1.1", "2", "0", false},
		{"both flags", Findings{"1.1.a": {Value: BoolValue(true)}, "1.1.b": {Value: BoolValue(true)}}, "1.1", "0", "2", false},
		{"count times amount", Findings{"1.2.a": {Value: num("3")}}, "1.2", "1.4", "0.6", false},
		{"count rule cap binds (8×0.2=1.6 → 1)", Findings{"1.2.a": {Value: num("8")}}, "1.2", "1", "1", false},
		{"count rule cap plus flag", Findings{"1.2.a": {Value: num("8")}, "1.2.b": {Value: BoolValue(true)}}, "1.2", "0", "2", false},
		{"indicator cap binds (1.6: 0.5×3 = 1.5 → 1)", Findings{"1.6.a": {Value: BoolValue(true)}, "1.6.b": {Value: BoolValue(true)}, "1.6.c": {Value: BoolValue(true)}}, "1.6", "0", "1", true},
		{"indicator cap binds 2.1", Findings{"2.1.a": {Value: BoolValue(true)}, "2.1.b": {Value: num("10")}, "2.1.e": {Value: num("7")}}, "2.1", "0", "5", true},
		{"shortfall partial step deducts nothing", Findings{"3.2.a": {Value: num("98001")}}, "3.2", "6", "0", false},
		{"shortfall whole steps", Findings{"3.2.a": {Value: num("98000")}}, "3.2", "5.9", "0.1", false},
		{"shortfall floor", Findings{"3.2.a": {Value: num("93999")}}, "3.2", "5.7", "0.3", false},
		{"shortfall rule cap", Findings{"3.2.a": {Value: num("0")}}, "3.2", "1", "5", false},
		{"shortfall above target", Findings{"3.2.a": {Value: num("150000")}}, "3.2", "6", "0", false},
		{"group cap binds (cards: 4×0.1 + 4×0.2 = 1.2 → 1)", Findings{"3.2.b": {Value: num("4")}, "3.2.c": {Value: num("4")}}, "3.2", "5", "1", false},
		{"group and rule caps together", Findings{"3.2.a": {Value: num("0")}, "3.2.b": {Value: num("20")}}, "3.2", "0", "6", false},
		{"ratio proportional", Findings{"3.1.a": {Value: num("90")}}, "3.1", "1.9", "0.1", false},
		{"ratio rounds half up (85 target, 80 → 5/85 = 0.0588)", Findings{"3.1.b": {Value: num("80")}}, "3.1", "1.94", "0.06", false},
		{"ratio at zero deducts its cap", Findings{"3.1.a": {Value: num("0")}, "3.1.b": {Value: num("0")}}, "3.1", "0", "2", false},
		{"convert 92.5 of 100 on 3 points: 0.225 → 0.23", Findings{"2.4.a": {Value: num("92.5")}}, "2.4", "2.77", "0.23", false},
		{"convert full mark", Findings{"2.4.a": {Value: num("100")}}, "2.4", "3", "0", false},
		{"convert zero", Findings{"2.4.a": {Value: num("0")}}, "2.4", "0", "3", false},
		{"discretion", Findings{"3.4.a": {Value: num("0.5"), Note: "汇聚不全"}}, "3.4", "1.5", "0.5", false},
		{"discretion rounds half up", Findings{"3.4.a": {Value: num("0.125"), Note: "x"}}, "3.4", "1.87", "0.13", false},
		{"3.5 per item shortfall", Findings{"3.5.a": {Value: num("97.5")}, "3.5.b": {Value: num("99")}, "3.5.c": {Value: num("100")}}, "3.5", "2.7", "0.3", false},
		{"3.5 indicator cap", Findings{"3.5.a": {Value: num("50")}, "3.5.d": {Value: num("1"), Note: "未汇聚"}}, "3.5", "0", "3", true},
		{"6.5 shortfall of times, no own cap", Findings{"6.5.a": {Value: num("0")}}, "6.5", "0", "2", false},
		{"6.3 shortfall with cap", Findings{"6.3.a": {Value: num("1")}}, "6.3", "0.5", "1.5", false},
		{"bonus", Findings{"7.1.a": {Value: BoolValue(true)}}, "7.1", "10", "10", false},
		{"no bonus", Findings{"7.1.a": {Value: BoolValue(false)}}, "7.1", "0", "0", false},
		{"0.1 + 0.2 is 0.3", Findings{"2.3.a": {Value: num("1")}, "2.3.b": {Value: num("2")}}, "2.3", "1.7", "0.3", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := mustScore(t, tc.fs)
			ir := ind(t, res, tc.indicator)
			if ir.Score.String() != tc.score || ir.Deduction.String() != tc.deduction || ir.Capped != tc.capped {
				t.Errorf("%s: score %s deduction %s capped %v, want %s %s %v", tc.indicator, ir.Score, ir.Deduction, ir.Capped, tc.score, tc.deduction, tc.capped)
			}
		})
	}
}

func TestCapReporting(t *testing.T) {
	res := mustScore(t, Findings{"1.2.a": {Value: num("8")}, "3.2.b": {Value: num("4")}, "3.2.c": {Value: num("4")}})
	r := ind(t, res, "1.2").Rules[0]
	if r.Raw.String() != "1.6" || r.Amount.String() != "1" || !r.Capped {
		t.Errorf("1.2.a raw %s deduction %s capped %v, want 1.6 → 1 capped", r.Raw, r.Amount, r.Capped)
	}
	g := ind(t, res, "3.2").Groups[0]
	if g.Raw.String() != "1.2" || g.Amount.String() != "1" || !g.Capped {
		t.Errorf("3.2 cards group raw %s deduction %s capped %v, want 1.2 → 1 capped", g.Raw, g.Amount, g.Capped)
	}
	if !ind(t, res, "3.2").AnyCapBound() || ind(t, res, "1.1").AnyCapBound() {
		t.Error("AnyCapBound wrong")
	}
}

const twoBonusRubric = `id: t
version: "1"
title: t
categories:
  - id: "1"
    title: 基础
    points: 2
    indicators:
      - id: "1.1"
        points: 2
        content: c
        standard: 没有的扣3分
        cap: 2
        rules:
          - {id: 1.1.a, kind: flag, amount: 2, clause: 没有的扣3分}
  - id: "2"
    title: 加分
    points: 10
    bonus: true
    indicators:
      - id: "2.1"
        points: 8
        content: 省级
        standard: 获得省级激励的加8分
        rules:
          - {id: 2.1.a, kind: bonus, amount: 8, clause: 获得省级激励的加8分}
      - id: "2.2"
        points: 3
        content: 市级
        standard: 获得市级激励的加5分
        rules:
          - {id: 2.2.a, kind: bonus, amount: 5, clause: 获得市级激励的加5分}
      - id: "2.3"
        points: 5
        content: 州级
        standard: 获得州级激励的加4分
        rules:
          - {id: 2.3.a, kind: bonus, amount: 4, clause: 获得州级激励的加4分}
`

func TestBonusCaps(t *testing.T) {
	rb, err := rubric.Parse("t.yaml", []byte(twoBonusRubric))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Score(rb, Findings{"2.1.a": {Value: BoolValue(true)}, "2.2.a": {Value: BoolValue(true)}, "2.3.a": {Value: BoolValue(true)}, "1.1.a": {Value: BoolValue(true)}})
	if err != nil {
		t.Fatal(err)
	}
	// 2.1 earns 8; 2.2 earns 5 capped at its 3 points; 2.3 earns 4; the
	// category pays at most 10 of the 15.
	if ir, _ := res.Indicator("2.2"); ir.Score.String() != "3" || !ir.Capped {
		t.Errorf("2.2 bonus %s capped %v, want 3 capped", ir.Score, ir.Capped)
	}
	if c := res.Categories[1]; c.Score.String() != "10" || !c.Capped {
		t.Errorf("bonus category %s capped %v, want 10 capped", c.Score, c.Capped)
	}
	if res.Base.String() != "0" || res.Bonus.String() != "10" || res.Total.String() != "10" {
		t.Errorf("base %s bonus %s total %s", res.Base, res.Bonus, res.Total)
	}
}

func TestTotals(t *testing.T) {
	res := mustScore(t, Findings{
		"1.1.a": {Value: BoolValue(true)},
		"2.4.a": {Value: num("92.5")},
		"3.2.a": {Value: num("98000")},
		"7.1.a": {Value: BoolValue(true)},
		"1.1.b": {Value: BoolValue(false)},
	})
	if res.Base.String() != "98.67" || res.Bonus.String() != "10" || res.Total.String() != "108.67" {
		t.Errorf("base %s bonus %s total %s, want 98.67 10 108.67", res.Base, res.Bonus, res.Total)
	}
	if res.Categories[0].Score.String() != "14" || res.Categories[1].Score.String() != "24.77" || res.Categories[2].Score.String() != "19.9" {
		t.Errorf("categories %s %s %s", res.Categories[0].Score, res.Categories[1].Score, res.Categories[2].Score)
	}
	p := res.Progress
	if p.RulesRecorded != 5 || p.IndicatorsRecorded != 3 || p.IndicatorsStarted != 4 {
		t.Errorf("progress %+v, want 5 rules, 3 complete indicators (1.1, 2.4, 7.1), 4 started", p)
	}
}

func TestInvalidFindingsAreRefusedByRuleID(t *testing.T) {
	cases := []struct {
		fs   Findings
		want string
	}{
		{Findings{"1.2.a": {Value: num("-1")}}, "1.2.a: a negative value -1 is not allowed for this count rule; expected a whole number from 0 to 1000000"},
		{Findings{"1.2.a": {Value: num("2.5")}}, "1.2.a: 2.5, not a whole number, is not allowed"},
		{Findings{"1.5.b": {Value: num("4")}}, "1.5.b: 4 is not allowed for this count rule; expected a whole number from 0 to 3"},
		{Findings{"3.1.a": {Value: num("120")}}, "3.1.a: 120 is not allowed for this ratio rule; expected a percentage from 0 to 100"},
		{Findings{"2.4.a": {Value: num("100.5")}}, "2.4.a: 100.5 is not allowed for this convert rule; expected a score from 0 to 100"},
		{Findings{"3.4.a": {Value: num("2.5"), Note: "x"}}, "3.4.a: 2.5 is not allowed for this discretion rule; expected a deduction from 0 to 2, with a note"},
		{Findings{"3.4.a": {Value: num("1")}}, "3.4.a: a discretionary deduction needs a note"},
		{Findings{"3.2.a": {Value: Value{Type: Text, Text: "很多"}}}, `3.2.a: text "很多" is not allowed for this shortfall rule; expected a number ≥ 0 (target 100000)`},
		{Findings{"1.1.a": {Value: num("1")}}, "1.1.a: 1 is not allowed for this flag rule; expected true or false"},
		{Findings{"9.9.z": {Value: num("1")}}, `9.9.z: rubric xiangxi-fangguanfu-county 2021 has no rule "9.9.z"`},
		{Findings{"3.5.a": {Value: num("101")}}, "3.5.a: 101 is not allowed for this shortfall rule; expected a number from 0 to 100"},
	}
	for _, tc := range cases {
		_, err := Score(rubric.Default(), tc.fs)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	// Every error is reported, sorted by rule.
	_, err := Score(rubric.Default(), Findings{"3.1.a": {Value: num("120")}, "1.2.a": {Value: num("-1")}})
	if err == nil || strings.Count(err.Error(), "\n") != 1 || !strings.HasPrefix(err.Error(), "1.2.a") {
		t.Errorf("want both errors, 1.2.a first: %v", err)
	}
}

func TestReadFindingsJSON(t *testing.T) {
	fs, err := ReadFindingsJSON([]byte(`{"findings": {"1.2.a": 3, "1.2.b": true, "3.4.a": {"value": 0.5, "note": "汇聚不全"}, "3.1.a": 92.35}}`))
	if err != nil {
		t.Fatal(err)
	}
	if fs["1.2.a"].Value.Num.String() != "3" || !fs["1.2.b"].Value.Bool || fs["3.4.a"].Note != "汇聚不全" || fs["3.1.a"].Value.Num.String() != "92.35" {
		t.Errorf("parsed %+v", fs)
	}
	for _, bad := range []string{`{"findings": {"1.2.a": }}`, `[]`, `{}`, `{"findings": {"1.2.a": {"note": "x"}}}`, `{"findings": {"1.2.a": 1e3}}`, `{"finding": {}}`} {
		if _, err := ReadFindingsJSON([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
	_, err = ReadFindingsJSON([]byte("{\n  \"findings\": {\n    \"1.2.a\": 3,,\n  }\n}"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("syntax error should carry a line: %v", err)
	}
}

func TestRuleLess(t *testing.T) {
	if !RuleLess("1.2.b", "1.10.a") || RuleLess("2.1.a", "1.9.z") || !RuleLess("3.5.a", "3.5.b") {
		t.Error("RuleLess does not follow rubric order")
	}
}

// BenchmarkScore scores one fully recorded assessment of the seed (every
// rule of its 36 indicators): what list, the workbench and every report pay
// per assessment. Wall and CPU (the collector's work included) per op.
func BenchmarkScore(b *testing.B) {
	rb := rubric.Default()
	fs := FullFindings(rb)
	b.ReportAllocs()
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		if _, err := Score(rb, fs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreAllocationYardstick allocates what a score of FullFindings
// allocates (the result and the arrays its indicators, rules, groups and
// values are sliced from; it records no veto) and does nothing else: the
// raw yardstick beside BenchmarkScore. What BenchmarkScore takes beyond it
// is the scoring itself; the rest is what the runtime charges (allocation,
// zeroing, collection) for a result of that shape.
func BenchmarkScoreAllocationYardstick(b *testing.B) {
	rb := rubric.Default()
	fs := FullFindings(rb)
	var res *Result
	b.ReportAllocs()
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		res, _ = newResult(rb, len(fs))
	}
	if len(res.Categories) != len(rb.Categories) {
		b.Fatalf("allocated %d categories, want %d", len(res.Categories), len(rb.Categories))
	}
}

// BenchmarkScoreKeepingResults scores as BenchmarkScore does while holding
// the last 1,000 results, as a ranking of 1,000 units does: the collector
// then marks a live heap of results instead of running over an empty one,
// which shows whether BenchmarkScore's collector share is its own artefact.
func BenchmarkScoreKeepingResults(b *testing.B) {
	rb := rubric.Default()
	fs := FullFindings(rb)
	kept := make([]*Result, 1000)
	b.ReportAllocs()
	defer storetest.CPUPerOp(b)()
	i := 0
	for b.Loop() {
		res, err := Score(rb, fs)
		if err != nil {
			b.Fatal(err)
		}
		kept[i%len(kept)] = res
		i++
	}
}

func TestFullFindingsAreValidAndComplete(t *testing.T) {
	rb := rubric.Default()
	res, err := Score(rb, FullFindings(rb))
	if err != nil {
		t.Fatal(err)
	}
	if res.Progress.IndicatorsRecorded != 36 || res.Base >= res.BaseMax {
		t.Errorf("a fully recorded assessment should record all 36 indicators and deduct: %+v base %s", res.Progress, res.Base)
	}
}

func TestRangeOverConflicts(t *testing.T) {
	rb := rubric.Default()
	fs := Findings{"1.2.a": {Value: num("2")}, "2.4.a": {Value: num("90")}}
	if RangeOver(rb, fs, nil) != nil {
		t.Error("no conflicts should give no range")
	}
	rg := RangeOver(rb, fs, map[string][]Finding{
		"1.2.a": {{Value: num("2")}, {Value: num("8")}},        // 0.4 or 1 (capped)
		"2.4.a": {{Value: num("90")}, {Value: num("100")}, {}}, // 0.3, 0 or unrecorded
	})
	if rg == nil {
		t.Fatal("no range")
	}
	// Base without the two: 100 − 2 − 3 = 95; 1.2 ∈ [1, 1.6]; 2.4 ∈ [2.7, 3].
	if rg.Min.String() != "98.7" || rg.Max.String() != "99.6" {
		t.Errorf("range %s–%s, want 98.7–99.6", rg.Min, rg.Max)
	}
	if sp := rg.Indicators["1.2"]; sp.Min.String() != "1" || sp.Max.String() != "1.6" {
		t.Errorf("1.2 span %v", sp)
	}
}

// Any bytes: a findings file is parsed or refused, never a panic, and what
// parses and passes the rubric scores within bounds.
func FuzzReadFindings(f *testing.F) {
	f.Add([]byte(`{"findings": {"1.2.a": 3, "1.2.b": true, "3.4.a": {"value": 0.5, "note": "x"}}}`))
	f.Add([]byte(`{"findings": {"3.1.a": 99.999999, "2.4.a": -0}}`))
	f.Add([]byte(`{"findings": {"9.9.z": "text"}, "notes": {"1.1": "n"}}`))
	rb := rubric.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := ReadFindingsJSON(data)
		if err != nil {
			return
		}
		res, err := Score(rb, fs)
		if err != nil {
			return
		}
		if res.Base < 0 || res.Base > res.BaseMax || res.Bonus < 0 || res.Bonus > res.BonusMax {
			t.Fatalf("score out of bounds: base %s bonus %s", res.Base, res.Bonus)
		}
	})
}

// The clean findings of the seed and of the rubric language's test rubric
// score full marks: nothing deducted, no bonus, no veto.
func TestCleanFindingsDeductNothing(t *testing.T) {
	rb := rubric.Default()
	res, err := Score(rb, CleanFindings(rb))
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != res.BaseMax || res.Bonus != 0 || res.Vetoed() || res.Progress.RulesRecorded != res.Progress.RulesTotal {
		t.Errorf("clean findings: total %s of %s, bonus %s, vetoed %v, %d/%d recorded", res.Total, res.BaseMax, res.Bonus, res.Vetoed(), res.Progress.RulesRecorded, res.Progress.RulesTotal)
	}
}

// A rule's result, written as JSON, names its rule as it always has: ID,
// kind, cap and group come from the rubric beside what the findings decided.
func TestRuleResultJSONCarriesItsRule(t *testing.T) {
	rb := rubric.Default()
	res, err := Score(rb, Findings{"3.2.a": {Value: num("98000")}, "3.2.b": {Value: num("3")}})
	if err != nil {
		t.Fatal(err)
	}
	ir, _ := res.Indicator("3.2")
	b, err := json.Marshal(ir.Rules)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("3.2 has %d rules in JSON, want 3: %s", len(got), b)
	}
	want := []map[string]any{
		{"id": "3.2.a", "kind": "shortfall", "cap": "5", "recorded": true, "deduction": "0.1", "steps": float64(1)},
		{"id": "3.2.b", "kind": "count", "group": "3.2.cards", "recorded": true, "deduction": "0.3"},
		{"id": "3.2.c", "kind": "count", "group": "3.2.cards", "recorded": false, "deduction": "0"},
	}
	for i, w := range want {
		for k, v := range w {
			if fmt.Sprint(got[i][k]) != fmt.Sprint(v) {
				t.Errorf("rule %d: %q is %v, want %v (%s)", i, k, got[i][k], v, b)
			}
		}
	}
	if _, ok := got[0]["group"]; ok {
		t.Errorf("3.2.a is in no group, its JSON says otherwise: %s", b)
	}
	// A result that names no rule (a caller's zero value) still writes.
	if b, err := json.Marshal(RuleResult{}); err != nil || !strings.Contains(string(b), `"id":""`) {
		t.Errorf("a zero rule result writes %s, %v", b, err)
	}
	// One made outside Score knows no indicator: it claims no stake.
	band := &rubric.Rule{ID: "x.a", Kind: rubric.Band, Bands: []rubric.ScoreBand{{Points: decimal.FromInt(6)}}}
	if b, err := json.Marshal(RuleResult{Rule: band}); err != nil || strings.Contains(string(b), `"stake"`) {
		t.Errorf("a band rule's result made outside Score writes %s, %v", b, err)
	}
}

// A result holds each finding's value and note as recorded, whatever the
// value's form: a label's text, a list's items (an empty list is "no
// instance", not "no value"), a number, a flag; a note beside any of them,
// and no note where none was written.
func TestResultKeepsEveryValueAndNoteAsRecorded(t *testing.T) {
	if n := reflect.TypeFor[Value]().NumField(); n != 5 {
		t.Fatalf("Value has %d fields: copyValue copies five; copy the new one too", n)
	}
	kinds := map[ValueType]int{}
	for _, rb := range []*rubric.Rubric{rubric.Default(), languageRubric(t)} {
		for name, fs := range map[string]Findings{"full": FullFindings(rb), "clean": CleanFindings(rb)} {
			noted := 0
			for id, f := range fs {
				if noted%2 == 0 && f.Note == "" {
					f.Note = "现场核查：" + id
					fs[id] = f
				}
				noted++
			}
			res, err := Score(rb, fs)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for ci := range res.Categories {
				for ii := range res.Categories[ci].Indicators {
					for _, rr := range res.Categories[ci].Indicators[ii].Rules {
						f, ok := fs[rr.ID()]
						if !ok {
							continue
						}
						kinds[f.Value.Type]++
						if rr.Value == nil || !reflect.DeepEqual(*rr.Value, f.Value) || rr.Note != f.Note {
							t.Errorf("%s %s: result holds %+v %q, recorded %+v %q", name, rr.ID(), rr.Value, rr.Note, f.Value, f.Note)
						}
						if f.Value.Type == List && rr.Value != nil && rr.Value.Items == nil {
							t.Errorf("%s %s: an empty list came back as no list", name, rr.ID())
						}
					}
				}
			}
		}
	}
	if len(kinds) != 4 {
		t.Errorf("only %v value forms scored; the test means every form", kinds)
	}
}
