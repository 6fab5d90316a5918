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
	parts map[string][]byte
	scans map[string]scan
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
	p := &prepared{zr: zr, parts: map[string][]byte{}, scans: map[string]scan{}}
	for _, zf := range zr.File {
		if !fieldPart(zf.Name) {
			continue
		}
		b, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		p.parts[zf.Name] = b
		if p.scans[zf.Name], err = scanPart(zf.Name, b); err != nil {
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
		b, err := f.part(name, p.parts[name], p.scans[name])
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return zipWith(p.zr, out)
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
func zipWith(zr *zip.Reader, out map[string][]byte) ([]byte, error) {
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
}

// child is one element directly inside a part's container (the body, or
// a header's root): its name and its bytes' span.
type child struct {
	name       string
	start, end int64
	fields     bool // its text has a field
}

// scan is a part's children and where its container ends, found once per
// template.
type scan struct {
	kids []child
	end  int64
}

// scanPart finds a part's children and which of them have fields.
func scanPart(name string, b []byte) (scan, error) {
	kids, end, err := children(b, name == "word/document.xml")
	if err != nil {
		return scan{}, i18n.Errorf("the template's part %s is damaged: %v", name, err.Error())
	}
	for i, k := range kids {
		if k.name == "p" || k.name == "tbl" {
			kids[i].fields = strings.Contains(textOf(b[k.start:k.end]), "{{")
		}
	}
	return scan{kids: kids, end: end}, nil
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

// textOf is the text of an element's w:t runs, to see whether it has a
// field without decoding it into the library's types.
func textOf(b []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var sb strings.Builder
	in := false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return sb.String()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "t"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				sb.Write(t)
			}
		}
	}
}

// part fills one part: each paragraph or table with a field is decoded
// into the library's types, filled and written back; everything else is
// copied as it is.
func (f *filler) part(name string, b []byte, sc scan) ([]byte, error) {
	body := name == "word/document.xml"
	kids, end := sc.kids, sc.end
	var err error
	var out bytes.Buffer
	last := int64(0)
	paras, tables := 0, 0
	for _, k := range kids {
		switch k.name {
		case "p":
			paras++
		case "tbl":
			tables++
		default:
			continue
		}
		frag := b[k.start:k.end]
		if !k.fields {
			continue
		}
		out.Write(b[last:k.start])
		last = k.end
		var filled []byte
		if k.name == "p" {
			filled, err = f.paragraph(frag, where(name, i18n.Phrase("paragraph %d", paras)))
		} else {
			filled, err = f.table(frag, name, tables)
		}
		if err != nil {
			return nil, err
		}
		out.Write(filled)
	}
	if body && !f.footDone && end >= 0 {
		// The foot goes before the body's section properties, its last child.
		at := end
		if n := len(kids); n > 0 && kids[n-1].name == "sectPr" {
			at = kids[n-1].start
		}
		if at < last {
			at = last
		}
		out.Write(b[last:at])
		foot, err := footParagraphs(f.data.Fields["核验"])
		if err != nil {
			return nil, err
		}
		out.Write(foot)
		last = at
	}
	out.Write(b[last:])
	return out.Bytes(), nil
}

// where names a place in a part: as it is in the body, with the part's
// name in a header or footer.
func where(part string, at *i18n.Message) *i18n.Message {
	if part == "word/document.xml" {
		return at
	}
	return i18n.Phrase("%s of the header or footer %s", at, part)
}

// paragraph fills one paragraph; one whose fields are of a list repeats
// once per entry.
func (f *filler) paragraph(frag []byte, at *i18n.Message) ([]byte, error) {
	var p ctypes.Paragraph
	if err := xml.Unmarshal(frag, &p); err != nil {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", "word/document.xml", err.Error())
	}
	list, err := f.listOf(textOfParagraph(&p), at, "")
	if err != nil {
		return nil, err
	}
	entries := []map[string]string{nil}
	if list != "" {
		entries = f.data.Lists[list]
	}
	var out bytes.Buffer
	for _, e := range entries {
		c, err := copyParagraph(&p)
		if err != nil {
			return nil, err
		}
		fillParagraph(c, func(field string) string { return f.value(field, list, e) })
		b, err := xml.Marshal(c)
		if err != nil {
			return nil, err
		}
		out.Write(b)
	}
	return out.Bytes(), nil
}

// table fills one table: each row whose fields are of a list repeats once
// per entry, every other field is filled in place. A repeated row is read
// once: its scalar fields filled and each list field gathered into one
// text of one run (however Word split it); each entry then only replaces
// those fields in the row's XML, which keeps a table of many rows quick.
func (f *filler) table(frag []byte, part string, n int) ([]byte, error) {
	var t ctypes.Table
	if err := xml.Unmarshal(frag, &t); err != nil {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", part, err.Error())
	}
	var rows bytes.Buffer
	for ri, rc := range t.RowContents {
		if rc.Row == nil {
			continue
		}
		list := ""
		for ci, cell := range rc.Row.Contents {
			if cell.Cell == nil {
				continue
			}
			at := where(part, i18n.Phrase("table %d, row %d, cell %d", n, ri+1, ci+1))
			l, err := f.listOf(textOfCell(cell.Cell), at, list)
			if err != nil {
				return nil, err
			}
			if l != "" {
				list = l
			}
		}
		keep := func(field string) string {
			if l, _, ok := strings.Cut(field, "."); ok && l == list {
				return "{{" + field + "}}" // filled per entry below
			}
			return f.data.Fields[field]
		}
		for _, cell := range rc.Row.Contents {
			if cell.Cell == nil {
				continue
			}
			for _, bc := range cell.Cell.Contents {
				if bc.Paragraph != nil {
					fillParagraph(bc.Paragraph, keep)
				}
			}
		}
		row, err := xml.Marshal(rc.Row)
		if err != nil {
			return nil, err
		}
		if list == "" {
			rows.Write(row)
			continue
		}
		for _, e := range f.data.Lists[list] {
			var pairs []string
			for k, v := range e {
				pairs = append(pairs, "{{"+list+"."+k+"}}", escapeText(v))
			}
			rows.WriteString(strings.NewReplacer(pairs...).Replace(string(row)))
		}
	}
	t.RowContents = nil
	shell, err := xml.Marshal(t)
	if err != nil {
		return nil, err
	}
	end := bytes.LastIndex(shell, []byte("</w:tbl>"))
	if end < 0 {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", part, "a table without its end")
	}
	return append(append(shell[:end:end], rows.Bytes()...), shell[end:]...), nil
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

// fillParagraph replaces the paragraph's fields by their values, keeping
// each field's value in the run (and so the formatting) where the field
// starts, however Word split the field's text across runs; a value's
// line breaks become breaks.
func fillParagraph(p *ctypes.Paragraph, value func(field string) string) {
	ss, text := spans(p)
	ms := fieldPattern.FindAllStringSubmatchIndex(text, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		s, e := ms[i][0], ms[i][1]
		v := value(text[ms[i][2]:ms[i][3]])
		first := sort.Search(len(ss), func(k int) bool { return ss[k].start+len(ss[k].t.Text) > s }) // the span holding s
		for k := first; k < len(ss) && ss[k].start < e; k++ {
			sp := ss[k]
			from, to := max(s-sp.start, 0), min(e-sp.start, len(sp.t.Text))
			repl := ""
			if k == first {
				repl = v
			}
			sp.t.Text = sp.t.Text[:from] + repl + sp.t.Text[to:]
			preserve := ctypes.TextSpacePreserve
			sp.t.Space = &preserve
		}
	}
	breakLines(p)
}

// breakLines turns each line break in a run's text into a break.
func breakLines(p *ctypes.Paragraph) {
	for _, c := range p.Children {
		if c.Run == nil {
			continue
		}
		var kids []ctypes.RunChild
		for _, rc := range c.Run.Children {
			if rc.Text == nil || !strings.Contains(rc.Text.Text, "\n") {
				kids = append(kids, rc)
				continue
			}
			for i, line := range strings.Split(rc.Text.Text, "\n") {
				if i > 0 {
					kids = append(kids, ctypes.RunChild{Break: &ctypes.Break{}})
				}
				t := *rc.Text
				t.Text = line
				kids = append(kids, ctypes.RunChild{Text: &t})
			}
		}
		c.Run.Children = kids
	}
}

// copyParagraph is a deep copy of a paragraph, through its XML.
func copyParagraph(p *ctypes.Paragraph) (*ctypes.Paragraph, error) {
	b, err := xml.Marshal(p)
	if err != nil {
		return nil, err
	}
	var c ctypes.Paragraph
	return &c, xml.Unmarshal(b, &c)
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
