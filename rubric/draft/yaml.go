package draft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// WriteYAML renders a rubric in the layout of rubric/default.yaml: every
// string double-quoted, numbers bare, optional parameters only when set. The
// result loads back (rubric.Parse) into the same rubric.
func WriteYAML(rb *rubric.Rubric) []byte {
	var b strings.Builder
	w := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat(" ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	num := func(indent int, key string, d *decimal.Dec) {
		if d != nil {
			w(indent, "%s: %s", key, d.String())
		}
	}
	text := func(indent int, key, s string) {
		if s != "" {
			w(indent, "%s: %s", key, quote(s))
		}
	}
	reviews := len(rb.Reviews())
	w(0, "# %s — drafted by `kaohe rubric draft`.", rb.Title)
	if reviews > 0 {
		w(0, "# Rules marked `review:` (%d): check each against the table, fix it, delete the review line.", reviews)
	}
	w(0, "# Editing the content of a rubric in use means giving it a new version.")
	w(0, "id: %s", quote(rb.ID))
	w(0, "version: %s", quote(rb.Version))
	w(0, "title: %s", quote(rb.Title))
	w(0, "language: %s", quote(rb.Language))
	if len(rb.Units) > 0 {
		us := make([]string, len(rb.Units))
		for i, u := range rb.Units {
			us[i] = quote(u)
		}
		w(0, "units: [%s]", strings.Join(us, ", "))
	}
	w(0, "categories:")
	for _, c := range rb.Categories {
		w(2, "- id: %s", quote(c.ID))
		w(4, "title: %s", quote(c.Title))
		w(4, "points: %s", c.Points)
		if c.Bonus {
			w(4, "bonus: true")
		}
		w(4, "indicators:")
		for _, ind := range c.Indicators {
			w(6, "- id: %s", quote(ind.ID))
			w(8, "points: %s", ind.Points)
			w(8, "content: %s", quote(ind.Content))
			w(8, "standard: %s", quote(ind.Standard))
			num(8, "cap", ind.Cap)
			if len(ind.Groups) > 0 {
				w(8, "groups:")
				for _, g := range ind.Groups {
					w(10, "- id: %s", quote(g.ID))
					text(12, "title", g.Title)
					w(12, "cap: %s", g.Cap)
					ids := make([]string, len(g.Rules))
					for i, id := range g.Rules {
						ids[i] = quote(id)
					}
					w(12, "rules: [%s]", strings.Join(ids, ", "))
				}
			}
			w(8, "rules:")
			for _, r := range ind.Rules {
				w(10, "- id: %s", quote(r.ID))
				w(12, "kind: %s", r.Kind)
				text(12, "label", r.Label)
				text(12, "unit", r.Unit)
				num(12, "amount", r.Amount)
				num(12, "cap", r.Cap)
				num(12, "target", r.Target)
				num(12, "step", r.Step)
				num(12, "full", r.Full)
				num(12, "max_value", r.MaxValue)
				w(12, "clause: %s", quote(r.Clause))
				text(12, "review", r.Review)
			}
		}
	}
	return []byte(b.String())
}

// quote writes s as a YAML double-quoted scalar. Go's escapes (\n, \t, \",
// \\, \xNN for control bytes, \uNNNN) are all YAML escapes too; the text is
// valid UTF-8 by then, so no raw byte is escaped.
func quote(s string) string {
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}
