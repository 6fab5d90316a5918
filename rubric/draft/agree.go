package draft

import (
	"fmt"
	"regexp"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// Mismatch is a number of a rubric that disagrees with the words it models:
// a rule's amount, target, step or cap against its clause, an indicator's
// points against the （N分） closing its 考核内容. A clerk who edits the
// number and not the words (or the words and not the number) prints a score
// sheet whose 评分标准 contradicts its own deduction.
type Mismatch struct {
	// Path is the field's path in the rubric ($.categories[0].indicators[1].rules[0].amount),
	// which the loaders turn into a file position.
	Path string
	// ID is the rule's or the indicator's ID.
	ID string
	// Field is the field's YAML name: amount, target, step, cap, limit,
	// range, points.
	Field string
	// Value is the rubric's number; Words are the words that say another.
	Value string
	Words string
	// InContent says the words are the indicator's 考核内容, not a clause;
	// InTitle that they are the category's title (主要工作).
	InContent, InTitle bool
}

// Mismatches reads every rule's clause with the drafter's patterns and
// lists the numbers of the rubric that disagree with what the words say.
// A clause the patterns read as another kind than its rule's, or only
// with a review reason, is not compared: the words are then not plain
// enough to hold the rubric to.
func Mismatches(rb *rubric.Rubric) []Mismatch {
	pats := Patterns()
	var out []Mismatch
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		if m := pointsAtEnd.FindStringSubmatch(c.Title); m != nil && !c.Penalty {
			if p, ok := parseNumber(m[1]); ok && p != c.Points {
				out = append(out, Mismatch{Path: fmt.Sprintf("$.categories[%d].points", ci), ID: c.ID, Field: "points",
					Value: c.Points.String(), Words: pointsWords(c.Title), InTitle: true})
			}
		}
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			ip := fmt.Sprintf("$.categories[%d].indicators[%d]", ci, ii)
			if m := pointsAtEnd.FindStringSubmatch(ind.Content); m != nil && !c.Penalty {
				if p, ok := parseNumber(m[1]); ok && p != ind.Points {
					out = append(out, Mismatch{Path: ip + ".points", ID: ind.ID, Field: "points", Value: ind.Points.String(), Words: pointsWords(ind.Content), InContent: true})
				}
			}
			for ri := range ind.Rules {
				out = append(out, ruleMismatches(pats, fmt.Sprintf("%s.rules[%d]", ip, ri), ind, &ind.Rules[ri])...)
			}
		}
	}
	return out
}

// pointsWords is the （N分） that closes a 考核内容.
func pointsWords(content string) string {
	loc := pointsAtEnd.FindStringIndex(content)
	return regexp.MustCompile(`[。.\s]+$`).ReplaceAllString(content[loc[0]:loc[1]], "")
}

// ruleMismatches compares one rule's numbers with its clause's.
func ruleMismatches(pats []Pattern, p string, ind *rubric.Indicator, r *rubric.Rule) []Mismatch {
	clauses, caps := splitStandard(r.Clause)
	if len(clauses) != 1 || len(caps) != 0 {
		return nil
	}
	cl := clauses[0]
	core := r.Clause[cl.core.start:cl.core.end]
	rd := recognise(pats, core, ind.Content)
	// A reading with a review is not plain enough to hold the rubric to;
	// a linear one whose only doubt is its unstated 100% still has its from.
	if rd.pattern == "" || (rd.review != "" && !rd.toGuessed) || rd.kind != r.Kind {
		return nil
	}
	var out []Mismatch
	check := func(field string, stated, given *decimal.Dec, words string) {
		if stated != nil && given != nil && *stated != *given {
			out = append(out, Mismatch{Path: p + "." + field, ID: r.ID, Field: field, Value: given.String(), Words: words})
		}
	}
	plain := withoutSpaces(core)
	verb := "扣"
	if r.Kind == rubric.Bonus {
		verb = "加"
	}
	if rd.amount != nil {
		check("amount", rd.amount, r.Amount, figureWords(plain, verb, "分", *rd.amount))
	}
	if rd.target != nil && len(rd.itemTargets) == 0 {
		words := ""
		for _, text := range []string{plain, withoutSpaces(ind.Content)} {
			if m := contentTarget.FindString(text); m != "" {
				words = m
				break
			}
		}
		if words == "" {
			words = rd.target.String()
		}
		check("target", rd.target, r.Target, words)
	}
	if rd.step != nil {
		check("step", rd.step, r.Step, "每…"+rd.step.String()+rd.unit)
	}
	if rd.limit != nil {
		check("limit", rd.limit, r.Limit, rd.limit.String()+rd.unit)
	}
	own := cl.cap
	if own == nil {
		own = rd.cap
	}
	if own != nil && r.Cap != nil {
		check("cap", own, r.Cap, capWords(r.Clause, *own))
	}
	if len(rd.rng) == 2 && len(r.Range) == 2 && (rd.rng[0] != r.Range[0] || rd.rng[1] != r.Range[1]) {
		out = append(out, Mismatch{Path: p + ".range", ID: r.ID, Field: "range",
			Value: fmt.Sprintf("[%s, %s]", r.Range[0], r.Range[1]), Words: fmt.Sprintf("%s%s-%s分", verb, rd.rng[0], rd.rng[1])})
	}
	if r.Kind == rubric.Linear {
		check("from", rd.from, r.From, figureWords(plain, "", "[%％]", *rd.from))
		if !rd.toGuessed {
			check("to", rd.to, r.To, figureWords(plain, "", "[%％]", *rd.to))
		}
	}
	if r.Kind == rubric.Band && len(rd.bands) == len(r.Bands) {
		for bi, b := range rd.bands {
			rb := r.Bands[bi]
			bp := fmt.Sprintf("%s.bands[%d]", p, bi)
			stated := b.points
			if b.full {
				stated = ind.Points
			}
			if b.label == rb.Label && stated != rb.Points {
				out = append(out, Mismatch{Path: bp + ".points", ID: r.ID, Field: "points", Value: rb.Points.String(), Words: bandWords(core, bi)})
			}
			if b.min != nil && rb.Min != nil && *b.min != *rb.Min {
				out = append(out, Mismatch{Path: bp + ".min", ID: r.ID, Field: "min", Value: rb.Min.String(), Words: bandWords(core, bi)})
			}
		}
	}
	return out
}

// bandWords is the bi-th piece of a band clause.
func bandWords(core string, bi int) string {
	var pieces []string
	for _, piece := range splitTop(core, span{0, len(core)}, sentence+phrase) {
		if text := withoutSpaces(core[piece.start:piece.end]); text != "" {
			pieces = append(pieces, text)
		}
	}
	if bi < len(pieces) {
		return pieces[bi]
	}
	return core
}

// figureWords finds the words stating a figure (扣0.2分) in a clause, or
// writes them.
func figureWords(plain, verb, after string, d decimal.Dec) string {
	re := regexp.MustCompile(verb + `(` + num + `)` + after)
	for _, m := range re.FindAllStringSubmatch(plain, -1) {
		if v, ok := parseNumber(m[1]); ok && v == d {
			return m[0]
		}
	}
	return verb + d.String() + after
}

// capWords finds the phrase of a clause that states its cap (最多扣2分).
func capWords(clause string, d decimal.Dec) string {
	for _, piece := range splitTop(clause, span{0, len(clause)}, sentence+phrase) {
		text := withoutSpaces(clause[piece.start:piece.end])
		if capPhrase.MatchString(text) {
			return text
		}
	}
	return "最多扣" + d.String() + "分"
}
