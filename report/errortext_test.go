package report

import (
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
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
		{fmt.Errorf("吉首市/2021: %w", store.ErrSigned), "吉首市/2021: 该考核已签字；修改之前请先重新打开（kaohe reopen 考核 --reason 理由）"},
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
