package word

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// withBody puts xml at the start of a template's body.
func withBody(t *testing.T, tpl []byte, xml string) []byte {
	t.Helper()
	return withParts(t, tpl, map[string]func(string) string{"word/document.xml": func(s string) string {
		i := strings.Index(s, "<w:body>") + len("<w:body>")
		return s[:i] + xml + s[i:]
	}})
}

// withParts rewrites a template's parts, adding those it lacks.
func withParts(t *testing.T, tpl []byte, fns map[string]func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(tpl), int64(len(tpl)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := map[string]bool{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if fn := fns[zf.Name]; fn != nil {
			b = []byte(fn(string(b)))
			done[zf.Name] = true
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	for name, fn := range fns {
		if !done[name] {
			w, _ := zw.Create(name)
			w.Write([]byte(fn("")))
		}
	}
	zw.Close()
	return buf.Bytes()
}

const (
	altNS = ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`
	// redLine is a 红头's red line with a text box, as Word writes a
	// shape: a DrawingML Choice and a VML Fallback, each with the box's
	// text.
	redLine = `<w:p><w:r><w:t>{{日期}}</w:t></w:r><w:r><mc:AlternateContent` + altNS + `><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="300000"/><wp:wrapNone/><wp:docPr id="5" name="红线保留"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:ln><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{{发文机关}}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="400pt,0" strokecolor="red"><v:textbox><w:txbxContent><w:p><w:r><w:t>{{发文机关}}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:line></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
)

// Whatever a template holds around its fields — a PAGE field, a simple
// field, bookmarks, a content control, a tracked insertion, a smart tag,
// a hyperlink, a shape with its Choice and Fallback, a field Word split
// across runs of different formatting — is in the filled document byte
// for byte as the template had it; only the fields' text is replaced.
func TestTemplateConstructsKeptByteForByte(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	var total string
	for _, sh := range r.Sheets {
		if sh.Unit == "吉首市" {
			total = sh.Total.Fixed(2)
		}
	}
	values := strings.NewReplacer("{{单位}}", "吉首市", "{{总分}}", total, "{{日期}}", "2022年1月5日", "{{发文机关}}", "州政务服务中心")
	cases := map[string]struct{ xml, want string }{
		"PAGE field":                  {xml: `<w:p><w:r><w:t xml:space="preserve">{{单位}} 第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>`},
		"red line":                    {xml: redLine},
		"insertion":                   {xml: `<w:p><w:r><w:t>总分：</w:t></w:r><w:ins w:id="91" w:author="办公室" w:date="2022-01-01T00:00:00Z"><w:r><w:t>{{总分}}</w:t></w:r></w:ins></w:p>`},
		"content control":             {xml: `<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:tag w:val="unit"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单位：{{单位}}</w:t></w:r></w:p></w:sdtContent></w:sdt>`},
		"bookmark and simple field":   {xml: `<w:p><w:bookmarkStart w:id="7" w:name="mark"/><w:r><w:t>单位{{单位}}</w:t></w:r><w:bookmarkEnd w:id="7"/><w:fldSimple w:instr=" PAGE "><w:r><w:t>页码保留</w:t></w:r></w:fldSimple></w:p>`},
		"smart tag":                   {xml: `<w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>{{单位}}</w:t></w:r></w:smartTag><w:smartTag w:uri="u" w:element="place"><w:r><w:t>湘西保留</w:t></w:r></w:smartTag></w:p>`},
		"hyperlink":                   {xml: `<w:p><w:hyperlink w:anchor="mark" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>见{{单位}}</w:t></w:r></w:hyperlink></w:p>`},
		"runs in Choice and Fallback": {xml: `<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:r><w:t>甲{{单位}}</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>乙{{单位}}</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`},
		"split field": {
			xml:  `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>前{{单</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>位}}后</w:t></w:r></w:p>`,
			want: `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>前吉首市</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>后</w:t></w:r></w:p>`,
		},
		"entity and spaces": {
			xml:  `<w:p><w:r><w:t>A&amp;B {{单位}}</w:t></w:r><w:r><w:t xml:space="preserve"> 尾 </w:t></w:r></w:p>`,
			want: `<w:p><w:r><w:t>A&amp;B 吉首市</w:t></w:r><w:r><w:t xml:space="preserve"> 尾 </w:t></w:r></w:p>`,
		},
	}
	for name, c := range cases {
		want := c.want
		if want == "" {
			want = values.Replace(c.xml)
		}
		tpl := &Template{Name: "t.docx", Bytes: withBody(t, officeTemplate(t, ""), c.xml)}
		docs, err := WriteUnits(l, Feedback, r, states, options, tpl)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		body := string(unzipPart(t, docs[unitIndex(docs, "吉首市")].Bytes, "word/document.xml"))
		if !strings.Contains(body, "<w:body>"+want) {
			at := strings.Index(body, "<w:body>")
			t.Errorf("%s: the body begins\n%s\nwant\n%s", name, body[at:min(len(body), at+len(want)+60)], want)
		}
		if strings.Contains(body, "{{") {
			t.Errorf("%s: a field is left unfilled", name)
		}
	}
}

// A repeated row is the template's row copied once per entry with all
// its formatting (shading, colour, bookmarks), only the fields' text
// differing; a footer's PAGE field stays a field while its {{单位}} is
// filled.
func TestRepeatedRowKeepsItsFormatting(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	row := `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:tcPr><w:p><w:bookmarkStart w:id="3" w:name="行"/><w:r><w:rPr><w:color w:val="C00000"/></w:rPr><w:t>{{扣分.指标}}</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>扣{{扣分.扣分}}分</w:t></w:r></w:p></w:tc></w:tr>`
	tbl := `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>{{单位}}</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>` + row + `</w:tbl>`
	footer := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>{{单位}} 第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p></w:ftr>`
	tpl := withBody(t, officeTemplate(t, ""), tbl)
	tpl = withParts(t, tpl, map[string]func(string) string{"word/footer1.xml": func(string) string { return footer }})
	docs, err := WriteUnits(l, Feedback, r, states, options, &Template{Name: "t.docx", Bytes: tpl})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[unitIndex(docs, "吉首市")]
	body := string(unzipPart(t, d.Bytes, "word/document.xml"))
	// 吉首市 lost 1.00 on 1.1 and 0.60 on 1.2 (the fixture).
	rows := ""
	for _, e := range [][2]string{{"1.1", "1.00"}, {"1.2", "0.60"}} {
		rows += strings.NewReplacer("{{扣分.指标}}", e[0], "{{扣分.扣分}}", e[1]).Replace(row)
	}
	want := strings.Replace(tbl, row, rows, 1)
	want = strings.Replace(want, "{{单位}}", "吉首市", 1)
	if !strings.Contains(body, "<w:body>"+want) {
		at := strings.Index(body, "<w:body>")
		t.Errorf("the table is\n%s\nwant\n%s", body[at:min(len(body), at+len(want)+40)], want)
	}
	if got, want := string(unzipPart(t, d.Bytes, "word/footer1.xml")), strings.Replace(footer, "{{单位}}", "吉首市", 1); got != want {
		t.Errorf("the footer is\n%s\nwant\n%s", got, want)
	}
}

// A field whose text holds a comment cannot be filled without losing the
// comment: the template is refused naming where, rather than the comment
// dropped. A field in a content control is checked like any other: an
// unknown one is refused.
func TestUnfaithfulOrUnknownFieldRefused(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	for xml, want := range map[string]string{
		`<w:p><w:r><w:t>{{单<!-- 注 -->位}}</w:t></w:r></w:p>`:                                    "模板中的字段 {{单位}}（位于第1段）所在的文字里夹有批注等非文字内容",
		`<w:sdt><w:sdtContent><w:p><w:r><w:t>{{总成绩}}</w:t></w:r></w:p></w:sdtContent></w:sdt>`: "模板中有未知字段 {{总成绩}}（位于第1段）",
	} {
		_, err := WriteUnits(l, Feedback, r, states, options, &Template{Name: "t.docx", Bytes: withBody(t, officeTemplate(t, ""), xml)})
		if err == nil || !strings.HasPrefix(worded(err), want) {
			t.Errorf("%s: %v, want %s", xml, err, want)
		}
	}
}
