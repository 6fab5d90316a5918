package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// languageSummary lists the parameters of the kinds beyond the seed's, as
// rubric show prints a rule, named in l's words like the seed's
// parameters: in Chinese 限值 2, 起点 90 终点 100, 范围 2–5, 按次,
// 档次 100:6/90:3/其余:0 or 档次 优:10/良:5/差:0; in English limit=2,
// from=90 to=100, range=2–5, per_item, bands=100:6/90:3/*:0.
func languageSummary(l *i18n.Labels, r *rubric.Rule) []string {
	name := func(field string) string {
		if w := l.DiffLanguage.Field[field]; w != "" {
			return w
		}
		if w := l.CLI.Rubric.Diff.Field[field]; w != "" {
			return w
		}
		return field
	}
	var parts []string
	for _, f := range []struct {
		name string
		d    fmt.Stringer
		set  bool
	}{{"limit", r.Limit, r.Limit != nil}, {"from", r.From, r.From != nil}, {"to", r.To, r.To != nil}, {"points", r.Points, r.Points != nil}} {
		if f.set {
			parts = append(parts, fmt.Sprintf(l.RubricShow.Param, name(f.name), f.d))
		}
	}
	if len(r.Range) == 2 {
		parts = append(parts, fmt.Sprintf(l.RubricShow.Param, name("range"), r.Range[0].String()+"–"+r.Range[1].String()))
	}
	if r.PerItem {
		parts = append(parts, name("per_item"))
	}
	if len(r.Bands) > 0 {
		rest := l.ShowLanguage.Rest
		bands := make([]string, len(r.Bands))
		for i, b := range r.Bands {
			key := rest
			switch {
			case b.Label != "":
				key = b.Label
			case b.Min != nil:
				key = b.Min.String()
			}
			bands[i] = key + ":" + b.Points.String()
		}
		parts = append(parts, fmt.Sprintf(l.RubricShow.Param, l.ShowLanguage.Bands, strings.Join(bands, "/")))
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
