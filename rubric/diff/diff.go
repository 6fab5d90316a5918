// Package diff compares two versions of a rubric the way an office reads a
// new 考核细则 against last year's: which categories and indicators were
// added, removed or renumbered, whose points changed, and how standards and
// rules changed, clause by clause. Items are matched by their words first
// (a title, a 考核内容 without its numbering, a clause), so an indicator that
// moved keeps its history, and by ID only when the words changed.
package diff

import (
	"regexp"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// The status of a compared item.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Field is one field whose value differs between the versions.
type Field struct {
	Name string `json:"field"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Line is one clause of a standard in a clause-by-clause comparison: Op is
// " " (in both), "-" (only in the old) or "+" (only in the new).
type Line struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Category is a category that differs. OldID and NewID differ when it was
// renumbered; one of them is empty when it was added or removed.
type Category struct {
	Status string  `json:"status"`
	OldID  string  `json:"old_id,omitempty"`
	NewID  string  `json:"new_id,omitempty"`
	Title  string  `json:"title"`
	Fields []Field `json:"fields,omitempty"`
}

// Rule is a rule that differs within a compared indicator. Bands, when
// they differ, are its bands band by band; Veto says whether the rule
// became a 一票否决 (Added), stopped being one (Removed) or is one that
// changed (Changed).
type Rule struct {
	Status string     `json:"status"`
	OldID  string     `json:"old_id,omitempty"`
	NewID  string     `json:"new_id,omitempty"`
	Clause string     `json:"clause"`
	Veto   string     `json:"veto,omitempty"`
	Fields []Field    `json:"fields,omitempty"`
	Bands  []BandLine `json:"bands,omitempty"`
}

// Indicator is an indicator that differs: renumbered, moved to another
// category, points, cap or content changed, its standard (clause by clause)
// or its rules.
type Indicator struct {
	Status   string  `json:"status"`
	OldID    string  `json:"old_id,omitempty"`
	NewID    string  `json:"new_id,omitempty"`
	Content  string  `json:"content"`
	Fields   []Field `json:"fields,omitempty"`
	Standard []Line  `json:"standard,omitempty"`
	Rules    []Rule  `json:"rules,omitempty"`
}

// Report is the comparison of two rubrics; empty lists mean no change.
type Report struct {
	Old        string   `json:"old"`
	New        string   `json:"new"`
	Fields     []Field  `json:"fields,omitempty"`
	UnitsAdded []string `json:"units_added,omitempty"`
	UnitsGone  []string `json:"units_removed,omitempty"`
	// Grades, when they differ, are the 等次 grade by grade.
	Grades     []GradeLine `json:"grades,omitempty"`
	Categories []Category  `json:"categories,omitempty"`
	Indicators []Indicator `json:"indicators,omitempty"`
}

// Empty reports whether the two rubrics have the same content.
func (r *Report) Empty() bool {
	return len(r.Fields) == 0 && len(r.Grades) == 0 && len(r.UnitsAdded) == 0 && len(r.UnitsGone) == 0 &&
		len(r.Categories) == 0 && len(r.Indicators) == 0
}

// Compare compares an old and a new version of a rubric.
func Compare(old, newer *rubric.Rubric) *Report {
	rep := &Report{Old: old.ID + "@" + old.Version, New: newer.ID + "@" + newer.Version}
	rep.Fields = fields(nil,
		"id", old.ID, newer.ID,
		"version", old.Version, newer.Version,
		"title", old.Title, newer.Title,
		"language", old.Language, newer.Language)
	rep.Grades = compareGrades(old.Grades, newer.Grades)
	rep.UnitsAdded, rep.UnitsGone = setDiff(newer.Units, old.Units), setDiff(old.Units, newer.Units)
	rep.Categories = compareCategories(old, newer)
	rep.Indicators = compareIndicators(old, newer)
	return rep
}

// fields appends a Field for every (name, old, new) triple whose values differ.
func fields(out []Field, triples ...string) []Field {
	for i := 0; i+2 < len(triples); i += 3 {
		if triples[i+1] != triples[i+2] {
			out = append(out, Field{triples[i], triples[i+1], triples[i+2]})
		}
	}
	return out
}

func setDiff(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func num(d *decimal.Dec) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// sameIDMin is the similarity two items with the same ID need to be taken
// for one item whose words changed.
const sameIDMin = 0.25

// pair is a match between an old item (index i) and a new one (index j).
type pair struct{ i, j int }

// match pairs old and new items: first those with equal keys, then the most
// similar remaining ones (similarity at least min, a shared ID breaking
// ties), then those with equal IDs and somewhat similar keys. It returns the pairs and the unmatched
// old and new indexes.
func match(oldKeys, newKeys, oldIDs, newIDs []string, min float64) (pairs []pair, oldLeft, newLeft []int) {
	usedO := make([]bool, len(oldKeys))
	usedN := make([]bool, len(newKeys))
	for j, nk := range newKeys {
		for i, ok := range oldKeys {
			if !usedO[i] && ok == nk {
				usedO[i], usedN[j] = true, true
				pairs = append(pairs, pair{i, j})
				break
			}
		}
	}
	for {
		best, bi, bj := min, -1, -1
		for i := range oldKeys {
			if usedO[i] {
				continue
			}
			for j := range newKeys {
				if usedN[j] {
					continue
				}
				s := similarity(oldKeys[i], newKeys[j])
				if oldIDs[i] == newIDs[j] {
					s += 0.05
				}
				if s >= best {
					best, bi, bj = s, i, j
				}
			}
		}
		if bi < 0 {
			break
		}
		usedO[bi], usedN[bj] = true, true
		pairs = append(pairs, pair{bi, bj})
	}
	// Same ID, words changed more: still the same item when some of the
	// words remain (an item whose words all changed was replaced).
	for j := range newKeys {
		for i := range oldKeys {
			if !usedO[i] && !usedN[j] && oldIDs[i] != "" && oldIDs[i] == newIDs[j] && similarity(oldKeys[i], newKeys[j]) >= sameIDMin {
				usedO[i], usedN[j] = true, true
				pairs = append(pairs, pair{i, j})
			}
		}
	}
	for i := range oldKeys {
		if !usedO[i] {
			oldLeft = append(oldLeft, i)
		}
	}
	for j := range newKeys {
		if !usedN[j] {
			newLeft = append(newLeft, j)
		}
	}
	return pairs, oldLeft, newLeft
}

// similarity is 2·LCS / (|a| + |b|) over runes: 1 for equal texts.
func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra)+len(rb) == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			switch {
			case ra[i-1] == rb[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(rb)]) / float64(len(ra)+len(rb))
}

// categoryMin and indicatorMin are the similarity of words a category's
// title and an indicator's 考核内容 need to be matched with another.
const (
	categoryMin  = 0.5
	indicatorMin = 0.6
)

// categoryKeys are the words categories are matched by, and their IDs.
func categoryKeys(cs []rubric.Category) (keys, ids []string) {
	for _, c := range cs {
		keys = append(keys, strings.TrimSpace(c.Title))
		ids = append(ids, c.ID)
	}
	return keys, ids
}

func compareCategories(old, newer *rubric.Rubric) []Category {
	ok, oi := categoryKeys(old.Categories)
	nk, ni := categoryKeys(newer.Categories)
	pairs, oldLeft, newLeft := match(ok, nk, oi, ni, categoryMin)
	return inOrder(pairs, oldLeft, newLeft, len(newer.Categories),
		func(i, j int) (Category, bool) {
			o, n := &old.Categories[i], &newer.Categories[j]
			fs := fields(nil,
				"title", o.Title, n.Title,
				"points", o.Points.String(), n.Points.String(),
				"bonus", yesNo(o.Bonus), yesNo(n.Bonus),
				"penalty", yesNo(o.Penalty), yesNo(n.Penalty),
				"cap", num(o.Cap), num(n.Cap))
			return Category{Status: Changed, OldID: o.ID, NewID: n.ID, Title: n.Title, Fields: fs}, len(fs) > 0 || o.ID != n.ID
		},
		func(j int) Category {
			n := &newer.Categories[j]
			return Category{Status: Added, NewID: n.ID, Title: n.Title, Fields: []Field{{"points", "", n.Points.String()}}}
		},
		func(i int) Category {
			o := &old.Categories[i]
			return Category{Status: Removed, OldID: o.ID, Title: o.Title, Fields: []Field{{"points", o.Points.String(), ""}}}
		})
}

// inOrder lays out a comparison's entries: the changed (changed reports
// false for a pair that is the same) and added ones in the new list's order,
// then the removed ones in the old list's. pairs, oldLeft and newLeft are
// match's, and nNew is the length of the new list.
func inOrder[T any](pairs []pair, oldLeft, newLeft []int, nNew int, changed func(i, j int) (T, bool), added func(j int) T, removed func(i int) T) []T {
	byNew := make(map[int]T, nNew)
	for _, p := range pairs {
		if d, ok := changed(p.i, p.j); ok {
			byNew[p.j] = d
		}
	}
	for _, j := range newLeft {
		byNew[j] = added(j)
	}
	var out []T
	for j := range nNew {
		if d, ok := byNew[j]; ok {
			out = append(out, d)
		}
	}
	for _, i := range oldLeft {
		out = append(out, removed(i))
	}
	return out
}

// numbering matches the （n） or n. that starts a 考核内容 and the （N分）
// that ends it, which change when items are renumbered or re-weighted.
var numbering = regexp.MustCompile(`^\s*(?:[（(]\s*\d+\s*[）)]|\d+\s*[.、．])\s*|\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]\s*[。.]?\s*$`)

// contentKey is an indicator's 考核内容 without its numbering and points.
func contentKey(s string) string {
	return strings.TrimSpace(numbering.ReplaceAllString(s, ""))
}

type located struct {
	cat *rubric.Category
	ind *rubric.Indicator
}

func indicatorsOf(rb *rubric.Rubric) (list []located, keys, ids []string) {
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			list = append(list, located{c, ind})
			keys = append(keys, contentKey(ind.Content))
			ids = append(ids, ind.ID)
		}
	}
	return list, keys, ids
}

func compareIndicators(old, newer *rubric.Rubric) []Indicator {
	ol, ok, oi := indicatorsOf(old)
	nl, nk, ni := indicatorsOf(newer)
	pairs, oldLeft, newLeft := match(ok, nk, oi, ni, indicatorMin)
	none := &rubric.Indicator{}
	return inOrder(pairs, oldLeft, newLeft, len(nl),
		func(i, j int) (Indicator, bool) {
			o, n := ol[i], nl[j]
			d := Indicator{Status: Changed, OldID: o.ind.ID, NewID: n.ind.ID, Content: n.ind.Content}
			d.Fields = fields(nil,
				"category", o.cat.Title, n.cat.Title,
				"points", o.ind.Points.String(), n.ind.Points.String(),
				"cap", num(o.ind.Cap), num(n.ind.Cap),
				"content", o.ind.Content, n.ind.Content)
			if o.ind.Standard != n.ind.Standard {
				d.Standard = clauseDiff(o.ind.Standard, n.ind.Standard)
			}
			d.Fields = append(d.Fields, compareGroups(o.ind, n.ind)...)
			d.Rules = compareRules(o.ind, n.ind)
			return d, o.ind.ID != n.ind.ID || len(d.Fields) > 0 || len(d.Standard) > 0 || len(d.Rules) > 0
		},
		func(j int) Indicator {
			n := nl[j].ind
			return Indicator{Status: Added, NewID: n.ID, Content: n.Content,
				Fields:   []Field{{"points", "", n.Points.String()}},
				Standard: clauseDiff("", n.Standard),
				Rules:    compareRules(none, n)}
		},
		func(i int) Indicator {
			o := ol[i].ind
			return Indicator{Status: Removed, OldID: o.ID, Content: o.Content,
				Fields:   []Field{{"points", o.Points.String(), ""}},
				Standard: clauseDiff(o.Standard, ""),
				Rules:    compareRules(o, none)}
		})
}

// ruleFields lists the fields of a rule that differ; with one side nil,
// every field the other side has.
func ruleFields(o, n *rubric.Rule) []Field {
	get := func(r *rubric.Rule) []string {
		if r == nil {
			return make([]string, 17)
		}
		return append([]string{string(r.Kind), r.Label, r.Unit, num(r.Amount), num(r.Cap), num(r.Target),
			num(r.Step), num(r.Full), num(r.MaxValue)}, append(languageFields(r), r.Review, r.Clause)...)
	}
	names := []string{"kind", "label", "unit", "amount", "cap", "target", "step", "full", "max_value",
		"limit", "from", "to", "points", "range", "per_item", "review", "clause"}
	ov, nv := get(o), get(n)
	var out []Field
	for k, name := range names {
		if name == "clause" && (o == nil || n == nil) {
			continue // shown as the rule's clause
		}
		if ov[k] != nv[k] {
			out = append(out, Field{name, ov[k], nv[k]})
		}
	}
	return out
}

// ruleMin is the similarity of words two rules' clauses need to be matched.
const ruleMin = 0.5

// ruleKeys are the words an indicator's rules are matched by (their
// clauses), and their letters (a rule of a renumbered indicator keeps its).
func ruleKeys(ind *rubric.Indicator) (keys, letters []string) {
	for _, r := range ind.Rules {
		keys = append(keys, strings.TrimSpace(r.Clause))
		letters = append(letters, letter(r.ID))
	}
	return keys, letters
}

func compareRules(o, n *rubric.Indicator) []Rule {
	ok, oi := ruleKeys(o)
	nk, ni := ruleKeys(n)
	pairs, oldLeft, newLeft := match(ok, nk, oi, ni, ruleMin)
	return inOrder(pairs, oldLeft, newLeft, len(n.Rules),
		func(i, j int) (Rule, bool) {
			or, nr := &o.Rules[i], &n.Rules[j]
			fs := ruleFields(or, nr)
			bands := compareBands(or, nr)
			// A rule whose indicator was renumbered keeps its letter: not a change.
			return Rule{Status: Changed, OldID: or.ID, NewID: nr.ID, Clause: nr.Clause, Veto: vetoChange(or, nr), Fields: fs, Bands: bands},
				len(fs) > 0 || len(bands) > 0 || letter(or.ID) != letter(nr.ID)
		},
		func(j int) Rule {
			nr := &n.Rules[j]
			return Rule{Status: Added, NewID: nr.ID, Clause: nr.Clause, Veto: vetoChange(nil, nr), Fields: ruleFields(nil, nr), Bands: compareBands(nil, nr)}
		},
		func(i int) Rule {
			or := &o.Rules[i]
			return Rule{Status: Removed, OldID: or.ID, Clause: or.Clause, Veto: vetoChange(or, nil), Fields: ruleFields(or, nil), Bands: compareBands(or, nil)}
		})
}

// letter is the last part of a rule ID (a of 1.2.a): rules of a renumbered
// indicator keep their letters.
func letter(id string) string {
	if i := strings.LastIndex(id, "."); i >= 0 {
		return id[i+1:]
	}
	return id
}

// compareGroups reports groups added, removed, or with another cap or rules,
// as fields named "group ID".
func compareGroups(o, n *rubric.Indicator) []Field {
	show := func(g *rubric.Group) string {
		if g == nil {
			return ""
		}
		letters := make([]string, len(g.Rules))
		for i, r := range g.Rules {
			letters[i] = letter(r)
		}
		return "cap " + g.Cap.String() + " [" + strings.Join(letters, ", ") + "]"
	}
	find := func(ind *rubric.Indicator, id string) *rubric.Group {
		for i := range ind.Groups {
			if letter(ind.Groups[i].ID) == id {
				return &ind.Groups[i]
			}
		}
		return nil
	}
	var out []Field
	for i := range o.Groups {
		id := letter(o.Groups[i].ID)
		out = fields(out, "group "+id, show(&o.Groups[i]), show(find(n, id)))
	}
	for i := range n.Groups {
		id := letter(n.Groups[i].ID)
		if find(o, id) == nil {
			out = fields(out, "group "+id, "", show(&n.Groups[i]))
		}
	}
	return out
}

// clauses splits a standard at ； and 。, dropping the marks (a clause that
// gained a successor changes its 。 to ；, not its words).
func clauses(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		if r == '；' || r == '。' || r == ';' || r == '\n' {
			if t := strings.TrimSpace(string(rs[start:i])); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(string(rs[start:])); t != "" {
		out = append(out, t)
	}
	return out
}

// clauseDiff compares two standards clause by clause (a longest common
// subsequence of clauses): unchanged clauses with " ", the old ones of a
// change with "-", the new ones with "+".
func clauseDiff(before, after string) []Line {
	a, b := clauses(before), clauses(after)
	var out []Line
	for _, st := range sequence(a, b) {
		if st.op == "-" {
			out = append(out, Line{st.op, a[st.at]})
		} else {
			out = append(out, Line{st.op, b[st.at]})
		}
	}
	return out
}
