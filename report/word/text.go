package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/gomutex/godocx/wml/ctypes"
)

// Content is what a document says, read back through the library's
// types: its body's paragraphs and tables in order (each table as rows of
// cell texts) and the paragraphs of its headers and footers (HeadFoot).
type Content struct {
	Paragraphs []string
	Tables     [][][]string
	HeadFoot   []string
}

// Text is every paragraph and every cell, one per line, in order.
func (c Content) Text() string {
	var lines []string
	lines = append(lines, c.Paragraphs...)
	for _, t := range c.Tables {
		for _, row := range t {
			lines = append(lines, row...)
		}
	}
	return strings.Join(lines, "\n")
}

// Read reads a .docx's text back: what a test compares with the figures
// of the xlsx, and what a reviewer can print without Word.
func Read(doc []byte) (Content, error) {
	var c Content
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return c, err
	}
	for _, zf := range zr.File {
		if !fieldPart(zf.Name) {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return c, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return c, err
		}
		body := zf.Name == "word/document.xml"
		kids, _, err := children(b, body)
		if err != nil {
			return c, err
		}
		for _, k := range kids {
			frag := b[k.start:k.end]
			switch k.name {
			case "p":
				var p ctypes.Paragraph
				if err := xml.Unmarshal(frag, &p); err != nil {
					return c, err
				}
				if body {
					c.Paragraphs = append(c.Paragraphs, paragraphText(&p))
				} else {
					c.HeadFoot = append(c.HeadFoot, paragraphText(&p))
				}
			case "tbl":
				var t ctypes.Table
				if err := xml.Unmarshal(frag, &t); err != nil {
					return c, err
				}
				var rows [][]string
				for _, rc := range t.RowContents {
					if rc.Row == nil {
						continue
					}
					var cells []string
					for _, cell := range rc.Row.Contents {
						if cell.Cell != nil {
							cells = append(cells, strings.TrimSuffix(textOfCell(cell.Cell), "\n"))
						}
					}
					rows = append(rows, cells)
				}
				if body {
					c.Tables = append(c.Tables, rows)
				}
			}
		}
	}
	return c, nil
}

// paragraphText is a paragraph's text with its breaks as line breaks.
func paragraphText(p *ctypes.Paragraph) string {
	var sb strings.Builder
	for _, ch := range p.Children {
		if ch.Run == nil {
			continue
		}
		for _, rc := range ch.Run.Children {
			switch {
			case rc.Text != nil:
				sb.WriteString(rc.Text.Text)
			case rc.Break != nil:
				sb.WriteString("\n")
			}
		}
	}
	return sb.String()
}
