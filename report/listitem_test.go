package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
)

// A findings file's list item that is no number is refused in the user's
// language, naming the rule, the item's position and text; a full-width
// figure quoted in it ("３") is told to be written as the plain number.
func TestListItemInFileWorded(t *testing.T) {
	for _, c := range []struct{ file, lang, want string }{
		{`[2, "３"]`, "zh", `1.4.a：列表第 2 项 "３" 写成了文字：文件中应写普通数字 3（不加引号）`},
		{`[2, "３"]`, "en", `1.4.a: item 2 of the list, "３", is text: a file gives it as the plain number 3, without quotes`},
		{`{"value": [2, "三"]}`, "zh", `1.4.a：列表第 2 项 "三" 不是数字`},
		{`[null]`, "en", `1.4.a: item 1 of the list, null, is not a number`},
		{`[2, 1e3]`, "zh", `1.4.a：列表第 2 项 1e3 用了指数写法：请写成普通数字`},
	} {
		_, err := scoring.ReadFindingsJSON([]byte(`{"findings": {"1.4.a": ` + c.file + `}}`))
		if err == nil {
			t.Fatalf("%s accepted", c.file)
		}
		if got := ErrorText(i18n.For(c.lang), err); got != c.want {
			t.Errorf("%s %s:\n got %q\nwant %q", c.lang, c.file, got, c.want)
		}
	}
}

// A typed list with an empty item is refused in the user's language,
// naming the item's position, not recorded without it.
func TestTypedListEmptyItemWorded(t *testing.T) {
	ref, _ := languageRubric(t).Rule("1.4.a")
	for _, c := range []struct{ text, lang, want string }{
		{"2,,3", "zh", "“2,,3”的第 2 项是空的"},
		{",2", "en", `",2" has an empty item 1`},
		{"2，", "zh", "“2，”的第 2 项是空的"},
	} {
		_, err := scoring.ParseValue(ref.Rule, c.text)
		if err == nil {
			t.Fatalf("%q accepted", c.text)
		}
		got := ErrorText(i18n.For(c.lang), err)
		if !strings.HasPrefix(got, "1.4.a") || !strings.Contains(got, c.want) {
			t.Errorf("%s %q: %q, want it to contain %q", c.lang, c.text, got, c.want)
		}
	}
}
