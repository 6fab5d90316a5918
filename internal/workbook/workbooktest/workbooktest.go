// Package workbooktest builds hostile workbooks for tests: a zip bomb that
// is small on disk and inflates to gigabytes, and a workbook with a part cut
// short. Both are built from a real workbook, so that only the hostile part
// differs, and cost little time or memory to build.
package workbooktest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
)

// SharedStrings is the part of a workbook holding its cells' text, the part
// a bomb is most often hidden in.
const SharedStrings = "xl/sharedStrings.xml"

// Bomb returns base (an .xlsx) with its part replaced by XML that inflates
// to at least inflated bytes, about a thousandth of that on disk. The zip
// declares the part's true size when declare is 0, else declare (a lie).
// The deflate stream is one compressed megabyte repeated, so building it
// takes no more time or memory than that megabyte.
func Bomb(base []byte, part string, inflated, declare int64) ([]byte, error) {
	prefix := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`)
	suffix := []byte(`</t></si></sst>`)
	chunk := bytes.Repeat([]byte("a"), 1<<20) // one byte over and over compresses best
	var segs [3][]byte
	for i, b := range [][]byte{prefix, chunk, suffix} {
		var err error
		if segs[i], err = segment(b); err != nil {
			return nil, err
		}
	}
	n := (inflated + int64(len(chunk)) - 1) / int64(len(chunk))
	crc := crc32.ChecksumIEEE(prefix)
	for i := int64(0); i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	crc = crc32.Update(crc, crc32.IEEETable, suffix)
	size := int64(len(prefix)+len(suffix)) + n*int64(len(chunk))
	if declare != 0 {
		size = declare
	}
	// A sync-flushed segment refers only to bytes it wrote itself, so
	// segments from fresh compressors can follow one another; a final empty
	// block ends the stream.
	final := []byte{0x03, 0x00}
	stream := io.MultiReader(bytes.NewReader(segs[0]), &repeat{b: segs[1], n: n}, bytes.NewReader(segs[2]), bytes.NewReader(final))
	compressed := len(segs[0]) + len(segs[2]) + len(final) + int(n)*len(segs[1])
	fh := &zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(compressed), UncompressedSize64: uint64(size)}
	return replace(base, part, func(zw *zip.Writer) error {
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, stream)
		return err
	})
}

// Truncated returns base with its part cut to its first keep bytes, stored
// as a whole part (the zip itself is sound: the part's XML ends early).
func Truncated(base []byte, part string, keep int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var content []byte
	for _, f := range zr.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			content, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	if len(content) <= keep {
		return nil, fmt.Errorf("part %s has %d bytes, not more than %d", part, len(content), keep)
	}
	return replace(base, part, func(zw *zip.Writer) error {
		w, err := zw.Create(part)
		if err != nil {
			return err
		}
		_, err = w.Write(content[:keep])
		return err
	})
}

// Replace returns base with its part's content replaced by content (or
// added when base has no such part).
func Replace(base []byte, part string, content []byte) ([]byte, error) {
	return replace(base, part, func(zw *zip.Writer) error {
		w, err := zw.Create(part)
		if err != nil {
			return err
		}
		_, err = w.Write(content)
		return err
	})
}

// Part returns the content of a workbook's part.
func Part(base []byte, part string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, fmt.Errorf("no part %s", part)
}

// replace copies base's parts but part, which write adds in its place.
func replace(base []byte, part string, write func(*zip.Writer) error) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := write(zw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// segment compresses b into a sync-flushed deflate segment.
func segment(b []byte) ([]byte, error) {
	var out bytes.Buffer
	fw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// repeat reads b n times over.
type repeat struct {
	b   []byte
	n   int64
	off int
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.b[r.off:])
	r.off += k
	if r.off == len(r.b) {
		r.off, r.n = 0, r.n-1
	}
	return k, nil
}

// FarCells returns base with rows added to its worksheet part, from row
// 10,000 on, each holding one number in the last column (XFD): a few bytes
// each, but a spreadsheet library laying the rows out as a grid gives each
// 16,384 cells.
func FarCells(base []byte, part string, rows int) ([]byte, error) {
	ws, err := Part(base, part)
	if err != nil {
		return nil, err
	}
	end := bytes.LastIndex(ws, []byte("</sheetData>"))
	if end < 0 {
		return nil, fmt.Errorf("part %s has no sheetData", part)
	}
	var add bytes.Buffer
	for r := 10_000; r < 10_000+rows; r++ {
		fmt.Fprintf(&add, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	out := append(append(append([]byte(nil), ws[:end]...), add.Bytes()...), ws[end:]...)
	return Replace(base, part, out)
}
