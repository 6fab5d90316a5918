package rectify

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// The share closed is exact to a tenth of a percent, rounded half up.
func TestRateIsExactToATenthOfAPercent(t *testing.T) {
	for _, c := range []struct {
		closed, problems int
		want             string
	}{{1, 3, "33.3%"}, {2, 3, "66.7%"}, {1, 8, "12.5%"}, {1, 16, "6.3%"}, {3, 3, "100.0%"}, {0, 7, "0.0%"}, {0, 0, "—"}, {1, 2000, "0.1%"}, {1, 2001, "0.0%"}} {
		if got := (Tally{Problems: c.problems, Closed: c.closed}).Rate(); got != c.want {
			t.Errorf("%d of %d closed: %s, want %s", c.closed, c.problems, got, c.want)
		}
	}
}

// The ledger lists every problem of every unit with its state, due date
// and days overdue on its day, and sums each unit up.
func TestLedgerListsEveryUnitsProblems(t *testing.T) {
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	signed(t, s, id, "泸溪县")
	act := func(refs []string, pa store.ProblemAction) {
		t.Helper()
		if _, err := s.ActOnProblems(id, a.ID, refs, refs == nil, pa); err != nil {
			t.Fatal(err)
		}
	}
	act(nil, store.ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31", Owner: "市政务服务中心"})
	act([]string{"1", "2"}, store.ProblemAction{Action: assessment.ActionRectify, Measure: "已整改", DoneOn: "2022-03-20"})
	act([]string{"1"}, store.ProblemAction{Action: assessment.ActionClose, Note: "核实"})
	act([]string{"2"}, store.ProblemAction{Action: assessment.ActionReturn, Note: "佐证不足"})
	entries, err := Collect(s, "2021", "")
	if err != nil {
		t.Fatal(err)
	}
	lg, err := NewLedger(entries, "2021", "2022-04-10")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := lg.Write(i18n.For("zh"), &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("整改台账")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "2021年度问题整改台账（截至 2022-04-10）" {
		t.Errorf("title %q", rows[0][0])
	}
	var got []string
	for _, r := range rows[2:] {
		for len(r) < 9 {
			r = append(r, "")
		}
		got = append(got, strings.Join([]string{r[0], r[1][:5], r[5], r[6], r[7], r[8]}, "|"))
	}
	want := []string{
		"吉首市|1.1.a|已销号|2022-03-31||市政务服务中心",
		"吉首市|1.2.a|退回|2022-03-31|10|市政务服务中心",
		"吉首市|1.2.a|待整改|2022-03-31|10|市政务服务中心",
		"泸溪县|1.1.a|待整改|||",
		"泸溪县|1.2.a|待整改|||",
		"泸溪县|1.2.a|待整改|||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ledger\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sum, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, r := range sum[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	want = []string{"单位|问题数|已销号|整改中|逾期|已撤销|销号率", "吉首市|3|1|1|2|0|33.3%", "泸溪县|3|0|0|0|0|0.0%", "合计|6|1|1|2|0|16.7%"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("summary\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
