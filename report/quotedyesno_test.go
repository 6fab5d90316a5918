package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
)

// A findings file that quotes a veto's or a flag's 是 ("2.2.a": "是") is
// refused saying how to write it (true, without quotes), not with the
// contradiction “是”不是“是”或“否”.
func TestQuotedYesNoSaysHowToWriteIt(t *testing.T) {
	rb := languageRubric(t)
	for _, c := range []struct{ lang, text, want string }{
		{"zh", "是", "true"},
		{"zh", "否", "false"},
		{"en", "yes", "true"},
	} {
		for _, id := range []string{"2.2.a", "2.2.b"} {
			ref, _ := rb.Rule(id)
			ve := scoring.Validate(ref.Rule, scoring.Finding{Value: scoring.TextValue(c.text)})
			if ve == nil {
				t.Fatalf("%s accepts the text %q", id, c.text)
			}
			got := ValueProblem(i18n.For(c.lang), ve)
			if strings.Contains(got, "不是“是”或“否”") || strings.Contains(got, "is not yes or no") || !strings.Contains(got, c.want) {
				t.Errorf("%s %s %q: %q, want it to say to write %s", c.lang, id, c.text, got, c.want)
			}
		}
	}
	// A word that is no yes or no keeps its message.
	ref, _ := rb.Rule("2.2.a")
	ve := scoring.Validate(ref.Rule, scoring.Finding{Value: scoring.TextValue("1")})
	if got := ValueProblem(i18n.For("zh"), ve); !strings.Contains(got, "“1”不是“是”或“否”") {
		t.Errorf("“1”: %q", got)
	}
}
