package draft

import (
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"pgregory.net/rapid"
)

// cents draws an amount from 0.01 to 9.99 with at most two decimals.
func cents(t *rapid.T, label string) decimal.Dec {
	return decimal.Dec(rapid.Int64Range(1, 999).Draw(t, label)) * decimal.Cent
}

// TestPropertyFiguresReadBack writes tables whose standards state random
// figures (targets in 万 or 千 or plain, steps, amounts, caps) in the usual
// phrasings, drafts them, and checks every figure comes back exactly.
func TestPropertyFiguresReadBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		points := decimal.FromInt(rapid.Int64Range(2, 20).Draw(t, "points"))
		unit := rapid.SampledFrom([]string{"件", "人", "次", "项", "条"}).Draw(t, "unit")
		amount := cents(t, "amount")
		flagAmount := cents(t, "flag")
		capv := decimal.Dec(rapid.Int64Range(1, int64(points/decimal.Cent)).Draw(t, "cap")) * decimal.Cent
		// A target written the way tables write it.
		n := rapid.Int64Range(1, 99).Draw(t, "n")
		form := rapid.SampledFrom([]string{"万", "千", ""}).Draw(t, "form")
		target := decimal.FromInt(n)
		switch form {
		case "万":
			target = target.MulInt(10000)
		case "千":
			target = target.MulInt(1000)
		}
		step := decimal.FromInt(rapid.Int64Range(1, 500).Draw(t, "step"))
		std := fmt.Sprintf("工作数量不少于%d%s%s，每少%s%s扣%s分，最多扣%s分；没有建立台账的扣%s分；每发现1%s不合格的扣%s分。",
			n, form, unit, step, unit, amount, capv, flagAmount, unit, amount)
		text := fmt.Sprintf("序号\t主要工作\t考核内容\t评分标准\n1\t工作（%s分）\t（1）做好工作。（%s分）\t%s\n", points, points, std)
		rb, err := FromText(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"1.1.a": fmt.Sprintf("shortfall amount=%s cap=%s target=%s step=%s unit=%s", amount, capv, target, step, unit),
			"1.1.b": fmt.Sprintf("flag amount=%s", flagAmount),
			"1.1.c": fmt.Sprintf("count amount=%s unit=%s", amount, unit),
		}
		if rb.RuleCount() != 3 {
			t.Fatalf("%s: %d rules", std, rb.RuleCount())
		}
		for id, w := range want {
			ref, ok := rb.Rule(id)
			if !ok {
				t.Fatalf("%s: no rule %s", std, id)
			}
			if got := summary(ref.Rule); got != w {
				t.Fatalf("%s\n%s: drafted %q, want %q", std, id, got, w)
			}
		}
		if _, err := rubric.Parse("p.yaml", WriteYAML(rb)); err != nil {
			t.Fatalf("%s: draft does not load: %v", std, err)
		}
	})
}

// TestPropertySeedDraftScoresLikeTheTranscription: for any findings, the
// draft of the seed scores every indicator exactly as rubric/default.yaml
// does, the one rule whose parameters differ (1.5.b) included.
func TestPropertySeedDraftScoresLikeTheTranscription(t *testing.T) {
	want := rubric.Default()
	got, err := FromBytes(loadSeedText(t), Options{ID: want.ID, Version: want.Version})
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		fs := scoring.Findings{}
		for _, ind := range want.Indicators() {
			for _, r := range ind.Rules {
				if !rapid.Bool().Draw(t, r.ID+"?") {
					continue
				}
				var f scoring.Finding
				switch r.Kind {
				case rubric.Flag, rubric.Bonus:
					f.Value = scoring.BoolValue(rapid.Bool().Draw(t, r.ID))
				case rubric.Count:
					hi := int64(40)
					if r.MaxValue != nil {
						hi = r.MaxValue.IntPart()
					}
					f.Value = scoring.NumValue(decimal.FromInt(rapid.Int64Range(0, hi).Draw(t, r.ID)))
				case rubric.Shortfall, rubric.Ratio, rubric.Convert:
					hi := int64(100)
					if r.Kind == rubric.Shortfall {
						hi = r.Target.IntPart() * 2
					}
					if r.MaxValue != nil {
						hi = r.MaxValue.IntPart()
					}
					f.Value = scoring.NumValue(decimal.FromInt(rapid.Int64Range(0, hi).Draw(t, r.ID)))
				case rubric.Discretion:
					f.Value = scoring.NumValue(decimal.Dec(rapid.Int64Range(0, int64(*r.Cap/decimal.Cent)).Draw(t, r.ID)) * decimal.Cent)
					f.Note = "酌情"
				}
				fs[r.ID] = f
			}
		}
		a, err := scoring.Score(want, fs)
		if err != nil {
			t.Fatal(err)
		}
		b, err := scoring.Score(got, fs)
		if err != nil {
			t.Fatalf("the draft refuses findings the transcription accepts: %v", err)
		}
		for ci, c := range a.Categories {
			for ii, ind := range c.Indicators {
				if d := b.Categories[ci].Indicators[ii]; d.Score != ind.Score {
					t.Fatalf("indicator %s scores %s in the draft, %s in the transcription", ind.ID, d.Score, ind.Score)
				}
			}
		}
		if a.Total != b.Total {
			t.Fatalf("total %s in the draft, %s in the transcription", b.Total, a.Total)
		}
	})
}
