package scoring

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

// languageRubric loads the test rubric that uses every construct beyond the
// seed's kinds: base 40 (categories 1 and 2), a bonus category of 10, a
// penalty category capped at 10, grades 优秀 45 / 良好 35 / 合格 20 / 不合格.
func languageRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	rb, err := rubric.LoadFile("../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

func list(ss ...string) Value {
	items := make([]decimal.Dec, len(ss))
	for i, s := range ss {
		items[i] = decimal.MustParse(s)
	}
	return ListValue(items...)
}

// Each new construct alone, with its score worked out by hand.
func TestLanguageConstructsHandComputed(t *testing.T) {
	rb := languageRubric(t)
	cases := []struct {
		name       string
		fs         Findings
		indicator  string
		score      string
		ruleCapped bool
	}{
		// bands by figure: 6 / 3 / 0 at 100 / 90 / below
		{"band 100 keeps all", Findings{"1.1.a": {Value: num("100")}}, "1.1", "6", false},
		{"band 95 keeps 3", Findings{"1.1.a": {Value: num("95")}}, "1.1", "3", false},
		{"band 90 exactly keeps 3", Findings{"1.1.a": {Value: num("90")}}, "1.1", "3", false},
		{"band 89.9 keeps 0", Findings{"1.1.a": {Value: num("89.9")}}, "1.1", "0", false},
		// bands by label: 优 10 / 良 5 / 差 0
		{"label 良", Findings{"1.2.a": {Value: TextValue("良")}}, "1.2", "5", false},
		{"label 差", Findings{"1.2.a": {Value: TextValue("差")}}, "1.2", "0", false},
		// excess: above 2 days, 1 per whole day, at most 4
		{"excess at the limit", Findings{"1.3.a": {Value: num("2")}}, "1.3", "4", false},
		{"excess 4.5 days: 2 whole steps", Findings{"1.3.a": {Value: num("4.5")}}, "1.3", "2", false},
		{"excess 9 days: 7 capped at 4", Findings{"1.3.a": {Value: num("9")}}, "1.3", "0", true},
		// per-item range: each 2–5, cap 10
		{"range 2 + 3.5", Findings{"1.4.a": {Value: list("2", "3.5")}}, "1.4", "4.5", false},
		{"range 2 + 3.5 + 5 capped at 10", Findings{"1.4.a": {Value: list("2", "3.5", "5")}}, "1.4", "0", true},
		{"range none", Findings{"1.4.a": {Value: list()}}, "1.4", "10", false},
		// linear 90–100 over the indicator's 5 points
		{"linear 97", Findings{"2.1.a": {Value: num("97")}}, "2.1", "3.5", false},
		{"linear 93.33 rounds the deduction 3.335 up to 3.34", Findings{"2.1.a": {Value: num("93.33")}}, "2.1", "1.66", false},
		{"linear at from", Findings{"2.1.a": {Value: num("90")}}, "2.1", "0", false},
		{"linear below from", Findings{"2.1.a": {Value: num("50")}}, "2.1", "0", false},
		{"linear at to", Findings{"2.1.a": {Value: num("100")}}, "2.1", "5", false},
		// a veto deducts nothing
		{"veto keeps the indicator's points", Findings{"2.2.a": {Value: BoolValue(true)}}, "2.2", "5", false},
		// counted bonus: 3 each, at most 6
		{"bonus 1 time", Findings{"3.1.a": {Value: num("1")}}, "3.1", "3", false},
		{"bonus 3 times capped at 6", Findings{"3.1.a": {Value: num("3")}}, "3.1", "6", true},
		// bonus range 1–3 each, at most 5
		{"bonus range 1 + 2.5", Findings{"3.2.a": {Value: list("1", "2.5")}}, "3.2", "3.5", false},
		{"bonus range capped at 5", Findings{"3.2.a": {Value: list("1", "3", "2.5")}}, "3.2", "5", true},
		// penalty: 2 each, off the total
		{"penalty 3 times", Findings{"4.1.a": {Value: num("3")}}, "4.1", "-6", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Score(rb, c.fs)
			if err != nil {
				t.Fatal(err)
			}
			ir := ind(t, res, c.indicator)
			if ir.Score.String() != c.score {
				t.Errorf("indicator %s scores %s, want %s (%+v)", c.indicator, ir.Score, c.score, ir.Rules)
			}
			if ir.Rules[0].Capped != c.ruleCapped {
				t.Errorf("rule cap bound = %v, want %v", ir.Rules[0].Capped, c.ruleCapped)
			}
		})
	}
}

// Whole assessments: totals, penalties capped and uncapped, grades, vetoes.
func TestLanguageTotalsGradesAndVeto(t *testing.T) {
	rb := languageRubric(t)
	typical := Findings{
		"1.1.a": {Value: num("95")},      // −3
		"1.2.a": {Value: TextValue("良")}, // −5
		"1.3.a": {Value: num("4.5")},     // −2
		"1.4.a": {Value: list("2", "3.5")},
		"2.1.a": {Value: num("97")},       // −1.5
		"2.2.b": {Value: BoolValue(true)}, // −1
		"3.1.a": {Value: num("1")},        // +3
		"3.2.a": {Value: list("1", "2.5")},
		"4.1.a": {Value: num("2")}, // −4 off the total
	}
	// base: 30 − 3 − 5 − 2 − 5.5 = 14.5, plus 10 − 1.5 − 1 = 7.5, is 22;
	// bonus 3 + 3.5 = 6.5; penalty 4: total 24.5, 合格 (20 ≤ 24.5 < 35).
	res, err := Score(rb, typical)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{res.Base.String(), res.Bonus.String(), res.Penalty.String(), res.Total.String(), res.Grade}
	if want := []string{"22", "6.5", "4", "24.5", "合格"}; !slices.Equal(got, want) {
		t.Errorf("base, bonus, penalty, total, grade = %v, want %v", got, want)
	}
	if res.Vetoed() {
		t.Errorf("vetoed by %v without a veto", res.VetoedBy)
	}

	// The same with 瞒报事故: the total stands, the grade is the last.
	vetoed := Findings{"2.2.a": {Value: BoolValue(true)}}
	for k, v := range typical {
		vetoed[k] = v
	}
	res, err = Score(rb, vetoed)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total.String() != "24.5" || res.Grade != "不合格" || !slices.Equal(res.VetoedBy, []string{"2.2.a"}) {
		t.Errorf("vetoed: total %s grade %s vetoed by %v, want 24.5 不合格 [2.2.a]", res.Total, res.Grade, res.VetoedBy)
	}
	// No findings: 40, 良好 (35 ≤ 40 < 45).
	res, _ = Score(rb, Findings{})
	if res.Total.String() != "40" || res.Grade != "良好" {
		t.Errorf("empty: total %s grade %s, want 40 良好", res.Total, res.Grade)
	}

	// Caps everywhere: 1.3 −4 (7 steps capped), 1.4 −10 (10.5 capped),
	// base 26; bonus 6 + 5 = 11, capped at the category's 10; penalty
	// 2 × 7 = 14, capped at the category's 10: total 26.
	capped := Findings{
		"1.3.a": {Value: num("9")},
		"1.4.a": {Value: list("2", "3.5", "5")},
		"3.1.a": {Value: num("3")},
		"3.2.a": {Value: list("1", "3", "2.5")},
		"4.1.a": {Value: num("7")},
	}
	res, err = Score(rb, capped)
	if err != nil {
		t.Fatal(err)
	}
	got = []string{res.Base.String(), res.Bonus.String(), res.Penalty.String(), res.Total.String(), res.Grade}
	if want := []string{"26", "10", "10", "26", "合格"}; !slices.Equal(got, want) {
		t.Errorf("capped: base, bonus, penalty, total, grade = %v, want %v", got, want)
	}
	if pc := res.Categories[3]; !pc.Penalty || !pc.Capped || pc.Score.String() != "-10" {
		t.Errorf("penalty category = %+v, want capped at −10", pc)
	}

	// Without the category's cap the penalty is uncapped: 26 + 10 − 14 = 22.
	rb.Categories[3].Cap = nil
	res, err = Score(rb, capped)
	if err != nil {
		t.Fatal(err)
	}
	if res.Penalty.String() != "14" || res.Total.String() != "22" || res.Categories[3].Capped {
		t.Errorf("uncapped: penalty %s total %s, want 14 and 22", res.Penalty, res.Total)
	}
	if ir := ind(t, res, "4.1"); ir.Capped || !ir.Uncapped {
		t.Errorf("an indicator of a penalty category without a cap is uncapped, got %+v", ir)
	}
	// A penalty larger than everything leaves 0, never a negative total.
	res, _ = Score(rb, Findings{"4.1.a": {Value: num("100")}})
	if res.Penalty.String() != "200" || res.Total.String() != "0" {
		t.Errorf("huge penalty: penalty %s total %s, want 200 and 0", res.Penalty, res.Total)
	}
}

// Values a new construct does not accept are refused, naming what is allowed.
func TestLanguageValuesRefused(t *testing.T) {
	rb := languageRubric(t)
	cases := []struct {
		rule string
		v    Value
		want string
	}{
		{"1.2.a", TextValue("中"), `label "中" is not allowed for this band rule; expected one of the labels 优, 良, 差`},
		{"1.2.a", num("1"), "expected one of the labels"},
		{"1.4.a", list("2", "6"), "an amount 6 (outside 2–5)"},
		{"1.4.a", list("1.5"), "an amount 1.5 (outside 2–5)"},
		{"1.4.a", num("3"), "3 is not allowed for this count rule; expected a list of amounts, each from 2 to 5"},
		{"3.1.a", num("1.5"), "not a whole number"},
		{"3.1.a", BoolValue(true), "true is not allowed for this bonus rule"},
		{"1.1.a", num("101"), "101 is not allowed"},
		{"2.2.a", num("1"), "expected true or false"},
	}
	for _, c := range cases {
		err := Check(rb, Findings{c.rule: {Value: c.v}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s = %v: want an error containing %q, got %v", c.rule, c.v, c.want, err)
		}
	}
}

// Amounts, labels and counts typed as inspectors type them.
func TestParseLanguageValues(t *testing.T) {
	rb := languageRubric(t)
	cases := []struct{ rule, typed, want string }{
		{"1.4.a", "2,3.5", "2,3.5"},
		{"1.4.a", "２，３.５", "2,3.5"},
		{"1.4.a", "[2, 3.5]", "2,3.5"},
		{"1.4.a", "2、3.5；4", "2,3.5,4"},
		{"1.4.a", "[]", "[]"},
		{"3.2.a", "1 2.5", "1,2.5"},
		{"1.2.a", " 良 ", "良"},
		{"3.1.a", "３", "3"},
		{"1.1.a", "９５", "95"},
	}
	for _, c := range cases {
		ref, _ := rb.Rule(c.rule)
		v, err := ParseValue(ref.Rule, c.typed)
		if err != nil || v.String() != c.want {
			t.Errorf("ParseValue(%s, %q) = %v, %v; want %s", c.rule, c.typed, v, err, c.want)
		}
	}
	ref, _ := rb.Rule("1.4.a")
	if _, err := ParseValue(ref.Rule, "2,三"); err == nil || !strings.Contains(err.Error(), "三") {
		t.Errorf("a list with a word in it: want an error naming it, got %v", err)
	}
}

// A list survives JSON exactly, as an array of decimals, with no float64.
func TestListValueJSON(t *testing.T) {
	fs, err := ReadFindingsJSON([]byte(`{"findings": {"1.4.a": [2, 3.333333], "1.2.a": "良", "3.2.a": {"value": [], "note": "无"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if v := fs["1.4.a"].Value; v.Type != List || v.String() != "2,3.333333" {
		t.Errorf("list read as %v", v)
	}
	b, _ := json.Marshal(fs["1.4.a"])
	if string(b) != "[2,3.333333]" {
		t.Errorf("list written as %s", b)
	}
	if v := fs["3.2.a"].Value; v.Type != List || len(v.Items) != 0 {
		t.Errorf("empty list read as %v", v)
	}
	for _, bad := range []string{`[2, "3"]`, `[1e3]`, `[[1]]`} {
		if _, err := ReadFindingsJSON([]byte(`{"findings": {"1.4.a": ` + bad + `}}`)); err == nil {
			t.Errorf("%s accepted as a list of amounts", bad)
		}
	}
}

// genLanguageFindings draws a valid value (or none) for every rule of the
// language rubric.
func genLanguageFindings(t *rapid.T, rb *rubric.Rubric) Findings {
	fs := Findings{}
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			if !rapid.Bool().Draw(t, r.ID+"?") {
				continue
			}
			var v Value
			switch r.Form() {
			case rubric.FormBool:
				v = BoolValue(rapid.Bool().Draw(t, r.ID))
			case rubric.FormLabel:
				v = TextValue(rapid.SampledFrom(r.Labels()).Draw(t, r.ID))
			case rubric.FormList:
				n := rapid.IntRange(0, 6).Draw(t, r.ID+"#")
				items := make([]decimal.Dec, n)
				for k := range items {
					items[k] = genDec(t, r.Range[0], r.Range[1], r.ID)
				}
				v = ListValue(items...)
			default:
				hi := decimal.FromInt(60)
				if r.MaxValue != nil {
					hi = *r.MaxValue
				}
				d := genDec(t, 0, hi, r.ID)
				if r.Kind == rubric.Count || r.Kind == rubric.Bonus {
					d = decimal.FromInt(d.IntPart())
				}
				v = NumValue(d)
			}
			fs[r.ID] = Finding{Value: v}
		}
	}
	return fs
}

// For any valid findings under the language rubric: the total is within
// [0, base + bonus points], each indicator within its bounds, a penalty
// category within its cap, and a veto always gives the last grade.
func TestLanguageBoundsProperty(t *testing.T) {
	rb := languageRubric(t)
	last := rb.Grades[len(rb.Grades)-1].Name
	rapid.Check(t, func(t *rapid.T) {
		fs := genLanguageFindings(t, rb)
		res, err := Score(rb, fs)
		if err != nil {
			t.Fatalf("valid findings refused: %v", err)
		}
		if res.Total < 0 || res.Total > rb.BasePoints()+rb.BonusPoints() {
			t.Fatalf("total %s out of [0, %s]", res.Total, rb.BasePoints()+rb.BonusPoints())
		}
		if want := decimal.Max2(res.Base+res.Bonus-res.Penalty, 0); res.Total != want {
			t.Fatalf("total %s, want base %s + bonus %s − penalty %s", res.Total, res.Base, res.Bonus, res.Penalty)
		}
		if res.Penalty < 0 || res.Penalty > *rb.Categories[3].Cap {
			t.Fatalf("penalty %s beyond its cap", res.Penalty)
		}
		for _, c := range res.Categories {
			for _, ir := range c.Indicators {
				if !ir.Penalty && (ir.Score < 0 || ir.Score > ir.Max) {
					t.Fatalf("indicator %s scores %s of %s", ir.ID, ir.Score, ir.Max)
				}
				for _, rr := range ir.Rules {
					if rr.Raw < 0 || !rr.Raw.IsCents() {
						t.Fatalf("rule %s raw %s is negative or not in cents", rr.ID(), rr.Raw)
					}
				}
			}
		}
		veto, _ := fs["2.2.a"]
		if vetoed := veto.Value.Type == Bool && veto.Value.Bool; vetoed != res.Vetoed() || (vetoed && res.Grade != last) {
			t.Fatalf("veto recorded %v: vetoed by %v, grade %s", vetoed, res.VetoedBy, res.Grade)
		}
		if !res.Vetoed() && res.Grade != rb.GradeOf(res.Total, false) {
			t.Fatalf("grade %s for total %s", res.Grade, res.Total)
		}
	})
}

// The seed, which uses none of the new constructs, scores as it always did
// on any findings: no grade, no veto, no penalty, total = base + bonus, and
// its JSON carries none of the new fields.
func TestSeedScoresUnchangedProperty(t *testing.T) {
	rb := rubric.Default()
	rapid.Check(t, func(t *rapid.T) {
		fs := genFindings(t, rb)
		res, err := Score(rb, fs)
		if err != nil {
			t.Fatal(err)
		}
		if res.Grade != "" || res.Vetoed() || res.Penalty != 0 || res.Total != res.Base+res.Bonus {
			t.Fatalf("seed result grew: grade %q veto %v penalty %s total %s", res.Grade, res.VetoedBy, res.Penalty, res.Total)
		}
		b, _ := json.Marshal(res)
		for _, key := range []string{`"grade"`, `"vetoed_by"`, `"penalty"`, `"stake"`, `"band"`, `"uncapped"`} {
			if strings.Contains(string(b), key) {
				t.Fatalf("the seed's score JSON holds %s", key)
			}
		}
	})
}

// FullFindings records a valid, complete assessment under the language
// rubric too.
func TestFullFindingsCoverTheLanguage(t *testing.T) {
	rb := languageRubric(t)
	res, err := Score(rb, FullFindings(rb))
	if err != nil {
		t.Fatal(err)
	}
	if res.Progress.RulesRecorded != res.Progress.RulesTotal {
		t.Errorf("recorded %d of %d rules", res.Progress.RulesRecorded, res.Progress.RulesTotal)
	}
}

// While a penalty's value is in conflict, the range of the total runs
// over both values, within the penalty category's cap: 40 − 4 and
// 40 − 10 (14 capped at 10).
func TestRangeOverPenalty(t *testing.T) {
	rb := languageRubric(t)
	fs := Findings{"4.1.a": {Value: num("2")}}
	rg := RangeOver(rb, fs, map[string][]Finding{"4.1.a": {{Value: num("2")}, {Value: num("7")}}})
	if rg == nil || rg.Min.String() != "30" || rg.Max.String() != "36" {
		t.Fatalf("range = %+v, want 30–36", rg)
	}
}

// A linear rule with its own points stakes those, not the indicator's:
// 3 points over 90–100 at 95 deducts 1.5, leaving 3.5 of 5.
func TestLinearWithItsOwnPoints(t *testing.T) {
	rb := languageRubric(t)
	ref, _ := rb.Rule("2.1.a")
	three := decimal.FromInt(3)
	ref.Rule.Points = &three
	if err := rubric.Validate(rb); err != nil {
		t.Fatal(err)
	}
	res, err := Score(rb, Findings{"2.1.a": {Value: num("95")}})
	if err != nil {
		t.Fatal(err)
	}
	if ir := ind(t, res, "2.1"); ir.Score.String() != "3.5" || ir.Rules[0].Stake().String() != "3" {
		t.Errorf("2.1 scores %s with stake %s, want 3.5 and 3", ir.Score, ir.Rules[0].Stake())
	}
	res, _ = Score(rb, Findings{"2.1.a": {Value: num("80")}})
	if ir := ind(t, res, "2.1"); ir.Score.String() != "2" {
		t.Errorf("below from, 2.1 scores %s, want 2 (5 − the rule's 3)", ir.Score)
	}
}
