package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/xuri/excelize/v2"
)

// languageWorkbook exports the rubric that uses every construct of the
// rubric language, lets edit change it as a clerk would, and returns it.
func languageWorkbook(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	rb, err := rubric.LoadFile("../testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(rb)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return data
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A rubric with grades, bands by figure and by label, a veto, excess,
// per-item ranges, a counted bonus, a bonus range, linear and a capped
// penalty category goes YAML → workbook → YAML with the same hash, so the
// stored rubric an office imports back is the one it exported.
func TestLanguageRoundTripKeepsTheHash(t *testing.T) {
	rb, err := rubric.LoadFile("../testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := store.CanonicalRubric(rb)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("指标.xlsx", languageWorkbook(t, nil))
	if err != nil {
		t.Fatalf("reading the exported rubric: %v", err)
	}
	again, err := rubric.Parse("指标.yaml", rubric.MarshalYAML(back, "imported"))
	if err != nil {
		t.Fatalf("the YAML written from the workbook does not load: %v", err)
	}
	for name, got := range map[string]*rubric.Rubric{"workbook": back, "workbook → YAML": again} {
		_, sum, err := store.CanonicalRubric(got)
		if err != nil {
			t.Fatal(err)
		}
		if sum != want {
			t.Errorf("%s changed the rubric:\n got %s\nwant %s", name, canonical(t, got), canonical(t, rb))
		}
	}
}

// The workbook lays the new constructs out where a clerk finds them: the
// bands on 档次, the grades on 等次, a penalty category on 指标.
func TestLanguageWorkbookLayout(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(languageWorkbook(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct{ sheet, cell, want string }{
		{BandSheet, "A2", "1.1.a"}, {BandSheet, "B2", "100"}, {BandSheet, "D2", "6"},
		{BandSheet, "B4", ""}, {BandSheet, "A5", "1.2.a"}, {BandSheet, "C5", "优"},
		{GradeSheet, "A2", "优秀"}, {GradeSheet, "B2", "45"}, {GradeSheet, "A5", "不合格"}, {GradeSheet, "B5", ""},
		{RuleSheet, "B2", "档次 band"}, {RuleSheet, "N4", "2"}, {RuleSheet, "R5", "2"}, {RuleSheet, "S5", "5"},
		{RuleSheet, "T8", ""}, {RuleSheet, "T9", "是"},
	} {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
}

// Bad bands and grades typed into the workbook are refused at their cells.
func TestBadBandsRefusedAtCells(t *testing.T) {
	data := languageWorkbook(t, func(f *excelize.File) {
		mustDo(t, f.SetCellDefault(BandSheet, "B3", "100"))  // 1.1.a's second band starts where the first does
		mustDo(t, f.SetCellStr(BandSheet, "C7", "优"))        // 1.2.a's label 优 twice
		mustDo(t, f.SetCellStr(BandSheet, "D6", ""))         // a band without points
		mustDo(t, f.SetCellStr(BandSheet, "A8", "9.9.z"))    // a band of no rule
		mustDo(t, f.SetCellDefault(GradeSheet, "B3", "50"))  // 良好 above 优秀
		mustDo(t, f.SetCellStr(RuleSheet, "S5", ""))         // 1.4.a's range without its upper end
		mustDo(t, f.SetCellStr(IndicatorSheet, "L10", "也许")) // 扣分项 neither 是 nor empty
	})
	rb, err := Parse("指标.xlsx", data)
	if rb != nil || err == nil {
		t.Fatal("a workbook with bad bands loaded")
	}
	for _, want := range []string{
		"指标.xlsx:指标!L10: 扣分项 must be 是 or empty",
		"指标.xlsx:规则!S5: rule 1.4.a has a 范围下限 but no 范围上限",
		"指标.xlsx:档次!B3: rule 1.1.a bands overlap",
		"指标.xlsx:档次!D6: band of rule 1.2.a has no 分数",
		"指标.xlsx:档次!C7: rule 1.2.a bands overlap: label \"优\" is given twice",
		"指标.xlsx:档次!A8: band of rule 9.9.z, which is not on sheet 规则",
		"指标.xlsx:等次!B3: grades are not descending",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal does not say %q:\n%s", want, err)
		}
	}
}

// A workbook written before the rubric language's sheets and columns (no
// 档次 or 等次 sheet, no 扣分项, 限值 … 按次 columns) still reads, as the
// same rubric.
func TestWorkbookWithoutLanguageColumnsReads(t *testing.T) {
	data := editSeed(t, func(f *excelize.File) {
		mustDo(t, f.DeleteSheet(BandSheet))
		mustDo(t, f.DeleteSheet(GradeSheet))
		for range 7 { // 限值, 起点, 终点, 规则分值, 范围下限, 范围上限, 按次: N to T
			mustDo(t, f.RemoveCol(RuleSheet, "N"))
		}
		for range 2 { // 扣分项, 类别上限: L and M
			mustDo(t, f.RemoveCol(IndicatorSheet, "L"))
		}
	})
	back, err := Parse("指标.xlsx", data)
	if err != nil {
		t.Fatalf("an older workbook is refused: %v", err)
	}
	if canonical(t, back) != canonical(t, rubric.Default()) {
		t.Fatal("an older workbook reads as another rubric")
	}
}
