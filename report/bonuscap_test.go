package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
)

// A bonus held to its cap says it adds (加9.00分，封顶6.00分), never that it
// deducts: the 扣分说明 of a score sheet must not call a bonus a deduction.
func TestExplainACappedBonusAsAnAddition(t *testing.T) {
	rb := languageRubric(t)
	res, err := scoring.Score(rb, scoring.Findings{
		"3.1.a": {Value: scoring.NumValue(3_000_000)},
		"3.2.a": {Value: scoring.ListValue(1_000_000, 2_000_000, 3_000_000)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, id, want, not string }{
		{"zh", "3.1", "3.1.a 被上级推广的次数=3 → +9.00（本项封顶 加9.00分，封顶6.00分）", "扣"},
		{"zh", "3.2", "3.2.a 创新做法=1,2,3 → +6.00（本项封顶 加6.00分，封顶5.00分）", "扣"},
		{"en", "3.1", "adds 9.00, capped at 6.00", "deducts"},
	} {
		ir, _ := res.Indicator(c.id)
		got := strings.Join(Explain(i18n.For(c.lang), ir), "\n")
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s %s explained as %q, want %q and no %q", c.lang, c.id, got, c.want, c.not)
		}
	}
}
