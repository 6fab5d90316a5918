package rubric

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
)

// MarshalYAML writes a rubric in the layout of rubric/default.yaml: fields in
// a fixed order, every text double-quoted, numbers exact. header, when not
// empty, becomes comment lines at the top. Parse reads the result back to an
// equal rubric.
func MarshalYAML(rb *Rubric, header string) []byte {
	var b bytes.Buffer
	if header = strings.TrimSpace(header); header != "" {
		for _, line := range strings.Split(header, "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	fmt.Fprintf(&b, "id: %s\n", quote(rb.ID))
	fmt.Fprintf(&b, "version: %s\n", quote(rb.Version))
	fmt.Fprintf(&b, "title: %s\n", quote(rb.Title))
	fmt.Fprintf(&b, "language: %s\n", quote(rb.Language))
	if len(rb.Units) > 0 {
		fmt.Fprintf(&b, "units: %s\n", quoteList(rb.Units))
	}
	writeText(&b, "period_pattern", rb.PeriodPattern)
	writeText(&b, "evidence", rb.Evidence)
	writeGrades(&b, rb.Grades)
	b.WriteString("categories:\n")
	for _, c := range rb.Categories {
		fmt.Fprintf(&b, "  - id: %s\n", quote(c.ID))
		fmt.Fprintf(&b, "    title: %s\n", quote(c.Title))
		fmt.Fprintf(&b, "    points: %s\n", c.Points)
		if c.Bonus {
			b.WriteString("    bonus: true\n")
		}
		if c.Penalty {
			b.WriteString("    penalty: true\n")
		}
		writeNum(&b, "    cap", c.Cap)
		writeText(&b, "    evidence", c.Evidence)
		b.WriteString("    indicators:\n")
		for _, ind := range c.Indicators {
			fmt.Fprintf(&b, "      - id: %s\n", quote(ind.ID))
			fmt.Fprintf(&b, "        points: %s\n", ind.Points)
			writeNum(&b, "        cap", ind.Cap)
			fmt.Fprintf(&b, "        content: %s\n", quote(ind.Content))
			fmt.Fprintf(&b, "        standard: %s\n", quote(ind.Standard))
			writeText(&b, "        evidence", ind.Evidence)
			if len(ind.Groups) > 0 {
				b.WriteString("        groups:\n")
				for _, g := range ind.Groups {
					fmt.Fprintf(&b, "          - id: %s\n", quote(g.ID))
					writeText(&b, "            title", g.Title)
					fmt.Fprintf(&b, "            cap: %s\n", g.Cap)
					fmt.Fprintf(&b, "            rules: %s\n", quoteList(g.Rules))
				}
			}
			b.WriteString("        rules:\n")
			for _, r := range ind.Rules {
				fmt.Fprintf(&b, "          - id: %s\n", quote(r.ID))
				fmt.Fprintf(&b, "            kind: %s\n", r.Kind)
				writeText(&b, "            label", r.Label)
				writeText(&b, "            unit", r.Unit)
				writeNum(&b, "            amount", r.Amount)
				writeNum(&b, "            cap", r.Cap)
				writeNum(&b, "            target", r.Target)
				writeNum(&b, "            step", r.Step)
				writeNum(&b, "            full", r.Full)
				writeNum(&b, "            max_value", r.MaxValue)
				writeRuleLanguage(&b, &r)
				writeText(&b, "            review", r.Review)
				fmt.Fprintf(&b, "            clause: %s\n", quote(r.Clause))
			}
		}
	}
	return b.Bytes()
}

// writeText writes key: "s", or nothing when s is empty.
func writeText(b *bytes.Buffer, key, s string) {
	if s != "" {
		fmt.Fprintf(b, "%s: %s\n", key, quote(s))
	}
}

// quoteList writes ss as a YAML flow sequence of double-quoted scalars.
func quoteList(ss []string) string {
	qs := make([]string, len(ss))
	for i, s := range ss {
		qs[i] = quote(s)
	}
	return "[" + strings.Join(qs, ", ") + "]"
}

// writeNum writes key: d, or nothing when d is nil.
func writeNum(b *bytes.Buffer, key string, d *decimal.Dec) {
	if d != nil {
		fmt.Fprintf(b, "%s: %s\n", key, d)
	}
}

// quote writes s as a YAML double-quoted scalar. JSON's string escapes are a
// subset of YAML's, so a JSON string is a valid YAML one.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
