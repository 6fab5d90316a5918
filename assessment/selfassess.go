package assessment

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
)

// SelfPrefix starts the subject of the unit's own assessment of one
// indicator (自评): "self/<indicator>", recorded in the unit's name from
// the 自评表 it returned. A self-assessment is the unit's claim, never a
// finding: it is in no total and the sign-off does not sign it; reports
// set it beside the verified score to show where the unit claimed more
// (虚报 candidates).
const SelfPrefix = "self/"

// SelfRecord is what a unit claimed for one indicator: its score, its
// account (自评说明) and the names of the files it gave as proof
// (佐证材料; the files themselves, when given, are attached to the
// subject).
type SelfRecord struct {
	Score decimal.Dec `json:"score"`
	Note  string      `json:"note,omitempty"`
	Files []string    `json:"files,omitempty"`
}

// SelfSubject is the subject of the self-assessment of indicator.
func SelfSubject(indicator string) string { return SelfPrefix + indicator }

// SelfScores returns the unit's self-assessment by indicator.
func (st *State) SelfScores() map[string]SelfRecord {
	out := map[string]SelfRecord{}
	for subj, ss := range st.Subjects {
		ind, ok := strings.CutPrefix(subj, SelfPrefix)
		if !ok {
			continue
		}
		if v := ss.Current().Decoded(); v.Kind == KindSelf {
			out[ind] = *v.Self
		}
	}
	return out
}

// SelfGap is an indicator whose verified score is below what the unit
// claimed for it.
type SelfGap struct {
	Indicator      string
	Claimed, Score decimal.Dec
	// Gap is Claimed − Score (> 0).
	Gap decimal.Dec
}

// SelfGaps lists the indicators where the verified score (of res) is
// lower than the self-assessment, largest gap first, then rubric order.
func SelfGaps(res *scoring.Result, self map[string]SelfRecord) []SelfGap {
	var out []SelfGap
	for _, c := range res.Categories {
		for _, ir := range c.Indicators {
			s, ok := self[ir.ID]
			if !ok || ir.Score >= s.Score {
				continue
			}
			out = append(out, SelfGap{Indicator: ir.ID, Claimed: s.Score, Score: ir.Score, Gap: s.Score - ir.Score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Gap != out[j].Gap {
			return out[i].Gap > out[j].Gap
		}
		return scoring.RuleLess(out[i].Indicator, out[j].Indicator)
	})
	return out
}
