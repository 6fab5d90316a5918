package draft

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
)

// oneCellTable is a table of one indicator whose 评分标准 is std.
func oneCellTable(std string) string {
	return "考核细则\n\t序号\n\t主要工作\n\t考核内容\n\t评分标准\n\n\t1\n\t政务公开（10分）\n\t（1）按规定公开政府信息。（10分）\n\t" + std + "\n"
}

// A cell that repeats one clause thousands of times drafts one rule per
// clause, each quoting the clause itself, and the draft loads; quoting a
// clause no longer searches the standard once per character before it.
func TestDraftRepeatedClauseCell(t *testing.T) {
	const n = 5000
	var rb *rubric.Rubric
	var err error
	storetest.Within(t, 20*time.Second, fmt.Sprintf("drafting 扣1分，×%d", n), func() {
		rb, err = FromText(oneCellTable(strings.Repeat("扣1分，", n)), Options{ID: "t", Version: "1"})
		if err == nil {
			_, err = rubric.Parse("draft.yaml", WriteYAML(rb))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := rb.RuleCount(); got != n {
		t.Fatalf("%d rules, want %d", got, n)
	}
	for _, ind := range rb.Indicators() {
		for _, r := range ind.Rules {
			if r.Clause != "扣1分" {
				t.Fatalf("rule %s quotes %.40q…, want 扣1分", r.ID, r.Clause)
			}
		}
	}
}

// A cell longer than MaxCellBytes (a 1.4 MB cell) is refused at once with a
// message naming its line and the limit.
func TestDraftRefusesAHugeCell(t *testing.T) {
	var err error
	storetest.Within(t, 20*time.Second, "drafting a 1.4 MB cell", func() {
		_, err = FromText(oneCellTable(strings.Repeat("扣1分，", 140_000)), Options{})
	})
	if err == nil || !strings.Contains(err.Error(), "line 10:") || !strings.Contains(err.Error(), fmt.Sprint(MaxCellBytes)) {
		t.Fatalf("error %v, want line 10 and the limit %d named", err, MaxCellBytes)
	}
	// Paragraphs that together make a standard too long are refused too.
	para := strings.Repeat("扣1分，", 3000) + "\n"
	_, err = FromText(oneCellTable(strings.Repeat(para, 3)), Options{})
	if err == nil || !strings.Contains(err.Error(), "line 9:") || !strings.Contains(err.Error(), "评分标准") {
		t.Fatalf("error %v, want the indicator's line 9 and its 评分标准 named", err)
	}
}
