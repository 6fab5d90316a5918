package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// analysisSheets adds, after the ranking, a 共性问题 and a 名次差距 sheet per
// analysed period and a 同比 sheet for the comparison, and returns the
// workbook's sheets in order with them.
func (r *Report) analysisSheets(f *excelize.File, st xlsxStyles, names sheetNames, order []string) ([]string, error) {
	a := &r.labels.Analysis
	add := func(title string, write func(w *sheetWriter) error) error {
		name := names.take(title)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := write(&sheetWriter{f: f, name: name, style: st}); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		order = append(order, name)
		return nil
	}
	for i := range r.Analyses {
		an := &r.Analyses[i]
		if err := add(r.analysisTitle(a.CommonTitle, an), func(w *sheetWriter) error { return r.commonSheet(w, an) }); err != nil {
			return nil, err
		}
		if err := add(r.analysisTitle(a.MarginTitle, an), func(w *sheetWriter) error { return r.marginSheet(w, an) }); err != nil {
			return nil, err
		}
	}
	if r.Compare != nil {
		if err := add(a.CompareTitle, func(w *sheetWriter) error { return r.compareSheet(w) }); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// sheetTitle writes a sheet's title over its columns and their header
// (rows 1 and 2, repeated on every printed page).
func (w *sheetWriter) sheetTitle(title string, cols []string) {
	w.text(1, 1, title, w.style.title)
	w.merge(1, 1, len(cols), 1)
	for i, c := range cols {
		w.text(i+1, 2, c, w.style.header)
	}
	w.height(1, 24)
	w.height(2, 30)
	w.page(2)
}

// note writes a line across the sheet's columns (flush wraps it at their
// width).
func (w *sheetWriter) note(y, cols int, text string, _ []float64) {
	w.text(1, y, text, w.style.text)
	w.merge(1, y, cols, y)
}

// commonSheet is the 共性问题: indicators by points lost, most first.
func (r *Report) commonSheet(w *sheetWriter, an *Analysis) error {
	l := r.labels
	cols := r.CommonColumns()
	w.sheetTitle(r.titled(l.Analysis.CommonTitle, an.Period), cols)
	widths := []float64{6, 8, 50, 8, 10, 10, 44}
	for i, c := range an.Common {
		y := i + 3
		w.integer(1, y, i+1, w.style.center)
		w.text(2, y, c.Indicator, w.style.center)
		w.text(3, y, c.Content, w.style.text)
		w.num(4, y, c.Max, w.style.number)
		w.num(5, y, c.Lost, w.style.boldNumber)
		w.text(6, y, fmt.Sprintf("%d/%d", c.Units, c.Among), w.style.center)
		typical := TypicalText(l, c.Typical)
		w.text(7, y, typical, w.style.text)
	}
	if len(an.Common) == 0 {
		w.note(3, len(cols), l.Analysis.NoCommon, widths)
	}
	w.widths(widths...)
	return w.flush()
}

// marginSheet is the 名次差距: each adjacent pair, its margin and what
// swaps it.
func (r *Report) marginSheet(w *sheetWriter, an *Analysis) error {
	l := r.labels
	cols := r.MarginColumns()
	w.sheetTitle(r.titled(l.Analysis.MarginTitle, an.Period), cols)
	widths := []float64{7, 12, 9, 12, 9, 9, 72}
	for i, m := range an.Margins {
		y := i + 3
		w.text(1, y, fmt.Sprintf("%d–%d", i+1, i+2), w.style.center)
		w.text(2, y, m.Upper, w.style.center)
		w.num(3, y, m.UpperTotal, w.style.number)
		w.text(4, y, m.Lower, w.style.center)
		w.num(5, y, m.LowerTotal, w.style.number)
		w.num(6, y, m.Margin, w.style.boldNumber)
		why := SwapText(l, m)
		w.text(7, y, why, w.style.text)
	}
	if len(an.Margins) == 0 {
		w.note(3, len(cols), l.Analysis.NoPairs, widths)
	}
	w.widths(widths...)
	return w.flush()
}

// compareSheet is the 同比: each unit's change of total, rank and
// categories, then what the comparison could not pair.
func (r *Report) compareSheet(w *sheetWriter) error {
	l := r.labels
	c := r.Compare
	cols := r.CompareColumns()
	w.sheetTitle(r.Title+"（"+r.compareTitle()+"）— "+l.Analysis.CompareTitle, cols)
	widths := []float64{12, 11, 11, 9, 9, 9, 10}
	for range c.Categories {
		widths = append(widths, 9)
	}
	for i, u := range c.Units {
		y := i + 3
		w.text(1, y, u.Unit, w.style.center)
		w.num(2, y, u.Total, w.style.number)
		w.num(3, y, u.EarlierTotal, w.style.number)
		w.num(4, y, u.Change, w.style.boldNumber)
		w.integer(5, y, u.Rank, w.style.center)
		w.integer(6, y, u.EarlierRank, w.style.center)
		w.text(7, y, RankChangeText(l, u.RankChange), w.style.center)
		for k, d := range u.Categories {
			if d.Matched {
				w.num(8+k, y, d.Change, w.style.number)
			} else {
				w.text(8+k, y, l.Analysis.None, w.style.center)
			}
		}
	}
	y := len(c.Units) + 3
	for _, n := range r.CompareNotes() {
		w.note(y, len(cols), n, widths)
		y++
	}
	w.widths(widths...)
	return w.flush()
}

// titled is a sheet's title with the rubric's and the period's: 县市（区）…
// 考核指标（2021）— 共性问题.
func (r *Report) titled(title, period string) string {
	if period == "" {
		return r.Title + " — " + title
	}
	return r.Title + "（" + period + "）— " + title
}
