package rectify

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/xuri/excelize/v2"
)

// Ledger is the office's 整改台账 of a period: every problem of every
// unit, where it stands on AsOf (YYYY-MM-DD), and a summary by unit.
type Ledger struct {
	Period, AsOf string
	Entries      []Entry
}

// Tally is one unit's counts in the summary: its problems (withdrawn ones
// apart), how many are closed (已销号), rectifying (整改中 and 退回) and
// overdue (逾期) on the ledger's day.
type Tally struct {
	Unit                                             string
	Problems, Closed, Rectifying, Overdue, Withdrawn int
}

// Rate is the share of the problems closed (销号率) in tenths of a
// percent, rounded half up ("87.5%"); "—" when there are none.
func (t Tally) Rate() string {
	if t.Problems == 0 {
		return "—"
	}
	tenths := (t.Closed*2000 + t.Problems) / (2 * t.Problems)
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// Tallies counts each unit's problems, units in the ledger's order, and
// the total of them all last.
func (lg *Ledger) Tallies() []Tally {
	var out []Tally
	index := map[string]int{}
	total := Tally{}
	for _, e := range lg.Entries {
		u := e.State.Assessment.Unit
		i, ok := index[u]
		if !ok {
			i = len(out)
			index[u] = i
			out = append(out, Tally{Unit: u})
		}
		t := &out[i]
		for _, p := range e.Problems {
			add := func(t *Tally) {
				switch p.Status {
				case assessment.ProblemWithdrawn:
					t.Withdrawn++
					return
				case assessment.ProblemClosed:
					t.Closed++
				case assessment.ProblemRectifying, assessment.ProblemReturned:
					t.Rectifying++
				}
				t.Problems++
				if p.Overdue(lg.AsOf) {
					t.Overdue++
				}
			}
			add(t)
			add(&total)
		}
	}
	return append(out, total)
}

// Count is how many problems the ledger lists.
func (lg *Ledger) Count() int {
	n := 0
	for _, e := range lg.Entries {
		n += len(e.Problems)
	}
	return n
}

// Units is how many units the ledger lists.
func (lg *Ledger) Units() int { return len(lg.Tallies()) - 1 }

// ledgerColumns are the ledger sheet's columns: header and width.
func ledgerColumns(l *i18n.Labels) ([]string, []float64) {
	w := l.ProblemBook
	return []string{w.Unit, w.LedgerID, w.Indicator, w.Problem, w.Points, w.Status, w.Due, w.DaysOverdue, w.Owner, w.Measure, w.DoneOn, w.Source, w.LastChange},
		[]float64{10, 17, 6, 36, 6, 10, 11, 8, 16, 32, 11, 9, 21}
}

// NewLedger is the ledger of period on asOf from entries (Collect with no
// unit).
func NewLedger(entries []Entry, period, asOf string) (*Ledger, error) {
	if len(entries) == 0 {
		return nil, errNoProblems(period, "")
	}
	return &Ledger{Period: period, AsOf: asOf, Entries: entries}, nil
}

// Write writes the ledger workbook: the ledger sheet (streamed: one row a
// problem, so its cost grows with the problems and nothing else), then the
// summary sheet.
func (lg *Ledger) Write(l *i18n.Labels, out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	w := l.ProblemBook
	if err := f.SetSheetName("Sheet1", w.LedgerSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := lg.ledgerSheet(f, l, st); err != nil {
		return err
	}
	if _, err := f.NewSheet(w.SummarySheet); err != nil {
		return err
	}
	if err := lg.summarySheet(f, l, st); err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

// landscape sets A4 landscape, one page wide, header rows repeated.
func landscape(f *excelize.File, sheet string, headerRows int) error {
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows)})
}

// ledgerSheet streams the ledger sheet.
func (lg *Ledger) ledgerSheet(f *excelize.File, l *i18n.Labels, st styles) error {
	w := l.ProblemBook
	sheet := w.LedgerSheet
	if err := landscape(f, sheet, 2); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	heads, widths := ledgerColumns(l)
	for i, width := range widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: fmt.Sprintf(w.LedgerTitle, lg.Period, lg.AsOf)}}, excelize.RowOpts{Height: 28}); err != nil {
		return err
	}
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A2", row, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	y := 3
	for _, e := range lg.Entries {
		for _, p := range e.Problems {
			for i := range row {
				row[i] = nil
			}
			cells := lg.problemCells(l, e, p)
			for i, c := range cells {
				style := st.text
				switch i {
				case 1, 2, 4, 5, 6, 10, 11:
					style = st.center
				case 7:
					style = st.center
					if c != "" && c != "0" {
						style = st.red
					}
				}
				row[i] = excelize.Cell{StyleID: style, Value: c}
			}
			cell, _ := excelize.CoordinatesToCellName(1, y)
			h := float64(max(wrappedLines(cells[3], widths[3]), wrappedLines(cells[8], widths[8]), wrappedLines(cells[9], widths[9]), 1))*14 + 4
			if err := sw.SetRow(cell, row, excelize.RowOpts{Height: min(h, 409)}); err != nil {
				return err
			}
			y++
		}
	}
	if err := sw.MergeCell("A1", fmt.Sprintf("%s1", colName(len(heads)))); err != nil {
		return err
	}
	return sw.Flush()
}

// colName is a column's letters.
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// problemCells are one problem's cells in the ledger, as text.
func (lg *Ledger) problemCells(l *i18n.Labels, e Entry, p assessment.Problem) []string {
	w := l.ProblemBook
	state := report.ProblemState(l, p.Status)
	if p.Conflict {
		state += w.Conflict
	}
	if _, ok := e.Lookback.Relapse(p.Key); ok {
		state += l.Lookback.Open + l.Lookback.Relapse + l.Lookback.Close // closed last period, found again
	}
	var due, owner, measure, doneOn, source, last string
	if rec := p.Record; rec != nil {
		due, owner, measure, doneOn = rec.Due, rec.Owner, rec.Measure, rec.DoneOn
		if rec.Source == assessment.SourceCounty {
			source = w.County
		}
	}
	if rev := p.Revision; rev != nil {
		last = fmt.Sprintf(w.LastChangeBy, timefmt.Human(rev.Wall), rev.Inspector)
	}
	days := ""
	if p.Overdue(lg.AsOf) {
		days = fmt.Sprint(p.DaysOverdue(lg.AsOf))
	}
	return []string{e.State.Assessment.Unit, p.ID, p.Indicator, problemText(e.State, p), pointsText(l, p),
		state, due, days, owner, measure, doneOn, source, last}
}

// summarySheet writes the per-unit counts.
func (lg *Ledger) summarySheet(f *excelize.File, l *i18n.Labels, st styles) error {
	w := l.ProblemBook
	sheet := w.SummarySheet
	heads := []string{w.Unit, w.Count, w.Closed, w.Rectifying, w.OverdueCount, w.Withdrawn, w.Rate}
	widths := []float64{16, 10, 10, 10, 10, 10, 10}
	if err := f.SetCellStr(sheet, "A1", fmt.Sprintf(w.SummaryTitle, lg.Period, lg.AsOf)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", colName(len(heads))+"1"); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 28); err != nil {
		return err
	}
	for i, h := range heads {
		c, _ := excelize.CoordinatesToCellName(i+1, 2)
		if err := f.SetCellStr(sheet, c, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, c, c, st.header); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), widths[i]); err != nil {
			return err
		}
	}
	tallies := lg.Tallies()
	for r, t := range tallies {
		y := r + 3
		unit := t.Unit
		if r == len(tallies)-1 {
			unit = w.Total
		}
		vals := []any{unit, t.Problems, t.Closed, t.Rectifying, t.Overdue, t.Withdrawn, t.Rate()}
		for i, v := range vals {
			c, _ := excelize.CoordinatesToCellName(i+1, y)
			if err := f.SetCellValue(sheet, c, v); err != nil {
				return err
			}
			style := st.center
			if i == 0 {
				style = st.text
			}
			if i == 4 && t.Overdue > 0 {
				style = st.red
			}
			if err := f.SetCellStyle(sheet, c, c, style); err != nil {
				return err
			}
		}
	}
	return landscape(f, sheet, 2)
}
