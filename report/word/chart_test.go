package word

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/gomutex/godocx"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/report"
)

// embedded follows a document's pictures as Word does: each drawing's
// r:embed in the body, the body's relationship of that ID, the media part
// it targets; it returns each picture decoded, in the body's order.
func embedded(t *testing.T, doc []byte) []image.Image {
	t.Helper()
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(unzipPart(t, doc, "word/_rels/document.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	types := string(unzipPart(t, doc, "[Content_Types].xml"))
	var out []image.Image
	for _, m := range regexp.MustCompile(`r:embed="([^"]+)"`).FindAllStringSubmatch(string(unzipPart(t, doc, "word/document.xml")), -1) {
		target := ""
		for _, r := range rels.Rel {
			if r.ID == m[1] && strings.HasSuffix(r.Type, "/image") {
				target = r.Target
			}
		}
		if target == "" {
			t.Fatalf("the drawing's %s has no image relationship among %+v", m[1], rels.Rel)
		}
		if !strings.Contains(types, `Extension="png"`) {
			t.Fatalf("the content types do not name png: %s", types)
		}
		img, err := png.Decode(bytes.NewReader(unzipPart(t, doc, "word/"+target)))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		out = append(out, img)
	}
	return out
}

// bars measures a chart's bars: each run of the first series' blue along the row
// just above the x axis, and each one's height, counted up from there at
// its middle.
func bars(img image.Image) (heights []int) { return barsOf(img, chartBar) }

// barsOf measures the bars of one colour (0xRRGGBB).
func barsOf(img image.Image, colour uint32) (heights []int) {
	y := chartH - chartBottom - 1
	blue := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8<<16|g>>8<<8|b>>8 == colour
	}
	for x := 0; x < chartW; x++ {
		if !blue(x, y) {
			continue
		}
		start := x
		for x < chartW && blue(x, y) {
			x++
		}
		mid, h := (start+x)/2, 0
		for y-h >= 0 && blue(mid, y-h) {
			h++
		}
		heights = append(heights, h)
	}
	return heights
}

// TestNoticeShowsTheRankingChart finds the ranking chart in the 通报 as
// Word would (drawing → relationship → media part) and measures it: one
// bar per unit in rank order, as high as its total. The plot is 428
// pixels high (540 less 56 above and 56 below) on an axis to 120 (steps
// of 20 above 109.00), so 泸溪县's 109.00 is 109/120 × 428 = 388.7 → 389
// pixels, 凤凰县's 100.00 is 356.7 → 357 and reaches the grid line at 100,
// 吉首市's 98.40 is 351.0 → 351. The caption under it says where the
// units' names are.
func TestNoticeShowsTheRankingChart(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	doc, err := WriteNotice(l, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	pics := embedded(t, doc)
	if len(pics) != 1 {
		t.Fatalf("the 通报 has %d pictures, want the ranking chart", len(pics))
	}
	var totals []string
	for _, row := range r.Ranking {
		totals = append(totals, row.Unit+" "+row.Total.Fixed(2))
	}
	if got := strings.Join(totals, ", "); got != "泸溪县 109.00, 凤凰县 100.00, 吉首市 98.40" {
		t.Fatalf("the ranking is %s; the expectations below are for 泸溪县 109.00, 凤凰县 100.00, 吉首市 98.40", got)
	}
	if got := bars(pics[0]); fmt.Sprint(got) != "[389 357 351]" {
		t.Errorf("the bars are %v pixels high, want 389, 357, 351", got)
	}
	// The 100 grid line, between the first two bars, at 凤凰县's bar's top.
	slot := (chartW - chartLeft - chartRight) / 3
	if c := pics[0].At(chartLeft+slot, chartH-chartBottom-357); c != rgb(chartGrid) {
		t.Errorf("between the bars at 100 the chart has %v, want the grid line", c)
	}
	c := read(t, doc)
	caption := -1
	for i, p := range c.Paragraphs {
		if p == l.DocChart.Caption {
			caption = i
		}
		if strings.Contains(p, "{{") {
			t.Errorf("a field is left: %q", p)
		}
	}
	if caption < 0 || !strings.Contains(strings.Join(c.Paragraphs[:caption], "\n"), "考核结果") {
		t.Errorf("the caption is not after the results' heading: %q", c.Paragraphs)
	}
	again, err := WriteNotice(l, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, again) {
		t.Error("the same records wrote two different 通报")
	}
}

// TestRankingChartOfManyUnits draws 120 units, totals falling from 100.00
// by 0.37: 120 bars, each within half a pixel of its total's height, the
// figures above the bars left out (they do not fit a bar's 8 pixels; the
// ranking table has them), and the same rows draw the same bytes.
func TestRankingChartOfManyUnits(t *testing.T) {
	var rows []report.RankRow
	for i := range 120 {
		rows = append(rows, report.RankRow{Rank: i + 1, Total: decimal.FromInt(100) - decimal.MustParse("0.37").MulInt(int64(i))})
	}
	pic, err := RankingChart(rows)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(pic.PNG))
	if err != nil {
		t.Fatal(err)
	}
	hs := bars(img)
	if len(hs) != 120 {
		t.Fatalf("%d bars, want 120", len(hs))
	}
	// An axis to 100 (steps of 10): a bar is total/100 × 428 pixels.
	axis, plotH := int64(decimal.FromInt(100)), int64(chartH-chartTop-chartBottom)
	for i, h := range hs {
		if d := 2*int64(h)*axis - 2*int64(rows[i].Total)*plotH; d > axis || d < -axis {
			t.Errorf("rank %d (%s) is %d pixels high, want %s/100 × 428 to half a pixel", i+1, rows[i].Total.Fixed(2), h, rows[i].Total.Fixed(2))
		}
	}
	// Nothing black above the tallest bar's top but the axis's figures on
	// the left: no figure over the bars.
	top := chartH - chartBottom - hs[0]
	for y := chartTop - 8; y < top; y++ {
		for x := chartLeft + 2; x < chartW; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r == 0 {
				t.Fatalf("ink at %d,%d above the bars: a figure that does not fit was drawn", x, y)
			}
		}
	}
	again, err := RankingChart(rows)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pic.PNG, again.PNG) {
		t.Error("the same rows drew two different pictures")
	}
	t.Logf("the chart of 120 units is %d bytes", len(pic.PNG))
}

// chartTemplate is an office's 通报 template: a letterhead, the title, the
// chart's field split across two runs as Word splits text, alone in its
// paragraph, and extra, a paragraph of the office's.
func chartTemplate(t *testing.T, extra string) []byte {
	t.Helper()
	rd, err := godocx.NewDocument()
	if err != nil {
		t.Fatal(err)
	}
	rd.AddParagraph("湘西自治州政务服务中心文件")
	rd.AddParagraph("{{标题}}")
	p := rd.AddEmptyParagraph()
	p.AddText("{{排名")
	p.AddText("图}}")
	if cell, ok := strings.CutPrefix(extra, "cell:"); ok {
		rd.AddTable().AddRow().AddCell().AddParagraph(cell)
	} else if extra != "" {
		rd.AddParagraph(extra)
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTemplateRankingChart fills an office's template placing {{排名图}}
// alone in a paragraph: the picture takes the paragraph, the title stays
// before it; the field beside other text is refused naming where.
func TestTemplateRankingChart(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	doc, err := WriteNotice(l, r, states, options, &Template{Name: "通报模板.docx", Bytes: chartTemplate(t, "")})
	if err != nil {
		t.Fatal(err)
	}
	pics := embedded(t, doc)
	if len(pics) != 1 || len(bars(pics[0])) != 3 {
		t.Fatalf("the filled template has %d pictures, want the ranking chart of 3 bars", len(pics))
	}
	c := read(t, doc)
	if len(c.Paragraphs) < 3 || c.Paragraphs[1] != "2021年度县市（区）“放管服”改革政务服务工作考核结果通报" || c.Paragraphs[2] != "" {
		t.Errorf("paragraphs %q, want the letterhead, the title, then the picture's paragraph (no text)", c.Paragraphs)
	}
	_, err = WriteNotice(l, r, states, options, &Template{Name: "通报模板.docx", Bytes: chartTemplate(t, "见下图：{{排名图}}")})
	want := "模板中的图片字段 {{排名图}}（第4段）没有在正文中单独成段；图片须独占一段"
	if err == nil || worded(err) != want {
		t.Errorf("the field beside text: err %v, want %s", err, want)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		t.Errorf("a misplaced picture is not an unknown field: %v", err)
	}
	// In a table's cell, where a row may repeat, it is refused too.
	_, err = WriteNotice(l, r, states, options, &Template{Name: "通报模板.docx", Bytes: chartTemplate(t, "cell:{{排名图}}")})
	if want := "模板中的图片字段 {{排名图}}（第1个表格第1行第1格）没有在正文中单独成段；图片须独占一段"; err == nil || worded(err) != want {
		t.Errorf("the field in a cell: err %v, want %s", err, want)
	}
}

// TestFeedbackShowsTheCategoryChart finds in 吉首市's 反馈意见书 its
// category scores (blue) beside the period's averages (orange). The axis
// goes to 25 (steps of 5: the largest category is worth 25) over 428
// pixels: 吉首市's 13.40 is 13.4/25 × 428 = 229.4 → 229 pixels, 25.00 the
// whole 428, 20.00 342.4 → 342, 10.00 171.2 → 171, and its 0.00 in
// category 7 draws no bar; the averages are the same but 14.13 (of 14.00,
// 15.00 and 13.40) → 241.9 → 242 and category 7's 3.33 (泸溪县's 10.00
// among three) → 57.0 → 57.
func TestFeedbackShowsTheCategoryChart(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	docs, err := WriteUnits(l, Feedback, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	i := unitIndex(docs, "吉首市")
	sh := r.Sheets[i]
	if got := fmt.Sprint(fixed(sh.Averages)); got != "[14.13 25.00 20.00 20.00 10.00 10.00 3.33]" {
		t.Fatalf("the averages are %s; the expectations below are for 14.13 25 20 20 10 10 3.33", got)
	}
	pics := embedded(t, docs[i].Bytes)
	if len(pics) != 1 {
		t.Fatalf("吉首市's 反馈意见书 has %d pictures, want its category chart", len(pics))
	}
	if got := fmt.Sprint(barsOf(pics[0], chartBar)); got != "[229 428 342 342 171 171]" {
		t.Errorf("吉首市's bars are %s pixels high, want 229 428 342 342 171 171 (none for 0.00)", got)
	}
	if got := fmt.Sprint(barsOf(pics[0], chartMean)); got != "[242 428 342 342 171 171 57]" {
		t.Errorf("the averages' bars are %s pixels high, want 242 428 342 342 171 171 57", got)
	}
	if !strings.Contains(read(t, docs[i].Bytes).Text(), l.DocChart.CategoryCaption) {
		t.Error("the chart has no caption")
	}
	rect, err := WriteUnits(l, Rectify, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(unzipPart(t, rect[i].Bytes, "word/document.xml")), "r:embed") {
		t.Error("the 整改通知书 has a picture; only the 反馈意见书 shows the categories")
	}
}
