package word

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRedHeadTemplateInLibreOffice fills an office's 红头 template — a red
// line drawn as a shape with a text box, a content control, a tracked
// insertion and, on the second page, a PAGE field — and has LibreOffice
// lay it out: the text box, the control and the insertion read the
// filled values, and the PAGE field is still a field (it reads 2 on the
// second page, where the template's cached result was 1). Skipped where
// LibreOffice is not installed; KAOHE_DOC_LOOK=DIR keeps the PDF.
func TestRedHeadTemplateInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	_, states := fixture(t)
	r, l := built(t, states)
	extra := redLine +
		`<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>受文单位：{{单位}}</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:p><w:r><w:t>总分：</w:t></w:r><w:ins w:id="91" w:author="办公室" w:date="2022-01-01T00:00:00Z"><w:r><w:t>{{总分}}</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">{{单位}} 第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>`
	tpl := &Template{Name: "红头.docx", Bytes: withBody(t, officeTemplate(t, ""), extra)}
	docs, err := WriteUnits(l, Feedback, r, states, options, tpl)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if look := os.Getenv("KAOHE_DOC_LOOK"); look != "" {
		dir = look
	}
	p := filepath.Join(dir, "红头填写.docx")
	if err := os.WriteFile(p, docs[unitIndex(docs, "吉首市")].Bytes, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	if out, err := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, p).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, filepath.Join(dir, "红头填写.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (did LibreOffice open it?)", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	var total string
	for _, sh := range r.Sheets {
		if sh.Unit == "吉首市" {
			total = sh.Total.Fixed(2)
		}
	}
	for _, want := range []string{"2022年1月5日", "州政务服务中心", "受文单位：吉首市", "总分：" + total, "吉首市第2页"} {
		if !strings.Contains(text, want) {
			t.Errorf("the filled 红头 template's PDF lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(text, "{{") {
		t.Errorf("a field is left in the PDF:\n%s", out)
	}
}
