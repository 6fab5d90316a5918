package diff

import "github.com/kaohe/kaohe/rubric"

// Matching pairs the categories and indicators of an old and a new rubric
// by the words `rubric diff` matches them by (a title, a 考核内容 without its
// numbering, an ID only when the words changed little), so figures of two
// periods scored under different rubrics can be set side by side. Maps go
// from the new rubric's ID to the old one's; the lists hold, in rubric
// order, what has no counterpart.
type Matching struct {
	Categories map[string]string
	Indicators map[string]string
	// CategoriesAdded and IndicatorsAdded are the new rubric's items with
	// no counterpart in the old; CategoriesRemoved and IndicatorsRemoved
	// the old rubric's with none in the new.
	CategoriesAdded, CategoriesRemoved []string
	IndicatorsAdded, IndicatorsRemoved []string
}

// Match pairs the categories and indicators of old and newer as Compare
// does (the same matcher, the same thresholds).
func Match(old, newer *rubric.Rubric) *Matching {
	m := &Matching{Categories: map[string]string{}, Indicators: map[string]string{}}
	ok, oi := categoryKeys(old.Categories)
	nk, ni := categoryKeys(newer.Categories)
	pairs, oldLeft, newLeft := match(ok, nk, oi, ni, categoryMin)
	for _, p := range pairs {
		m.Categories[ni[p.j]] = oi[p.i]
	}
	for _, i := range oldLeft {
		m.CategoriesRemoved = append(m.CategoriesRemoved, oi[i])
	}
	for _, j := range newLeft {
		m.CategoriesAdded = append(m.CategoriesAdded, ni[j])
	}
	_, oks, oids := indicatorsOf(old)
	_, nks, nids := indicatorsOf(newer)
	pairs, oldLeft, newLeft = match(oks, nks, oids, nids, indicatorMin)
	for _, p := range pairs {
		m.Indicators[nids[p.j]] = oids[p.i]
	}
	for _, i := range oldLeft {
		m.IndicatorsRemoved = append(m.IndicatorsRemoved, oids[i])
	}
	for _, j := range newLeft {
		m.IndicatorsAdded = append(m.IndicatorsAdded, nids[j])
	}
	return m
}
