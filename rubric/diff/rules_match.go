package diff

import "github.com/kaohe/kaohe/rubric"

// MatchRules pairs the rules of an old and a new rubric as Compare does:
// each indicator with its counterpart in m (Match's pairing of the same
// two rubrics), then the rules of the two indicators by their clauses. It
// maps an old rule's ID to its new one's, so what was found on a rule one
// year can be followed to the rule that checks the same thing the next; an
// old rule absent from the map has none (its indicator or the rule itself
// was removed).
func MatchRules(old, newer *rubric.Rubric, m *Matching) map[string]string {
	out := map[string]string{}
	for newID, oldID := range m.Indicators {
		_, o, ok1 := old.Indicator(oldID)
		_, n, ok2 := newer.Indicator(newID)
		if !ok1 || !ok2 {
			continue
		}
		ok, oi := ruleKeys(o)
		nk, ni := ruleKeys(n)
		pairs, _, _ := match(ok, nk, oi, ni, ruleMin)
		for _, p := range pairs {
			out[o.Rules[p.i].ID] = n.Rules[p.j].ID
		}
	}
	return out
}
