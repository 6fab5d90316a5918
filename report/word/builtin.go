package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"github.com/kaohe/kaohe/internal/i18n"
)

// The fonts of a 公文 (GB/T 9704): the title in 小标宋, headings in 黑体,
// the text in 仿宋_GB2312; digits and Latin letters in Times New Roman.
const (
	fontTitle   = "方正小标宋简体"
	fontHeading = "黑体"
	fontBody    = "仿宋_GB2312"
	fontLatin   = "Times New Roman"
)

// Sizes in half-points: 二号 22pt for the title, 三号 16pt for the text,
// 小四 12pt in tables.
const (
	sizeTitle = 44
	sizeText  = 32
	sizeTable = 24
)

// run is a run of text in a font and size (half-points).
func run(text, font string, size uint64, bold bool) *ctypes.Run {
	r := ctypes.NewRun()
	r.Property = &ctypes.RunProperty{
		Fonts: &ctypes.RunFonts{Ascii: fontLatin, HAnsi: fontLatin, EastAsia: font, CS: fontLatin},
		Size:  ctypes.NewFontSize(size), SizeCs: ctypes.NewFontSizeCS(size),
	}
	if bold {
		on := ctypes.OnOff{}
		r.Property.Bold = &on
	}
	r.Children = []ctypes.RunChild{{Text: ctypes.TextFromString(text)}}
	return r
}

// paragraph is a paragraph of one run, aligned left, center, right or
// both (justified, with the first line indented two characters).
func paragraph(text, font string, size uint64, align string) *ctypes.Paragraph {
	p := &ctypes.Paragraph{Property: &ctypes.ParagraphProp{}}
	setParagraph(p, text, font, size, align)
	return p
}

// setParagraph makes p one run of text, aligned as paragraph says.
func setParagraph(p *ctypes.Paragraph, text, font string, size uint64, align string) {
	if p.Property == nil {
		p.Property = &ctypes.ParagraphProp{}
	}
	switch align {
	case "center":
		p.Property.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationCenter)
	case "right":
		p.Property.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationRight)
	case "both":
		p.Property.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationBoth)
		first := int(size) * 20 // two characters: size half-points × 2 chars × 10 twips per point
		p.Property.Indent = &ctypes.Indent{FirstLine: ptrUint(uint64(first))}
	}
	p.Children = []ctypes.ParagraphChild{{Run: run(text, font, size, false)}}
}

func ptrUint(v uint64) *uint64 { return &v }

// builder lays out a built-in template with the library.
type builder struct {
	rd *docx.RootDoc
	l  *i18n.Labels
	n  int // sections numbered so far
	// widths are each table's column widths, in the order the tables come.
	widths [][]int
}

func (b *builder) para(text, font string, size uint64, align string) {
	setParagraph(b.rd.AddEmptyParagraph().GetCT(), text, font, size, align)
}

func (b *builder) title(text string) {
	b.para(text, fontTitle, sizeTitle, "center")
	b.para("", fontBody, sizeText, "left")
}

func (b *builder) heading(text string) {
	num := ""
	if b.n < len(b.l.Doc.Numerals) {
		num = b.l.Doc.Numerals[b.n]
	}
	b.n++
	b.para(num+text, fontHeading, sizeText, "left")
}

func (b *builder) text(text string) { b.para(text, fontBody, sizeText, "both") }

// table is a bordered table: a heading row, then one row of fields that
// the filler repeats for each entry of its list.
func (b *builder) table(heads, fields []string, size uint64, weights ...int) {
	b.widths = append(b.widths, columnWidths(weights, len(heads)))
	t := b.rd.AddTable()
	t.Style("TableGrid")
	hr := t.AddRow()
	for _, h := range heads {
		setParagraph(hr.AddCell().AddEmptyPara().GetCT(), h, fontHeading, size, "center")
	}
	fr := t.AddRow()
	for _, f := range fields {
		align := "center"
		if strings.HasSuffix(f, ".说明") || strings.HasSuffix(f, ".问题") || strings.HasSuffix(f, ".类别") || strings.HasSuffix(f, ".佐证") ||
			strings.HasSuffix(f, ".内容") || strings.HasSuffix(f, ".典型") {
			align = "left" // sentences read from the left
		}
		setParagraph(fr.AddCell().AddEmptyPara().GetCT(), "{{"+f+"}}", fontBody, size, align)
	}
}

// signature is the issuing body and the date, right-aligned, then the
// foot.
func (b *builder) signature() {
	b.para("", fontBody, sizeText, "left")
	b.para("{{发文机关}}", fontBody, sizeText, "right")
	b.para("{{日期}}", fontBody, sizeText, "right")
	b.para("{{核验}}", fontBody, 20, "left")
}

// Builtin is the built-in template of d's kind, laid out for d (the 等次
// column when the rubric has grades, a table of deductions or a line
// saying there are none, the 共性问题 section when there is one): A4 with
// the margins of GB/T 9704, its fonts, and page numbers in the footer.
func Builtin(l *i18n.Labels, d Data, graded bool, ncat int) ([]byte, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, err
	}
	b := &builder{rd: rd, l: l}
	w := l.Doc
	b.title("{{标题}}")
	switch d.Kind {
	case Notice:
		b.text(fmt.Sprintf(w.Intro, "{{指标}}", "{{参评单位数}}", "{{考核期}}"))
		b.heading(w.Results)
		heads := []string{w.ColRank, w.ColUnit, w.ColTotal}
		fields := []string{"排名.名次", "排名.单位", "排名.总分"}
		if graded {
			heads, fields = append(heads, w.ColGrade), append(fields, "排名.等次")
		}
		for i := 1; i <= ncat; i++ {
			heads = append(heads, "{{类别"+strconv.Itoa(i)+"}}")
			fields = append(fields, "排名.类别"+strconv.Itoa(i))
		}
		weights := []int{3, 5, 5}
		if graded {
			weights = append(weights, 4)
		}
		for range ncat {
			weights = append(weights, 4)
		}
		b.table(heads, fields, 18, weights...) // 小五: the category titles are long
		if len(d.Lists["共性"]) > 0 {
			a := &l.Analysis
			b.heading(w.Common)
			b.table([]string{a.Order, l.Indicator, l.Content, a.Lost, a.UnitsLost, a.Typical},
				[]string{"共性.序号", "共性.指标", "共性.内容", "共性.失分", "共性.单位数", "共性.典型"}, 21, 2, 2, 9, 3, 3, 6)
		}
		b.heading(w.Team)
		b.text(w.Lead + "{{组长}}")
		b.text(w.Members + "{{成员}}")
	case Feedback:
		b.para(fmt.Sprintf(w.Salutation, "{{单位}}"), fontBody, sizeText, "left")
		intro := fmt.Sprintf(w.FeedbackIntro, "{{指标}}", "{{考核期}}", "{{总分}}", "{{基础分}}", "{{加分}}", "{{参评单位数}}", "{{名次}}")
		if graded {
			intro += fmt.Sprintf(w.Graded, "{{等次}}")
		}
		b.text(intro + terminal(l))
		b.heading(w.Categories)
		b.table([]string{w.ColCategory, w.ColMax, w.ColScore}, []string{"类别.类别", "类别.分值", "类别.得分"}, sizeTable, 6, 2, 2)
		b.heading(w.Deductions)
		if len(d.Lists["扣分"]) == 0 {
			b.text(w.NoDeduction)
		} else {
			b.table([]string{w.ColNo, w.ColDeduction, w.ColPoints, w.ColFile}, []string{"扣分.序号", "扣分.说明", "扣分.扣分", "扣分.佐证"}, sizeTable, 2, 13, 3, 5)
		}
		if d.Fields["申诉期限"] != "" {
			b.text(fmt.Sprintf(w.AppealBy, "{{申诉期限}}"))
		}
	case Rectify:
		b.para(fmt.Sprintf(w.Salutation, "{{单位}}"), fontBody, sizeText, "left")
		b.text(fmt.Sprintf(w.RectifyIntro, "{{考核期}}"))
		b.heading(w.Problems)
		if len(d.Lists["问题"]) == 0 {
			b.text(w.NoDeduction)
		} else {
			b.table([]string{w.ColNo, w.ColProblemID, w.ColFinding, w.ColPoints, w.ColDue, w.ColStatus},
				[]string{"问题.序号", "问题.编号", "问题.问题", "问题.扣分", "问题.时限", "问题.状态"}, sizeTable, 2, 5, 8, 3, 4, 3)
		}
		b.text(w.RectifyAsk)
	}
	b.signature()
	if err := page(rd, l); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return nil, err
	}
	return b.layout(buf.Bytes())
}

// textWidth is the width between the margins, in twentieths of a point.
const textWidth = a4Width - marginLeft - marginR

// columnWidths shares the text's width among n columns by weight (equal
// without weights).
func columnWidths(weights []int, n int) []int {
	if len(weights) != n {
		weights = make([]int, n)
		for i := range weights {
			weights[i] = 1
		}
	}
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, n)
	for i, w := range weights {
		out[i] = textWidth * w / sum
	}
	return out
}

// layout gives each table of the built-in template its column widths and
// a fixed layout, which the library sets no way of its own: each table is
// read into the library's table type, its grid and cell widths set, and
// written back.
func (b *builder) layout(doc []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, err
	}
	return rewrite(zr, func(name string) bool { return name == "word/document.xml" }, func(_ string, x []byte) ([]byte, error) {
		kids, _, err := children(x, true)
		if err != nil {
			return nil, err
		}
		var out bytes.Buffer
		last, n := int64(0), 0
		for _, k := range kids {
			if k.name != "tbl" || n >= len(b.widths) {
				continue
			}
			var t ctypes.Table
			if err := xml.Unmarshal(x[k.start:k.end], &t); err != nil {
				return nil, err
			}
			widths := b.widths[n]
			n++
			total := textWidth
			t.TableProp.Width = ctypes.NewTableWidth(total, stypes.TableWidthDxa)
			t.TableProp.Layout = ctypes.NewTableLayout(stypes.TableLayoutFixed)
			t.TableProp.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationCenter)
			t.Grid.Col = nil
			for _, w := range widths {
				t.Grid.Col = append(t.Grid.Col, ctypes.Column{Width: ptrUint(uint64(w))})
			}
			for _, rc := range t.RowContents {
				if rc.Row == nil {
					continue
				}
				for ci, c := range rc.Row.Contents {
					if c.Cell == nil || ci >= len(widths) {
						continue
					}
					if c.Cell.Property == nil {
						c.Cell.Property = &ctypes.CellProperty{}
					}
					c.Cell.Property.Width = ctypes.NewTableWidth(widths[ci], stypes.TableWidthDxa)
					c.Cell.Property.VAlign = ctypes.NewGenSingleStrVal(stypes.VerticalJcCenter)
				}
			}
			tb, err := xml.Marshal(t)
			if err != nil {
				return nil, err
			}
			out.Write(x[last:k.start])
			out.Write(tb)
			last = k.end
		}
		out.Write(x[last:])
		return out.Bytes(), nil
	})
}

// terminal is the full stop of l's language.
func terminal(l *i18n.Labels) string {
	if l.Lang == "zh" {
		return "。"
	}
	return "."
}
