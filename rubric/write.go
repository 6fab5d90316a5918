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
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		if strings.TrimSpace(header) == "" {
			break
		}
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	fmt.Fprintf(&b, "id: %s\n", quote(rb.ID))
	fmt.Fprintf(&b, "version: %s\n", quote(rb.Version))
	fmt.Fprintf(&b, "title: %s\n", quote(rb.Title))
	fmt.Fprintf(&b, "language: %s\n", quote(rb.Language))
	if len(rb.Units) > 0 {
		qs := make([]string, len(rb.Units))
		for i, u := range rb.Units {
			qs[i] = quote(u)
		}
		fmt.Fprintf(&b, "units: [%s]\n", strings.Join(qs, ", "))
	}
	if rb.PeriodPattern != "" {
		fmt.Fprintf(&b, "period_pattern: %s\n", quote(rb.PeriodPattern))
	}
	if rb.Evidence != "" {
		fmt.Fprintf(&b, "evidence: %s\n", quote(rb.Evidence))
	}
	b.WriteString("categories:\n")
	for _, c := range rb.Categories {
		fmt.Fprintf(&b, "  - id: %s\n", quote(c.ID))
		fmt.Fprintf(&b, "    title: %s\n", quote(c.Title))
		fmt.Fprintf(&b, "    points: %s\n", c.Points)
		if c.Bonus {
			b.WriteString("    bonus: true\n")
		}
		if c.Evidence != "" {
			fmt.Fprintf(&b, "    evidence: %s\n", quote(c.Evidence))
		}
		b.WriteString("    indicators:\n")
		for _, ind := range c.Indicators {
			fmt.Fprintf(&b, "      - id: %s\n", quote(ind.ID))
			fmt.Fprintf(&b, "        points: %s\n", ind.Points)
			writeNum(&b, "        cap", ind.Cap)
			fmt.Fprintf(&b, "        content: %s\n", quote(ind.Content))
			fmt.Fprintf(&b, "        standard: %s\n", quote(ind.Standard))
			if ind.Evidence != "" {
				fmt.Fprintf(&b, "        evidence: %s\n", quote(ind.Evidence))
			}
			if len(ind.Groups) > 0 {
				b.WriteString("        groups:\n")
				for _, g := range ind.Groups {
					fmt.Fprintf(&b, "          - id: %s\n", quote(g.ID))
					if g.Title != "" {
						fmt.Fprintf(&b, "            title: %s\n", quote(g.Title))
					}
					fmt.Fprintf(&b, "            cap: %s\n", g.Cap)
					qs := make([]string, len(g.Rules))
					for i, r := range g.Rules {
						qs[i] = quote(r)
					}
					fmt.Fprintf(&b, "            rules: [%s]\n", strings.Join(qs, ", "))
				}
			}
			b.WriteString("        rules:\n")
			for _, r := range ind.Rules {
				fmt.Fprintf(&b, "          - id: %s\n", quote(r.ID))
				fmt.Fprintf(&b, "            kind: %s\n", r.Kind)
				if r.Label != "" {
					fmt.Fprintf(&b, "            label: %s\n", quote(r.Label))
				}
				if r.Unit != "" {
					fmt.Fprintf(&b, "            unit: %s\n", quote(r.Unit))
				}
				writeNum(&b, "            amount", r.Amount)
				writeNum(&b, "            cap", r.Cap)
				writeNum(&b, "            target", r.Target)
				writeNum(&b, "            step", r.Step)
				writeNum(&b, "            full", r.Full)
				writeNum(&b, "            max_value", r.MaxValue)
				if r.Review != "" {
					fmt.Fprintf(&b, "            review: %s\n", quote(r.Review))
				}
				fmt.Fprintf(&b, "            clause: %s\n", quote(r.Clause))
			}
		}
	}
	return b.Bytes()
}

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
