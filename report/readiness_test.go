package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// A refused sign-off lists what is missing, conflicts first, each kind on
// its own line with how to settle it, and says what to do next: sign it
// incomplete, or settle the conflicts first (then --allow-incomplete does
// not help and is not offered).
func TestNotReadyListsWhatIsMissing(t *testing.T) {
	incomplete := &store.IncompleteError{Assessment: "吉首市/2021", Readiness: store.Readiness{
		Unrecorded: []string{"1.1.a", "1.2.b"}, MissingReasons: []string{"3.4.a"}}}
	if got, want := NotReady(i18n.For("zh"), incomplete), "吉首市/2021 尚不能签字：\n"+
		"  未记录的规则 2 条：1.1.a, 1.2.b\n"+
		"  酌情扣分未填理由 1 项（请补充说明）：3.4.a\n"+
		"如需按现状签字，请加 --allow-incomplete（会记入历史）"; got != want {
		t.Errorf("zh:\n%s\nwant\n%s", got, want)
	}
	conflicts := &store.IncompleteError{Assessment: "吉首市/2021", Readiness: store.Readiness{
		Unrecorded: []string{"1.1.a"}, Conflicts: []string{"1.2.a"}}}
	got := NotReady(i18n.For("en"), conflicts)
	if !strings.HasPrefix(got, "吉首市/2021 is not ready to sign:\n  1 open conflicts (settle with kaohe resolve): 1.2.a\n  1 unrecorded rules: 1.1.a\n") ||
		!strings.HasSuffix(got, "must be settled before signing") || strings.Contains(got, "--allow-incomplete") {
		t.Errorf("en, in conflict:\n%s", got)
	}
	if got := ErrorText(i18n.For("zh"), conflicts); !strings.Contains(got, "未解决的冲突 1 处（用 kaohe resolve 处理）：1.2.a") {
		t.Errorf("ErrorText words the refusal as NotReady: %s", got)
	}
}

// The checks dialog's question names only what is missing, as one line.
func TestReadinessSummaryNamesWhatIsMissing(t *testing.T) {
	rd := store.Readiness{Unrecorded: []string{"1.1.a", "1.2.b"}, MissingEvidence: []string{"2.1.a"}}
	if got := ReadinessSummary(i18n.For("zh"), rd); got != "未记录的规则 2 条、扣分缺佐证材料 1 项" {
		t.Errorf("zh: %s", got)
	}
	if got := ReadinessSummary(i18n.For("en"), store.Readiness{}); got != "" {
		t.Errorf("nothing missing: %q", got)
	}
}
