package workbook

import (
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
)

// XMLProblem words encoding/xml's most frequent messages (a damaged
// part's, a county's workbook's) so that a reader meets them in their
// language; any other is kept as the parser wrote it.
func XMLProblem(msg string) any {
	var a, b string
	switch {
	case msg == "unexpected EOF":
		return i18n.Phrase("the part ends before its elements are closed")
	case scan2(msg, "element <", "> closed by </", ">", &a, &b):
		return i18n.Phrase("element <%s> is closed by </%s>", a, b)
	case scan2(msg, "unexpected end element </", ">", "", &a, nil):
		return i18n.Phrase("an end tag </%s> closes nothing", a)
	case strings.HasPrefix(msg, "invalid character entity "):
		return i18n.Phrase("an unknown entity %s", strings.TrimPrefix(msg, "invalid character entity "))
	}
	return msg
}

// scan2 reads msg as pre a mid b post, giving a and b.
func scan2(msg, pre, mid, post string, a, b *string) bool {
	rest, ok := strings.CutPrefix(msg, pre)
	if !ok {
		return false
	}
	x, rest, ok := strings.Cut(rest, mid)
	if !ok {
		return false
	}
	*a = x
	if b == nil {
		return rest == ""
	}
	y, ok := strings.CutSuffix(rest, post)
	*b = y
	return ok && !strings.Contains(y, ">")
}
