package sheet

import (
	"sort"

	"github.com/kaohe/kaohe/internal/workbook"
	"github.com/kaohe/kaohe/rubric"
)

// Locate gives problems found beyond the loader's checks (a number that
// disagrees with its words) the sheet and cell the loader gives its own,
// by reading the workbook's bytes again, which must be the workbook the
// rubric was loaded from.
func Locate(name string, data []byte, ps []rubric.Problem) (out rubric.Errors) {
	places := make([]place, len(ps))
	for i := range places {
		places[i] = place{sheet: InfoSheet, col: 1, row: 1}
	}
	func() {
		defer func() { _ = recover() }() // a damaged file keeps the first cell
		f, err := workbook.Open(name, data, workbook.DefaultLimits())
		if err != nil {
			return
		}
		defer f.Close()
		r := &reader{f: f, name: name, at: map[string]place{}, taken: map[place]bool{}}
		r.read()
		for i, p := range ps {
			places[i] = r.locate(p.Path)
		}
	}()
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return places[idx[a]].less(places[idx[b]]) })
	for _, i := range idx {
		out = append(out, rubric.Error{File: name, Cell: places[i].String(), Message: ps[i].Message})
	}
	return out
}
