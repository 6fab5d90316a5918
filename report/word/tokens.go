package word

import (
	"bytes"
	"encoding/xml"
	"github.com/gomutex/godocx/wml/ctypes"
	"io"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/workbook"
)

// Namespaces a template's fields are looked for by: WordprocessingML's
// own, and markup compatibility's (a shape's Choice and its Fallback).
const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// token is one token of a part as it is in the part's bytes: fields are
// filled by editing the text of w:t elements and copying every other
// byte, so whatever a template holds that kaohe does not know (a PAGE
// field, bookmarks, content controls, tracked changes, shapes) stays as
// Word wrote it.
type token struct {
	start, end int64 // the token's bytes
	kind       byte  // 's' start, 'e' end, 'c' text, 'o' anything else
	space      string
	local      string
	match      int    // a start's end token, an end's start token
	text       string // a w:t start's text
	mixed      bool   // a w:t start whose content is not only text
}

// isW says whether a token is the w: element local.
func (t *token) isW(local string) bool { return t.space == nsW && t.local == local }

// stream is the w:t elements whose text is read as one: those of one
// paragraph, or of one Choice or Fallback of a shape inside it (each is
// filled on its own, both of them).
type stream struct {
	ts    []int // token indexes of the w:t starts
	text  string
	at    []int // where each w:t's text starts in text
	field bool
}

// para is a paragraph of a part: its texts and where it is.
type para struct {
	tok     int // its w:p start
	row     int // the table row it is in (its w:tr start), or -1
	streams []stream
	text    string // its streams' texts, a line each, to check its fields by
	where   *i18n.Message
}

// tpart is a part read into tokens once per template.
type tpart struct {
	b      []byte
	toks   []token
	paras  []para
	paraAt map[int]int   // w:p start → its index in paras
	rows   map[int][]int // w:tr start → the paragraphs whose row it is
	footAt int           // the token the body's foot goes before, or -1
}

// tokenize reads a part into tokens, its paragraphs and rows; a part that
// is not well-formed XML is refused naming where.
func tokenize(tpl, name string, b []byte) (*tpart, error) {
	p := &tpart{b: b, paraAt: map[int]int{}, rows: map[int][]int{}, footAt: -1}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []int
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, damaged(tpl, name, b, dec.InputOffset(), err)
		}
		t := token{start: start, end: dec.InputOffset(), kind: 'o'}
		if _, text := tok.(xml.CharData); !text {
			if n := len(stack); n > 0 && p.toks[stack[n-1]].isW("t") {
				if _, end := tok.(xml.EndElement); !end {
					p.toks[stack[n-1]].mixed = true
				}
			}
		}
		switch x := tok.(type) {
		case xml.StartElement:
			t.kind, t.space, t.local = 's', x.Name.Space, x.Name.Local
			stack = append(stack, len(p.toks))
		case xml.EndElement:
			t.kind, t.space, t.local = 'e', x.Name.Space, x.Name.Local
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			t.match = open
			p.toks[open].match = len(p.toks)
		case xml.CharData:
			t.kind = 'c'
			if n := len(stack); n > 0 && p.toks[stack[n-1]].isW("t") {
				p.toks[stack[n-1]].text += string(x)
			}
		}
		p.toks = append(p.toks, t)
	}
	p.structure(name == "word/document.xml")
	for _, pa := range p.paras {
		if err := p.faithful(pa); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// structure finds the part's paragraphs, their texts, rows and places,
// and where the body's foot goes.
func (p *tpart) structure(body bool) {
	var stack []int
	tables, paras := 0, 0
	tableNo, rowNo, cellNo, count := map[int]int{}, map[int]int{}, map[int]int{}, map[int]int{}
	nearest := func(match func(*token) bool) int {
		for i := len(stack) - 1; i >= 0; i-- {
			if match(&p.toks[stack[i]]) {
				return stack[i]
			}
		}
		return -1
	}
	owners := map[int]map[int]int{} // paragraph → stream owner → stream index
	for i := range p.toks {
		t := &p.toks[i]
		switch t.kind {
		case 'e':
			stack = stack[:len(stack)-1]
			if body && t.isW("body") {
				p.footAt = i
				if k := p.lastChild(t.match, i); k >= 0 && p.toks[k].isW("sectPr") {
					p.footAt = k
				}
			}
			continue
		case 's':
		default:
			continue
		}
		switch {
		case t.isW("tbl"):
			tables++
			tableNo[i] = tables
		case t.isW("tr"):
			if tb := nearest(func(t *token) bool { return t.isW("tbl") }); tb >= 0 {
				count[tb]++
				rowNo[i] = count[tb]
			}
		case t.isW("tc"):
			if tr := nearest(func(t *token) bool { return t.isW("tr") }); tr >= 0 {
				count[tr]++
				cellNo[i] = count[tr]
			}
		case t.isW("p"):
			pa := para{tok: i, row: nearest(func(t *token) bool { return t.isW("tr") })}
			if tb := nearest(func(t *token) bool { return t.isW("tbl") }); tb >= 0 && pa.row >= 0 {
				tc := nearest(func(t *token) bool { return t.isW("tc") })
				pa.where = i18n.Phrase("table %d, row %d, cell %d", tableNo[tb], rowNo[pa.row], cellNo[tc])
			} else {
				paras++
				pa.where = i18n.Phrase("paragraph %d", paras)
			}
			p.paraAt[i] = len(p.paras)
			p.paras = append(p.paras, pa)
			if pa.row >= 0 {
				p.rows[pa.row] = append(p.rows[pa.row], len(p.paras)-1)
			}
		case t.isW("t"):
			pt := nearest(func(t *token) bool { return t.isW("p") })
			if pt < 0 {
				break
			}
			owner := nearest(func(t *token) bool {
				return t.isW("p") || (t.space == nsMC && (t.local == "Choice" || t.local == "Fallback"))
			})
			pa := &p.paras[p.paraAt[pt]]
			if owners[pt] == nil {
				owners[pt] = map[int]int{}
			}
			si, ok := owners[pt][owner]
			if !ok {
				si = len(pa.streams)
				owners[pt][owner] = si
				pa.streams = append(pa.streams, stream{})
			}
			s := &pa.streams[si]
			s.ts = append(s.ts, i)
			s.at = append(s.at, len(s.text))
			s.text += t.text
		}
		stack = append(stack, i)
	}
	for i := range p.paras {
		pa := &p.paras[i]
		var texts []string
		for j := range pa.streams {
			s := &pa.streams[j]
			s.field = fieldPattern.MatchString(s.text)
			texts = append(texts, s.text)
		}
		// Each stream's fields are its own: a shape's Choice and Fallback
		// are not read as one text.
		pa.text = strings.Join(texts, "\n")
	}
}

// lastChild is the last element directly inside the element from open to
// close, or -1.
func (p *tpart) lastChild(open, close int) int {
	last := -1
	for i := open + 1; i < close; i++ {
		if p.toks[i].kind == 's' {
			last = i
			i = p.toks[i].match
		}
	}
	return last
}

// faithful refuses a paragraph whose field lies in a text kaohe cannot
// rewrite without losing what else it holds (a comment inside a w:t).
func (p *tpart) faithful(pa para) error {
	for _, s := range pa.streams {
		if !s.field {
			continue
		}
		for _, m := range fieldPattern.FindAllStringIndex(s.text, -1) {
			for k, ti := range s.ts {
				t := &p.toks[ti]
				if t.mixed && s.at[k] < m[1] && s.at[k]+len(t.text) > m[0] {
					return i18n.Errorf("the template's field %s in %s is in a text holding more than text (a comment); retype the field", s.text[m[0]:m[1]], pa.where)
				}
			}
		}
	}
	return nil
}

// damaged is a part that is not well-formed XML, worded with the
// template, the part and the line and column where it goes wrong.
func damaged(tpl, part string, b []byte, off int64, err error) error {
	off = min(off, int64(len(b)))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := 1 + len([]rune(string(b[bytes.LastIndexByte(b[:off], '\n')+1:off])))
	what := any(err.Error())
	if se, ok := err.(*xml.SyntaxError); ok {
		what = workbook.XMLProblem(se.Msg)
		line = se.Line
	}
	return i18n.Errorf("the template %s is damaged: %s:%d:%d: %v", tpl, part, line, col, what)
}

// entry is what list fields are filled from: a list's name and one of its
// entries (none outside a repeated row or paragraph).
type entry struct {
	list  string
	value map[string]string
}

// render writes one filled document's part.
type render struct {
	f     *filler
	p     *tpart
	lists map[int]string // a repeated w:p or w:tr start → its list
	repl  map[int]string // a w:t start → its filled text (escaped)
	foot  []byte
	out   bytes.Buffer
	// body is set for the document's body, the only part a picture goes
	// in; err is the first failure placing one.
	body bool
	err  error
}

// check checks the part's fields against the document's, and says which
// rows and paragraphs repeat for which list.
func (f *filler) check(name string, p *tpart) (map[int]string, error) {
	lists := map[int]string{}
	body := name == "word/document.xml"
	for _, pa := range p.paras {
		if pa.row >= 0 || !strings.Contains(pa.text, "{{") {
			continue
		}
		if body && pictureField(pa.text) != "" {
			continue // a picture in a paragraph of its own (render.span places it)
		}
		l, err := f.listOf(pa.text, where(name, pa.where), "")
		if err != nil {
			return nil, err
		}
		if l != "" {
			lists[pa.tok] = l
		}
	}
	rows := make([]int, 0, len(p.rows))
	for r := range p.rows {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	for _, r := range rows {
		list := ""
		for _, pi := range p.rows[r] {
			pa := p.paras[pi]
			if !strings.Contains(pa.text, "{{") {
				continue
			}
			l, err := f.listOf(pa.text, where(name, pa.where), list)
			if err != nil {
				return nil, err
			}
			list = l
		}
		if list != "" {
			lists[r] = list
		}
	}
	return lists, nil
}

// span writes the tokens from to to (both included); skip is a repeated
// element being written for one entry, not to be repeated again.
func (r *render) span(from, to, skip int, e entry) {
	toks, b := r.p.toks, r.p.b
	for i := from; i <= to; i++ {
		t := &toks[i]
		if i == r.p.footAt && r.foot != nil {
			r.out.Write(r.foot)
		}
		if t.kind != 's' || t.space != nsW {
			r.out.Write(b[t.start:t.end])
			continue
		}
		switch t.local {
		case "p", "tr":
			if l, ok := r.lists[i]; ok && i != skip {
				for _, v := range r.f.data.Lists[l] {
					r.span(i, t.match, i, entry{list: l, value: v})
				}
				i = t.match
				continue
			}
			if t.local == "p" {
				pa := r.p.paras[r.p.paraAt[i]]
				if field := pictureField(pa.text); field != "" && pa.row < 0 && r.body {
					if pic, err := r.f.pictureFor(b[t.start:toks[t.match].end], field); err != nil {
						r.err = err
					} else {
						r.out.Write(pic)
					}
					i = t.match
					continue
				}
				r.fillPara(pa, e)
			}
		case "t":
			if v, ok := r.repl[i]; ok {
				r.out.Write(startTag(b[t.start:t.end], v))
				r.out.WriteString(v)
				end := toks[t.match]
				r.out.Write(b[end.start:end.end])
				i = t.match
				continue
			}
		}
		r.out.Write(b[t.start:t.end])
	}
}

// pictureField is the picture field a paragraph's text is, alone (its
// field's name), or "".
func pictureField(text string) string {
	m := fieldPattern.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || m[0] != strings.TrimSpace(text) || !isPicture(m[1]) {
		return ""
	}
	return m[1]
}

// pictureFor is the paragraph frag (a w:p of the body holding only a
// picture field) as the picture: its properties kept, its text replaced.
func (f *filler) pictureFor(frag []byte, field string) ([]byte, error) {
	var p ctypes.Paragraph
	if err := xml.Unmarshal(frag, &p); err != nil {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", "word/document.xml", err.Error())
	}
	return f.picture(&p, field)
}

// fillPara works out the filled text of a paragraph's w:t elements: each
// field's value goes where the field starts (however Word split the
// field across runs), the rest of the field's text is taken out of the
// w:t it was in, and every other text stays as it is.
func (r *render) fillPara(pa para, e entry) {
	for _, s := range pa.streams {
		if !s.field {
			continue
		}
		texts := make([]string, len(s.ts))
		for k, ti := range s.ts {
			texts[k] = r.p.toks[ti].text
		}
		changed := make([]bool, len(s.ts))
		ms := fieldPattern.FindAllStringSubmatchIndex(s.text, -1)
		for i := len(ms) - 1; i >= 0; i-- {
			from, to := ms[i][0], ms[i][1]
			v := r.f.value(s.text[ms[i][2]:ms[i][3]], e.list, e.value)
			first := sort.Search(len(s.ts), func(k int) bool { return s.at[k]+len(r.p.toks[s.ts[k]].text) > from })
			for k := first; k < len(s.ts) && s.at[k] < to; k++ {
				a, z := max(from-s.at[k], 0), min(to-s.at[k], len(r.p.toks[s.ts[k]].text))
				repl := ""
				if k == first {
					repl = "\x00" + v + "\x01" // a value, escaped below
				}
				texts[k] = texts[k][:a] + repl + texts[k][z:]
				changed[k] = true
			}
		}
		for k, ti := range s.ts {
			if changed[k] {
				r.repl[ti] = escapeFilled(texts[k])
			}
		}
	}
}

// escapeFilled escapes a w:t's filled text: the template's own text as
// XML text, each value (between \x00 and \x01) too with its line breaks
// as breaks between two texts of the run.
func escapeFilled(s string) string {
	var out strings.Builder
	for s != "" {
		plain, rest, _ := strings.Cut(s, "\x00")
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(plain))
		out.Write(b.Bytes())
		v, after, _ := strings.Cut(rest, "\x01")
		out.WriteString(escapeText(v))
		s = after
	}
	return out.String()
}

// startTag is a w:t's start tag for its filled text: as it was, with
// xml:space="preserve" added when the text needs its spaces kept and the
// tag does not say so.
func startTag(tag []byte, text string) []byte {
	if bytes.Contains(tag, []byte("xml:space")) || (strings.TrimSpace(text) == text && !strings.Contains(text, "<w:br/>")) {
		return tag
	}
	end := bytes.LastIndexByte(tag, '>')
	out := append([]byte{}, tag[:end]...)
	out = append(out, ` xml:space="preserve"`...)
	return append(out, tag[end:]...)
}
