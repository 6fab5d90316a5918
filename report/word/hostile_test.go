package word

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
)

// worded is an error in Chinese, as the command line prints it.
func worded(err error) string {
	if m, ok := err.(interface{ In(*i18n.Labels) string }); ok {
		return m.In(i18n.For("zh"))
	}
	return err.Error()
}

// A file that is not a .docx, or a zip that inflates far beyond any
// template (a zip bomb), is refused before anything is read from it.
func TestHostileTemplatesRefused(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	_, err := WriteUnits(l, Feedback, r, states, options, &Template{Name: "模板.docx", Bytes: []byte("这不是 Word 文档")})
	if err == nil || !strings.HasPrefix(worded(err), "模板不是 Word 文档（.docx）") {
		t.Errorf("a text file as template: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte(" "), 80<<20))
	zw.Close()
	_, err = WriteUnits(l, Feedback, r, states, options, &Template{Name: "炸弹.docx", Bytes: buf.Bytes()})
	var we *workbook.Error
	if !errors.As(err, &we) || we.Part != "word/document.xml" || !strings.Contains(worded(err), "炸弹.docx") {
		t.Errorf("a zip bomb as template: %v", err)
	}
}

// A template's header holds fields too (a letterhead often sits there):
// they are filled, and the header's other paragraphs stay as they were.
func TestHeaderFieldsFilled(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	doc := officeTemplate(t, "")
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	header := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{{发文机关}}文件</w:t></w:r></w:p>` +
		`<w:p><w:bookmarkStart w:id="0" w:name="红线"/><w:r><w:t>——</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:hdr>`
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		zw.Copy(zf)
	}
	w, _ := zw.Create("word/header1.xml")
	w.Write([]byte(header))
	zw.Close()
	docs, err := WriteUnits(l, Feedback, r, states, options, &Template{Name: "红头.docx", Bytes: out.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	c := read(t, docs[0].Bytes)
	if strings.Join(c.HeadFoot, "|") != "州政务服务中心文件|——" {
		t.Errorf("the header reads %q", c.HeadFoot)
	}
	got := string(unzipPart(t, docs[0].Bytes, "word/header1.xml"))
	if !strings.Contains(got, `<w:bookmarkStart w:id="0" w:name="红线"/>`) {
		t.Errorf("the header's paragraph without fields changed:\n%s", got)
	}
}
