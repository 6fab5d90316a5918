package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// Every format of the report lists the indicators a unit claimed more for
// than was verified, largest gap first, with the claim, the score and the
// gap; an indicator verified at its claim (1.1) is not listed, and a report
// of units without such a gap has no 自评差异 at all.
func TestTheReportListsTheSelfAssessmentGaps(t *testing.T) {
	s, states := statesOf(t, unitFindings{unit: "吉首市", period: "2021", set: []string{"1.3.a", "2", "缺2项", "2.1.a", "true", "面积不足"}},
		unitFindings{unit: "泸溪县", period: "2021"})
	id, _ := s.Identity("")
	var jishou *store.State
	for _, st := range states {
		if st.Assessment.Unit == "吉首市" {
			jishou = st
		}
	}
	seed.Record(t, s, id, jishou.Assessment.ID, store.SetSelf("1.3", decimal.MustParse("3"), "", nil),
		store.SetSelf("1.1", decimal.MustParse("2"), "", nil), store.SetSelf("2.1", decimal.MustParse("5"), "", nil))
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	l := i18n.For("zh")
	r, err := Build(all, Filter{Period: "2021"}, l, time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.SelfGaps) != 2 || r.SelfGaps[0].Indicator != "2.1" || r.SelfGaps[1].Indicator != "1.3" {
		t.Fatalf("gaps %+v, want 2.1 then 1.3", r.SelfGaps)
	}
	csvText, _ := r.Write("csv")
	md, _ := r.Write("md")
	for name, text := range map[string]string{"csv": string(csvText), "md": string(md)} {
		for _, want := range []string{"自评差异", "吉首市", "1.3", "3.00", "2.80", "0.20"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, text)
			}
		}
	}
	xl, err := r.Write("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(xl))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("自评差异")
	if err != nil {
		t.Fatalf("no sheet 自评差异: %v (sheets %v)", err, f.GetSheetList())
	}
	if got := strings.Join(rows[3], "|"); !strings.HasPrefix(got, "吉首市|2021|1.3|") || !strings.HasSuffix(got, "|3.00|2.80|0.20") {
		t.Errorf("the second gap's row: %s", got)
	}
	r2, err := Build(all, Filter{Period: "2021", Units: []string{"泸溪县"}}, l, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := r2.Write("csv"); strings.Contains(string(b), "自评差异") {
		t.Error("a report without gaps has a 自评差异")
	}
}
