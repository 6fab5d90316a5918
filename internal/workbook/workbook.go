// Package workbook opens the Excel/WPS workbooks (.xlsx) kaohe reads — a
// rubric, and the tables counties send back — without trusting them. An
// .xlsx is a zip of XML parts; a small file can inflate to gigabytes (a
// "zip bomb"), and a part cut short by a pulled USB stick still unzips. So
// before the spreadsheet library sees a workbook, every part is inflated
// once under a bound (its declared sizes are checked first, and then the
// bytes actually inflated are counted, since declared sizes can lie), and
// every XML part is read to its end, so that a damaged part is named as
// damaged rather than read as an empty sheet.
package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/htmlindex"
)

// Limits bound what a workbook may inflate to. A zero field allows
// nothing: start from DefaultLimits and change what a kind of workbook
// needs.
type Limits struct {
	// MaxParts is the most parts (zip entries) a workbook may have.
	MaxParts int
	// MaxPartBytes is the most one part may inflate to.
	MaxPartBytes int64
	// MaxTotalBytes is the most all parts together may inflate to.
	MaxTotalBytes int64
	// MaxRatio is the most a part larger than RatioFloor may inflate to
	// per byte it takes in the file; XML tables compress about ten to one.
	MaxRatio int64
	// RatioFloor is the inflated size below which the ratio is not checked
	// (a small part of repeated markup compresses very well).
	RatioFloor int64
	// MaxGridCells bounds a worksheet's cells as the spreadsheet library
	// lays them out when it reads the sheet's rows: every row as wide as
	// its last cell, and every row up to the last one. A few bytes of XML
	// can put a cell in column XFD (16,384) of row 1,048,576.
	MaxGridCells int64
}

// DefaultLimits are the bounds for a workbook of tables a person fills in:
// a rubric is some tens of kilobytes of XML, a county's table of findings a
// few megabytes; these leave them ample room and keep a workbook from
// taking more than a few hundred megabytes of memory to read.
func DefaultLimits() Limits {
	return Limits{
		MaxParts:      2000,
		MaxPartBytes:  32 << 20,
		MaxTotalBytes: 64 << 20,
		MaxRatio:      200,
		RatioFloor:    1 << 20,
		MaxGridCells:  4 << 20,
	}
}

// Error is a workbook refused before it is read: File is its name, Part the
// zip entry at fault ("" for the file as a whole).
//
// Message is the English wording; Reason, when set, is the error it was
// made from (an *i18n.Message), kept so that In words it.
type Error struct {
	File    string
	Part    string
	Message string
	Reason  error
}

// refuse makes an Error from a reason worded by its format.
func refuse(file, part string, reason error) *Error {
	return &Error{File: file, Part: part, Message: reason.Error(), Reason: reason}
}

// In formats the refusal as Error does, in l's language.
func (e *Error) In(l *i18n.Labels) string { return e.File + ": " + e.DetailIn(l) }

// DetailIn is Detail in l's language.
func (e *Error) DetailIn(l *i18n.Labels) string {
	why := e.Message
	if m, ok := e.Reason.(interface{ In(*i18n.Labels) string }); ok {
		why = m.In(l)
	}
	if e.Part == "" {
		return why
	}
	return i18n.Word(l, "part %s: %s", e.Part, why)
}

// Error formats the refusal as file: part P: message.
func (e *Error) Error() string {
	if e.Part == "" {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s: part %s: %s", e.File, e.Part, e.Message)
}

// Detail is the refusal without the file name, for callers that put the
// name in a position of their own.
func (e *Error) Detail() string {
	if e.Part == "" {
		return e.Message
	}
	return fmt.Sprintf("part %s: %s", e.Part, e.Message)
}

// Open vets a workbook's bytes (see Check) and opens them with excelize,
// bounded by the same limits; name is the file named in errors, which are
// *Error. The caller closes the file.
func Open(name string, data []byte, lim Limits) (f *excelize.File, err error) {
	if err := Check(name, data, lim); err != nil {
		return nil, err
	}
	// The parts were all read whole above; whatever excelize still makes
	// of them must be a message, not a crash.
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, refuse(name, "", i18n.Errorf("the workbook is damaged and cannot be read (%v)", p))
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.MaxTotalBytes,
		UnzipXMLSizeLimit: lim.MaxPartBytes, // every part fits: none goes to a temporary file
	})
	if err != nil {
		return nil, refuse(name, "", i18n.Errorf("not an Excel workbook (.xlsx): %v", err.Error()))
	}
	return f, nil
}

// Check refuses, naming the part, a workbook that is not a zip, has more
// parts than lim allows, declares or actually inflates to more than lim
// allows, or has a part that does not inflate whole (its checksum fails, it
// ends early) or an XML part that is not well-formed. It reads each part
// once, streaming, so its memory does not grow with what a part inflates to.
func Check(name string, data []byte, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return refuse(name, "", i18n.Errorf("not an Excel workbook (.xlsx): %v", err.Error()))
	}
	if len(zr.File) > lim.MaxParts {
		return refuse(name, "", i18n.Errorf("has %d parts, more than the %d a workbook may have", len(zr.File), lim.MaxParts))
	}
	var declared uint64
	for _, zf := range zr.File {
		if err := checkDeclared(zf, lim); err != nil {
			return refuse(name, zf.Name, err)
		}
		declared += zf.UncompressedSize64
		if declared > uint64(lim.MaxTotalBytes) {
			return refuse(name, zf.Name, tooBigTotal(lim))
		}
	}
	var total int64
	for _, zf := range zr.File {
		n, err := inflate(zf, lim, lim.MaxTotalBytes-total)
		if err != nil {
			return refuse(name, zf.Name, err)
		}
		total += n
	}
	return nil
}

func tooBigTotal(lim Limits) error {
	return i18n.Errorf("the parts inflate to more than %d bytes in all, the most a workbook may (a zip bomb?); this is not a workbook kaohe reads", lim.MaxTotalBytes)
}

func tooBigPart(lim Limits) error {
	return i18n.Errorf("inflates to more than %d bytes, the most one part may (a zip bomb?); this is not a workbook kaohe reads", lim.MaxPartBytes)
}

// checkDeclared refuses a part by the sizes the zip declares for it.
func checkDeclared(zf *zip.File, lim Limits) error {
	size := zf.UncompressedSize64
	if size > uint64(lim.MaxPartBytes) {
		return tooBigPart(lim)
	}
	if int64(size) > lim.RatioFloor && size/max(zf.CompressedSize64, 1) > uint64(lim.MaxRatio) {
		return i18n.Errorf("inflates %d times over (%d bytes from %d), more than the %d a workbook's part may (a zip bomb?); this is not a workbook kaohe reads",
			size/max(zf.CompressedSize64, 1), size, zf.CompressedSize64, lim.MaxRatio)
	}
	return nil
}

// inflate reads a part whole, at most lim.MaxPartBytes and left bytes of it,
// checking an XML part is well-formed, and returns how many bytes it
// inflated to.
func inflate(zf *zip.File, lim Limits, left int64) (int64, error) {
	rc, err := zf.Open()
	if err != nil {
		return 0, i18n.Errorf("is damaged and cannot be read (%v)", err)
	}
	defer rc.Close()
	bound := min(lim.MaxPartBytes, left)
	cr := &countingReader{r: io.LimitReader(rc, bound+1)}
	var xmlErr error
	if isXML(zf.Name) {
		var grid *gridBound
		if isWorksheet(zf.Name) {
			grid = &gridBound{max: lim.MaxGridCells}
		}
		xmlErr = wellFormed(cr, grid)
		var ge *gridError
		if errors.As(xmlErr, &ge) {
			return cr.n, ge
		}
	}
	if _, err := io.Copy(io.Discard, cr); err != nil && xmlErr == nil {
		xmlErr = err
	}
	if errors.Is(xmlErr, zip.ErrFormat) {
		// The zip reader stops a part at the size the zip declares for it.
		return cr.n, i18n.Errorf("inflates to more than the %d bytes the zip declares for it (a zip bomb?), or is damaged; this is not a workbook kaohe reads", zf.UncompressedSize64)
	}
	if cr.n > bound {
		if bound < lim.MaxPartBytes {
			return cr.n, tooBigTotal(lim)
		}
		return cr.n, tooBigPart(lim)
	}
	if xmlErr != nil {
		return cr.n, i18n.Errorf("is damaged and cannot be read (%v)", xmlErr)
	}
	return cr.n, nil
}

// isXML reports whether a part is XML by its name, as a workbook's parts
// are named.
func isXML(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels")
}

// wellFormed reads an XML document to its end, reporting the first syntax
// error (a part cut short ends inside an element) with its line and column.
func wellFormed(r io.Reader, grid *gridBound) error {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return enc.NewDecoder().Reader(in), nil
	}
	depth, seen := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if !seen || depth != 0 {
				line, col := d.InputPos()
				return i18n.Errorf("the XML ends early, at line %d, column %d", line, col)
			}
			return nil
		}
		if err != nil {
			line, col := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				if se.Msg == "invalid UTF-8" {
					return i18n.Errorf("text that is not valid UTF-8 at line %d, column %d", line, col)
				}
				return i18n.Errorf("XML error at line %d, column %d: %s", line, col, XMLProblem(se.Msg))
			}
			return fmt.Errorf("XML error at line %d, column %d: %w", line, col, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			seen = true
			if grid != nil {
				if err := grid.start(t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			depth--
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// OpenFile reads and opens the workbook at path (see Open), refusing
// without reading it a file that is not a regular file (a named pipe would
// be waited on) or is larger than maxFileBytes.
func OpenFile(path string, maxFileBytes int64, lim Limits) (*excelize.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, refuse(path, "", i18n.Errorf("cannot read the workbook: %v", errors.Unwrap(err)))
	}
	if !st.Mode().IsRegular() {
		return nil, refuse(path, "", i18n.Errorf("not a regular file; a workbook is an .xlsx file"))
	}
	if st.Size() > maxFileBytes {
		return nil, refuse(path, "", i18n.Errorf("too big for a workbook kaohe reads: %d bytes (at most %d)", st.Size(), maxFileBytes))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, refuse(path, "", i18n.Errorf("cannot read the workbook: %v", errors.Unwrap(err)))
	}
	return Open(path, data, lim)
}

// isWorksheet reports whether a part is a worksheet, by its name.
func isWorksheet(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "xl/worksheets/") && strings.HasSuffix(n, ".xml")
}

// gridBound adds up, while a worksheet is read, the cells its rows are laid
// out to: each row as wide as its last cell, plus one for every row up to
// the last.
type gridBound struct {
	max            int64
	cells          int64
	row, col       int64 // the current row and the last column in it
	lastRow, width int64 // the last row, and a widest row, for the message
}

// gridError is a worksheet refused for laying out to too many cells.
type gridError struct{ rows, width, max int64 }

func (e *gridError) Error() string { return e.In(i18n.For("en")) }

// In words the refusal in l's language.
func (e *gridError) In(l *i18n.Labels) string {
	return i18n.Phrase("its rows reach row %d and column %d: more than the %d cells a sheet kaohe reads may lay out to; a table is far smaller (a cell far to the right or far down?)", e.rows, e.width, e.max).In(l)
}

func (g *gridBound) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "row":
		g.row++
		if r, ok := attr(t, "r"); ok {
			if n, err := strconv.ParseInt(r, 10, 64); err == nil && n > g.row {
				g.row = n
			}
		}
		g.cells += g.row - g.lastRow // this row, and the empty ones before it
		g.lastRow, g.col = g.row, 0
	case "c":
		col := g.col + 1
		if r, ok := attr(t, "r"); ok {
			if c, _, err := excelize.CellNameToCoordinates(r); err == nil {
				col = int64(c)
			}
		}
		if col > g.col {
			g.cells += col - g.col
			g.col = col
			g.width = max(g.width, col)
		}
	default:
		return nil
	}
	if g.cells > g.max {
		return &gridError{rows: g.lastRow, width: g.width, max: g.max}
	}
	return nil
}

// attr returns the value of an element's attribute.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}
