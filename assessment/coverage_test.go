package assessment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// by is a head written by inspector.
func by(inspector string, n int, subject, value string) *Revision {
	r := head(fmt.Sprintf("%08d-0000-4000-8000-000000000000", n), subject, value, int64(n))
	r.Inspector = inspector
	return r
}

// Coverage of a unit planned for 张三 (categories 1, 2) and 李四 (2, 3):
// category 4 to 7 unassigned, an indicator both recorded without a double
// scoring flagged, 张三's write in category 3 flagged as outside his
// assignment (a value since superseded counting too), and the totals.
func TestCoverageOfAPlannedUnit(t *testing.T) {
	rb := rubric.Default()
	heads := []*Revision{
		by("组长", 1, "plan/张三", `{"categories":["1","2"]}`),
		by("组长", 2, "plan/李四", `{"categories":["2","3"]}`),
		by("张三", 3, "1.3.a", "1"),
		by("张三", 4, "2.4.a", "92"),
		by("李四", 5, "2.4.a", "90"),
		by("张三", 6, "3.3.a", "0"),
	}
	superseded := by("李四", 7, "5.1.a", "2")
	st, err := Build(Assessment{ID: "a", Unit: "吉首市", Period: "2021"}, rb, heads, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := CoverageOf(st, append(heads, superseded))
	got := map[string]IndicatorCoverage{}
	for _, ic := range c.Indicators {
		got[ic.Indicator] = ic
	}
	if ic := got["1.3"]; !ic.Recorded || strings.Join(ic.Assigned, ",") != "张三" || strings.Join(ic.RecordedBy, ",") != "张三" || ic.DoubleCovered || len(ic.Outside) != 0 {
		t.Errorf("1.3: %+v", ic)
	}
	if ic := got["2.4"]; !ic.DoubleCovered || strings.Join(ic.RecordedBy, ",") != "张三,李四" {
		t.Errorf("2.4 assigned and recorded by two without a double scoring: %+v", ic)
	}
	if ic := got["3.3"]; len(ic.Outside) != 1 || ic.Outside[0] != (OutsideWrites{"张三", 1}) {
		t.Errorf("3.3 written by 张三 outside his assignment: %+v", ic.Outside)
	}
	if ic := got["5.1"]; !ic.Unassigned() || len(ic.Outside) != 1 || ic.Outside[0].Inspector != "李四" || ic.Recorded {
		t.Errorf("5.1: %+v", ic)
	}
	if tot := c.Totals(); tot != (CoverageTotals{Indicators: 36, Recorded: 3, Unassigned: 36 - 7 - 8 - 6, DoubleCovered: 8, OutsideWrites: 2}) {
		t.Errorf("totals %+v", tot)
	}
	// With 张三 and 李四 scoring blind, category 2 is theirs to share.
	st, _ = Build(Assessment{ID: "a"}, rb, append(heads, by("组长", 8, SubjectDouble, `{"inspectors":["张三","李四"]}`)), nil)
	if tot := CoverageOf(st, heads).Totals(); tot.DoubleCovered != 0 {
		t.Errorf("double scorers flagged as doubly covering: %+v", tot)
	}
	// Without a plan nobody writes outside it.
	st, _ = Build(Assessment{ID: "a"}, rb, heads[2:], nil)
	if tot := CoverageOf(st, heads[2:]).Totals(); tot.OutsideWrites != 0 || tot.Unassigned != 36 {
		t.Errorf("no plan: %+v", tot)
	}
}
