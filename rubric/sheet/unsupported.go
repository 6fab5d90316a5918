package sheet

import (
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// unsupported lists what a rubric uses that the workbook's sheets do not
// hold yet (grades, penalty categories, bands, ranges, limits, linear
// figures, per-item bonuses), each with where: writing such a rubric as a
// workbook would drop them without a word, so Write refuses it instead.
func unsupported(rb *rubric.Rubric) []string {
	var out []string
	if len(rb.Grades) > 0 {
		out = append(out, "grades")
	}
	for _, c := range rb.Categories {
		if c.Penalty || c.Cap != nil {
			out = append(out, "category "+c.ID+" penalty")
		}
		for _, ind := range c.Indicators {
			for _, r := range ind.Rules {
				var what []string
				for _, f := range []struct {
					name string
					set  bool
				}{{"bands", len(r.Bands) > 0}, {"range", len(r.Range) > 0}, {"limit", r.Limit != nil},
					{"from", r.From != nil}, {"to", r.To != nil}, {"points", r.Points != nil}, {"per_item", r.PerItem}} {
					if f.set {
						what = append(what, f.name)
					}
				}
				if len(what) > 0 {
					out = append(out, r.ID+" "+strings.Join(what, "/"))
				}
			}
		}
	}
	return out
}

// errUnsupported is Write's refusal of a rubric whose constructs the
// workbook does not hold yet.
func errUnsupported(what []string) error {
	return i18n.Errorf("the workbook cannot hold %s yet; keep this rubric as YAML (nothing was written)", strings.Join(what, ", "))
}
