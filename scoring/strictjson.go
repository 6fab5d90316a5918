package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// utf8BOM is the byte-order mark Windows Notepad puts before UTF-8 text.
const utf8BOM = "\xef\xbb\xbf"

// TrimBOM drops a UTF-8 byte-order mark at the start of a file's bytes.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte(utf8BOM)) }

// errSyntax stops the shape check at a syntax error, which the decoder
// then reports with its position.
var errSyntax = errors.New("syntax")

// shapeWalker walks a findings file token by token.
type shapeWalker struct {
	data []byte
	dec  *json.Decoder
}

// keysOf are the only keys, spelt exactly, of the objects whose names a
// findings file fixes.
func keysOf(ctx string) []string {
	switch ctx {
	case "top":
		return []string{"findings", "notes"}
	case "finding":
		return []string{"value", "note"}
	}
	return nil
}

// checkFindingsShape walks a findings file before it is decoded, because
// encoding/json quietly keeps the last of two equal keys, matches
// "FINDINGS" to findings, and stops reading after the first value. It
// refuses, with the line and column: a key given twice in one object, a
// key that is not exactly "findings" or "notes" at the top or "value" or
// "note" in a finding object, and anything after the top-level object.
func checkFindingsShape(data []byte) error {
	w := &shapeWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	if err := w.value("top"); err != nil {
		if errors.Is(err, errSyntax) {
			return nil
		}
		return err
	}
	off := w.dec.InputOffset()
	if _, err := w.dec.Token(); err != io.EOF {
		return fmt.Errorf("%s: unexpected data after the findings object", w.at(off))
	}
	return nil
}

func (w *shapeWalker) at(off int64) string {
	for off < int64(len(w.data)) && strings.IndexByte(" \t\r\n,:", w.data[off]) >= 0 {
		off++
	}
	return lineCol(w.data, off)
}

func (w *shapeWalker) value(ctx string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return errSyntax
	}
	switch tok {
	case json.Delim('{'):
		return w.object(ctx)
	case json.Delim('['):
		for w.dec.More() {
			if err := w.value(""); err != nil {
				return err
			}
		}
		if _, err := w.dec.Token(); err != nil {
			return errSyntax
		}
	}
	return nil
}

func (w *shapeWalker) object(ctx string) error {
	seen := map[string]bool{}
	allowed := keysOf(ctx)
	for w.dec.More() {
		off := w.dec.InputOffset()
		tok, err := w.dec.Token()
		if err != nil {
			return errSyntax
		}
		key, _ := tok.(string)
		if seen[key] {
			return fmt.Errorf("%s: key %q appears twice in the same object", w.at(off), key)
		}
		seen[key] = true
		if allowed != nil && !slices.Contains(allowed, key) {
			return fmt.Errorf("%s: unknown key %q (expected %s, spelt exactly so)", w.at(off), key, quoteAll(allowed))
		}
		child := ""
		switch {
		case ctx == "top":
			child = key
		case ctx == "findings":
			child = "finding"
		}
		if err := w.value(child); err != nil {
			return err
		}
	}
	if _, err := w.dec.Token(); err != nil {
		return errSyntax
	}
	return nil
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	sort.Strings(q)
	return strings.Join(q, " or ")
}

// lineCol is "line L, column C" of a byte offset.
func lineCol(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}
