package tui

import (
	"testing"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
)

// The navigator tells every indicator apart at the narrowest layout
// (issue 10 §4: 6.4 and 6.5 both read 积极开展“放管服”改革…).
func TestNavigatorTitlesAreDistinct(t *testing.T) {
	titles := distinctTitles(rubric.Default())
	if titles["6.4"] != "开展…外出考察学习" || titles["6.5"] != "开展…典型经验宣传" {
		t.Errorf("6.4 %q, 6.5 %q", titles["6.4"], titles["6.5"])
	}
	seen := map[string]string{}
	for id, title := range titles {
		head := textwidth.Head(title, 8)
		if other, ok := seen[head]; ok {
			t.Errorf("%s and %s both begin %q", id, other, head)
		}
		seen[head] = id
	}
}
