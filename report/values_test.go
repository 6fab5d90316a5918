package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"pgregory.net/rapid"
)

// Errors say what is wrong in words, in the user's language, with its
// punctuation.
func TestValueErrorsInWords(t *testing.T) {
	ref, ok := rubric.Default().Rule("1.5.b") // count, at most 3
	if !ok {
		t.Fatal("the seed has no rule 1.5.b")
	}
	r := ref.Rule
	e := scoring.Validate(r, scoring.Finding{Value: scoring.NumValue(decimal.FromInt(5))})
	if e == nil {
		t.Fatal("5 accepted for 1.5.b")
	}
	if got := ValueProblem(i18n.For("zh"), e); got != "1.5.b：5 超过上限 3（未落实的告知承诺制，最多 3 项）" {
		t.Errorf("zh: %s", got)
	}
	if got := ValueProblem(i18n.For("en"), e); got != "1.5.b: 5 is above the limit 3 (未落实的告知承诺制, at most 3 项)" {
		t.Errorf("en: %s", got)
	}
	if e := scoring.Validate(r, scoring.Finding{Value: scoring.NumValue(decimal.MustParse("1.5"))}); e == nil || !strings.Contains(ValueProblem(i18n.For("zh"), e), "1.5 不是整数") {
		t.Errorf("not whole: %v", e)
	}
	_, err := scoring.ParseValue(r, "三")
	ve, ok := err.(*scoring.ValueError)
	if !ok || !strings.Contains(ValueProblem(i18n.For("zh"), ve), "“三”不是数字；应为0 至 3 的整数") {
		t.Errorf("not a number: %v", err)
	}
	for _, lang := range []string{"zh", "en"} {
		msg := ValueProblem(i18n.For(lang), e)
		if lang == "en" && strings.ContainsAny(msg, "：（），；") {
			t.Errorf("Chinese punctuation in English: %s", msg)
		}
		if lang == "zh" && strings.ContainsAny(msg, ":(),;") {
			t.Errorf("ASCII punctuation in Chinese: %s", msg)
		}
	}
	// Validate accepts exactly what CheckValue accepts.
	rb := rubric.Default()
	rapid.Check(t, func(t *rapid.T) {
		cat := rapid.SampledFrom(rb.Categories).Draw(t, "cat")
		ind := rapid.SampledFrom(cat.Indicators).Draw(t, "ind")
		rule := rapid.SampledFrom(ind.Rules).Draw(t, "rule")
		v := scoring.NumValue(decimal.Dec(rapid.Int64Range(-2*decimal.Scale, 200*decimal.Scale).Draw(t, "v")))
		if rapid.Bool().Draw(t, "bool") {
			v = scoring.BoolValue(rapid.Bool().Draw(t, "b"))
		}
		note := rapid.SampledFrom([]string{"", "理由"}).Draw(t, "note")
		f := scoring.Finding{Value: v, Note: note}
		if (scoring.Validate(&rule, f) == nil) != (scoring.CheckValue(&rule, f) == "") {
			t.Fatalf("%s %v note %q: Validate %v, CheckValue %q", rule.ID, v, note, scoring.Validate(&rule, f), scoring.CheckValue(&rule, f))
		}
	})
}

// A rule's hint names the cap it shares with other rules of its indicator,
// where it shares one.
func TestRuleHintNamesTheGroupCap(t *testing.T) {
	rb := rubric.Default()
	ref, ok := rb.Rule("3.2.b")
	if !ok {
		t.Fatal("the seed has no rule 3.2.b")
	}
	_, ind, _ := rb.Indicator("3.2")
	if got := RuleHint(i18n.For("zh"), ind, ref.Rule); !strings.HasSuffix(got, "，3.2.b+3.2.c合计最多扣1分") {
		t.Errorf("with its indicator: %s", got)
	}
	if got := RuleHint(i18n.For("zh"), nil, ref.Rule); strings.Contains(got, "合计") {
		t.Errorf("without an indicator: %s", got)
	}
}

// Why a typed figure is not a number is worded in the user's language,
// not quoted from the decimal parser's English.
func TestValueDetailInWords(t *testing.T) {
	ref, _ := rubric.Default().Rule("2.4.a")
	_, err := scoring.ParseValue(ref.Rule, "89.1234567")
	var e *scoring.ValueError
	if !errors.As(err, &e) {
		t.Fatalf("89.1234567 on 2.4.a: %v", err)
	}
	if got := ValueProblem(i18n.For("zh"), e); !strings.Contains(got, "（小数超过 6 位）") || strings.Contains(got, "decimal places") {
		t.Errorf("worded %q", got)
	}
}
