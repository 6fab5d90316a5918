package rubric

import (
	"bytes"
	"fmt"
	"strings"
)

// writeGrades writes the rubric's grades as a block of flow mappings, or
// nothing when it has none.
func writeGrades(b *bytes.Buffer, gs []Grade) {
	if len(gs) == 0 {
		return
	}
	b.WriteString("grades:\n")
	for _, g := range gs {
		if g.Min != nil {
			fmt.Fprintf(b, "  - {name: %s, min: %s}\n", quote(g.Name), g.Min)
		} else {
			fmt.Fprintf(b, "  - {name: %s}\n", quote(g.Name))
		}
	}
}

// writeRuleLanguage writes the parameters of the kinds beyond the seed's
// (limit, from, to, points, range, per_item, bands), each only when set, so
// a rubric without them writes exactly as before.
func writeRuleLanguage(b *bytes.Buffer, r *Rule) {
	const in = "            "
	writeNum(b, in+"limit", r.Limit)
	writeNum(b, in+"from", r.From)
	writeNum(b, in+"to", r.To)
	writeNum(b, in+"points", r.Points)
	if len(r.Range) > 0 {
		parts := make([]string, len(r.Range))
		for i, d := range r.Range {
			parts[i] = d.String()
		}
		fmt.Fprintf(b, "%srange: [%s]\n", in, strings.Join(parts, ", "))
	}
	if r.PerItem {
		b.WriteString(in + "per_item: true\n")
	}
	if len(r.Bands) > 0 {
		b.WriteString(in + "bands:\n")
		for _, bd := range r.Bands {
			var fields []string
			if bd.Min != nil {
				fields = append(fields, "min: "+bd.Min.String())
			}
			if bd.Label != "" {
				fields = append(fields, "label: "+quote(bd.Label))
			}
			fields = append(fields, "points: "+bd.Points.String())
			fmt.Fprintf(b, "%s  - {%s}\n", in, strings.Join(fields, ", "))
		}
	}
}
