package sheet

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/xuri/excelize/v2"
)

// spareRows is how many empty rows below the data keep the drop-down and
// the text format of identifier columns, for rows a clerk adds.
const spareRows = 300

// Write returns the workbook of a rubric as xlsx bytes.
func Write(rb *rubric.Rubric) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f, widths: map[string][]int{}}
	if err := w.styles(); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", InfoSheet); err != nil {
		return nil, err
	}
	for _, name := range []string{IndicatorSheet, RuleSheet, GroupSheet, BandSheet, GradeSheet, KindSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	w.info(rb)
	w.indicators(rb)
	w.rules(rb)
	w.groups(rb)
	w.bands(rb)
	w.grades(rb)
	w.kinds()
	if w.err != nil {
		return nil, w.err
	}
	f.SetActiveSheet(0)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type writer struct {
	f                   *excelize.File
	err                 error
	header, wrap, ident int
	widths              map[string][]int // display width of the widest cell per column
}

func (w *writer) styles() error {
	var err error
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	if w.header, err = w.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Border:    border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}); err != nil {
		return err
	}
	if w.wrap, err = w.f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return err
	}
	// Number format 49 is "@" (text): an identifier typed as 1.10 stays 1.10.
	w.ident, err = w.f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}})
	return err
}

func (w *writer) cell(sheet string, col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil && w.err == nil {
		w.err = err
	}
	return name
}

func (w *writer) measure(sheet string, col int, s string) {
	ws := w.widths[sheet]
	for len(ws) < col {
		ws = append(ws, 0)
	}
	for _, line := range strings.Split(s, "\n") {
		if n := textwidth.Width(line); n > ws[col-1] {
			ws[col-1] = n
		}
	}
	w.widths[sheet] = ws
}

func (w *writer) text(sheet string, col, row int, s string) {
	if w.err != nil || s == "" {
		return
	}
	w.measure(sheet, col, s)
	w.err = w.f.SetCellStr(sheet, w.cell(sheet, col, row), s)
}

// number writes an exact decimal as a numeric cell whose stored text is the
// decimal's own (0.1 is stored as 0.1, not as the nearest float).
func (w *writer) number(sheet string, col, row int, d *decimal.Dec) {
	if w.err != nil || d == nil {
		return
	}
	s := d.String()
	w.measure(sheet, col, s)
	w.err = w.f.SetCellDefault(sheet, w.cell(sheet, col, row), s)
}

// table writes a header row, freezes it, and sets each column's width and
// style once the data is written.
func (w *writer) headerRow(sheet string, cols []column) {
	for i, c := range cols {
		w.text(sheet, i+1, 1, c.header)
	}
	if w.err != nil {
		return
	}
	last := w.cell(sheet, len(cols), 1)
	if w.err = w.f.SetCellStyle(sheet, "A1", last, w.header); w.err != nil {
		return
	}
	w.err = w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// finish sets column widths to fit (CJK characters count two), capping long
// text columns and wrapping them, and keeps identifier columns as text.
func (w *writer) finish(sheet string, cols []column, rows int) {
	ws := w.widths[sheet]
	for i, c := range cols {
		if w.err != nil {
			return
		}
		width := 6
		if i < len(ws) && ws[i] > width {
			width = ws[i]
		}
		width += 2
		if c.width > 0 && width > c.width+2 {
			width = c.width + 2
		}
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			w.err = err
			return
		}
		if w.err = w.f.SetColWidth(sheet, name, name, float64(width)); w.err != nil {
			return
		}
		style := 0
		switch {
		case c.text:
			style = w.ident
		case c.width > 0:
			style = w.wrap
		}
		if style != 0 {
			// The column's style, which Excel and WPS also give to cells
			// typed into it later; then the written cells, which keep their own.
			if w.err = w.f.SetColStyle(sheet, name, style); w.err != nil {
				return
			}
			if rows > 2 {
				w.err = w.f.SetCellStyle(sheet, w.cell(sheet, i+1, 2), w.cell(sheet, i+1, rows-1), style)
			}
		}
	}
}

func (w *writer) info(rb *rubric.Rubric) {
	cols := []column{{header: "项目"}, {header: "内容", width: 50}, {header: "说明", width: 40}}
	w.headerRow(InfoSheet, cols)
	row := 2
	for _, f := range infoFields() {
		values := rb.Units
		if p := infoText(rb, f.field); p != nil {
			values = []string{*p}
		}
		for i, v := range values {
			w.text(InfoSheet, 1, row, f.label)
			w.text(InfoSheet, 2, row, v)
			if i == 0 {
				w.text(InfoSheet, 3, row, f.note)
			}
			row++
		}
	}
	// The version and unit names are text even when they look like numbers.
	cols[1].text = true
	w.finish(InfoSheet, cols, row)
}

func (w *writer) indicators(rb *rubric.Rubric) {
	cols := indicatorColumns()
	w.headerRow(IndicatorSheet, cols)
	row := 2
	for _, c := range rb.Categories {
		for ii, ind := range c.Indicators {
			if ii == 0 {
				w.text(IndicatorSheet, 1, row, c.ID)
				w.text(IndicatorSheet, 2, row, c.Title)
				pts := c.Points
				w.number(IndicatorSheet, 3, row, &pts)
				if c.Bonus {
					w.text(IndicatorSheet, 4, row, "是")
				}
				w.text(IndicatorSheet, 10, row, c.Evidence)
				if c.Penalty {
					w.text(IndicatorSheet, colOf(cols, "扣分项"), row, "是")
				}
				w.number(IndicatorSheet, colOf(cols, "类别上限"), row, c.Cap)
			}
			w.text(IndicatorSheet, 5, row, ind.ID)
			pts := ind.Points
			w.number(IndicatorSheet, 6, row, &pts)
			w.text(IndicatorSheet, 7, row, ind.Content)
			w.text(IndicatorSheet, 8, row, ind.Standard)
			w.number(IndicatorSheet, 9, row, ind.Cap)
			w.text(IndicatorSheet, 11, row, ind.Evidence)
			row++
		}
	}
	w.finish(IndicatorSheet, cols, row)
	w.dropDown(IndicatorSheet, fmt.Sprintf("D2:D%d", row+spareRows), []string{"是", "否"}, "加分项", "加分类别填“是”")
	w.dropDown(IndicatorSheet, w.columnRange(cols, "扣分项", row+spareRows), []string{"是", "否"}, "扣分项",
		"不计入基础分的扣分项类别填“是”：类别分值填0，其扣分从总分中扣除，类别上限可不填（不封顶）")
}

func (w *writer) rules(rb *rubric.Rubric) {
	cols := ruleColumns()
	w.headerRow(RuleSheet, cols)
	row := 2
	for _, ind := range rb.Indicators() {
		for _, r := range ind.Rules {
			w.text(RuleSheet, 1, row, r.ID)
			if _, ok := parseKind(string(r.Kind)); ok {
				w.text(RuleSheet, 2, row, kindLabel(r.Kind))
			} else {
				w.text(RuleSheet, 2, row, string(r.Kind))
			}
			w.text(RuleSheet, 3, row, r.Label)
			w.text(RuleSheet, 4, row, r.Unit)
			w.text(RuleSheet, 5, row, r.Clause)
			for i, d := range []*decimal.Dec{r.Amount, r.Cap, r.Target, r.Step, r.Full, r.MaxValue} {
				w.number(RuleSheet, 6+i, row, d)
			}
			if g := ind.GroupOf(r.ID); g != nil {
				w.text(RuleSheet, 12, row, g.ID)
			}
			w.text(RuleSheet, 13, row, r.Review)
			for _, n := range []struct {
				header string
				d      *decimal.Dec
			}{{"限值", r.Limit}, {"起点", r.From}, {"终点", r.To}, {"规则分值", r.Points}} {
				w.number(RuleSheet, colOf(cols, n.header), row, n.d)
			}
			if len(r.Range) > 2 && w.err == nil {
				w.err = i18n.Errorf("rule %s range has %d numbers; the workbook holds two, the lowest and the highest (nothing was written)", r.ID, len(r.Range))
			}
			for i, d := range r.Range {
				if i < 2 {
					w.number(RuleSheet, colOf(cols, "范围下限")+i, row, &d)
				}
			}
			if r.PerItem {
				w.text(RuleSheet, colOf(cols, "按次"), row, "是")
			}
			row++
		}
	}
	w.finish(RuleSheet, cols, row)
	w.dropDown(RuleSheet, fmt.Sprintf("B2:B%d", row+spareRows), kindLabels(), "种类", "从下拉列表选择，各种类的含义见“种类”表")
	w.dropDown(RuleSheet, w.columnRange(cols, "按次", row+spareRows), []string{"是", "否"}, "按次",
		"加分规则按次数记录的填“是”：每次加“扣分”栏的分数")
}

func (w *writer) groups(rb *rubric.Rubric) {
	cols := groupColumns()
	w.headerRow(GroupSheet, cols)
	row := 2
	for _, ind := range rb.Indicators() {
		for _, g := range ind.Groups {
			w.text(GroupSheet, 1, row, g.ID)
			w.text(GroupSheet, 2, row, g.Title)
			c := g.Cap
			w.number(GroupSheet, 3, row, &c)
			row++
		}
	}
	w.finish(GroupSheet, cols, row)
}

// bands writes one row per band of every band rule, best band first.
func (w *writer) bands(rb *rubric.Rubric) {
	cols := bandColumns()
	w.headerRow(BandSheet, cols)
	row := 2
	for _, ind := range rb.Indicators() {
		for _, r := range ind.Rules {
			for _, b := range r.Bands {
				w.text(BandSheet, 1, row, r.ID)
				w.number(BandSheet, 2, row, b.Min)
				w.text(BandSheet, 3, row, b.Label)
				pts := b.Points
				w.number(BandSheet, 4, row, &pts)
				row++
			}
		}
	}
	w.finish(BandSheet, cols, row)
	w.prompt(BandSheet, fmt.Sprintf("A2:D%d", row+spareRows), "档次",
		"档次规则每档一行，最好的一档在前：按数值分档填下限（末档不填），按名称分档填档次名称")
}

// grades writes the rubric's 等次, best first.
func (w *writer) grades(rb *rubric.Rubric) {
	cols := gradeColumns()
	w.headerRow(GradeSheet, cols)
	row := 2
	for _, g := range rb.Grades {
		w.text(GradeSheet, 1, row, g.Name)
		w.number(GradeSheet, 2, row, g.Min)
		row++
	}
	w.finish(GradeSheet, cols, row)
	w.prompt(GradeSheet, fmt.Sprintf("A2:B%d", row+spareRows), "等次",
		"每个等次一行，最好的在前：总分不低于最低总分的得此等次；末等不填最低总分，一票否决的单位为末等")
}

// colOf is the column number (1-based) of a header among cols.
func colOf(cols []column, header string) int {
	for i, c := range cols {
		if c.header == header {
			return i + 1
		}
	}
	panic("sheet: no column " + header)
}

// columnRange is a column's cells from row 2 to last, as a range (K2:K300).
func (w *writer) columnRange(cols []column, header string, last int) string {
	name, err := excelize.ColumnNumberToName(colOf(cols, header))
	if err != nil && w.err == nil {
		w.err = err
	}
	return fmt.Sprintf("%s2:%s%d", name, name, last)
}

// prompt shows a note when a cell of sqref is selected, saying how to fill
// the sheet (the workbook's own notes on the sheets without a drop-down).
func (w *writer) prompt(sheet, sqref, title, text string) {
	if w.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	dv.SetInput(title, text)
	w.err = w.f.AddDataValidation(sheet, dv)
}

func (w *writer) kinds() {
	cols := []column{{header: "种类"}, {header: "记录的值", width: 30}, {header: "扣分方式", width: 40}, {header: "需要填写", width: 30}}
	w.headerRow(KindSheet, cols)
	notes := kindNotes()
	for i, k := range rubric.Kinds() {
		w.text(KindSheet, 1, i+2, kindLabel(k))
		for j, s := range notes[k] {
			w.text(KindSheet, 2+j, i+2, s)
		}
	}
	w.finish(KindSheet, cols, len(rubric.Kinds())+2)
}

func (w *writer) dropDown(sheet, sqref string, items []string, title, prompt string) {
	if w.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if w.err = dv.SetDropList(items); w.err != nil {
		return
	}
	dv.SetInput(title, prompt)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, "请从下拉列表中选择")
	w.err = w.f.AddDataValidation(sheet, dv)
}
