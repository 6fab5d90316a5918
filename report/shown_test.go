package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Every door words a recorded value one way, in the reader's language: a
// flag as 是/否 (never true/false), the status by its name (a sign-off's
// manifest never shows), a note by its text, an attachment by its file
// name and hash prefix, a retraction as such.
func TestShownValueOneWayForPeople(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	for _, lang := range []string{"zh", "en"} {
		l := i18n.For(lang)
		for _, tc := range []struct {
			subject string
			value   store.Value
			want    string
		}{
			{"1.1.a", store.SetRule("1.1.a", scoring.BoolValue(true), "").Value, l.Yes},
			{"1.1.a", store.SetRule("1.1.a", scoring.BoolValue(false), "").Value, l.No},
			{store.SubjectStatus, assessment.SignOffOf(nil), l.StatusName(store.StatusSigned)},
			{store.SubjectStatus, assessment.StatusValue(store.StatusDraft), l.StatusName(store.StatusDraft)},
			{store.NotePrefix + "1.2", store.SetNote("1.2", "大厅面积不足").Value, "大厅面积不足"},
			{store.EvidenceSubject("1.2.a", sum), assessment.FileValue(store.AttachmentMeta{Name: "证明.pdf"}), "证明.pdf (abababab)"},
			{"1.2.a", store.Retract("1.2.a").Value, l.CLI.Retracted},
		} {
			if got := ShownValue(l, tc.subject, tc.value); got != tc.want {
				t.Errorf("%s: %s shows %q, want %q", lang, tc.subject, got, tc.want)
			}
		}
	}
}
