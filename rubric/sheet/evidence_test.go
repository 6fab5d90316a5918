package sheet

import (
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// The evidence requirement survives a workbook at every level.
func TestEvidenceRequirementRoundTrip(t *testing.T) {
	rb := rubric.Default()
	rb.Version = "2022"
	rb.Evidence = rubric.EvidenceDeductions
	rb.PeriodPattern = `[0-9]{4}(上|下)半年`
	rb.Categories[1].Evidence = "none"
	rb.Categories[1].Indicators[2].Evidence = rubric.EvidenceDeductions
	data, err := Write(rb)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("指标.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Evidence != rb.Evidence || back.Categories[1].Evidence != "none" ||
		back.Categories[1].Indicators[2].Evidence != rubric.EvidenceDeductions || back.Categories[0].Indicators[0].Evidence != "" {
		t.Fatalf("evidence lost: %q %q %q", back.Evidence, back.Categories[1].Evidence, back.Categories[1].Indicators[2].Evidence)
	}
	if back.PeriodPattern != rb.PeriodPattern {
		t.Fatalf("period pattern lost: %q", back.PeriodPattern)
	}
	if !back.EvidenceRequired("1.2") || back.EvidenceRequired("2.1") || !back.EvidenceRequired("2.3") {
		t.Fatal("inheritance differs after the round trip")
	}
}
