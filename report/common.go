package report

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// CommonProblem is one indicator of the 共性问题: what the units of a period
// lost on it together, how many of them lost anything, and the findings
// written against it most often. Bonus indicators are not problems and are
// left out.
type CommonProblem struct {
	Indicator string      `json:"indicator"`
	Content   string      `json:"content"`
	Max       decimal.Dec `json:"max"`
	// Lost is the points the units lost on it, summed; Units how many of
	// them lost any, out of Among.
	Lost  decimal.Dec `json:"lost"`
	Units int         `json:"units"`
	Among int         `json:"among"`
	// Typical are the most frequent findings (at most three, then by
	// text): item texts where the rule was recorded item by item, else the
	// notes of the rules that deducted and the indicator's note; each
	// counted once per unit.
	Typical []Typical `json:"typical,omitempty"`
}

// Typical is a finding's text and how many units it was written for.
type Typical struct {
	Text  string `json:"text"`
	Units int    `json:"units"`
}

// typicalShown is how many typical findings an indicator lists.
const typicalShown = 3

// CommonProblems ranks the indicators by the points the units of states
// (one period, one rubric) lost on them, most first; ties by how many units
// lost points, then rubric order. Indicators nobody lost points on are left
// out.
func CommonProblems(states []*store.State) ([]CommonProblem, error) {
	type acc struct {
		CommonProblem
		order int
		texts []Typical // in the order first written
	}
	byID := map[string]*acc{}
	var list []*acc
	for _, st := range states {
		res, err := st.Score()
		if err != nil {
			return nil, err
		}
		notes := st.Notes()
		items := map[string][]assessment.Item{}
		for _, it := range st.Items("") {
			items[it.Rule] = append(items[it.Rule], it)
		}
		order := 0
		for ci := range res.Categories {
			cr := &res.Categories[ci]
			for ii := range cr.Indicators {
				ir := &cr.Indicators[ii]
				order++
				if cr.Bonus {
					continue
				}
				a := byID[ir.ID]
				if a == nil {
					ind := &st.Rubric.Categories[ci].Indicators[ii]
					a = &acc{CommonProblem: CommonProblem{Indicator: ir.ID, Content: clean(ind.Content), Max: ir.Max}, order: order}
					byID[ir.ID] = a
					list = append(list, a)
				}
				a.Among++
				if ir.Deduction <= 0 {
					continue
				}
				a.Lost += ir.Deduction
				a.Units++
				a.texts = countTexts(a.texts, findingTexts(ir, items, notes[ir.ID]))
			}
		}
	}
	var out []CommonProblem
	for _, a := range list {
		if a.Lost <= 0 {
			continue
		}
		sort.SliceStable(a.texts, func(i, j int) bool {
			if a.texts[i].Units != a.texts[j].Units {
				return a.texts[i].Units > a.texts[j].Units
			}
			return a.texts[i].Text < a.texts[j].Text
		})
		a.Typical = a.texts[:min(len(a.texts), typicalShown)]
		out = append(out, a.CommonProblem)
	}
	order := map[string]int{}
	for _, a := range list {
		order[a.Indicator] = a.order
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Lost != out[j].Lost {
			return out[i].Lost > out[j].Lost
		}
		if out[i].Units != out[j].Units {
			return out[i].Units > out[j].Units
		}
		return order[out[i].Indicator] < order[out[j].Indicator]
	})
	return out, nil
}

// findingTexts are one unit's findings on an indicator that deducted:
// the texts of the items of its rules that deducted, the notes of those
// recorded otherwise, and the indicator's note; each once.
func findingTexts(ir *scoring.IndicatorResult, items map[string][]assessment.Item, note string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(clean(s))
		if s == "" {
			return
		}
		for _, o := range out {
			if assessment.SameItemText(o, s) {
				return
			}
		}
		out = append(out, s)
	}
	for _, rr := range ir.Rules {
		if !rr.Recorded || rr.Raw <= 0 {
			continue
		}
		if its := items[rr.ID()]; len(its) > 0 {
			for _, it := range its {
				add(it.Text)
			}
			continue
		}
		add(rr.Note)
	}
	add(note)
	return out
}

// countTexts adds one unit's texts to the tally.
func countTexts(tally []Typical, texts []string) []Typical {
	for _, t := range texts {
		found := false
		for i := range tally {
			if assessment.SameItemText(tally[i].Text, t) {
				tally[i].Units++
				found = true
				break
			}
		}
		if !found {
			tally = append(tally, Typical{Text: t, Units: 1})
		}
	}
	return tally
}
