package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// hostileStates is a database whose names and notes are spreadsheet
// formulas, and one indicator note of 30 lines and ~600 Chinese characters.
func hostileStates(t testing.TB) []*store.State {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.SetInspector("=cmd|'/C calc'!A0")
	if err != nil {
		t.Fatal(err)
	}
	rb := rubric.Default()
	a, _, err := s.CreateAssessment(id, rb, `=HYPERLINK("http://evil","点我")`, "2021")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := s.CreateAssessment(id, rb, "泸溪县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	three, yes := "3", "true"
	long := strings.Repeat("电子证照汇聚不全，已现场核实并拍照留存。\n", 30)
	if _, err := s.Record(id, a.ID,
		seed.SetJSON(t, "1.2.a", three, "@SUM(1+1)*cmd"),
		seed.SetJSON(t, "7.1.a", yes, ""),
		store.SetNote("1.2", "+1 也扣分")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, b.ID, store.SetNote("2.1", long)); err != nil {
		t.Fatal(err)
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return states
}

func csvRecords(t *testing.T, data []byte) [][]string {
	t.Helper()
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// OWASP CSV injection: no cell of the CSV begins with = + - @ tab or CR
// unless it is a number; the xlsx holds such text as text, never a formula.
func TestCSVFormulaInjectionNeutralised(t *testing.T) {
	r := build(t, hostileStates(t), Filter{})
	data, err := r.Write("csv")
	if err != nil {
		t.Fatal(err)
	}
	var sawUnit, sawInspector, sawNumber bool
	for _, rec := range csvRecords(t, data) {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !plainNumber(c) {
				t.Errorf("CSV cell would run as a formula: %q", c)
			}
			sawUnit = sawUnit || c == `'=HYPERLINK("http://evil","点我")`
			sawInspector = sawInspector || strings.HasPrefix(c, "'=cmd|")
			sawNumber = sawNumber || c == "100.00"
		}
	}
	if !sawUnit || !sawInspector || !sawNumber {
		t.Errorf("neutralised cells missing (unit %v, inspector %v, numbers kept %v):\n%s", sawUnit, sawInspector, sawNumber, data)
	}
	for _, c := range []string{"-0.60", "+3", "12", "-1.5"} {
		if csvCell(c) != c {
			t.Errorf("number %q changed to %q", c, csvCell(c))
		}
	}
	for _, c := range []string{"-", "-x", "+1 也扣分", "\tx", "\rx", "@a", "=1+1", "-1-1"} {
		if csvCell(c) != "'"+c {
			t.Errorf("%q not neutralised: %q", c, csvCell(c))
		}
	}

	x, err := r.Write("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for y, row := range rows {
			for xcol := range row {
				cell, _ := excelize.CoordinatesToCellName(xcol+1, y+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, cell, formula)
				}
			}
		}
	}
}

// A report with one very long note is written, in every format, and the
// note's row is as tall as a worksheet allows, not taller.
func TestLongNoteNeverFailsTheReport(t *testing.T) {
	r := build(t, hostileStates(t), Filter{})
	for _, format := range Formats() {
		if _, err := r.Write(format); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
	x, _ := r.Write("xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("泸溪县 2021")
	for y, row := range rows {
		if len(row) > 6 && strings.Contains(row[6], "电子证照汇聚不全") {
			h, _ := f.GetRowHeight("泸溪县 2021", y+1)
			if h != maxRowHeight {
				t.Errorf("row %d height %v, want the cap %d", y+1, h, maxRowHeight)
			}
			if strings.Count(row[6], "电子证照汇聚不全") != 30 {
				t.Error("the cell lost part of the note")
			}
			return
		}
	}
	t.Error("the long note is not in the sheet")
}

// The bonus is shown as 加分 in every format, never under 扣分.
func TestBonusIsNeverADeduction(t *testing.T) {
	// 1.2 capped (8 → 1), 2.4 convert 0.23, 7.1 bonus: built without a database.
	states := []*store.State{stateOf(t, "吉首市", "2021", "1.2.a", "8", "2.4.a", "92.5", "7.1.a", "true")}
	r := build(t, states, Filter{Units: []string{"吉首市"}, Period: "2021"})
	x, _ := r.Write("xlsx")
	f, _ := excelize.OpenReader(bytes.NewReader(x))
	rows, _ := f.GetRows("吉首市 2021")
	found := 0
	for _, row := range rows {
		for len(row) < 7 {
			row = append(row, "")
		}
		if row[0] == "各类得分与平均分" {
			break // the categories against the average follow the table
		}
		if row[0] == "7" {
			found++
			if row[4] != "" {
				t.Errorf("xlsx bonus row shows %q under 扣分: %v", row[4], row)
			}
			if why := oneLine(row[6]); row[5] != "10.00" || !strings.Contains(why, "加10.00分。") && !strings.Contains(why, "加分 +10.00") {
				t.Errorf("xlsx bonus row: %v", row)
			}
		}
	}
	if found != 2 {
		t.Errorf("bonus rows (indicator and subtotal) found: %d", found)
	}
	c, _ := r.Write("csv")
	for _, rec := range csvRecords(t, c) {
		if len(rec) == 7 && rec[0] == "7" && (rec[4] != "" || !strings.Contains(rec[6], "加分 +10.00")) {
			t.Errorf("CSV bonus row: %v", rec)
		}
	}
	md, _ := r.Write("md")
	if !strings.Contains(string(md), "|  | 10.00 | 加分 +10.00") {
		t.Errorf("markdown bonus row:\n%s", md)
	}
	j, _ := r.Write("json")
	var doc struct {
		Sheets []struct {
			Categories []struct {
				Bonus      bool
				Indicators []struct{ Deduction, Bonus json.Number }
			}
		}
	}
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range doc.Sheets[0].Categories {
		if c.Bonus && (c.Indicators[0].Deduction.String() != "0" || c.Indicators[0].Bonus.String() != "10") {
			t.Errorf("JSON bonus row: %+v", c.Indicators[0])
		}
	}
}

// report --units with a unit that has no assessment is an error naming it.
func TestUnitsWithoutAssessmentNamed(t *testing.T) {
	_, states := fixture(t)
	_, err := Build(states, Filter{Units: []string{"吉首市", "古丈县"}}, i18n.For("zh"), time.Now())
	if err == nil || !strings.Contains(err.Error(), "古丈县") || strings.Contains(err.Error(), "吉首市") {
		t.Errorf("missing unit: %v", err)
	}
	_, err = Build(states, Filter{Units: []string{"泸溪县"}, Period: "2020"}, i18n.For("zh"), time.Now())
	if err == nil || !strings.Contains(err.Error(), "泸溪县") || !strings.Contains(err.Error(), "2020") {
		t.Errorf("unit without an assessment in the period: %v", err)
	}
}

// The English sheet's foot uses ASCII punctuation and the singular for one
// inspector.
func TestEnglishFootPunctuation(t *testing.T) {
	_, states := fixture(t)
	r, err := Build(states, Filter{Units: []string{"泸溪县"}}, i18n.For("en"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	x, _ := r.Write("xlsx")
	f, _ := excelize.OpenReader(bytes.NewReader(x))
	rows, _ := f.GetRows("泸溪县 2021")
	foot := footRow(rows, "Inspector")
	if !strings.HasPrefix(foot, "Inspector: 张三") || strings.ContainsAny(foot, "：（），") {
		t.Errorf("foot %q", foot)
	}
	sign := rows[len(rows)-1]
	if !strings.HasPrefix(sign[0], "Assessment team (signature): ") || strings.ContainsAny(strings.Join(sign, ""), "：（），") {
		t.Errorf("signature line %q", sign)
	}
}
