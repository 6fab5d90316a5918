package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
)

// A findings file that quotes a veto's or a flag's 是 ("2.2.a": "是"), a
// list or a figure is refused saying how to write it (true, [2,3], 90,
// without quotes), not with a contradiction: “是”不是“是”或“否”, or “2,3”
// refused with 用逗号分隔（如 2,3.5）.
func TestQuotedValueSaysHowToWriteIt(t *testing.T) {
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
	// A list or a figure quoted in a file says how to write it too.
	for _, c := range []struct{ id, text, want string }{
		{"1.4.a", "2,3", "“2,3”写成了文字：文件中应写 [2,3]（不加引号）"},
		{"1.1.a", "９０", "“９０”写成了文字：文件中应写 90（不加引号）"},
	} {
		ref, _ := rb.Rule(c.id)
		ve := scoring.Validate(ref.Rule, scoring.Finding{Value: scoring.TextValue(c.text)})
		if got := ValueProblem(i18n.For("zh"), ve); got != c.id+"："+c.want {
			t.Errorf("%s %q: %q, want %q", c.id, c.text, got, c.want)
		}
	}
	// A word that is no yes or no keeps its message.
	ref, _ := rb.Rule("2.2.a")
	ve := scoring.Validate(ref.Rule, scoring.Finding{Value: scoring.TextValue("1")})
	if got := ValueProblem(i18n.For("zh"), ve); !strings.Contains(got, "“1”不是“是”或“否”") {
		t.Errorf("“1”: %q", got)
	}
}
