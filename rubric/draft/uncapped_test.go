package draft

import (
	"strings"
	"testing"
)

// 扣分不封顶 after a comma says the deductions have no cap: in a 扣分项 it is
// exactly what an uncapped penalty category does (context, not a rule); in
// an indicator with points, whose deductions kaohe holds to those points, it
// cannot be modelled exactly, so the rule is marked for review naming it.
func TestDraftUncappedDeductions(t *testing.T) {
	text := "序号\t主要工作\t考核内容\t评分标准\n" +
		"1\t窗口服务（5分）\t（1）投诉办理。（5分）\t被投诉查实的，每次扣1分，扣分不封顶。\n" +
		"2\t扣分项（不设上限）\t（1）通报批评。\t被市级以上通报批评的，每次扣2分，扣分不封顶。\n" +
		"\t\t（2）约谈。\t被约谈的，每次扣1分，上不封顶。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{
		"1.1.a": "count amount=1 unit=次 REVIEW",
		"2.1.a": "count amount=2 unit=次",
		"2.2.a": "count amount=1 unit=次",
	})
	if ref, ok := rb.Rule("1.1.a"); ok && !strings.Contains(ref.Rule.Review, "不封顶") {
		t.Errorf("1.1.a review %q does not name 不封顶", ref.Rule.Review)
	}
	if ref, ok := rb.Rule("2.1.a"); ok && ref.Rule.Clause != "被市级以上通报批评的，每次扣2分" {
		t.Errorf("2.1.a clause %q", ref.Rule.Clause)
	}
}
