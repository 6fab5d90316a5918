package report

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// printed builds the print fixture's report of 2021 (dated 2021-12-31 by
// the fixture's clock) and opens its workbook.
func printed(t *testing.T) (*Report, *excelize.File, []byte) {
	t.Helper()
	r := build(t, printFixture(t), Filter{Period: "2021", Analysis: true})
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return r, f, data
}

// fingerprint is a 64-hex digest anywhere in a text.
var fingerprint = regexp.MustCompile(`[0-9a-f]{64}`)

// The ranking the office publishes has no 进度, 状态 or 冲突 column and no
// fingerprint, nor has any score sheet; the 工作表 has them all, one line
// per unit, the fingerprint each sheet was made from.
func TestPublishedSheetsLeaveTheWorkingColumnsToTheWorkSheet(t *testing.T) {
	r, f, _ := printed(t)
	rows, _ := f.GetRows("名次")
	header := oneLine(strings.Join(rows[1], "|"))
	for _, internal := range []string{"进度", "状态", "冲突", "年度"} {
		if strings.Contains(header, internal) {
			t.Errorf("the ranking's header has %s: %s", internal, header)
		}
	}
	if !strings.HasPrefix(header, "名次|单位|总分|基础分|加分|1 行政审批制度改革（15）") || !strings.HasSuffix(header, "|备注") {
		t.Errorf("the ranking's header %s", header)
	}
	for _, sheet := range f.GetSheetList() {
		if sheet == "工作表" {
			continue
		}
		all, _ := f.GetRows(sheet)
		for y, row := range all {
			if fp := fingerprint.FindString(strings.Join(row, " ")); fp != "" {
				t.Errorf("%s row %d carries a fingerprint %s", sheet, y+1, fp)
			}
		}
	}
	work, _ := f.GetRows("工作表")
	if got := strings.Join(work[1], "|"); got != "名次|单位|年度|总分|进度|状态|冲突|备注|签字|记录指纹" {
		t.Errorf("the 工作表's header %s", got)
	}
	for i, sh := range r.Sheets {
		row := work[2+i]
		if row[1] != sh.Unit || row[4] != "36/36" || row[5] != "草稿" || row[6] != "0" || row[8] != "未签字" || row[9] != sh.Fingerprint || len(sh.Fingerprint) != 64 {
			t.Errorf("工作表 row of %s: %q (fingerprint %s)", sh.Unit, row, sh.Fingerprint)
		}
	}
}

// Every sheet prints on A4, fit to the page's width, with its title and
// header rows repeated on every page and the page numbers at its foot;
// the titles name the period and the date of writing.
func TestPrintSetupAndTitles(t *testing.T) {
	_, f, _ := printed(t)
	sheets := f.GetSheetList()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, name := range sheets {
		pl, err := f.GetPageLayout(name)
		if err != nil || pl.Size == nil || *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s page layout %+v (%v)", name, pl, err)
		}
		hf, err := f.GetHeaderFooter(name)
		if err != nil || hf == nil || hf.OddFooter != "&C第 &P 页 共 &N 页" {
			t.Errorf("%s footer %+v (%v)", name, hf, err)
		}
		if titles[name] != "'"+name+"'!$1:$2" {
			t.Errorf("%s print titles %q", name, titles[name])
		}
	}
	cell := func(sheet, at string) string {
		v, _ := f.GetCellValue(sheet, at)
		return oneLine(v)
	}
	if got := cell("名次", "A1"); got != "2021年度县市（区）“放管服”改革政务服务工作考核结果（2026年11月26日）" {
		t.Errorf("ranking title %q", got)
	}
	if got := cell("吉首市 2021", "A1"); got != "吉首市 2021年度县市（区）“放管服”改革政务服务工作考核得分表（2026年11月26日）" {
		t.Errorf("score sheet title %q", got)
	}
}

// Each unit's sheet ends with the lines the team and the unit sign on,
// under who inspected.
func TestSignatureLinesAtTheFoot(t *testing.T) {
	r, f, _ := printed(t)
	for _, sh := range r.Sheets {
		rows, _ := f.GetRows(sh.Unit + " 2021")
		last := rows[len(rows)-1]
		if len(last) < 4 || last[0] != "考核组成员（签字）：＿＿＿＿＿＿＿＿＿＿＿＿" || last[3] != "被考核单位（签字盖章）：＿＿＿＿＿＿＿＿＿＿＿＿" {
			t.Errorf("%s ends with %q", sh.Unit, last)
		}
		if foot := oneLine(rows[len(rows)-2][0]); foot != "督查人员：张三" {
			t.Errorf("%s inspectors' line %q", sh.Unit, foot)
		}
	}
}

// The 扣分说明 beside the figures is sentences: the rule's label, the
// count with its unit, the items found, the points, figures the scoring's
// (3 × 0.2 = 0.60; 40 × 0.1 = 4.00 held to 3; 3.6's three flags, 1 each).
func TestDeductionsAsSentences(t *testing.T) {
	_, f, _ := printed(t)
	why := func(sheet, id string) (string, string) {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for i := range row {
				if i == 2 && strings.HasPrefix(oneLine(row[2]), contentPrefix[id]) && len(row) > 6 {
					return oneLine(row[6]), row[4]
				}
			}
		}
		return "", ""
	}
	for _, c := range []struct{ sheet, id, want, deduction string }{
		{"吉首市 2021", "1.2", "未按时下放、承接、取消的事项3项（不动产登记、林木采伐、道路运输许可），扣0.60分。", "0.60"},
		{"吉首市 2021", "1.3", "未达标准化规范化要求的实施清单40个，扣4.00分，封顶3.00分。", "3.00"},
		{"泸溪县 2021", "3.6", "热线机构不健全或人员未到位，扣1.00分。未提供“7×24小时”人工服务（夜间无人值守），扣1.00分。未做好派单答复，扣1.00分。", "3.00"},
		{"吉首市 2021", "7.1", "获得省级及以上真抓实干督查激励，加10.00分。", ""},
	} {
		got, ded := why(c.sheet, c.id)
		if got != c.want || ded != c.deduction {
			t.Errorf("%s %s: %q (扣 %q), want %q (扣 %q)", c.sheet, c.id, got, ded, c.want, c.deduction)
		}
	}
}

// contentPrefix finds an indicator's row by its 考核内容.
var contentPrefix = map[string]string{"1.2": "（2）按照要求及时做好事项的下放", "1.3": "（3）落实省、州政务服务事项", "3.6": "（6）按照要求开展12345", "7.1": "按照《湖南省政务管理服务局"}

// closing are the characters no printed line may begin with.
const closing = "，。、；：？！）」』】》"

// Every row is tall enough for its cells' lines at their font's line
// height — the category 7 heading merged down its rows and 3.6's 评分标准
// included — and the lines are what the column holds: none wider than
// the column at two halves a Chinese character, none beginning with
// closing punctuation.
func TestRowsTallEnoughForTheirWrappedText(t *testing.T) {
	_, f, _ := printed(t)
	for _, sheet := range f.GetSheetList() {
		merges, _ := f.GetMergeCells(sheet)
		spans := map[string]excelize.MergeCell{}
		for _, m := range merges {
			spans[m.GetStartAxis()] = m
		}
		rows, _ := f.GetRows(sheet)
		for y, row := range rows {
			for x, text := range row {
				if text == "" {
					continue
				}
				at, _ := excelize.CoordinatesToCellName(x+1, y+1)
				c2, r2 := x+1, y+1
				if m, ok := spans[at]; ok {
					c2, r2, _ = excelize.CellNameToCoordinates(m.GetEndAxis())
				}
				width := 0.0
				for c := x + 1; c <= c2; c++ {
					name, _ := excelize.ColumnNumberToName(c)
					w, _ := f.GetColWidth(sheet, name)
					width += w
				}
				size := 10.0
				if y == 0 {
					size = 14
				}
				lines := strings.Split(text, "\n")
				for _, line := range lines {
					if line != "" && strings.ContainsRune(closing, []rune(line)[0]) {
						t.Errorf("%s!%s has a line beginning with %q: %q", sheet, at, []rune(line)[0], text)
					}
					// The line the column holds: its width less two, in
					// halves of a character at 10 points.
					if units := int((width - 2) * 10 / size); textwidth.PrintWidth(line) > units && !strings.ContainsRune(line, ' ') {
						t.Errorf("%s!%s line %q is wider (%d) than its column holds (%d)", sheet, at, line, textwidth.PrintWidth(line), units)
					}
				}
				height := 0.0
				for r := y + 1; r <= r2; r++ {
					h, _ := f.GetRowHeight(sheet, r)
					height += h
				}
				if need := math.Min(float64(len(lines))*size*1.45, 409); height < need {
					t.Errorf("%s!%s: %d lines need %.1f points, rows give %.1f", sheet, at, len(lines), need, height)
				}
			}
		}
	}
}

// The 3.6 评分标准 and the category 7 heading wrap to as many lines as the
// text's width over the column's, paragraph by paragraph, and their rows
// are that tall: worked out here from the text, not read from the writer.
func TestLongTextsHeightsComputed(t *testing.T) {
	r, f, _ := printed(t)
	sh := r.Sheets[0]
	name := sh.Unit + " 2021"
	rows, _ := f.GetRows(name)
	for _, c := range []struct {
		text   string
		col    int
		width  float64
		column string
	}{
		{sh.Categories[2].Rows[5].Standard, 4, 42, "D"},
		{sh.Categories[6].Heading, 2, 16, "B"},
	} {
		units := int((c.width - 2) * 10 / 10)
		atLeast := (textwidth.PrintWidth(c.text) + units - 1) / units // lines without the kinsoku's moves
		for y, row := range rows {
			if len(row) < 3 || row[2] == "" || oneLine(row[c.col-1]) != c.text {
				continue // not an indicator's row (the average's table has the heading too)
			}
			lines := len(strings.Split(row[c.col-1], "\n"))
			if lines < atLeast {
				t.Errorf("%s: %d lines, the text needs at least %d at width %.0f", c.column, lines, atLeast, c.width)
			}
			h, _ := f.GetRowHeight(name, y+1) // category 7 has one indicator: its heading is on one row
			if need := float64(atLeast) * 14.5; h < need {
				t.Errorf("%s row %d is %.1f points, %d lines need %.1f", c.column, y+1, h, atLeast, need)
			}
		}
	}
}

// The ranking has a bar chart of the totals, and every unit's sheet a
// chart of its category scores against the average, drawn from its own
// cells.
func TestChartsInTheWorkbook(t *testing.T) {
	r, _, data := printed(t)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var charts []string
	for _, file := range z.File {
		if strings.HasPrefix(file.Name, "xl/charts/chart") {
			rc, _ := file.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			charts = append(charts, string(b))
		}
	}
	if len(charts) != 1+len(r.Sheets) {
		t.Fatalf("%d charts, want the ranking's and one per unit (%d)", len(charts), 1+len(r.Sheets))
	}
	all := html.UnescapeString(strings.Join(charts, "\n"))
	if !strings.Contains(all, `<barDir val="bar">`) || !strings.Contains(all, "'名次'!$C$3:$C$5") {
		t.Error("no bar chart of the ranking's totals (名次!C3:C5)")
	}
	for _, sh := range r.Sheets {
		if !strings.Contains(all, "'"+sh.Unit+" 2021'!$E$") || !strings.Contains(all, "'"+sh.Unit+" 2021'!$F$") {
			t.Errorf("no chart of %s's categories against the average", sh.Unit)
		}
	}
	// The averages are every unit's, to 0.01: category 1 of 8.30, 7.30
	// and 5.00 (2.60 deducted in 1.2 and 1.3 by 吉首市) is 6.87.
	if got := r.Sheets[0].Averages[0].Fixed(2); got != "6.87" {
		t.Errorf("category 1's average %s, want 6.87", got)
	}
}

// A rubric with grades gives the printed ranking a 等次 column: each
// unit's grade, the vetoed one's 不合格 with the veto in its remark.
func TestPrintedRankingHasTheGrades(t *testing.T) {
	s, id := seed.Store(t)
	rb := languageRubric(t)
	for _, unit := range []string{"甲县", "乙县"} {
		a, _, err := s.CreateAssessment(id, rb, unit, "2021")
		if err != nil {
			t.Fatal(err)
		}
		if unit == "乙县" {
			seed.Record(t, s, id, a.ID, seed.SetJSON(t, "2.2.a", "true", "瞒报"))
		}
	}
	states, _ := s.States()
	r := build(t, states, Filter{Period: "2021"})
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("名次")
	header := rows[1]
	grade := -1
	for i, c := range header {
		if oneLine(c) == "等次" {
			grade = i
		}
	}
	if grade < 0 || oneLine(header[len(header)-1]) != "备注" {
		t.Fatalf("no 等次 column before the remark: %q", header)
	}
	for _, row := range rows[2:4] {
		want := r.Ranking[0].Grade
		if row[1] == "乙县" {
			want = "不合格"
			if !strings.Contains(oneLine(row[len(row)-1]), "一票否决") {
				t.Errorf("乙县's remark %q does not say the veto", row[len(row)-1])
			}
		}
		if row[grade] != want || want == "" {
			t.Errorf("%s grade %q, want %q", row[1], row[grade], want)
		}
	}
}

// A text near a cell's limit is written whole, without line breaks that
// would take it past the limit (and excelize would cut its end off).
func TestTextNearTheCellLimitStaysWhole(t *testing.T) {
	w := &sheetWriter{style: xlsxStyles{}}
	long := strings.Repeat("证", excelize.TotalCellChars-10)
	short := strings.Repeat("证", 100)
	w.text(1, 1, long, 0)
	w.text(2, 1, short, 0)
	w.widths(20, 20)
	w.layoutText()
	if got := w.rows[0][0].(excelize.Cell).Value; got != long {
		t.Error("the long text was changed")
	}
	if got := w.rows[0][1].(excelize.Cell).Value.(string); strings.Count(got, "\n") != 11 || oneLine(got) != short {
		t.Errorf("100 characters at 9 a line (12 lines): %q", got)
	}
	if h := w.heights[1]; h != maxRowHeight {
		t.Errorf("row height %v, want the cap", h)
	}
}

// A figure of more than fifteen significant digits is refused, never
// rounded into the workbook; fifteen are written exactly.
func TestFiguresWrittenExactlyOrRefused(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{{"999999999999.99", true}, {"-0.05", true}, {"100.5", true}, {"99999999999.123456", false}} {
		w := &sheetWriter{}
		w.num(1, 1, decimal.MustParse(c.text), 0)
		if (w.err == nil) != c.ok {
			t.Errorf("%s: error %v", c.text, w.err)
		}
		if c.ok && strconv.FormatFloat(w.rows[0][0].(excelize.Cell).Value.(float64), 'f', -1, 64) != c.text {
			t.Errorf("%s written as %v", c.text, w.rows[0][0].(excelize.Cell).Value)
		}
	}
}
