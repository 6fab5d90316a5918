package rubric

import (
	"fmt"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
)

// A rubric with thousands of numbers loads in time linear in its size: the
// decoder once formatted the whole file again for every number (5,000
// rules took minutes). The test fails, rather than hangs, when it is slow.
func TestManyNumbersLoadQuickly(t *testing.T) {
	rb := Default()
	ind := &rb.Categories[0].Indicators[0]
	one := decimal.FromInt(1)
	ind.Rules = ind.Rules[:0]
	for i := 0; i < 4000; i++ {
		id := fmt.Sprintf("%s.r%d", ind.ID, i+1)
		if i < 26 {
			id = fmt.Sprintf("%s.%c", ind.ID, 'a'+i)
		}
		ind.Rules = append(ind.Rules, Rule{ID: id, Kind: Flag, Label: "未落实", Amount: &one, Clause: "没有落实事项目录清单的扣1分"})
	}
	ind.Cap = &ind.Points
	data := MarshalYAML(rb, "many numbers")
	done := make(chan error, 1)
	go func() {
		_, err := Parse("many.yaml", data)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%.300v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("a rubric of %d bytes with 4,000 rules did not load within 20 s", len(data))
	}
}
