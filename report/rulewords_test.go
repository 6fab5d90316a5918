package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

func languageRubric(t *testing.T) *rubric.Rubric {
	t.Helper()
	rb, err := rubric.LoadFile("../rubric/testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// The workbench's hint words each new kind as the clause does.
func TestRuleHintsOfTheNewKinds(t *testing.T) {
	rb := languageRubric(t)
	zh := i18n.For("zh")
	cases := map[string]string{
		"1.1.a": "≥100% 6分 / ≥90% 3分 / 其余 0分",
		"1.2.a": "优 10 / 良 5 / 差 0",
		"1.3.a": "超过2天后每1天扣1分，最多扣4分",
		"1.4.a": "每件扣2–5分，最多扣10分",
		"2.1.a": "低于90%不得分，90%–100%线性",
		"2.2.a": "一票否决（等次为末等，排名在后）",
		"3.1.a": "每次加3分，最多加6分",
		"3.2.a": "每次加1–3分，最多加5分",
	}
	for id, want := range cases {
		ref, _ := rb.Rule(id)
		if got := RuleHint(zh, ref.Rule); got != want {
			t.Errorf("%s hint = %q, want %q", id, got, want)
		}
	}
}

// A value a new kind refuses is worded in Chinese, saying what it takes.
func TestValueProblemsOfTheNewKinds(t *testing.T) {
	rb := languageRubric(t)
	zh := i18n.For("zh")
	cases := []struct {
		rule string
		v    scoring.Value
		want string
	}{
		{"1.2.a", scoring.TextValue("中"), "1.2.a：“中”不是本项的档次；可选：优、良、差"},
		{"1.4.a", scoring.NumValue(3_000_000), "1.4.a：3 不是逐次记录的分数列表；应为逐次记录的分数，每个在 2–5 之间"},
		{"3.2.a", scoring.ListValue(4_000_000), "3.2.a：分数 4 超出范围 1–3"},
	}
	for _, c := range cases {
		ref, _ := rb.Rule(c.rule)
		ve := scoring.Validate(ref.Rule, scoring.Finding{Value: c.v})
		if ve == nil {
			t.Fatalf("%s accepts %v", c.rule, c.v)
		}
		if got := ValueProblem(zh, ve); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: %q, want it to begin %q", c.rule, got, c.want)
		}
	}
}

// The 扣分说明 says which band matched, the linear figures, and a veto.
func TestExplainTheNewKinds(t *testing.T) {
	rb := languageRubric(t)
	zh := i18n.For("zh")
	res, err := scoring.Score(rb, scoring.Findings{
		"1.1.a": {Value: scoring.NumValue(95_000_000)},
		"2.1.a": {Value: scoring.NumValue(97_000_000)},
		"2.2.a": {Value: scoring.BoolValue(true)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"1.1": "1.1.a 按时办结率=95 → 3.00（第2档 3分，满分6分）",
		"2.1": "2.1.a 满意度=97 → 1.50（90%–100%线性，满分5分）",
		"2.2": "2.2.a 瞒报事故=是 → 一票否决",
	} {
		ir, _ := res.Indicator(id)
		if got := strings.Join(Explain(zh, ir), "\n"); got != want {
			t.Errorf("%s explained as %q, want %q", id, got, want)
		}
	}
	if got := VerdictText(zh, rb, res.Grade, res.VetoedBy); got != "等次：不合格；一票否决：2.2.a 瞒报事故" {
		t.Errorf("verdict %q", got)
	}
}
