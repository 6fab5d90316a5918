package store

import (
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// MissingEvidence lists the rules whose rubric requires evidence for
// deductions (evidence: deductions), that deduct, and that have no
// attachment on the rule or on its indicator, in rubric order. The
// workbench marks them; signing lists them.
func (st *State) MissingEvidence() []string {
	res, err := scoring.Score(st.Rubric, st.Findings())
	if err != nil {
		return nil
	}
	has := map[string]bool{}
	for _, a := range st.Attachments("") {
		has[a.Subject] = true
	}
	var out []string
	for _, c := range res.Categories {
		for _, ir := range c.Indicators {
			if !st.Rubric.EvidenceRequired(ir.ID) || has[ir.ID] {
				continue
			}
			for _, rr := range ir.Rules {
				if rr.Raw > 0 && rr.Kind != rubric.Bonus && !has[rr.ID] {
					out = append(out, rr.ID)
				}
			}
		}
	}
	return out
}
