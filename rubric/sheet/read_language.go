package sheet

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// yesNo reads a 是/否 cell: empty or 否 is false, 是 true; anything else is
// reported at the cell, naming the column.
func (r *reader) yesNo(text string, at place, header string) bool {
	switch strings.ToLower(text) {
	case "", "否", "false", "0", "no":
		return false
	case "是", "true", "1", "yes":
		return true
	}
	r.errorAt(at, "%s must be 是 or empty, got %q", header, text)
	return false
}

// readPenalty reads a category row's 扣分项 and 类别上限: a penalty section
// outside the base points and its optional cap.
func (r *reader) readPenalty(t *table, row int, p string, c *rubric.Category) {
	text, at := t.get(row, "扣分项")
	c.Penalty = r.yesNo(text, at, "扣分项")
	r.at[p+".penalty"] = at
	capText, capAt := t.get(row, "类别上限")
	c.Cap = r.number(capText, capAt, "类别上限", "cap")
	r.at[p+".cap"] = capAt
}

// readRuleLanguage reads a rule row's cells beyond the seed's kinds: an
// excess rule's 限值, a linear rule's 起点, 终点 and 规则分值, a range's
// two ends and a bonus's 按次. A range with one end only is reported at the
// empty end rather than read as half a range.
func (r *reader) readRuleLanguage(t *table, row int, p string, rule *rubric.Rule) {
	for _, n := range []struct {
		header, field string
		dst           **decimal.Dec
	}{{"限值", "limit", &rule.Limit}, {"起点", "from", &rule.From}, {"终点", "to", &rule.To}, {"规则分值", "points", &rule.Points}} {
		text, at := t.get(row, n.header)
		*n.dst = r.number(text, at, n.header, n.field)
		r.at[p+"."+n.field] = at
	}
	loText, loAt := t.get(row, "范围下限")
	hiText, hiAt := t.get(row, "范围上限")
	r.at[p+".range"] = loAt
	r.at[p+".range[0]"] = loAt
	r.at[p+".range[1]"] = hiAt
	lo := r.number(loText, loAt, "范围下限", "range")
	hi := r.number(hiText, hiAt, "范围上限", "range")
	switch {
	case lo != nil && hi != nil:
		rule.Range = []decimal.Dec{*lo, *hi}
	case lo != nil:
		r.errorAt(hiAt, "rule %s has a 范围下限 but no 范围上限: a range needs both (每件扣2-5分: 2 and 5)", rule.ID)
	case hi != nil:
		r.errorAt(loAt, "rule %s has a 范围上限 but no 范围下限: a range needs both (每件扣2-5分: 2 and 5)", rule.ID)
	}
	text, at := t.get(row, "按次")
	rule.PerItem = r.yesNo(text, at, "按次")
	r.at[p+".per_item"] = at
}

// readBands reads the band sheet: each row a band of the rule its 规则编号
// names, in row order. A row naming no rule, or a rule that is not on the
// rule sheet, is reported at its 规则编号; a band without 分数 at its 分数.
// Whether the bands suit the rule (descending, not overlapping, all by
// figure or all by label, a band rule's kind) is the validator's, positioned
// at the band's cells.
func (r *reader) readBands(rb *rubric.Rubric) {
	t := r.open(BandSheet, bandColumns(), true)
	if t == nil {
		return
	}
	rules := map[string]struct {
		rule *rubric.Rule
		path string
	}{}
	for ci := range rb.Categories {
		for ii := range rb.Categories[ci].Indicators {
			ind := &rb.Categories[ci].Indicators[ii]
			for ri := range ind.Rules {
				if _, dup := rules[ind.Rules[ri].ID]; !dup {
					rules[ind.Rules[ri].ID] = struct {
						rule *rubric.Rule
						path string
					}{&ind.Rules[ri], fmt.Sprintf("$.categories[%d].indicators[%d].rules[%d]", ci, ii, ri)}
				}
			}
		}
	}
	for row := 2; row <= len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		id, idAt := t.get(row, "规则编号")
		if id == "" {
			r.errorAt(idAt, "band has no 规则编号: name the band rule it belongs to (e.g. 1.2.a)")
			continue
		}
		owner, ok := rules[id]
		if !ok {
			r.errorAt(idAt, "band of rule %s, which is not on sheet %s", id, RuleSheet)
			continue
		}
		bp := fmt.Sprintf("%s.bands[%d]", owner.path, len(owner.rule.Bands))
		if len(owner.rule.Bands) == 0 {
			r.at[owner.path+".bands"] = idAt
		}
		var b rubric.ScoreBand
		minText, minAt := t.get(row, "下限")
		b.Min = r.number(minText, minAt, "下限", "min")
		var labelAt place
		b.Label, labelAt = t.text(row, "档次名称") // verbatim, as the YAML keeps it
		ptsText, ptsAt := t.get(row, "分数")
		if d := r.number(ptsText, ptsAt, "分数", "points"); d != nil {
			b.Points = *d
		} else {
			r.errorAt(ptsAt, "band of rule %s has no 分数: give the points this band keeps (0 for none)", id)
		}
		r.at[bp] = idAt
		r.at[bp+".min"] = minAt
		r.at[bp+".label"] = labelAt
		r.at[bp+".points"] = ptsAt
		owner.rule.Bands = append(owner.rule.Bands, b)
	}
}

// readGrades reads the grade sheet: each row a 等次, best first.
func (r *reader) readGrades(rb *rubric.Rubric) {
	t := r.open(GradeSheet, gradeColumns(), true)
	if t == nil {
		return
	}
	r.at["$.grades"] = place{sheet: GradeSheet, col: 1, row: 1}
	for row := 2; row <= len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		gp := fmt.Sprintf("$.grades[%d]", len(rb.Grades))
		var g rubric.Grade
		var nameAt place
		g.Name, nameAt = t.text(row, "等次")
		minText, minAt := t.get(row, "最低总分")
		g.Min = r.number(minText, minAt, "最低总分", "min")
		r.at[gp] = nameAt
		r.at[gp+".name"] = nameAt
		r.at[gp+".min"] = minAt
		rb.Grades = append(rb.Grades, g)
	}
}
