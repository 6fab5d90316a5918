package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// A report for some units shows the ranks they hold among every unit of
// the period, and says so; a report of all the units says nothing more.
func TestRankAmongAllUnitsOfThePeriod(t *testing.T) {
	_, states := fixture(t)
	r := build(t, states, Filter{Period: "2021", Units: []string{"泸溪县"}})
	if len(r.Ranking) != 1 || r.Ranking[0].Rank != 2 || r.Ranking[0].Among != 4 {
		t.Fatalf("泸溪县 alone: %+v, want rank 2 among 4", r.Ranking)
	}
	if notes := r.RankNotes(); len(notes) != 1 || notes[0] != "名次为在本期全部4个单位中的名次" {
		t.Errorf("notes %q", notes)
	}
	var md, c bytes.Buffer
	r.WriteMarkdown(&md)
	r.WriteCSV(&c)
	for what, out := range map[string]string{"markdown": md.String(), "csv": c.String()} {
		if !strings.Contains(out, "名次为在本期全部4个单位中的名次") {
			t.Errorf("%s lacks the note:\n%s", what, out)
		}
	}
	if !strings.Contains(md.String(), "| 2 | 泸溪县 | 2021 |") {
		t.Errorf("markdown ranking:\n%s", md.String())
	}
	var x bytes.Buffer
	if err := r.WriteXLSX(&x); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(&x)
	rows, _ := f.GetRows("名次")
	if rows[2][0] != "2" || rows[3][0] != "名次为在本期全部4个单位中的名次" {
		t.Errorf("xlsx ranking %q", rows)
	}
	two := build(t, states, Filter{Period: "2021", Units: []string{"吉首市", "花垣县"}})
	if two.Ranking[0].Rank != 1 || two.Ranking[1].Rank != 2 || two.Ranking[1].Unit != "花垣县" {
		t.Errorf("two units: %+v", two.Ranking)
	}
	if notes := build(t, states, Filter{Period: "2021"}).RankNotes(); len(notes) != 0 {
		t.Errorf("a report of every unit notes %q", notes)
	}
}

// A total with indicators unrecorded never looks final: 100.00 for an
// assessment with nothing recorded shows as provisional wherever it is
// written; a finished one is a plain number.
func TestProvisionalTotalEverywhere(t *testing.T) {
	s, id := seed.Store(t)
	seed.Assessment(t, s, id, "泸溪县", "2021")
	done := seed.Assessment(t, s, id, "吉首市", "2021")
	seed.Record(t, s, id, done.ID, seed.FullMarks(rubric.Default())...)
	states, _ := s.States()
	r := build(t, states, Filter{})
	var empty, full RankRow
	for _, row := range r.Ranking {
		if row.Unit == "泸溪县" {
			empty = row
		} else {
			full = row
		}
	}
	zh, en := i18n.For("zh"), i18n.For("en")
	if got := empty.TotalText(zh); got != "100.00（暂，0/36）" {
		t.Errorf("nothing recorded: %q", got)
	}
	if got := empty.TotalText(en); got != "100.00 (provisional, 0/36)" {
		t.Errorf("nothing recorded, English: %q", got)
	}
	if got := full.TotalText(zh); got != full.Total.Fixed(2) {
		t.Errorf("finished: %q", got)
	}
	var md bytes.Buffer
	r.WriteMarkdown(&md)
	if !strings.Contains(md.String(), "| 泸溪县 | 2021 | 100.00（暂，0/36） |") || !strings.Contains(md.String(), "| 总分 |  | 满分 110.00 |  |  | 100.00（暂，0/36） |") {
		t.Errorf("markdown:\n%s", md.String())
	}
	var x bytes.Buffer
	if err := r.WriteXLSX(&x); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(&x)
	rows, _ := f.GetRows("名次")
	for _, row := range rows[2 : 2+len(r.Ranking)] {
		want := full.Total.Fixed(2)
		if row[1] == "泸溪县" {
			want = "100.00（暂，0/36）"
		}
		if row[2] != want { // one period: no period column, the total third
			t.Errorf("xlsx ranking %s total %q, want %q", row[1], row[2], want)
		}
	}
	sheet, _ := f.GetRows("泸溪县 2021")
	if tot := totalRow(sheet); tot == nil || tot[5] != "100.00（暂，0/36）" {
		t.Errorf("score sheet total row %q", tot)
	}
}

// A note's HTML reaches the Markdown report as text, never as markup.
func TestMarkdownEscapesHTML(t *testing.T) {
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "吉首市", "2021")
	v := "0.5"
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "3.4.a", v, `<script>alert("x")</script> & <img src=x onerror=alert(1)>`))
	states, _ := s.States()
	var md bytes.Buffer
	build(t, states, Filter{}).WriteMarkdown(&md)
	out := md.String()
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Errorf("raw HTML in the markdown:\n%s", out)
	}
	if !strings.Contains(out, "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; &lt;img") {
		t.Errorf("the note is not shown as text:\n%s", out)
	}
}
