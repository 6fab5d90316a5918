package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteJSON writes everything the workbook holds, machine-readable.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// rankingRecords are the ranking's rows as text cells (header first).
func (r *Report) rankingRecords() [][]string {
	l := r.labels
	out := [][]string{r.RankingColumns()}
	for _, row := range r.Ranking {
		rec := []string{strconv.Itoa(row.Rank), row.Unit, row.Period, row.TotalText(l), row.Base.Fixed(2), row.Bonus.Fixed(2)}
		for k := range r.Categories {
			v := ""
			if k < len(row.Categories) {
				v = row.Categories[k].Fixed(2)
			}
			rec = append(rec, v)
		}
		rec = append(rec, fmt.Sprintf("%d/%d", row.Recorded, row.Indicators), r.StatusText(row),
			strconv.Itoa(row.Conflicts), r.RankMark(row))
		if r.Graded {
			rec = append(rec, row.Grade)
		}
		if r.HasAppealFigures() {
			rec = append(rec, r.appealCells(row)...)
		}
		out = append(out, rec)
	}
	return out
}

// sheetRecords are one score sheet's rows as text cells (header first):
// indicators, category subtotals, base, bonus, total, and the foot.
func (r *Report) sheetRecords(sh *Sheet) [][]string {
	l := r.labels
	out := [][]string{r.SheetColumns()}
	for _, c := range sh.Categories {
		for _, row := range c.Rows {
			ded := row.Deduction.Fixed(2)
			if c.Bonus {
				ded = "" // a bonus is never shown as a deduction
			}
			out = append(out, []string{c.ID, c.Heading, row.Content, row.Standard, ded, row.Score.Fixed(2), explainCell(l, c.Bonus, row)})
		}
		ded, why := (c.Max - c.Score).Fixed(2), ""
		if c.Bonus {
			ded, why = "", l.Bonus+" +"+c.Score.Fixed(2)
		}
		out = append(out, []string{c.ID, l.Subtotal, l.Max + " " + c.Max.Fixed(2), "", ded, c.Score.Fixed(2), why})
	}
	out = append(out,
		[]string{l.Base, "", l.Max + " " + sh.BaseMax.Fixed(2), "", "", sh.Base.Fixed(2), ""},
		[]string{l.Bonus, "", l.Max + " " + sh.BonusMax.Fixed(2), "", "", sh.Bonus.Fixed(2), ""},
	)
	if sh.HasPenalty {
		out = append(out, []string{l.Rules.Penalty, "", "", "", sh.Penalty.Fixed(2), (-sh.Penalty).Fixed(2), ""})
	}
	out = append(out,
		[]string{l.Total, "", l.Max + " " + (sh.BaseMax + sh.BonusMax).Fixed(2), "", "", sh.TotalText(l), sh.Verdict})
	for _, line := range sh.StageLines(l) {
		out = append(out, []string{line, "", "", "", "", "", ""})
	}
	out = append(out,
		[]string{l.Inspectors, strings.Join(sh.Inspectors, "、"), l.SignOff, signOff(l, sh), "", "", ""},
	)
	return out
}

// WriteCSV writes UTF-8 with a byte-order mark (so Excel on Chinese
// Windows reads it right): the ranking, then each unit's score sheet under
// a title line, separated by blank lines.
func (r *Report) WriteCSV(w io.Writer) error {
	recs := [][]string{{r.Title, r.labels.Rank, r.Period}}
	recs = append(recs, r.rankingRecords()...)
	for _, note := range r.RankNotes() {
		recs = append(recs, []string{note})
	}
	recs = append(recs, r.analysisCSV()...)
	recs = append(recs, r.selfGapCSV()...)
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		recs = append(recs, []string{}, []string{sh.Unit, sh.Period, sh.RubricTitle})
		recs = append(recs, r.sheetRecords(sh)...)
	}
	return writeExcelCSV(w, recs)
}

// writeExcelCSV writes records as CSV that Excel opens right and cannot be
// made to run: UTF-8 with a byte-order mark, CRLF line ends, every cell
// through csvCell.
func writeExcelCSV(w io.Writer, recs [][]string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, rec := range recs {
		cells := make([]string, len(rec))
		for i, c := range rec {
			cells[i] = csvCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes the ranking and the score sheets as Markdown tables.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdCell(r.Title))
	if r.Period != "" {
		fmt.Fprintf(&b, "%s%s%s\n\n", r.labels.Period, r.labels.Values.Colon, mdCell(r.Period))
	}
	fmt.Fprintf(&b, "## %s\n\n", r.labels.Rank)
	mdTable(&b, r.rankingRecords())
	for _, note := range r.RankNotes() {
		fmt.Fprintf(&b, "\n%s\n", mdCell(note))
	}
	r.analysisMarkdown(&b)
	r.selfGapMarkdown(&b)
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		fmt.Fprintf(&b, "\n## %s %s\n\n", mdCell(sh.Unit), mdCell(sh.Period))
		mdTable(&b, r.sheetRecords(sh))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdTable(b *strings.Builder, recs [][]string) {
	for i, rec := range recs {
		cells := make([]string, len(rec))
		for k, c := range rec {
			cells[k] = mdCell(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", len(rec)) + "\n")
		}
	}
}

// mdCell escapes text for Markdown: HTML (a note's <script> shows as
// text, never runs in a viewer that renders Markdown), pipes, and
// newlines as <br>.
func mdCell(s string) string {
	s = htmlEscaper.Replace(s)
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.ReplaceAll(s, "\n", "<br>")
}

// htmlEscaper escapes the characters that start HTML in Markdown.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// StatusText is the ranking's status cell: 未通过核验 for a unit whose
// records fail their hash, whatever its status claims.
func (r *Report) StatusText(row RankRow) string {
	if row.Unverified {
		return r.labels.Report.Unverified
	}
	return r.labels.StatusName(row.Status)
}

// csvCell neutralises a cell that a spreadsheet would run as a formula (it
// begins with =, +, -, @, a tab or a carriage return), as OWASP recommends
// against CSV injection: a leading apostrophe makes it text. Numbers such
// as -0.60 stay numbers.
func csvCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// plainNumber reports a signed decimal number such as -0.60, the only
// cell that may begin with + or -.
func plainNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if len(s) == 0 || s != strings.TrimLeft(s, "+-") {
		return false
	}
	intPart, frac, dot := strings.Cut(s, ".")
	digits := func(p string) bool { return p != "" && strings.Trim(p, "0123456789") == "" }
	return digits(intPart) && (!dot || digits(frac))
}
