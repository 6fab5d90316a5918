package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// An error reaches a Chinese reader in Chinese wherever it is wrapped; one
// kaohe has no wording for stays as it is.
func TestErrorTextWordsTheChain(t *testing.T) {
	zh := i18n.For("zh")
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("吉首市/2021: %w", store.ErrSigned), "吉首市/2021: 该考核已签字；修改之前请先重新打开"},
		{i18n.Errorf("give the output file: -o FILE"), "请给出输出文件：-o 文件"},
		{fmt.Errorf("x.db: %w", i18n.Errorf("%s: the workbook's name must end in .xlsx", "a.txt")), "x.db: a.txt：工作簿文件名必须以 .xlsx 结尾"},
		{fmt.Errorf("disk full"), "disk full"},
	} {
		if got := ErrorText(zh, c.err); got != c.want {
			t.Errorf("ErrorText(%v) = %q, want %q", c.err, got, c.want)
		}
		if got := ErrorText(i18n.For("en"), c.err); got != c.err.Error() {
			t.Errorf("English ErrorText(%v) = %q", c.err, got)
		}
	}
}

// verify's reasons read in Chinese, their arguments read back from the
// English text; every Chinese reason takes its format's arguments.
func TestReasonReadsArgumentsBack(t *testing.T) {
	zh := i18n.For("zh")
	for en, want := range map[string]string{
		"it replaces revision 3f9a, which is missing":                                   "它取代的修订 3f9a 不存在",
		"its value 200 is not accepted by rubric xiangxi 2021: 2.4.a: 200 is above 100": "它的值 200 不被考核指标 xiangxi 2021 接受：2.4.a: 200 is above 100",
		"its content does not match its hash (changed outside kaohe, or damaged)":       "内容与其哈希不符（在 kaohe 之外被修改或已损坏）",
		"assessment 吉首市/2021":                                                           "考核 吉首市/2021",
		"head table":                                                                    "head 表",
		"something kaohe never says":                                                    "something kaohe never says",
	} {
		if got := Reason(zh, en); got != want {
			t.Errorf("Reason(%q) = %q, want %q", en, got, want)
		}
	}
	for en, cn := range zh.Report.Reasons {
		var args []any
		for range fmtVerb.FindAllString(en, -1) {
			args = append(args, "x")
		}
		if got := fmt.Sprintf(cn, args...); strings.Contains(got, "%!") {
			t.Errorf("%q words %q with other arguments: %s", en, cn, got)
		}
		if got := Reason(zh, fmt.Sprintf(strings.ReplaceAll(en, "%.12s", "%s"), args...)); got != fmt.Sprintf(cn, args...) {
			t.Errorf("%q does not read back: %q", en, got)
		}
	}
}

// A finding refused by a rule ID read from a file (a line break and an
// escape in it) reaches the reader on one line, however it is wrapped.
func TestFindingErrorShownOnOneLine(t *testing.T) {
	fe := &scoring.FindingError{Rule: "1.1\n\x1b[31m.a", Message: "a value that is not JSON"}
	for _, err := range []error{fe, fmt.Errorf("f.json: %w", scoring.Errors{fe})} {
		got := ErrorText(i18n.For("zh"), err)
		if strings.ContainsAny(got, "\n\x1b") || !strings.Contains(got, "1.1⏎.a: a value that is not JSON") {
			t.Errorf("ErrorText(%q) = %q", err, got)
		}
	}
}
