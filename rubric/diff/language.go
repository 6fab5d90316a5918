package diff

import (
	"strings"

	"github.com/kaohe/kaohe/rubric"
)

// languageFields are a rule's parameters beyond the seed's kinds, as text
// to compare: limit, from, to, points, range, per_item ("" when absent), in
// the order ruleFields names them. Bands are compared band by band
// (compareBands).
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
	return []string{num(r.Limit), num(r.From), num(r.To), num(r.Points), rng, perItem}
}

// BandLine is one band in a band-by-band comparison: Op is " " (in both),
// "-" (only in the old) or "+" (only in the new); Unit is its rule's unit.
type BandLine struct {
	Op   string           `json:"op"`
	Band rubric.ScoreBand `json:"band"`
	Unit string           `json:"unit,omitempty"`
}

// GradeLine is one 等次 in a grade-by-grade comparison, Op as a BandLine's.
type GradeLine struct {
	Op    string       `json:"op"`
	Grade rubric.Grade `json:"grade"`
}

// bandKey is what makes two bands the same band: its start or label and
// its points.
func bandKey(b rubric.ScoreBand) string {
	return num(b.Min) + "\x00" + b.Label + "\x00" + b.Points.String()
}

// compareBands lists a rule's bands band by band when they differ (with
// one side nil, every band of the other), or nil when they are the same.
func compareBands(o, n *rubric.Rule) []BandLine {
	var ob, nb []rubric.ScoreBand
	unit := ""
	if o != nil {
		ob, unit = o.Bands, o.Unit
	}
	if n != nil {
		nb, unit = n.Bands, n.Unit
	}
	keys := func(bs []rubric.ScoreBand) []string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = bandKey(b)
		}
		return out
	}
	steps := sequence(keys(ob), keys(nb))
	if !changedSteps(steps) {
		return nil
	}
	out := make([]BandLine, len(steps))
	for k, st := range steps {
		b := nb
		if st.op == "-" {
			b = ob
		}
		out[k] = BandLine{Op: st.op, Band: b[st.at], Unit: unit}
	}
	return out
}

// compareGrades lists the grades grade by grade when they differ.
func compareGrades(o, n []rubric.Grade) []GradeLine {
	keys := func(gs []rubric.Grade) []string {
		out := make([]string, len(gs))
		for i, g := range gs {
			out[i] = g.Name + "\x00" + num(g.Min)
		}
		return out
	}
	steps := sequence(keys(o), keys(n))
	if !changedSteps(steps) {
		return nil
	}
	out := make([]GradeLine, len(steps))
	for k, st := range steps {
		g := n
		if st.op == "-" {
			g = o
		}
		out[k] = GradeLine{Op: st.op, Grade: g[st.at]}
	}
	return out
}

// vetoChange says how a rule's 一票否决 changed: Added when it became one
// (or a veto rule was added), Removed when it stopped being one (or a veto
// rule was removed), Changed when it is a veto in both; "" otherwise.
func vetoChange(o, n *rubric.Rule) string {
	ov := o != nil && o.Kind == rubric.Veto
	nv := n != nil && n.Kind == rubric.Veto
	switch {
	case ov && nv:
		return Changed
	case nv:
		return Added
	case ov:
		return Removed
	}
	return ""
}

// step is one step of a longest-common-subsequence walk over two lists:
// op " " or "+" with at an index of the new list, "-" of the old.
type step struct {
	op string
	at int
}

// sequence compares two lists of keys by their longest common subsequence:
// a step " " keeps b[at], "-" removes a[at], "+" adds b[at]. clauseDiff and
// the lists of grades and bands are all read through it.
func sequence(a, b []string) []step {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []step
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, step{" ", j})
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, step{"-", i})
			i++
		default:
			out = append(out, step{"+", j})
			j++
		}
	}
	return out
}

func changedSteps(steps []step) bool {
	for _, st := range steps {
		if st.op != " " {
			return true
		}
	}
	return false
}
