package store

import (
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
)

// A unit's self-assessment is recorded before or after the sign-off, is
// in no total, and the indicators verified lower than claimed are listed
// with the gap.
func TestSelfAssessmentIsInNoTotalAndGapsAreListed(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	before, err := mustState(t, s, a.ID).Score()
	if err != nil {
		t.Fatal(err)
	}
	full11, _ := before.Indicator("1.1")
	if _, err := s.Record(id, a.ID, SetSelf("1.1", full11.Max, "已建立机制", []string{"机制文件.pdf"}), SetSelf("1.2", decimal.MustParse("1.6"), "", nil), SetSelf("1.3", decimal.MustParse("3"), "", nil)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, SetSelf("1.2", decimal.MustParse("2.5"), "", nil)); err == nil {
		t.Fatal("a self-assessed score above the indicator's 2 points")
	}
	st := mustState(t, s, a.ID)
	after, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	if before.Total != after.Total || st.Status() != StatusSigned || len(st.SignOffConflicts()) != 0 {
		t.Fatalf("the self-assessment changed the result: %s → %s, %s", before.Total, after.Total, st.Status())
	}
	gaps := assessment.SelfGaps(after, st.SelfScores())
	var got []string
	for _, g := range gaps {
		got = append(got, g.Indicator+":"+g.Claimed.String()+"-"+g.Score.String()+"="+g.Gap.String())
	}
	ir11, _ := after.Indicator("1.1")
	want := []string{"1.1:" + ir11.Max.String() + "-" + ir11.Score.String() + "=" + (ir11.Max - ir11.Score).String()}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("gaps %v, want only %v (1.2 claimed 1.6 and verified 1.6; 1.3 claimed 3 and verified 3)", got, want)
	}
}
