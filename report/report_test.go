package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// fixture builds a database through the store: four units of 2021 (two of
// them tied), one of 2020, one signed, one unfinished with a conflict.
func fixture(t testing.TB) (*store.Store, []*store.State) {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "kaohe.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, _ := s.SetInspector("张三")
	rb := rubric.Default()
	set := func(unit, period string, kv ...string) store.Assessment {
		a, _, err := s.CreateAssessment(id, rb, unit, period)
		if err != nil {
			t.Fatal(err)
		}
		var cs []store.Change
		for i := 0; i+1 < len(kv); i += 2 {
			v := kv[i+1]
			note := ""
			if kv[i] == "3.4.a" {
				note = "电子证照汇聚不全"
			}
			cs = append(cs, seed.SetJSON(t, kv[i], v, note))
		}
		if _, err := s.Record(id, a.ID, cs...); err != nil {
			t.Fatal(err)
		}
		return a
	}
	// 吉首市: 1.2 capped (8 → 1), 2.4 convert 0.23, 7.1 bonus → 98.77 + 10.
	jishou := set("吉首市", "2021", "1.2.a", "8", "2.4.a", "92.5", "7.1.a", "true")
	// 泸溪县 and 凤凰县 tie at 99.
	set("泸溪县", "2021", "1.1.a", "true")
	set("凤凰县", "2021", "6.4.a", "true")
	// 花垣县: 3.4 discretion 0.5 → 99.5.
	set("花垣县", "2021", "3.4.a", "0.5")
	set("吉首市", "2020", "1.1.a", "true", "1.1.b", "true")
	// Sign 吉首市 2021 off; give 花垣县 a conflict from another laptop.
	if _, err := s.Sign(id, jishou.ID, true); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "李四.db")
	s2, _ := store.Open(other, store.Options{})
	id2, _ := s2.SetInspector("李四")
	a2, _, _ := s2.CreateAssessment(id2, rb, "花垣县", "2021")
	v := "1"
	s2.Record(id2, a2.ID, seed.SetJSON(t, "3.4.a", v, "未汇聚"))
	s2.Close()
	if _, err := s.Merge(other); err != nil {
		t.Fatal(err)
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return s, states
}

func build(t testing.TB, states []*store.State, f Filter) *Report {
	t.Helper()
	r, err := Build(states, f, i18n.For("zh"), time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRankingOrderAndTies(t *testing.T) {
	s, states := fixture(t)
	r := build(t, states, Filter{Period: "2021"})
	var got []string
	for _, row := range r.Ranking {
		got = append(got, fmt.Sprintf("%d %s %s", row.Rank, row.Unit, row.Total.Fixed(2)))
	}
	// 花垣县's conflict: latest head (李四's 1) counts → 99.00, tied too.
	want := "1 吉首市 108.77|2 凤凰县 99.00|2 泸溪县 99.00|2 花垣县 99.00"
	if strings.Join(got, "|") != want {
		t.Errorf("ranking\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if r.Ranking[3].Conflicts != 1 || r.Ranking[3].Finished || r.Ranking[0].Status != store.StatusSigned {
		t.Errorf("marks: %+v", r.Ranking)
	}
	r = build(t, states, Filter{Units: []string{"吉首市"}})
	if len(r.Ranking) != 2 || r.Ranking[0].Period != "2021" || r.Ranking[0].Rank != 1 || r.Ranking[1].Period != "2020" || r.Ranking[1].Rank != 1 {
		t.Errorf("each period is ranked on its own, latest first: %+v", r.Ranking)
	}
	all := build(t, states, Filter{})
	if len(all.Ranking) != 5 || all.Ranking[4].Rank != 1 || all.Ranking[3].Rank != 2 {
		t.Errorf("ranks across periods: %+v", all.Ranking)
	}
	if _, err := Build(states, Filter{Period: "1999"}, i18n.For("zh"), time.Now()); err == nil {
		t.Error("an empty selection should be an error")
	}
	// Another rubric's assessment is never put in the same columns.
	id, _ := s.Identity("")
	other := rubric.Default()
	other.Version = "2022"
	s.CreateAssessment(id, other, "吉首市", "2022")
	mixed, _ := s.States()
	if _, err := Build(mixed, Filter{}, i18n.For("zh"), time.Now()); err == nil || !strings.Contains(err.Error(), "mixes rubrics") {
		t.Errorf("mixed rubrics: %v", err)
	}
	if r := build(t, mixed, Filter{Period: "2022"}); len(r.Ranking) != 1 {
		t.Errorf("period 2022: %d rows", len(r.Ranking))
	}
}

func TestXLSXReadBack(t *testing.T) {
	_, states := fixture(t)
	r := build(t, states, Filter{Period: "2021"})
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if strings.Join(sheets, ",") != "名次,吉首市 2021,凤凰县 2021,泸溪县 2021,花垣县 2021,工作表" {
		t.Fatalf("sheets %v", sheets)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("the workbook opens on sheet %d, not the ranking", f.GetActiveSheetIndex())
	}
	// Ranking: order, every figure, numbers stored as numbers with 0.00;
	// one period, so no period column: the total is the third.
	rows, _ := f.GetRows("名次")
	if rows[1][0] != "名次" || rows[1][2] != "总分" {
		t.Errorf("ranking header %v", rows[1])
	}
	for i, row := range r.Ranking {
		y := i + 3
		cells := rows[y-1]
		// Every unit of the fixture is unfinished: its total shows so.
		wantTotal := fmt.Sprintf("%s（暂，%d/36）", row.Total.Fixed(2), row.Recorded)
		if cells[1] != row.Unit || cells[2] != wantTotal || cells[3] != row.Base.Fixed(2) || cells[4] != row.Bonus.Fixed(2) {
			t.Errorf("ranking row %d: %v", y, cells)
		}
		for k, c := range row.Categories {
			if cells[5+k] != c.Fixed(2) {
				t.Errorf("row %d category %d: %s, want %s", y, k+1, cells[5+k], c.Fixed(2))
			}
		}
		cell, _ := excelize.CoordinatesToCellName(3, y)
		if typ, _ := f.GetCellType("名次", cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("total %s is stored as %v, not a number", cell, typ)
		}
		// The stored number is exactly the total (its text is the
		// shortest form: 99 for 99.00).
		raw, _ := f.GetCellValue("名次", cell, excelize.Options{RawCellValue: true})
		if d, err := decimal.Parse(raw); err != nil || d != row.Total {
			t.Errorf("raw total %q, want %s", raw, row.Total)
		}
		sid, _ := f.GetCellStyle("名次", cell)
		if st, _ := f.GetStyle(sid); st.CustomNumFmt == nil || !strings.HasPrefix(*st.CustomNumFmt, `0.00"（暂，`) {
			t.Errorf("total %s number format %v, want 0.00 with the provisional mark", cell, st.CustomNumFmt)
		}
	}
	// 花垣县's conflict and what is unfinished are the office's business:
	// on the 工作表, not on the ranking it publishes.
	if strings.Contains(strings.Join(rows[5], ""), "冲突") {
		t.Errorf("花垣县's conflict on the published ranking: %v", rows[5])
	}
	work, _ := f.GetRows("工作表")
	if mark := oneLine(work[5][7]); !strings.Contains(mark, "1处冲突") || !strings.Contains(mark, "未完成") || work[5][1] != "花垣县" {
		t.Errorf("花垣县 not marked on the 工作表: %v", work[5])
	}
	if work[2][1] != "吉首市" || !strings.HasPrefix(work[2][8], "张三 ") || len(work[2][9]) != 64 {
		t.Errorf("吉首市's sign-off and fingerprint on the 工作表: %v", work[2])
	}
	// A score sheet: merged category cells, figures, explanations, foot.
	sh := "吉首市 2021"
	merges, _ := f.GetMergeCells(sh)
	var ranges []string
	for _, m := range merges {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A3:A9", "B3:B9", "A11:A18", "B11:B18", "A1:G1"} {
		if !contains(ranges, want) {
			t.Errorf("merged ranges %v lack %s", ranges, want)
		}
	}
	if v, _ := f.GetCellValue(sh, "B3"); oneLine(v) != "行政审批制度改革（15分）" {
		t.Errorf("B3 = %q", v)
	}
	if v, _ := f.GetCellValue(sh, "E4"); v != "1.00" {
		t.Errorf("1.2 deduction E4 = %q, want 1.00", v)
	}
	if v, _ := f.GetCellValue(sh, "G4"); oneLine(v) != "未按时下放、承接、取消的事项8项，扣1.60分，封顶1.00分。" {
		t.Errorf("1.2 explanation G4 = %q", v)
	}
	if v, _ := f.GetCellValue(sh, "F10"); v != "14.00" {
		t.Errorf("category 1 subtotal F10 = %q", v)
	}
	all, _ := f.GetRows(sh)
	if foot := footRow(all, "督查人员"); foot != "督查人员：张三    未完成（2/36）" {
		t.Errorf("foot %q", foot)
	}
	if total := totalRow(all); total == nil || total[5] != "108.77（暂，2/36）" {
		t.Errorf("total row %v", total)
	}
	// Page setup: A4 landscape, fit to width, header rows repeated, frozen.
	for _, name := range sheets {
		pl, _ := f.GetPageLayout(name)
		if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout %+v", name, pl)
		}
		panes, _ := f.GetPanes(name)
		if !panes.Freeze || panes.YSplit != 2 {
			t.Errorf("%s panes %+v", name, panes)
		}
	}
	names := f.GetDefinedName()
	titles := map[string]string{}
	for _, dn := range names {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, name := range sheets {
		if titles[name] != "'"+name+"'!$1:$2" {
			t.Errorf("%s print titles %q", name, titles[name])
		}
	}
	if len(titles) != len(sheets) {
		t.Errorf("%d print-title ranges for %d sheets", len(titles), len(sheets))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CSV and JSON carry the xlsx's figures.
func TestCSVAndJSONEqualXLSX(t *testing.T) {
	_, states := fixture(t)
	r := build(t, states, Filter{Period: "2021"})
	var x, c, j bytes.Buffer
	r.WriteXLSX(&x)
	r.WriteCSV(&c)
	r.WriteJSON(&j)
	if !bytes.HasPrefix(c.Bytes(), []byte("\ufeff")) {
		t.Error("CSV has no byte-order mark")
	}
	f, _ := excelize.OpenReader(&x)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\ufeff"))).ReadAll()
	if err != nil {
		// Records have different lengths by design (sections).
		rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\ufeff")))
		rd.FieldsPerRecord = -1
		recs, err = rd.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
	}
	xr, _ := f.GetRows("名次")
	for i := range r.Ranking {
		// The CSV is the working ranking (with the period); the xlsx the
		// published one (one period: none).
		csvRow := append(append([]string{}, recs[2+i][:2]...), recs[2+i][3:13]...)
		if strings.Join(csvRow, ",") != strings.Join(xr[2+i][:12], ",") {
			t.Errorf("CSV ranking row %d %v, xlsx %v", i, csvRow, xr[2+i][:12])
		}
	}
	var doc struct {
		Ranking []struct {
			Unit  string
			Total json.Number
		}
		Sheets []struct {
			Unit       string
			Total      json.Number
			Categories []struct {
				Score      json.Number
				Bonus      bool
				Indicators []struct {
					ID               string
					Score, Deduction json.Number
				}
			}
		}
	}
	dec := json.NewDecoder(&j)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	for i, row := range doc.Ranking {
		if row.Unit != xr[2+i][1] || !strings.HasPrefix(xr[2+i][2], mustFixed(t, row.Total)+"（暂，") {
			t.Errorf("JSON ranking %d: %s %s vs xlsx %v", i, row.Unit, row.Total, xr[2+i])
		}
	}
	for _, sh := range doc.Sheets {
		rows, _ := f.GetRows(sh.Unit + " 2021")
		y := 2
		for _, cat := range sh.Categories {
			for _, ind := range cat.Indicators {
				wantDed := mustFixed(t, ind.Deduction)
				if cat.Bonus {
					wantDed = "" // a bonus is never shown as a deduction
				}
				if rows[y][4] != wantDed || rows[y][5] != mustFixed(t, ind.Score) {
					t.Errorf("%s %s: JSON %s/%s, xlsx %v", sh.Unit, ind.ID, ind.Deduction, ind.Score, rows[y][4:6])
				}
				y++
			}
			if rows[y][5] != mustFixed(t, cat.Score) {
				t.Errorf("%s subtotal: JSON %s, xlsx %s", sh.Unit, cat.Score, rows[y][5])
			}
			y++
		}
	}
}

func mustFixed(t *testing.T, n json.Number) string {
	t.Helper()
	s := n.String()
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	return whole + "." + frac
}

func TestMarkdown(t *testing.T) {
	_, states := fixture(t)
	var b bytes.Buffer
	build(t, states, Filter{Period: "2021"}).WriteMarkdown(&b)
	md := b.String()
	for _, want := range []string{"## 名次", "| 1 | 吉首市 | 2021 | 108.77（暂，2/36） |", "## 花垣县 2021", "| 1 | 小计 | 满分 15.00 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "|") && !strings.HasSuffix(line, "|") {
			t.Errorf("a table row is broken by a newline: %q", line)
		}
	}
}

func TestWriteFileAtomicAndNoOverwrite(t *testing.T) {
	_, states := fixture(t)
	r := build(t, states, Filter{})
	p := filepath.Join(t.TempDir(), "结果.xlsx")
	if err := r.WriteFile(p, "xlsx", false); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	if err := r.WriteFile(p, "csv", false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("overwrote without --force: %v", err)
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("the refused write changed the file")
	}
	if err := r.WriteFile(p, "md", true); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := r.WriteFile(filepath.Join(t.TempDir(), "x.pdf"), "pdf", false); err == nil {
		t.Error("unknown format accepted")
	}
}

// BenchmarkReport builds and writes the xlsx for 100 and for 1,000 fully
// recorded units: the cost per unit must stay flat (1,000 units at most
// about ten times 100).
func BenchmarkReport(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			states := benchStates(b, n)
			b.ResetTimer()
			defer storetest.CPUPerOp(b)()
			for b.Loop() {
				r, err := Build(states, Filter{}, i18n.For("zh"), time.Now())
				if err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				if err := r.WriteXLSX(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchStates is n units of 2021, every rule recorded.
func benchStates(b *testing.B, n int) []*store.State {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), "k.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, _ := s.SetInspector("张三")
	rb := rubric.Default()
	full := seed.FullMarks(rb)
	for i := 0; i < n; i++ {
		a, _, err := s.CreateAssessment(id, rb, fmt.Sprintf("单位%04d", i), "2021")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Record(id, a.ID, full...); err != nil {
			b.Fatal(err)
		}
	}
	states, err := s.States()
	if err != nil {
		b.Fatal(err)
	}
	return states
}
