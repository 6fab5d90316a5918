package word

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/big"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	fx "golang.org/x/image/math/fixed"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/report"
)

// Picture is a picture a document shows where a template places its field
// alone in a paragraph ({{排名图}}): a PNG and the size it is shown at on
// the page, in EMU (914400 to the inch).
type Picture struct {
	PNG           []byte
	Width, Height int64
}

// A chart's canvas, in pixels: printed across the text's width (156 mm)
// it is some 200 dots to the inch, sharp on paper, its figures (7×13
// glyphs drawn 2 or 3 times over) some 3 mm high.
const (
	chartW, chartH = 1200, 540
	chartLeft      = 120 // room for the axis's figures
	chartRight     = 24
	chartTop       = 56 // room for the figures above the bars
	chartBottom    = 56 // room for the ranks under the bars
	// emuPerTwip converts the page's twips to a picture's EMU.
	emuPerTwip = 635
)

// The chart's colours, as 0xRRGGBB: the bars in the blue and orange of
// the workbook's charts (the first series, the second), the grid light
// grey, the text and axes black, on white.
const (
	chartBar  = 0x4472C4
	chartMean = 0xED7D31
	chartGrid = 0xD9D9D9
	chartInk  = 0x000000
)

// rgb is a colour of the chart as the image takes it.
func rgb(c uint32) color.RGBA { return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xFF} }

// chartWhite is the background, the palette's first colour (a new
// picture's every pixel).
const chartWhite = 0xFFFFFF

// palette is the chart's colours, the background first.
func palette() color.Palette {
	var p color.Palette
	for _, c := range []uint32{chartWhite, chartBar, chartMean, chartGrid, chartInk} {
		p = append(p, rgb(c))
	}
	// Padded to 17 with the background: image/png writes a palette of 16
	// or fewer at 4 bits a pixel, reading the picture pixel by pixel; at
	// 8 bits it copies each row, and with the quickest compression a
	// chart takes some 2 ms and 15 kB (5 ms and 3 kB at 4 bits and the
	// default), which 120 反馈意见书 in 2 s want.
	for len(p) < 17 {
		p = append(p, rgb(chartWhite))
	}
	return p
}

// seriesColour is the colour of the bars of series k.
func seriesColour(k int) uint32 {
	if k%2 == 1 {
		return chartMean
	}
	return chartBar
}

// RankingChart draws the ranking as a bar chart: one bar per unit in rank
// order, each as high as its total from 0 (a total below 0 draws no bar),
// the total exact to 0.01 above it and the rank under it. The picture's
// font (the standard library's has none; basicfont's X11 misc-fixed is
// ASCII) has no Chinese, so the bars are named by rank and the ranking
// table names the units; a Chinese font embedded would be megabytes. The
// same rows draw the same bytes. Nil for no rows.
func RankingChart(rows []report.RankRow) (*Picture, error) {
	var groups []barGroup
	for _, r := range rows {
		groups = append(groups, barGroup{label: strconv.Itoa(r.Rank), values: []decimal.Dec{r.Total}})
	}
	return barChart(groups)
}

// CategoryChart draws a unit's score in each category beside the average
// of every unit of the period, as pairs of bars (the unit's blue, the
// average orange, as the workbook's chart has them), the figures exact to
// 0.01 above them and the category's number under them. Nil when the
// sheet has no averages.
func CategoryChart(sh *report.Sheet) (*Picture, error) {
	if len(sh.Averages) != len(sh.Categories) {
		return nil, nil
	}
	var groups []barGroup
	for i, c := range sh.Categories {
		label := c.ID
		if !ascii(label) {
			label = strconv.Itoa(i + 1)
		}
		groups = append(groups, barGroup{label: label, values: []decimal.Dec{c.Score, sh.Averages[i]}})
	}
	return barChart(groups)
}

// ascii reports whether s is printable ASCII, all basicfont draws.
func ascii(s string) bool {
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return false
		}
	}
	return s != ""
}

// barGroup is one place along a chart's x axis: its label under it and
// its bars, one per series, side by side.
type barGroup struct {
	label  string
	values []decimal.Dec
}

// barChart draws groups of bars from 0 on a grid, each bar's figure above
// it and each group's label under it, at the largest size that fits a
// group's room; labels that do not fit at the smallest are shown every
// few groups, figures that do not fit are left out. Nil for no groups.
func barChart(groups []barGroup) (*Picture, error) {
	if len(groups) == 0 {
		return nil, nil
	}
	// A picture of five colours, one byte a pixel: quick to fill and to
	// compress (120 反馈意见书 draw 120 of them).
	img := image.NewPaletted(image.Rect(0, 0, chartW, chartH), palette())
	top, series := decimal.Dec(0), 1
	var figures, labels []string
	for _, g := range groups {
		for _, v := range g.values {
			top = decimal.Max2(top, v)
			figures = append(figures, v.Fixed(2))
		}
		series = max(series, len(g.values))
		labels = append(labels, g.label)
	}
	step := niceStep(top)
	axis := step.MulInt(decimal.FloorDiv(top, step))
	if axis < top || axis == 0 {
		axis += step
	}
	x0, x1, y0, y1 := chartLeft, chartW-chartRight, chartTop, chartH-chartBottom
	plotH := y1 - y0
	// The grid and the axis's figures, every step from 0 to the top.
	for v := decimal.Dec(0); v <= axis; v += step {
		y := y1 - barHeight(v, axis, plotH)
		fill(img, image.Rect(x0, y, x1, y+1), chartGrid)
		drawText(img, v.String(), x0-10, y-13, 2, alignRight)
	}
	slot := (x1 - x0) / len(groups)
	// A lone bar takes three fifths of its room and its figure all of it;
	// bars side by side take four fifths between them, each figure its
	// bar's width.
	barW, room := max(slot*3/5, 1), slot
	if series > 1 {
		barW = max(slot*4/5/series, 1)
		room = barW
	}
	valueScale := fitScale(figures, room)
	labelScale := fitScale(labels, slot)
	every := 1
	if labelScale == 0 {
		labelScale = 1
		widest := 0
		for _, s := range labels {
			widest = max(widest, len(s))
		}
		every = (widest*7 + 6 + slot - 1) / slot
	}
	for i, g := range groups {
		cx := x0 + slot*i + slot/2
		left := cx - barW*len(g.values)/2
		for k, v := range g.values {
			h := barHeight(v, axis, plotH)
			bx := left + barW*k
			fill(img, image.Rect(bx, y1-h, bx+barW, y1), seriesColour(k))
			if valueScale > 0 {
				drawText(img, v.Fixed(2), bx+barW/2, y1-h-13*valueScale-4, valueScale, alignCenter)
			}
		}
		if i%every == 0 {
			drawText(img, g.label, cx, y1+8, labelScale, alignCenter)
		}
	}
	// The axes over the grid.
	fill(img, image.Rect(x0, y0-8, x0+2, y1+1), chartInk)
	fill(img, image.Rect(x0, y1, x1, y1+2), chartInk)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	w := int64(textWidth) * emuPerTwip
	return &Picture{PNG: buf.Bytes(), Width: w, Height: w * chartH / chartW}, nil
}

// niceStep is the grid's step for an axis up to top: 1, 2 or 5 times a
// power of ten, giving four to ten lines (1 point for an axis of nothing).
func niceStep(top decimal.Dec) decimal.Dec {
	if top <= 0 {
		return decimal.FromInt(1)
	}
	step := decimal.MustParse("0.01")
	for {
		for _, m := range []int64{1, 2, 5} {
			if s := step.MulInt(m); top <= s.MulInt(10) {
				return s
			}
		}
		step = step.MulInt(10)
	}
}

// barHeight is v's height in pixels on an axis of axis over plotH pixels,
// rounded to the nearest pixel, exactly (no float between the total and
// the bar); nothing for v at or below 0.
func barHeight(v, axis decimal.Dec, plotH int) int {
	if v <= 0 {
		return 0
	}
	n := new(big.Int).Mul(big.NewInt(int64(v)), big.NewInt(int64(plotH)*2))
	n.Add(n, big.NewInt(int64(axis)))
	n.Quo(n, big.NewInt(int64(axis)*2))
	return min(int(n.Int64()), plotH)
}

// fitScale is the largest size (3, 2, else 1) at which every text fits
// room pixels, 0 when none does.
func fitScale(texts []string, room int) int {
	widest := 0
	for _, t := range texts {
		widest = max(widest, len(t))
	}
	for s := 3; s >= 1; s-- {
		if widest*7*s+4 <= room {
			return s
		}
	}
	return 0
}

// Text's alignment about its x.
const (
	alignCenter = iota
	alignRight
)

// drawText writes ASCII text in basicfont's 7×13 glyphs enlarged scale
// times, its top at y, centred on x or ending at x.
func drawText(dst *image.Paletted, text string, x, y, scale int, align int) {
	face := basicfont.Face7x13
	mask := image.NewAlpha(image.Rect(0, 0, len(text)*face.Advance, face.Height))
	d := font.Drawer{Dst: mask, Src: image.Opaque, Face: face, Dot: fx.P(0, face.Ascent)}
	d.DrawString(text)
	w := mask.Bounds().Dx() * scale
	switch align {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	b := mask.Bounds()
	for my := b.Min.Y; my < b.Max.Y; my++ {
		for mx := b.Min.X; mx < b.Max.X; mx++ {
			if mask.AlphaAt(mx, my).A < 0x80 {
				continue
			}
			fill(dst, image.Rect(x+mx*scale, y+my*scale, x+(mx+1)*scale, y+(my+1)*scale), chartInk)
		}
	}
}

// fill paints r in c, one of the palette's colours.
func fill(dst *image.Paletted, r image.Rectangle, c uint32) {
	idx := uint8(dst.Palette.Index(rgb(c)))
	r = r.Intersect(dst.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):dst.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = idx
		}
	}
}
