package word

import (
	"encoding/xml"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"github.com/kaohe/kaohe/internal/i18n"
)

// A4 and the margins of GB/T 9704 (天头 37 mm, 订口 28 mm, 26 mm right,
// 35 mm bottom), in twentieths of a point.
const (
	a4Width, a4Height                            = 11906, 16838
	marginTop, marginBottom, marginLeft, marginR = 2098, 1984, 1588, 1474
	marginHeader, marginFooter                   = 851, 992
)

// footerPart is the page footer's part and its relationship's ID.
const (
	footerPart = "word/footer1.xml"
	footerRel  = "rIdKaoheFooter1"
	footerType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	footerMIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
)

// page sets the document's page: A4, the 公文 margins, and a footer with
// the page number (— 1 —) in the middle. The library has no footer part
// nor a PAGE field, so this writes the footer's few elements itself and
// adds it through the library's part map, relationships and content types.
func page(rd *docx.RootDoc, l *i18n.Labels) error {
	w, h := uint64(a4Width), uint64(a4Height)
	top, bottom, left, right, hdr, ftr := marginTop, marginBottom, marginLeft, marginR, marginHeader, marginFooter
	gutter := 0
	sp := rd.Document.Body.SectPr
	if sp == nil {
		sp = ctypes.NewSectionProper()
		rd.Document.Body.SectPr = sp
	}
	sp.PageSize = &ctypes.PageSize{Width: &w, Height: &h}
	sp.PageMargin = &ctypes.PageMargin{Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hdr, Footer: &ftr, Gutter: &gutter}
	sp.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: footerRel}
	body, err := footerXML(l)
	if err != nil {
		return err
	}
	rd.FileMap.Store(footerPart, body)
	rd.Document.DocRels.Relationships = append(rd.Document.DocRels.Relationships,
		&docx.Relationship{ID: footerRel, Type: footerType, Target: "footer1.xml"})
	return rd.ContentType.AddOverride("/"+footerPart, footerMIME)
}

// footerXML is the footer part: one centred paragraph, — PAGE —, in 宋体
// 四号 as GB/T 9704 sets the page number. The paragraph's properties and
// text runs are the library's; the field's begin, separate and end marks
// are written here, as the library has none.
func footerXML(l *i18n.Labels) ([]byte, error) {
	p := paragraph(l.Doc.PageBefore, "宋体", 28, "center")
	inner, err := xml.Marshal(p)
	if err != nil {
		return nil, err
	}
	after, err := xml.Marshal(run(l.Doc.PageAfter, "宋体", 28, false))
	if err != nil {
		return nil, err
	}
	props, err := xml.Marshal(run("", "宋体", 28, false).Property)
	if err != nil {
		return nil, err
	}
	field := `<w:r>` + string(props) + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + string(props) + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + string(props) + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + string(props) + `<w:t>1</w:t></w:r>` +
		`<w:r>` + string(props) + `<w:fldChar w:fldCharType="end"/></w:r>`
	// The paragraph ends with </w:p>: the field and the closing run go before it.
	s := string(inner)
	s = s[:len(s)-len("</w:p>")] + field + string(after) + "</w:p>"
	return []byte(xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + s + `</w:ftr>`), nil
}
