package diff

import (
	"strings"

	"github.com/kaohe/kaohe/rubric"
)

// languageFields are a rule's parameters beyond the seed's kinds, as text
// to compare: limit, from, to, points, range, per_item, bands ("" when
// absent), in the order ruleFields names them.
func languageFields(r *rubric.Rule) []string {
	rng := ""
	if len(r.Range) > 0 {
		parts := make([]string, len(r.Range))
		for i, d := range r.Range {
			parts[i] = d.String()
		}
		rng = strings.Join(parts, "–")
	}
	perItem := ""
	if r.PerItem {
		perItem = "true"
	}
	return []string{num(r.Limit), num(r.From), num(r.To), num(r.Points), rng, perItem, bandsText(r.Bands)}
}

// bandsText writes bands one after another, best first: "100:6 / 90:3 /
// *:0" or "优:10 / 良:5 / 差:0".
func bandsText(bs []rubric.ScoreBand) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		key := "*"
		switch {
		case b.Label != "":
			key = b.Label
		case b.Min != nil:
			key = b.Min.String()
		}
		parts[i] = key + ":" + b.Points.String()
	}
	return strings.Join(parts, " / ")
}

// gradesText writes grades best first: "优秀 ≥90 / 良好 ≥80 / 不合格".
func gradesText(gs []rubric.Grade) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.Name
		if g.Min != nil {
			parts[i] += " ≥" + g.Min.String()
		}
	}
	return strings.Join(parts, " / ")
}
