package report

import (
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/xuri/excelize/v2"
)

// The workbook breaks its texts into lines itself, rather than leaving it
// to the program that shows or prints it. Excel, WPS and LibreOffice each
// wrap a cell at the column width with their own fonts, and none of them
// keeps closing punctuation off the start of a line in a cell (LibreOffice
// printed 。（2分） as 。（ / 2分）), nor grows a row to the wrapped height
// when it opens a file. So every text cell is wrapped here, by the one
// line breaker (textwidth: no line begins with ，。、；：？！）」』】》…, none
// ends with （《「…, a number keeps its 分), at a width the column holds in
// any of them (a Chinese character counted two halves, “” and … too, with
// a margin of two), and the line breaks are written into the cell: the
// program never needs to wrap, so it cannot break where we did not. Each
// row is then exactly as tall as its most lines at its font's line height;
// a cell merged down several rows (a category's 主要工作) makes the last of
// them taller when the rows together are too short for it.

// defaultColWidth is a column's width when the sheet sets none.
const defaultColWidth = 9

// lineHeight is the height in points of one line of text at a font size:
// the Chinese fonts' line (ascent and descent, 1.45 em for Noto CJK, which
// LibreOffice prints SimSun with; SimSun's own is less), so that no
// program clips a line.
func lineHeight(size float64) float64 { return size * 1.45 }

// linesHeight is the height in points of a row showing lines of text at a
// font size, with the cell's margins, capped at the tallest row a
// worksheet allows: a very long note is cut on screen (the cell keeps all
// of it) instead of failing the report.
func linesHeight(lines int, size float64) float64 {
	return min(float64(lines)*lineHeight(size)+4, maxRowHeight)
}

// printUnits is how many halves of a Chinese character of a font size fit
// on a line of a column (or merged columns) of width w, with a margin of
// two for the cell's padding and for the programs' different measures.
func printUnits(w, size float64) int {
	return max(2, int((w-2)*10/size))
}

// PrintLines breaks a cell's text into the lines the workbook writes for a
// column of width w at a font size (see above).
func PrintLines(text string, w, size float64) []string {
	return textwidth.WrapBy(text, printUnits(w, size), textwidth.PrintWidth)
}

// layoutText wraps every text cell of the sheet into lines and sets each
// row's height to show them (see above); heights already set are kept
// when they are taller. Formulas (links) are left as they are.
func (w *sheetWriter) layoutText() {
	type span struct{ col, row int }
	spans := map[span]span{}
	for _, m := range w.merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 == nil && err2 == nil {
			spans[span{c1, r1}] = span{c2, r2}
		}
	}
	colWidth := func(c1, c2 int) float64 {
		total := 0.0
		for c := c1; c <= c2; c++ {
			if c-1 < len(w.colW) {
				total += w.colW[c-1]
			} else {
				total += defaultColWidth
			}
		}
		return total
	}
	type down struct {
		r1, r2 int
		need   float64
	}
	var downs []down
	need := map[int]float64{}
	for i, cells := range w.rows {
		y := i + 1
		for j, v := range cells {
			cell, ok := v.(excelize.Cell)
			if !ok || cell.Formula != "" {
				continue
			}
			text, ok := cell.Value.(string)
			if !ok || text == "" {
				continue
			}
			x := j + 1
			end, merged := spans[span{x, y}]
			if !merged {
				end = span{x, y}
			}
			size := w.style.fontSize(cell.StyleID)
			lines := w.style.lines(text, colWidth(x, end.col), size)
			if broken := strings.Join(lines, "\n"); utf8.RuneCountInString(broken) <= excelize.TotalCellChars {
				// (A text near a cell's limit stays as it is: whole
				// matters more than where its lines break.)
				cell.Value = broken
				cells[j] = cell
			}
			h := linesHeight(len(lines), size)
			if end.row > y {
				downs = append(downs, down{y, end.row, h})
				continue
			}
			need[y] = max(need[y], h)
		}
	}
	for y, h := range need {
		if h > w.heights[y] {
			w.height(y, h)
		}
	}
	for _, d := range downs {
		have := 0.0
		for y := d.r1; y <= d.r2; y++ {
			h, ok := w.heights[y]
			if !ok {
				h = linesHeight(1, 10)
				w.height(y, h)
			}
			have += h
		}
		if have < d.need {
			w.height(d.r2, w.heights[d.r2]+d.need-have)
		}
	}
}

// fontSize is the font size of a style of the workbook's, 10 unless the
// style is one of the larger ones.
func (s xlsxStyles) fontSize(style int) float64 {
	if size, ok := s.sizes[style]; ok {
		return size
	}
	return 10
}

// wrapKey is a text wrapped at a width and a font size.
type wrapKey struct {
	text        string
	width, size float64
}

// lines is PrintLines, remembered for the workbook being written: the
// rubric's texts are the same on every unit's sheet, so each is wrapped
// once, not once per unit.
func (s xlsxStyles) lines(text string, width, size float64) []string {
	if s.wrapped == nil {
		return PrintLines(text, width, size)
	}
	k := wrapKey{text, width, size}
	if lines, ok := s.wrapped[k]; ok {
		return lines
	}
	lines := PrintLines(text, width, size)
	s.wrapped[k] = lines
	return lines
}
