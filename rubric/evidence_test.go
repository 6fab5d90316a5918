package rubric

import (
	"strings"
	"testing"
)

// `evidence:` loads at rubric, category and indicator level; a bad value is
// named with its line and column.
func TestEvidenceRequirementLoads(t *testing.T) {
	src := strings.Replace(string(DefaultSource()), "language: zh\n", "language: zh\nevidence: deductions\n", 1)
	rb, err := Parse("指标.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !rb.EvidenceRequired("1.2") || !rb.EvidenceRequired("7.1") {
		t.Fatal("rubric-level requirement not inherited")
	}
	if Default().EvidenceRequired("1.2") {
		t.Fatal("the seed rubric requires no evidence")
	}
	bad := strings.Replace(string(DefaultSource()), "language: zh\n", "language: zh\nevidence: photos\n", 1)
	_, err = Parse("指标.yaml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "指标.yaml:9:") || !strings.Contains(err.Error(), "photos") {
		t.Fatalf("want a positioned error naming the value, got %v", err)
	}
}

// The YAML writer keeps the evidence requirement.
func TestEvidenceRequirementInYAML(t *testing.T) {
	rb := Default()
	rb.Evidence = EvidenceDeductions
	rb.Categories[0].Evidence = "none"
	rb.Categories[0].Indicators[1].Evidence = EvidenceDeductions
	y := MarshalYAML(rb, "")
	back, err := Parse("r.yaml", y)
	if err != nil {
		t.Fatal(err)
	}
	if back.Evidence != rb.Evidence || back.Categories[0].Evidence != "none" || back.Categories[0].Indicators[1].Evidence != EvidenceDeductions {
		t.Fatal("evidence requirement lost in YAML")
	}
}
