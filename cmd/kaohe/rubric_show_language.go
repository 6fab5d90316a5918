package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// languageSummary lists the parameters of the kinds beyond the seed's, as
// rubric show prints a rule: limit=2, from=90 to=100, range=2–5,
// per_item, bands=100:6/90:3/*:0 or bands=优:10/良:5/差:0.
func languageSummary(r *rubric.Rule) []string {
	var parts []string
	for _, f := range []struct {
		name string
		d    fmt.Stringer
		set  bool
	}{{"limit", r.Limit, r.Limit != nil}, {"from", r.From, r.From != nil}, {"to", r.To, r.To != nil}, {"points", r.Points, r.Points != nil}} {
		if f.set {
			parts = append(parts, fmt.Sprintf("%s=%s", f.name, f.d))
		}
	}
	if len(r.Range) == 2 {
		parts = append(parts, fmt.Sprintf("range=%s–%s", r.Range[0], r.Range[1]))
	}
	if r.PerItem {
		parts = append(parts, "per_item")
	}
	if len(r.Bands) > 0 {
		bands := make([]string, len(r.Bands))
		for i, b := range r.Bands {
			key := "*"
			switch {
			case b.Label != "":
				key = b.Label
			case b.Min != nil:
				key = b.Min.String()
			}
			bands[i] = key + ":" + b.Points.String()
		}
		parts = append(parts, "bands="+strings.Join(bands, "/"))
	}
	return parts
}

// gradesSummary is rubric show's line of grades (等次：优秀 ≥90 / 良好 ≥80 /
// 合格 ≥60 / 不合格), or "" when the rubric has none.
func gradesSummary(l *i18n.Labels, rb *rubric.Rubric) string {
	if len(rb.Grades) == 0 {
		return ""
	}
	gs := make([]string, len(rb.Grades))
	for i, g := range rb.Grades {
		gs[i] = g.Name
		if g.Min != nil {
			gs[i] += " ≥" + g.Min.String()
		}
	}
	return fmt.Sprintf(l.Rules.GradeIs, strings.Join(gs, l.Rules.BandSep))
}
