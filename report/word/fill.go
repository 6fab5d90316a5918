package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/gomutex/godocx/wml/ctypes"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
)

// fieldPattern is a field as a template writes it: {{总分}}, {{扣分.说明}}.
var fieldPattern = regexp.MustCompile(`\{\{\s*([^{}]+?)\s*\}\}`)

// MaxTemplateMiB bounds a template's size: a 红头 template with a
// letterhead picture is some hundreds of kilobytes.
const MaxTemplateMiB = 20

// FieldError is a template refused for a field: one the document does not
// have (Other empty), or one of another list in the same repeated row
// (Other the first list). Where says where, worded (第3段, 第1个表格第2行第1格).
type FieldError struct {
	Field, Other string
	Kind         Kind
	Where        *i18n.Message
}

// Error is the English wording.
func (e *FieldError) Error() string { return e.In(i18n.For("en")) }

// In words the refusal in l's language.
func (e *FieldError) In(l *i18n.Labels) string {
	if e.Other != "" {
		return i18n.Word(l, "the template's row mixes lists %s and %s in %s; a repeated row takes the fields of one list", e.Other, e.Field, e.Where)
	}
	name := l.Doc.KindName[string(e.Kind)]
	return i18n.Word(l, "the template has an unknown field {{%s}} in %s; kaohe doc fields lists the fields of a %s", e.Field, e.Where, name)
}

// parts are the parts of a .docx whose text a template's fields may be
// in: the body, the headers and the footers (a letterhead often sits in
// the first page's header).
func fieldPart(name string) bool {
	if name == "word/document.xml" {
		return true
	}
	for _, p := range []string{"word/header", "word/footer"} {
		if strings.HasPrefix(name, p) && strings.HasSuffix(name, ".xml") && !strings.Contains(name[len(p):], "/") {
			return true
		}
	}
	return false
}

// Fill fills a template (a .docx's bytes) with d: every {{field}} in the
// body, headers and footers is replaced by its value, and each table row
// or paragraph whose fields are of a list is repeated once per entry of
// that list (and dropped when it has none). A template naming a field d's
// kind does not have is refused, naming the field and where it is, before
// anything is written. The document's foot (period, stage, fingerprints)
// is added at the end of the body unless the template places {{核验}}
// itself. Parts without fields are copied byte for byte.
func Fill(name string, template []byte, d Data, ncat int) ([]byte, error) {
	p, err := prepare(name, template, false)
	if err != nil {
		return nil, err
	}
	return p.fill(d, ncat)
}

// prepared is a template opened once to fill many documents from: its zip
// and the parts that may hold fields, read.
type prepared struct {
	zr    *zip.Reader
	parts map[string]*tpart
}

// prepare opens a template; one not trusted (an office's own, not the
// built-in) is first held to the bounds of a file from outside (size,
// zip bombs, well-formed parts).
func prepare(name string, template []byte, trusted bool) (*prepared, error) {
	if len(template) > MaxTemplateMiB<<20 {
		return nil, i18n.Errorf("the template %s is larger than %d MiB", name, MaxTemplateMiB)
	}
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, i18n.Errorf("the template is not a Word document (.docx): %v", err.Error())
	}
	if !trusted {
		if err := workbook.Check(name, template, workbook.DefaultLimits()); err != nil {
			return nil, err
		}
	}
	p := &prepared{zr: zr, parts: map[string]*tpart{}}
	for _, zf := range zr.File {
		if !fieldPart(zf.Name) {
			continue
		}
		b, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		if p.parts[zf.Name], err = tokenize(name, zf.Name, b); err != nil {
			return nil, err
		}
	}
	if _, ok := p.parts["word/document.xml"]; !ok {
		return nil, i18n.Errorf("the template is not a Word document (.docx): %v", "no word/document.xml")
	}
	return p, nil
}

// fill fills the prepared template with d.
func (p *prepared) fill(d Data, ncat int) ([]byte, error) {
	f := &filler{data: d, ncat: ncat}
	out := map[string][]byte{}
	// The body last: whether it gets the foot depends on whether a header
	// or footer placed {{核验}}.
	var names []string
	for name := range p.parts {
		if name != "word/document.xml" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range append(names, "word/document.xml") {
		b, err := f.part(name, p.parts[name])
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	added, err := f.addMedia(p.zr, out)
	if err != nil {
		return nil, err
	}
	return zipWith(p.zr, out, added...)
}

// readPart reads one part, bounded.
func readPart(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", zf.Name, err.Error())
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, workbook.DefaultLimits().MaxPartBytes))
	if err != nil {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", zf.Name, err.Error())
	}
	return b, nil
}

// zipWith copies a .docx with the parts of out in place of its own; every
// other part is copied as it is, still compressed.
func zipWith(zr *zip.Reader, out map[string][]byte, added ...newPart) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if b, ok := out[zf.Name]; ok {
			w, err := zw.Create(zf.Name)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(b); err != nil {
				return nil, err
			}
			continue
		}
		if err := zw.Copy(zf); err != nil {
			return nil, err
		}
	}
	for _, a := range added {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: a.name, Method: a.method})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(a.bytes); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rewrite copies a .docx, passing each part that want names through fn;
// every other part is copied as it is.
func rewrite(zr *zip.Reader, want func(string) bool, fn func(name string, b []byte) ([]byte, error)) ([]byte, error) {
	out := map[string][]byte{}
	for _, zf := range zr.File {
		if !want(zf.Name) {
			continue
		}
		b, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		if out[zf.Name], err = fn(zf.Name, b); err != nil {
			return nil, err
		}
	}
	return zipWith(zr, out)
}

// filler fills the parts of one document.
type filler struct {
	data     Data
	ncat     int
	footDone bool // the template placed {{核验}} itself
	// media are the pictures placed, in the order their fields come.
	media []placed
}

// child is one element directly inside a part's container (the body, or
// a header's root): its name and its bytes' span.
type child struct {
	name       string
	start, end int64
}

// children finds the elements directly inside the part's container.
func children(b []byte, body bool) ([]child, int64, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	depth, container := 0, -1
	var out []child
	var cur child
	var containerEnd int64 = -1
	for {
		start := dec.InputOffset()
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case container < 0 && ((body && t.Name.Local == "body") || (!body && depth == 1)):
				container = depth
			case container >= 0 && depth == container+1:
				cur = child{name: t.Name.Local, start: start}
			}
		case xml.EndElement:
			switch {
			case container >= 0 && depth == container+1:
				cur.end = dec.InputOffset()
				out = append(out, cur)
			case depth == container:
				containerEnd = start
				container = -2 // done
			}
			depth--
		}
	}
	return out, containerEnd, nil
}

// where names a place in a part: as it is in the body, with the part's
// name in a header or footer.
func where(part string, at *i18n.Message) *i18n.Message {
	if part == "word/document.xml" {
		return at
	}
	return i18n.Phrase("%s of the header or footer %s", at, part)
}

// escapeText is a value as the text of a w:t: escaped, each line break a
// break between two texts of the run.
func escapeText(v string) string {
	lines := strings.Split(v, "\n")
	for i, line := range lines {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(line))
		lines[i] = b.String()
	}
	return strings.Join(lines, `</w:t><w:br/><w:t xml:space="preserve">`)
}

// listOf checks the fields of a text and says which list they are of (""
// for none): an unknown field, or fields of two lists (one given as
// already), are refused naming where.
func (f *filler) listOf(text string, at *i18n.Message, already string) (string, error) {
	list := already
	for _, m := range fieldPattern.FindAllStringSubmatch(text, -1) {
		field := m[1]
		l, ok := known(f.data.Kind, f.ncat, field)
		if !ok {
			return "", &FieldError{Field: field, Kind: f.data.Kind, Where: at}
		}
		if field == "核验" {
			f.footDone = true
		}
		if isPicture(field) {
			return "", i18n.Errorf("the template's picture field {{%s}} in %s is not alone in a paragraph of the body; the picture takes a paragraph of its own", field, at)
		}
		if l == "" {
			continue
		}
		if list != "" && list != l {
			return "", &FieldError{Field: l, Other: list, Kind: f.data.Kind, Where: at}
		}
		list = l
	}
	return list, nil
}

// value is a field's value: a list entry's for a field of list, else the
// document's.
func (f *filler) value(field, list string, entry map[string]string) string {
	if l, rest, ok := strings.Cut(field, "."); ok && l == list {
		return entry[rest]
	}
	return f.data.Fields[field]
}

// textSpan is one w:t of a paragraph and where its text starts in the
// paragraph's text.
type textSpan struct {
	t     *ctypes.Text
	start int
}

// spans lists a paragraph's texts in order.
func spans(p *ctypes.Paragraph) ([]textSpan, string) {
	var out []textSpan
	var sb strings.Builder
	var visit func(cs []ctypes.ParagraphChild)
	visit = func(cs []ctypes.ParagraphChild) {
		for _, c := range cs {
			if c.Run != nil {
				for i := range c.Run.Children {
					if t := c.Run.Children[i].Text; t != nil {
						out = append(out, textSpan{t: t, start: sb.Len()})
						sb.WriteString(t.Text)
					}
				}
			}
			if c.Link != nil {
				visit(c.Link.Children)
			}
		}
	}
	visit(p.Children)
	return out, sb.String()
}

func textOfParagraph(p *ctypes.Paragraph) string { _, s := spans(p); return s }

func textOfCell(c *ctypes.Cell) string {
	var sb strings.Builder
	for _, bc := range c.Contents {
		if bc.Paragraph != nil {
			sb.WriteString(textOfParagraph(bc.Paragraph))
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// footParagraphs is the document's foot as paragraphs of small text, one
// per line.
func footParagraphs(text string) ([]byte, error) {
	var out bytes.Buffer
	for _, line := range strings.Split(text, "\n") {
		p := paragraph(line, fontBody, 20, "left")
		b, err := xml.Marshal(p)
		if err != nil {
			return nil, err
		}
		out.Write(b)
	}
	return out.Bytes(), nil
}

// part fills one part at the level of its XML tokens: every byte is
// copied as the template has it except the text of the w:t elements that
// hold fields, wherever they are (a content control, a tracked insertion,
// a smart tag, a hyperlink, a shape's Choice and Fallback, a header);
// each repeated row or paragraph is its tokens copied once per entry.
func (f *filler) part(name string, p *tpart) ([]byte, error) {
	lists, err := f.check(name, p)
	if err != nil {
		return nil, err
	}
	body := name == "word/document.xml"
	fields := len(lists) > 0
	for _, pa := range p.paras {
		fields = fields || strings.Contains(pa.text, "{{")
	}
	if !fields && !body {
		return p.b, nil
	}
	r := &render{f: f, p: p, lists: lists, repl: map[int]string{}, body: body}
	if body && !f.footDone && p.footAt >= 0 {
		if r.foot, err = footParagraphs(f.data.Fields["核验"]); err != nil {
			return nil, err
		}
	}
	r.out.Grow(len(p.b) + len(r.foot))
	r.span(0, len(p.toks)-1, -1, entry{})
	if r.err != nil {
		return nil, r.err
	}
	return r.out.Bytes(), nil
}
