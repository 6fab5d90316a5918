package sheet

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/kaohe/kaohe/rubric"
	"github.com/xuri/excelize/v2"
)

// LoadFile reads and validates the rubric workbook at path. Errors name the
// file, sheet and cell of each problem. A file larger than rubric.MaxBytes,
// or that is not a regular file (a named pipe would be waited on), is refused
// without being read, as the YAML loader refuses it.
func LoadFile(path string) (*rubric.Rubric, error) {
	data, err := rubric.ReadFile(path, "an Excel workbook (.xlsx)")
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads and validates a rubric workbook's bytes; name is used in error
// positions. The workbook is vetted first (see workbook.Check): one that
// inflates to more than workbook.DefaultLimits allow, or has a damaged
// part, is refused naming the part. The error, when not nil, is a rubric.Errors listing every
// problem by sheet and cell, in workbook order.
func Parse(name string, data []byte) (rb *rubric.Rubric, err error) {
	// A damaged file from a USB stick must give a message, not a crash,
	// whatever the spreadsheet library makes of it.
	defer func() {
		if p := recover(); p != nil {
			rb, err = nil, rubric.Errors{rubric.Errorf(name, 0, 0, "the workbook is damaged and cannot be read (%v)", p)}
		}
	}()
	f, err := workbook.Open(name, data, workbook.DefaultLimits())
	if err != nil {
		var we *workbook.Error
		if errors.As(err, &we) {
			return nil, rubric.Errors{workbookError(name, we)}
		}
		return nil, rubric.Errors{{File: name, Message: err.Error()}}
	}
	defer f.Close()
	r := &reader{f: f, name: name, at: map[string]place{}, taken: map[place]bool{}}
	rb = r.read()
	for _, p := range append(rubric.Check(rb), rubric.CheckForm(rb)...) {
		at := r.locate(p.Path)
		if r.taken[at] {
			continue // already reported at this cell while reading it
		}
		r.errorAt(at, p.Format, p.Args...)
	}
	if len(r.errs) == 0 {
		return rb, nil
	}
	sort.SliceStable(r.errs, func(i, j int) bool { return r.errs[i].at.less(r.errs[j].at) })
	out := make(rubric.Errors, len(r.errs))
	for i, e := range r.errs {
		out[i] = rubric.Error{File: name, Cell: e.at.String(), Message: fmt.Sprintf(e.format, e.args...), Format: e.format, Args: e.args}
	}
	return nil, out
}

// place is a cell of a sheet; col 0 names the sheet as a whole.
type place struct {
	sheet    string
	col, row int
}

func sheetOrder(s string) int {
	for i, n := range []string{InfoSheet, IndicatorSheet, RuleSheet, GroupSheet, BandSheet, GradeSheet} {
		if n == s {
			return i
		}
	}
	return 99
}

func (p place) less(q place) bool {
	if a, b := sheetOrder(p.sheet), sheetOrder(q.sheet); a != b {
		return a < b
	}
	if p.row != q.row {
		return p.row < q.row
	}
	return p.col < q.col
}

// String is the position as Excel names it: 规则!F12, or the sheet alone.
func (p place) String() string {
	if p.col == 0 {
		return p.sheet
	}
	name, err := excelize.CoordinatesToCellName(p.col, p.row)
	if err != nil {
		return p.sheet
	}
	return p.sheet + "!" + name
}

// cellError is a problem at a cell: its English fmt format and arguments,
// kept so that it is worded in the reader's language.
type cellError struct {
	at     place
	format string
	args   []any
}

type reader struct {
	f     *excelize.File
	name  string
	errs  []cellError
	at    map[string]place // rubric field path → the cell it came from
	taken map[place]bool   // cells already reported
}

func (r *reader) errorAt(at place, format string, args ...any) {
	r.errs = append(r.errs, cellError{at, format, args})
	r.taken[at] = true
}

// locate finds the cell of a rubric field path, walking up to the nearest
// field that has one.
func (r *reader) locate(path string) place {
	for p := path; p != ""; p = rubric.ParentPath(p) {
		if at, ok := r.at[p]; ok {
			return at
		}
	}
	return place{sheet: InfoSheet, col: 1, row: 1}
}

// table is one data sheet: its rows by header name.
type table struct {
	sheet string
	cols  map[string]int // header → column number (1-based)
	rows  [][]string
}

// get returns the trimmed text of a row's cell under a header, and its place.
func (t *table) get(row int, header string) (string, place) {
	text, at := t.text(row, header)
	return strings.TrimSpace(text), at
}

// text returns the text of a row's cell under a header as it is, spaces and
// line breaks kept (a rubric's words are kept verbatim), and its place.
func (t *table) text(row int, header string) (string, place) {
	col, ok := t.cols[header]
	if !ok {
		return "", place{sheet: t.sheet, col: 1, row: row}
	}
	at := place{sheet: t.sheet, col: col, row: row}
	cells := t.rows[row-1]
	if col-1 >= len(cells) {
		return "", at
	}
	return cells[col-1], at
}

// blank reports whether a row has no text at all.
func (t *table) blank(row int) bool {
	for _, c := range t.rows[row-1] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// open reads a data sheet and checks its header row against the columns the
// format has. A missing sheet is reported (unless optional) and gives nil.
func (r *reader) open(sheet string, cols []column, optional bool) *table {
	idx, err := r.f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		if !optional {
			r.errorAt(place{sheet: sheet}, "sheet %s is missing (a rubric workbook has the sheets %s, %s, %s and %s)",
				sheet, InfoSheet, IndicatorSheet, RuleSheet, GroupSheet)
		}
		return nil
	}
	rows, err := r.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		r.errorAt(place{sheet: sheet}, "cannot read sheet: %v", err)
		return nil
	}
	t := &table{sheet: sheet, cols: map[string]int{}, rows: rows}
	known := map[string]bool{}
	for _, c := range cols {
		known[c.header] = true
	}
	if len(rows) > 0 {
		for i, h := range rows[0] {
			h = strings.TrimSpace(h)
			at := place{sheet: sheet, col: i + 1, row: 1}
			switch {
			case h == "":
				if t.columnHasText(i) {
					r.errorAt(at, "this column has no header; the headers are %s", headers(cols))
				}
			case !known[h]:
				r.errorAt(at, "unknown column %q; the headers are %s", h, headers(cols))
			case t.cols[h] != 0:
				r.errorAt(at, "column %q appears twice", h)
			default:
				t.cols[h] = i + 1
			}
		}
	}
	for _, c := range cols {
		if t.cols[c.header] == 0 && !c.optional {
			r.errorAt(place{sheet: sheet, col: len(firstRow(rows)) + 1, row: 1}, "column %q is missing from the header row", c.header)
		}
	}
	return t
}

func firstRow(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

func (t *table) columnHasText(i int) bool {
	for _, row := range t.rows[1:] {
		if i < len(row) && strings.TrimSpace(row[i]) != "" {
			return true
		}
	}
	return false
}

func headers(cols []column) string {
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.header
	}
	return strings.Join(hs, "、")
}

// number reads an exact decimal from a cell's stored text. Excel stores a
// number as its shortest decimal text, and a very large or small one with an
// exponent, which is read exactly too. An empty cell gives nil.
func (r *reader) number(text string, at place, header, field string) *decimal.Dec {
	if text == "" {
		return nil
	}
	d, err := parseNumber(text)
	if err != nil {
		r.errorAt(at, "%s (%s) must be a number, got %q", header, field, text)
		zero := decimal.Zero
		return &zero
	}
	return &d
}

func parseNumber(s string) (decimal.Dec, error) {
	d, err := decimal.Parse(s)
	if err == nil || !strings.ContainsAny(s, "eE") {
		return d, err
	}
	q, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, err
	}
	// FloatString rounds; accept only when it is exact at six digits.
	text := q.FloatString(decimal.FracDigits)
	back, ok := new(big.Rat).SetString(text)
	if !ok || back.Cmp(q) != 0 {
		return 0, fmt.Errorf("%q has more than %d decimal places", s, decimal.FracDigits)
	}
	return decimal.Parse(text)
}

func (r *reader) read() *rubric.Rubric {
	rb := &rubric.Rubric{}
	r.at["$"] = place{sheet: InfoSheet, col: 1, row: 1}
	r.readInfo(rb)
	r.readIndicators(rb)
	rules := r.readRules(rb)
	r.readGroups(rb, rules)
	r.readBands(rb)
	r.readGrades(rb)
	return rb
}

func (r *reader) readInfo(rb *rubric.Rubric) {
	t := r.open(InfoSheet, []column{{header: "项目"}, {header: "内容"}, {header: "说明"}}, false)
	if t == nil {
		return
	}
	seen := map[string]int{}
	for row := 2; row <= len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		label, lat := t.get(row, "项目")
		raw, vat := t.text(row, "内容")
		value := strings.TrimSpace(raw)
		field := ""
		for _, f := range infoFields() {
			if label == f.label || strings.EqualFold(label, f.field) {
				field = f.field
			}
		}
		if field == "" {
			r.errorAt(lat, "unknown item %q; the items are %s、%s、%s、%s、%s、%s、%s", label, labelID, labelVersion, labelTitle, labelLanguage, labelUnit, labelPeriod, labelEvidence)
			continue
		}
		if field == "units" {
			r.at[fmt.Sprintf("$.units[%d]", len(rb.Units))] = vat
			rb.Units = append(rb.Units, value)
			continue
		}
		if prev, dup := seen[field]; dup {
			r.errorAt(lat, "%s is given twice (also on row %d)", label, prev)
			continue
		}
		seen[field] = row
		if field == "title" {
			value = raw // a title keeps its spaces
		}
		*infoText(rb, field) = value
		r.at["$."+field] = vat
	}
}

func (r *reader) readIndicators(rb *rubric.Rubric) {
	t := r.open(IndicatorSheet, indicatorColumns(), false)
	if t == nil {
		return
	}
	r.at["$.categories"] = place{sheet: IndicatorSheet, col: 1, row: 1}
	for row := 2; row <= len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		catID, catIDAt := t.get(row, "序号")
		title, titleAt := t.text(row, "主要工作")
		catPts, catPtsAt := t.get(row, "类别分值")
		bonus, bonusAt := t.get(row, "加分项")
		penalty, _ := t.get(row, "扣分项")
		catCap, _ := t.get(row, "类别上限")
		if catID != "" || strings.TrimSpace(title) != "" || catPts != "" || bonus != "" || penalty != "" || catCap != "" {
			p := fmt.Sprintf("$.categories[%d]", len(rb.Categories))
			c := rubric.Category{ID: catID, Title: title}
			if d := r.number(catPts, catPtsAt, "类别分值", "points"); d != nil {
				c.Points = *d
			}
			switch strings.ToLower(bonus) {
			case "", "否", "false", "0", "no":
			case "是", "true", "1", "yes":
				c.Bonus = true
			default:
				r.errorAt(bonusAt, "加分项 must be 是 or empty, got %q", bonus)
			}
			r.at[p] = catIDAt
			r.at[p+".id"] = catIDAt
			r.at[p+".title"] = titleAt
			r.at[p+".points"] = catPtsAt
			r.at[p+".bonus"] = bonusAt
			c.Evidence, r.at[p+".evidence"] = t.get(row, "类别佐证要求")
			r.readPenalty(t, row, p, &c)
			r.at[p+".indicators"] = catIDAt
			rb.Categories = append(rb.Categories, c)
		}
		id, idAt := t.get(row, "编号")
		if len(rb.Categories) == 0 {
			r.errorAt(place{sheet: IndicatorSheet, col: 1, row: row},
				"this indicator comes before any category: fill 序号, 主要工作 and 类别分值 on the first row of each category")
			continue
		}
		ci := len(rb.Categories) - 1
		c := &rb.Categories[ci]
		p := fmt.Sprintf("$.categories[%d].indicators[%d]", ci, len(c.Indicators))
		ind := rubric.Indicator{ID: id}
		pts, ptsAt := t.get(row, "分值")
		if d := r.number(pts, ptsAt, "分值", "points"); d != nil {
			ind.Points = *d
		}
		var contentAt, standardAt, capAt place
		ind.Content, contentAt = t.text(row, "考核内容")
		ind.Standard, standardAt = t.text(row, "评分标准")
		capText, capAt := t.get(row, "上限")
		ind.Cap = r.number(capText, capAt, "上限", "cap")
		r.at[p] = idAt
		r.at[p+".id"] = idAt
		r.at[p+".points"] = ptsAt
		r.at[p+".content"] = contentAt
		r.at[p+".standard"] = standardAt
		r.at[p+".cap"] = capAt
		ind.Evidence, r.at[p+".evidence"] = t.get(row, "佐证要求")
		c.Indicators = append(c.Indicators, ind)
	}
}

// ruleRow remembers where a rule came from, for its group.
type ruleRow struct {
	ci, ii  int
	id      string
	group   string
	groupAt place
}

func (r *reader) readRules(rb *rubric.Rubric) []ruleRow {
	t := r.open(RuleSheet, ruleColumns(), false)
	if t == nil {
		return nil
	}
	where := map[string][2]int{}
	for ci, c := range rb.Categories {
		for ii, ind := range c.Indicators {
			if ind.ID != "" {
				where[ind.ID] = [2]int{ci, ii}
			}
		}
	}
	var out []ruleRow
	for row := 2; row <= len(t.rows); row++ {
		if t.blank(row) {
			continue
		}
		id, idAt := t.get(row, "规则编号")
		if id == "" {
			r.errorAt(idAt, "rule has no 规则编号 (the indicator's 编号 and a letter, e.g. 1.2.a)")
			continue
		}
		cut := strings.LastIndex(id, ".")
		loc, ok := where[id[:max(cut, 0)]]
		if cut <= 0 || !ok {
			r.errorAt(idAt, "rule %s: its 规则编号 must start with the 编号 of an indicator on sheet %s (1.2.a is a rule of indicator 1.2)", id, IndicatorSheet)
			continue
		}
		ind := &rb.Categories[loc[0]].Indicators[loc[1]]
		p := fmt.Sprintf("$.categories[%d].indicators[%d].rules[%d]", loc[0], loc[1], len(ind.Rules))
		rule := rubric.Rule{ID: id}
		kindText, kindAt := t.get(row, "种类")
		if k, ok := parseKind(kindText); ok {
			rule.Kind = k
		} else if kindText != "" {
			rule.Kind = rubric.Kind(kindText)
			r.errorAt(kindAt, "rule %s: unknown 种类 %q (choose one of %s)", id, kindText, strings.Join(kindLabels(), "、"))
		}
		r.at[p] = idAt
		r.at[p+".id"] = idAt
		r.at[p+".kind"] = kindAt
		var at place
		rule.Label, at = t.text(row, "名称")
		r.at[p+".label"] = at
		rule.Unit, at = t.get(row, "单位")
		r.at[p+".unit"] = at
		rule.Clause, at = t.text(row, "条款原文")
		r.at[p+".clause"] = at
		rule.Review, at = t.text(row, "备注")
		r.at[p+".review"] = at
		nums := []struct {
			header, field string
			dst           **decimal.Dec
		}{
			{"扣分", "amount", &rule.Amount}, {"上限", "cap", &rule.Cap}, {"目标", "target", &rule.Target},
			{"步长", "step", &rule.Step}, {"满分", "full", &rule.Full}, {"最大值", "max_value", &rule.MaxValue},
		}
		for _, n := range nums {
			text, at := t.get(row, n.header)
			*n.dst = r.number(text, at, n.header, n.field)
			r.at[p+"."+n.field] = at
		}
		r.readRuleLanguage(t, row, p, &rule)
		group, groupAt := t.get(row, "分组")
		ind.Rules = append(ind.Rules, rule)
		out = append(out, ruleRow{ci: loc[0], ii: loc[1], id: id, group: group, groupAt: groupAt})
	}
	return out
}

func (r *reader) readGroups(rb *rubric.Rubric, rules []ruleRow) {
	t := r.open(GroupSheet, groupColumns(), true)
	type groupRow struct {
		g                    rubric.Group
		row                  int
		idAt, capAt, titleAt place
	}
	var groups []*groupRow
	byID := map[string]*groupRow{}
	if t != nil {
		for row := 2; row <= len(t.rows); row++ {
			if t.blank(row) {
				continue
			}
			gr := &groupRow{row: row}
			gr.g.ID, gr.idAt = t.get(row, "分组编号")
			gr.g.Title, gr.titleAt = t.text(row, "名称")
			capText, capAt := t.get(row, "上限")
			gr.capAt = capAt
			if d := r.number(capText, capAt, "上限", "cap"); d != nil {
				gr.g.Cap = *d
			}
			if gr.g.ID == "" {
				r.errorAt(gr.idAt, "group has no 分组编号")
				continue
			}
			if _, dup := byID[gr.g.ID]; dup {
				r.errorAt(gr.idAt, "group %s is listed twice", gr.g.ID)
				continue
			}
			byID[gr.g.ID] = gr
			groups = append(groups, gr)
		}
	}
	// Members, in rule order; a group belongs to its first member's indicator.
	owner := map[string][2]int{}
	members := map[string][]ruleRow{}
	for _, rr := range rules {
		if rr.group == "" {
			continue
		}
		if _, ok := byID[rr.group]; !ok {
			r.errorAt(rr.groupAt, "rule %s names group %q, which is not on sheet %s", rr.id, rr.group, GroupSheet)
			continue
		}
		loc := [2]int{rr.ci, rr.ii}
		if o, ok := owner[rr.group]; ok && o != loc {
			r.errorAt(rr.groupAt, "rule %s is in group %s, whose other rules belong to indicator %s; a group's rules share one indicator",
				rr.id, rr.group, rb.Categories[o[0]].Indicators[o[1]].ID)
			continue
		}
		owner[rr.group] = loc
		members[rr.group] = append(members[rr.group], rr)
	}
	for _, gr := range groups {
		loc, ok := owner[gr.g.ID]
		if !ok {
			r.errorAt(gr.idAt, "group %s has no rules: name it in the 分组 column of sheet %s", gr.g.ID, RuleSheet)
			continue
		}
		ind := &rb.Categories[loc[0]].Indicators[loc[1]]
		p := fmt.Sprintf("$.categories[%d].indicators[%d].groups[%d]", loc[0], loc[1], len(ind.Groups))
		r.at[p] = gr.idAt
		r.at[p+".id"] = gr.idAt
		r.at[p+".title"] = gr.titleAt
		r.at[p+".cap"] = gr.capAt
		for k, rr := range members[gr.g.ID] {
			gr.g.Rules = append(gr.g.Rules, rr.id)
			r.at[fmt.Sprintf("%s.rules[%d]", p, k)] = rr.groupAt
		}
		ind.Groups = append(ind.Groups, gr.g)
	}
}

// workbookError is a workbook refused before it is read, as a problem of
// the file, worded in the reader's language.
func workbookError(name string, we *workbook.Error) rubric.Error {
	return rubric.Error{File: name, Message: we.Detail(), Format: "%s", Args: []any{workbookDetail{we}}}
}

// workbookDetail words a workbook's refusal without its file name.
type workbookDetail struct{ e *workbook.Error }

func (d workbookDetail) String() string           { return d.e.Detail() }
func (d workbookDetail) In(l *i18n.Labels) string { return d.e.DetailIn(l) }
