package word

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
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

// The ranking chart's canvas, in pixels: printed across the text's width
// (156 mm) it is some 260 dots to the inch, sharp on paper and a few tens
// of kilobytes as a PNG of flat colours.
const (
	chartW, chartH = 1600, 720
	chartLeft      = 120 // room for the axis's figures
	chartRight     = 24
	chartTop       = 56 // room for the figures above the bars
	chartBottom    = 56 // room for the ranks under the bars
	// emuPerTwip converts the page's twips to a picture's EMU.
	emuPerTwip = 635
)

// The chart's colours: the bars in the blue of the workbook's charts, the
// grid light grey, the text and axes black, on white.
var (
	chartBar  = color.RGBA{0x44, 0x72, 0xC4, 0xFF}
	chartGrid = color.RGBA{0xD9, 0xD9, 0xD9, 0xFF}
	chartInk  = color.RGBA{0, 0, 0, 0xFF}
)

// RankingChart draws the ranking as a bar chart: one bar per unit in rank
// order, each as high as its total from 0 (a total below 0 draws no bar),
// the total exact to 0.01 above it and the rank under it. The picture's
// font (the standard library's has none; basicfont's X11 misc-fixed is
// ASCII) has no Chinese, so the bars are named by rank and the ranking
// table names the units; a Chinese font embedded would be megabytes. The
// same rows draw the same bytes. Nil for no rows.
func RankingChart(rows []report.RankRow) (*Picture, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	img := image.NewRGBA(image.Rect(0, 0, chartW, chartH))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	top := decimal.Dec(0)
	for _, r := range rows {
		top = decimal.Max2(top, r.Total)
	}
	step := niceStep(top)
	axis := step.MulInt(int64(decimal.FloorDiv(top, step)))
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
	slot := (x1 - x0) / len(rows)
	barW := max(slot*3/5, 1)
	// The figures go above the bars and the ranks under them at the
	// largest size that fits a bar's slot; ranks that do not fit at the
	// smallest are shown every few bars.
	valueScale := fitScale(rows, slot, func(r report.RankRow) string { return r.Total.Fixed(2) })
	rankScale := fitScale(rows, slot, func(r report.RankRow) string { return strconv.Itoa(r.Rank) })
	every := 1
	if rankScale == 0 {
		rankScale = 1
		every = (len(strconv.Itoa(len(rows)))*7 + 6 + slot - 1) / slot
	}
	for i, r := range rows {
		cx := x0 + slot*i + slot/2
		h := barHeight(r.Total, axis, plotH)
		fill(img, image.Rect(cx-barW/2, y1-h, cx-barW/2+barW, y1), chartBar)
		if valueScale > 0 {
			drawText(img, r.Total.Fixed(2), cx, y1-h-13*valueScale-4, valueScale, alignCenter)
		}
		if i%every == 0 {
			drawText(img, strconv.Itoa(r.Rank), cx, y1+8, rankScale, alignCenter)
		}
	}
	// The axes over the grid.
	fill(img, image.Rect(x0, y0-8, x0+2, y1+1), chartInk)
	fill(img, image.Rect(x0, y1, x1, y1+2), chartInk)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
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

// fitScale is the largest size (3, 2, else 1) at which every row's text fits
// a slot of slot pixels, 0 when none does.
func fitScale(rows []report.RankRow, slot int, text func(report.RankRow) string) int {
	widest := 0
	for _, r := range rows {
		widest = max(widest, len(text(r)))
	}
	for s := 3; s >= 1; s-- {
		if widest*7*s+4 <= slot {
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
func drawText(dst *image.RGBA, text string, x, y, scale int, align int) {
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

// fill paints r in c.
func fill(dst *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(dst, r, &image.Uniform{C: c}, image.Point{}, draw.Src)
}
