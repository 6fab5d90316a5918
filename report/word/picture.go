package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/dml"
	"github.com/gomutex/godocx/dml/dmlct"
	"github.com/gomutex/godocx/dml/dmlpic"
	"github.com/gomutex/godocx/wml/ctypes"

	"github.com/kaohe/kaohe/internal/i18n"
)

// placed is a picture a document shows: its media part, the body's
// relationship to it, and its PNG.
type placed struct {
	part, rel string
	png       []byte
}

// newPart is a part a filled document has that its template had not.
type newPart struct {
	name   string
	method uint16
	bytes  []byte
}

// The parts a picture is added through: the body's relationships and the
// package's content types.
const (
	bodyRels     = "word/_rels/document.xml.rels"
	contentTypes = "[Content_Types].xml"
	imageRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	// pictureIDs start the drawings' IDs kaohe adds, above any a
	// letterhead's pictures would take.
	pictureIDs = 7000
)

// picture is the paragraph p (its properties kept: the template's
// alignment and spacing) showing the picture of field in place of its
// text, through the library's inline drawing; nothing when the document
// has no such picture (a 通报 of no units).
func (f *filler) picture(p *ctypes.Paragraph, field string) ([]byte, error) {
	pic := f.data.Pictures[field]
	if pic == nil {
		return nil, nil
	}
	n := len(f.media) + 1
	pl := placed{part: fmt.Sprintf("word/media/kaohe-chart%d.png", n), rel: fmt.Sprintf("rIdKaoheChart%d", n), png: pic.PNG}
	f.media = append(f.media, pl)
	id := uint(pictureIDs + n)
	w, h := units.Emu(pic.Width), units.Emu(pic.Height)
	inline := dml.NewInline(*dmlct.NewPostvSz2D(w, h),
		dml.DocProp{ID: uint64(id), Name: field, Description: field},
		*dml.NewPicGraphic(dmlpic.NewPic(pl.rel, id, w, h)))
	c := &ctypes.Paragraph{Property: p.Property}
	c.Children = []ctypes.ParagraphChild{{Run: &ctypes.Run{Children: []ctypes.RunChild{{Drawing: &dml.Drawing{Inline: []dml.Inline{inline}}}}}}}
	return xml.Marshal(c)
}

// addMedia adds the pictures placed to the filled document: each PNG as a
// part of its own, a relationship from the body to each, and PNG among
// the content types. The library keeps these in its own document type,
// which a template is not read into, so the two parts are edited here:
// one element added before each's closing tag. out holds the parts
// already filled; the changed ones are put there, the new ones returned.
func (f *filler) addMedia(zr *zip.Reader, out map[string][]byte) ([]newPart, error) {
	if len(f.media) == 0 {
		return nil, nil
	}
	have := map[string]*zip.File{}
	for _, zf := range zr.File {
		have[zf.Name] = zf
	}
	var added []newPart
	read := func(name, empty string) ([]byte, error) {
		zf := have[name]
		if zf == nil {
			added = append(added, newPart{name: name, method: zip.Deflate})
			return []byte(empty), nil
		}
		return readPart(zf)
	}
	rels, err := read(bodyRels, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if err != nil {
		return nil, err
	}
	var more strings.Builder
	for _, m := range f.media {
		fmt.Fprintf(&more, `<Relationship Id="%s" Type="%s" Target="%s"/>`, m.rel, imageRelType, strings.TrimPrefix(m.part, "word/"))
		added = append(added, newPart{name: m.part, method: zip.Store, bytes: m.png}) // a PNG is compressed already
	}
	if rels, err = before(rels, "</Relationships>", more.String(), bodyRels); err != nil {
		return nil, err
	}
	types, err := read(contentTypes, "")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(strings.ToLower(string(types)), `extension="png"`) {
		if types, err = before(types, "</Types>", `<Default Extension="png" ContentType="image/png"/>`, contentTypes); err != nil {
			return nil, err
		}
	}
	for _, p := range []struct {
		name string
		b    []byte
	}{{bodyRels, rels}, {contentTypes, types}} {
		out[p.name] = p.b
		for i := range added {
			if added[i].name == p.name {
				added[i].bytes = p.b
			}
		}
	}
	return added, nil
}

// before is b with more put before its last end (a closing tag).
func before(b []byte, end, more, part string) ([]byte, error) {
	i := bytes.LastIndex(b, []byte(end))
	if i < 0 {
		return nil, i18n.Errorf("the template's part %s is damaged: %v", part, "no "+end)
	}
	return append(append(append([]byte{}, b[:i]...), more...), b[i:]...), nil
}
