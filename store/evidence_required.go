package store

import (
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// MissingEvidence lists the rules whose rubric requires evidence for
// deductions (evidence: deductions), that deduct, and that have no
// attachment on the rule or on its indicator, in rubric order. Signing
// lists them; the workbench marks them (EvidenceMissing on its own result).
func (st *State) MissingEvidence() []string {
	res, err := scoring.Score(st.Rubric, st.Findings())
	if err != nil {
		return nil
	}
	attached := map[string]bool{}
	for _, a := range st.Attachments("") {
		attached[a.Subject] = true
	}
	return EvidenceMissing(st.Rubric, res, attached)
}

// EvidenceMissing is MissingEvidence's rule on a score already computed:
// attached holds the rules and indicators that have a file.
func EvidenceMissing(rb *rubric.Rubric, res *scoring.Result, attached map[string]bool) []string {
	var out []string
	for _, c := range res.Categories {
		for _, ir := range c.Indicators {
			if !rb.EvidenceRequired(ir.ID) || attached[ir.ID] {
				continue
			}
			for _, rr := range ir.Rules {
				if rr.Raw > 0 && rr.Kind != rubric.Bonus && !attached[rr.ID] {
					out = append(out, rr.ID)
				}
			}
		}
	}
	return out
}
