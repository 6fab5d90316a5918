package sheet

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/xuri/excelize/v2"
	"pgregory.net/rapid"
)

func canonical(t *testing.T, rb *rubric.Rubric) string {
	t.Helper()
	b, err := json.Marshal(rb)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The seed rubric goes to a workbook and back unchanged, and so does the
// YAML written from the workbook.
func TestSeedRoundTrip(t *testing.T) {
	seed := rubric.Default()
	data, err := Write(seed)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("指标.xlsx", data)
	if err != nil {
		t.Fatalf("reading the exported seed: %v", err)
	}
	if got, want := canonical(t, back), canonical(t, seed); got != want {
		t.Fatalf("round trip changed the rubric:\n got %.400s\nwant %.400s", got, want)
	}
	y := rubric.MarshalYAML(back, "imported")
	again, err := rubric.Parse("rubric.yaml", y)
	if err != nil {
		t.Fatalf("the YAML written from the workbook does not load: %v", err)
	}
	if canonical(t, again) != canonical(t, seed) {
		t.Fatal("workbook → YAML changed the rubric")
	}
}

// editSeed exports the seed, lets edit change the workbook as a clerk
// would in Excel, and returns the workbook's bytes.
func editSeed(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	data, err := Write(rubric.Default())
	if err != nil {
		t.Fatal(err)
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

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

// A broken workbook is refused with every problem named by sheet and cell,
// in workbook order, and nothing else.
func TestBrokenWorkbookNamesSheetAndCell(t *testing.T) {
	data := editSeed(t, func(f *excelize.File) {
		mustDo(t, f.SetCellDefault(IndicatorSheet, "C2", "16"))   // category 1 points ≠ sum
		mustDo(t, f.SetCellStr(IndicatorSheet, "G3", ""))         // 1.2 without content
		mustDo(t, f.SetCellDefault(RuleSheet, "F2", "0"))         // 1.1.a amount 0
		mustDo(t, f.SetCellStr(RuleSheet, "B3", "扣分项 flg"))       // unknown kind
		mustDo(t, f.SetCellStr(RuleSheet, "F4", "两分"))            // text in a number cell
		mustDo(t, f.SetCellStr(RuleSheet, "L5", "no-such-group")) // unknown group
		mustDo(t, f.SetCellStr(InfoSheet, "B3", ""))              // no version
	})
	rb, err := Parse("指标.xlsx", data)
	if rb != nil || err == nil {
		t.Fatal("a broken workbook loaded")
	}
	want := []string{
		"指标.xlsx:基本信息!B3: rubric has no version",
		"指标.xlsx:指标!C2: category 1 has 16 points but its indicators add up to 15",
		"指标.xlsx:指标!G3: indicator 1.2 has no content",
		"指标.xlsx:规则!F2: rule 1.1.a amount must be greater than 0, got 0",
		"指标.xlsx:规则!B3: rule 1.1.b: unknown 种类 \"扣分项 flg\"",
		"指标.xlsx:规则!F4: 扣分 (amount) must be a number, got \"两分\"",
		"指标.xlsx:规则!L5: rule 1.2.b names group \"no-such-group\"",
	}
	got := errorLines(err)
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

func TestMissingSheetIsNamed(t *testing.T) {
	data := editSeed(t, func(f *excelize.File) { mustDo(t, f.DeleteSheet(RuleSheet)) })
	_, err := Parse("指标.xlsx", data)
	if err == nil || !strings.Contains(err.Error(), "指标.xlsx:规则: sheet 规则 is missing") {
		t.Fatalf("got %v", err)
	}
}

func TestUnknownColumnIsNamed(t *testing.T) {
	data := editSeed(t, func(f *excelize.File) { mustDo(t, f.SetCellStr(RuleSheet, "U1", "负责人")) })
	_, err := Parse("指标.xlsx", data)
	if err == nil || !strings.Contains(err.Error(), `指标.xlsx:规则!U1: unknown column "负责人"`) {
		t.Fatalf("got %v", err)
	}
}

func TestNotAWorkbook(t *testing.T) {
	_, err := Parse("指标.xlsx", []byte("id: x\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "指标.xlsx: not an Excel workbook") {
		t.Fatalf("got %v", err)
	}
}

// What a clerk types in Excel is read as typed: a number entered as text,
// a Chinese kind name alone, an exponent Excel wrote for a small number.
func TestClerkEditsAreRead(t *testing.T) {
	data := editSeed(t, func(f *excelize.File) {
		mustDo(t, f.SetCellStr(RuleSheet, "F2", "0.5"))      // 1.1.a amount as text
		mustDo(t, f.SetCellStr(RuleSheet, "B2", "是否"))       // Chinese kind alone
		mustDo(t, f.SetCellDefault(RuleSheet, "F3", "5E-1")) // 1.1.b amount 0.5
	})
	rb, err := Parse("指标.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := rb.Rule("1.1.a")
	if ref.Rule.Kind != rubric.Flag || ref.Rule.Amount.String() != "0.5" {
		t.Fatalf("1.1.a = %s %s", ref.Rule.Kind, ref.Rule.Amount)
	}
	ref, _ = rb.Rule("1.1.b")
	if ref.Rule.Amount.String() != "0.5" {
		t.Fatalf("1.1.b amount = %s", ref.Rule.Amount)
	}
}

// Any decimal kaohe holds survives a workbook cell exactly.
func TestNumbersAreExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := decimal.Dec(rapid.Int64Range(0, int64(decimal.Max)).Draw(t, "d"))
		w := &writer{f: excelize.NewFile(), widths: map[string][]int{}}
		w.number("Sheet1", 1, 1, &d)
		if w.err != nil {
			t.Fatal(w.err)
		}
		buf, err := w.f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(buf)
		if err != nil {
			t.Fatal(err)
		}
		if typ, _ := f.GetCellType("Sheet1", "A1"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Fatalf("cell type %v, want a number", typ)
		}
		raw, err := f.GetCellValue("Sheet1", "A1", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseNumber(raw)
		if err != nil || back != d {
			t.Fatalf("%s came back as %q → %s (%v)", d, raw, back, err)
		}
	})
}

// Whatever bytes arrive as a workbook, Parse returns a rubric or errors
// naming the file, never a panic.
func FuzzParse(f *testing.F) {
	data, err := Write(rubric.Default())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rb, err := Parse("x.xlsx", b)
		if (rb == nil) == (err == nil) {
			t.Fatalf("rubric %v and error %v", rb != nil, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "x.xlsx:") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

// A workbook larger than a rubric file may be is refused without being read.
func TestWorkbookTooBigRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(rubric.MaxBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = LoadFile(p)
	if err == nil || !strings.Contains(err.Error(), "too big for a rubric") {
		t.Errorf("got %v", err)
	}
}
