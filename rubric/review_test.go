package rubric

import (
	"strings"
	"testing"
)

// TestReviewFieldLoads: a rule marked for review loads, scores like any
// other, and is listed by Reviews; an empty review is no review.
func TestReviewFieldLoads(t *testing.T) {
	src := strings.Replace(string(DefaultSource()),
		`            clause: "没有落实事项目录清单的扣1分"`,
		`            clause: "没有落实事项目录清单的扣1分"
            review: "请核对扣分"`, 1)
	rb, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rs := rb.Reviews()
	if len(rs) != 1 || rs[0].ID != "1.1.b" || rs[0].Review != "请核对扣分" {
		t.Errorf("reviews: %+v", rs)
	}
	if n := len(Default().Reviews()); n != 0 {
		t.Errorf("the built-in rubric has %d rules to review", n)
	}
}
