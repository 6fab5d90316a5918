package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/figure"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

// figuresOptions are the inputs of `kaohe import-figures`.
type figuresOptions struct {
	app                      *app
	file, period, unitColumn string
	sheet                    string
	maps                     []string
	dryRun                   bool
}

// maxRefusalsShown bounds the refusals listed; the rest are counted.
const maxRefusalsShown = 20

// maxTableRows bounds a platform table's rows: one per unit is some tens,
// a province's some hundreds. A sheet of a million rows is no such table,
// and each of its cells would be looked at.
const maxTableRows = 5000

// headerRows is how far down the sheet the header row is looked for: a
// platform export often has a title row or two above it.
const headerRows = 20

func (a *app) importFiguresCmd() *cobra.Command {
	o := &figuresOptions{app: a}
	cmd := &cobra.Command{
		Use:   "import-figures FILE.xlsx|FILE.csv --period P --map RULE=HEADER… [--unit-column HEADER] [--dry-run]",
		Short: "Record the platform's figures for every unit at once, from one table (all or nothing)",
		Long: "import-figures reads the 一体化平台's table, one row per unit, and records each mapped column's\n" +
			"figure on its rule for every unit of the period, in one transaction: any refused cell\n" +
			"(an unknown unit, an empty or non-numeric cell, a formula, a rule that is not a figure)\n" +
			"is listed by its cell and nothing is written.",
		Example: "  kaohe import-figures 平台数据.xlsx --period 2021 --map 3.2.a=办件量 --map 3.2.b=黄牌 --dry-run\n" +
			"  kaohe import-figures 平台数据.csv --period 2021 --map 3.1.a=网上可办率 --unit-column 县市区",
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period whose assessments receive the figures (e.g. 2021)")
	cmd.Flags().StringArrayVar(&o.maps, "map", nil, "RULE=HEADER: record the column headed HEADER on RULE (repeat for each column)")
	cmd.Flags().StringVar(&o.unitColumn, "unit-column", "单位", "the header of the column naming the units")
	cmd.Flags().StringVar(&o.sheet, "sheet", "", "the workbook's sheet to read (default: the first)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "show what would change, unit by unit, and write nothing")
	return cmd
}

// figureMap is one --map: a rule and the column its figures are in.
type figureMap struct {
	arg, rule, header string
	col               int
	refused           bool // already refused: its cells are not read
}

// unitFigures is what the table gives one unit: its assessment's state
// and each mapped figure with its cell.
type unitFigures struct {
	state   *store.State
	figures []cellFigure
}

// cellFigure is one figure read from a cell, beside the rule's current
// value.
type cellFigure struct {
	rule, at string
	value    scoring.Value
	old      *store.Value // nil: not recorded yet
}

// changed reports whether recording the figure changes the rule's value.
func (f cellFigure) changed() bool {
	return f.old == nil || !f.old.Equal(assessment.RuleValue(f.value))
}

// run reads the table, checks every cell against the period's
// assessments and records every figure in one transaction, or lists every
// refusal and writes nothing.
func (o *figuresOptions) run() error {
	a := o.app
	if o.period == "" {
		return i18n.Errorf("give the period whose assessments receive the figures: --period 2021")
	}
	if len(o.maps) == 0 {
		return i18n.Errorf("give at least one column to import as --map RULE=HEADER, such as --map 3.2.a=办件量")
	}
	period, err := store.ValidName("period", o.period)
	if err != nil {
		return err
	}
	period = rubric.NormalizePeriod(period)
	t, err := readPlatformTable(o.file, o.sheet)
	if err != nil {
		return err
	}
	defer t.close()
	use := writes
	if o.dryRun {
		use = reads // a dry run opens the database read-only: it cannot write
	}
	return a.openStore(use, func(s opened) error {
		states, err := periodStates(s.Store, period)
		if err != nil {
			return err
		}
		if len(states) == 0 {
			return i18n.Errorf("no assessment of period %s in %s", period, s.Path())
		}
		l := a.labels(states[0].Rubric)
		units, refusals := o.read(t, period, states)
		if len(refusals) > 0 {
			a.listRefusals(l, o.file, refusals)
			return exitError{1}
		}
		if o.dryRun {
			return o.show(l, units, states)
		}
		return o.record(s.Store, l, units, states)
	})
}

// periodStates are the states of the period's assessments, withdrawn
// ones left out.
func periodStates(s *store.Store, period string) ([]*store.State, error) {
	all, err := s.States()
	if err != nil {
		return nil, err
	}
	var out []*store.State
	for _, st := range all {
		if st.Assessment.Period == period && st.Withdrawn() == nil {
			out = append(out, st)
		}
	}
	return out, nil
}

// headerKey is a header or a unit column's name as it is compared: NFC,
// without any space or line break (a header cell often wraps its unit
// onto a second line).
func headerKey(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(strings.ReplaceAll(s, "\u3000", " "))), "")
}

// read checks the table against the period's assessments and returns each
// matched unit's figures, or every refusal (each naming its cell).
func (o *figuresOptions) read(t *platformTable, period string, states []*store.State) ([]unitFigures, []error) {
	var refusals []error
	refuse := func(err error) { refusals = append(refusals, err) }

	if len(t.rows) > maxTableRows {
		refuse(i18n.Errorf("the table has %d rows; a platform table has one row per unit, at most %d", len(t.rows), maxTableRows))
		return nil, refusals
	}
	maps := o.parseMaps(refuse)
	header, unitCol := -1, -1
	for r := 0; r < len(t.rows) && r < headerRows && header < 0; r++ {
		for c, h := range t.rows[r] {
			if headerKey(h) != "" && headerKey(h) == headerKey(o.unitColumn) {
				header, unitCol = r, c
				break
			}
		}
	}
	if header < 0 {
		refuse(i18n.Errorf("no column headed %s in the first %d rows of the table; give the units' column with --unit-column", o.unitColumn, headerRows))
		return nil, refusals
	}
	o.findColumns(t, header, maps, refuse)
	o.checkRules(states, maps, refuse)

	byUnit := map[string][]*store.State{}
	var names []string
	for _, st := range states {
		if len(byUnit[st.Assessment.Unit]) == 0 {
			names = append(names, st.Assessment.Unit)
		}
		byUnit[st.Assessment.Unit] = append(byUnit[st.Assessment.Unit], st)
	}
	seen := map[string]string{} // unit → the cell that named it
	var units []unitFigures
	for r := header + 1; r < len(t.rows); r++ {
		if blankRow(t.rows[r]) {
			continue
		}
		at := t.place(r, unitCol)
		if fx := t.formula(r, unitCol); fx != "" {
			refuse(i18n.Errorf("%s: the unit's name is the formula %s; kaohe evaluates no formula: type the name itself", at, fx))
			continue
		}
		raw := t.cell(r, unitCol)
		if strings.TrimSpace(raw) == "" {
			refuse(i18n.Errorf("%s: this row holds figures but no unit name", at))
			continue
		}
		unit, err := store.ValidName("unit", raw)
		if err != nil {
			refuse(i18n.Errorf("%s: %v", at, err))
			continue
		}
		matched := byUnit[unit]
		switch {
		case len(matched) == 0:
			refuse(i18n.Errorf("%s: %s has no assessment in period %s (the period's units: %s)", at, unit, period, strings.Join(names, "、")))
			continue
		case len(matched) > 1:
			refuse(i18n.Errorf("%s: %s has %d assessments in period %s, under different rubrics; import into one database per rubric", at, unit, len(matched), period))
			continue
		}
		if first, dup := seen[unit]; dup {
			refuse(i18n.Errorf("%s: %s is listed twice (first at %s)", at, unit, first))
			continue
		}
		seen[unit] = at
		st := matched[0]
		if st.Signed() != nil {
			refuse(i18n.Errorf("%s: %s is signed; reopen it before importing figures into it (kaohe reopen %s --reason TEXT)", at, st.Assessment.Label(), st.Assessment.Label()))
			continue
		}
		u := unitFigures{state: st}
		for _, m := range maps {
			if m.refused {
				continue
			}
			if f, err := o.figureAt(t, r, m, st); err != nil {
				refusals = append(refusals, err)
			} else {
				u.figures = append(u.figures, f)
			}
		}
		units = append(units, u)
	}
	if len(refusals) > 0 {
		return nil, refusals
	}
	return units, nil
}

// parseMaps reads the --map arguments.
func (o *figuresOptions) parseMaps(refuse func(error)) []*figureMap {
	var maps []*figureMap
	rules := map[string]bool{}
	for _, arg := range o.maps {
		rule, header, ok := strings.Cut(arg, "=")
		rule, header = strings.TrimSpace(rule), strings.TrimSpace(header)
		if !ok || rule == "" || header == "" {
			refuse(i18n.Errorf("--map %s: write RULE=HEADER, such as 3.2.a=办件量", arg))
			continue
		}
		if rules[rule] {
			refuse(i18n.Errorf("--map %s: rule %s is mapped twice", arg, rule))
			continue
		}
		rules[rule] = true
		maps = append(maps, &figureMap{arg: arg, rule: rule, header: header, col: -1})
	}
	return maps
}

// findColumns finds each mapped header in the header row.
func (o *figuresOptions) findColumns(t *platformTable, header int, maps []*figureMap, refuse func(error)) {
	var headers []string
	for _, h := range t.rows[header] {
		if strings.TrimSpace(h) != "" {
			headers = append(headers, strings.Join(strings.Fields(h), ""))
		}
	}
	for _, m := range maps {
		for c, h := range t.rows[header] {
			if headerKey(h) != headerKey(m.header) {
				continue
			}
			if m.col >= 0 {
				refuse(i18n.Errorf("--map %s: two columns are headed %s (%s and %s)", m.arg, m.header, t.place(header, m.col), t.place(header, c)))
				m.refused = true
				break
			}
			m.col = c
		}
		if m.col < 0 {
			m.refused = true
			refuse(i18n.Errorf("--map %s: no column headed %s in the header row, the row of %s (its headers: %s)", m.arg, m.header, t.place(header, 0), strings.Join(headers, "、")))
		}
	}
}

// checkRules refuses a mapped rule that a rubric of the period does not
// have or does not record as a figure (isFigure).
func (o *figuresOptions) checkRules(states []*store.State, maps []*figureMap, refuse func(error)) {
	checked := map[*rubric.Rubric]bool{}
	for _, st := range states {
		rb := st.Rubric
		if checked[rb] {
			continue
		}
		checked[rb] = true
		for _, m := range maps {
			ref, ok := rb.Rule(m.rule)
			m.refused = m.refused || !ok || !isFigure(ref.Rule)
			switch {
			case !ok:
				refuse(i18n.Errorf("--map %s: rubric %s %s has no rule %s (rule IDs look like 3.2.a)", m.arg, rb.ID, rb.Version, m.rule))
			case !isFigure(ref.Rule):
				refuse(i18n.Errorf("--map %s: rule %s is of kind %s, not recorded as a figure; a table's figures go only to rules whose value is a number counted or measured (count, shortfall, ratio, convert, excess, linear, a band by figure, a bonus per item)",
					m.arg, m.rule, ruleKindWord(ref.Rule)))
			}
		}
	}
}

// isFigure reports whether a rule's value is a figure a table can give:
// one number counted or measured (a count, the actual figure of a
// shortfall, excess or linear rule, a percentage, a platform's score, a
// band's figure, a bonus's number of items). A yes/no finding, a veto, a
// list of amounts, a grade label and a discretionary deduction (the
// inspector's own judgement, with a reason) are not: they are typed by an
// inspector who saw the unit.
func isFigure(r *rubric.Rule) bool {
	return r.Form() == rubric.FormNumber && r.Kind != rubric.Discretion
}

// ruleKindWord is the rule's kind as the refusal names it, worded with
// the message.
func ruleKindWord(r *rubric.Rule) any {
	switch {
	case r.Form() == rubric.FormList:
		return i18n.Phrase("%s with a range (a list of amounts)", rubric.KindWord(r.Kind))
	case r.Form() == rubric.FormLabel:
		return i18n.Phrase("%s by grade label", rubric.KindWord(r.Kind))
	}
	return rubric.KindWord(r.Kind)
}

// figureAt reads the figure of map m in row r for st's rule, as `kaohe set`
// reads a typed value (full-width digits, thousands separators, 万).
func (o *figuresOptions) figureAt(t *platformTable, r int, m *figureMap, st *store.State) (cellFigure, error) {
	at := t.place(r, m.col)
	unit := st.Assessment.Unit
	if fx := t.formula(r, m.col); fx != "" {
		return cellFigure{}, i18n.Errorf("%s (%s %s): the cell holds the formula %s; kaohe evaluates no formula: type the figure itself", at, unit, m.rule, fx)
	}
	text := strings.TrimSpace(t.cell(r, m.col))
	if t.workbook {
		text = shownNumber(text)
	}
	if text == "" {
		return cellFigure{}, i18n.Errorf("%s (%s %s): the cell is empty; every unit's row needs the figure", at, unit, m.rule)
	}
	ref, _ := st.Rubric.Rule(m.rule)
	if t.percent(r, m.col) {
		d, err := figure.Parse(text)
		if err == nil && ref.Rule.Unit == "%" {
			text = d.MulInt(100).String() // 0.985 shown as 98.5%
		} else if err == nil {
			return cellFigure{}, i18n.Errorf("%s (%s %s): the cell shows a percentage (%s%%), but the rule counts %s", at, unit, m.rule, d.MulInt(100).String(), ref.Rule.Unit)
		}
	}
	if n := figure.Normalize(text); ref.Rule.Unit == "%" && strings.HasSuffix(n, "%") {
		text = strings.TrimSuffix(n, "%") // 99.5% as a CSV writes a rate
	}
	v, err := o.app.typedValue(st.Rubric, ref.Rule, text, "")
	if err != nil {
		return cellFigure{}, i18n.Errorf("%s (%s): %v", at, unit, err)
	}
	f := cellFigure{rule: m.rule, at: at, value: v}
	if ss := st.Subjects[m.rule]; ss != nil {
		if ss.Conflict() {
			return cellFigure{}, i18n.Errorf("%s (%s %s): the rule has conflicting values from different inspectors; settle the conflict first (kaohe conflicts %s)", at, unit, m.rule, st.Assessment.Label())
		}
		if cur := ss.Current().Decoded(); !cur.Retracted() {
			f.old = &cur
		}
	}
	if items := st.Items(m.rule); len(items) > 0 {
		if iv := assessment.RuleValue(assessment.ItemsValue(ref.Rule, items)); !iv.Equal(assessment.RuleValue(v)) {
			return cellFigure{}, i18n.Errorf("%s (%s %s): the rule is recorded item by item and its %d items give %s, not %s; settle the items first (kaohe item list %s)",
				at, unit, m.rule, len(items), iv.Rule.String(), v.String(), st.Assessment.Label())
		}
	}
	return f, nil
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// listRefusals prints every refusal (the first maxRefusalsShown, then how
// many more) under a line saying nothing was written.
func (a *app) listRefusals(l *i18n.Labels, file string, refusals []error) {
	w := l.Figures
	fmt.Fprintf(a.stderr, "kaohe"+l.Values.Colon+w.Refused+"\n", textwidth.Line(file), len(refusals))
	for i, e := range refusals {
		if i == maxRefusalsShown {
			fmt.Fprintf(a.stderr, "  "+w.More+"\n", len(refusals)-i)
			break
		}
		fmt.Fprintln(a.stderr, "  "+textwidth.Line(report.ErrorText(l, e)))
	}
}

// changeLines are the lines saying what recording u's figures changes:
// the rule, its old value and its new one.
func changeLines(l *i18n.Labels, u unitFigures) []string {
	var out []string
	for _, f := range u.figures {
		ref, _ := u.state.Rubric.Rule(f.rule)
		name := f.rule
		if ref.Rule.Label != "" {
			name += " " + ref.Rule.Label
		}
		now := report.ShownValue(l, f.rule, assessment.RuleValue(f.value))
		if !f.changed() {
			out = append(out, fmt.Sprintf("  "+l.Figures.Same, textwidth.Line(name), textwidth.Line(now)))
			continue
		}
		was := "-"
		if f.old != nil {
			was = report.ShownValue(l, f.rule, *f.old)
		}
		out = append(out, fmt.Sprintf("  "+l.Figures.Change, textwidth.Line(name), textwidth.Line(was), textwidth.Line(now)))
	}
	return out
}

// counts are how many figures the import changes and leaves as they are.
func counts(units []unitFigures) (changed, same int) {
	for _, u := range units {
		for _, f := range u.figures {
			if f.changed() {
				changed++
			} else {
				same++
			}
		}
	}
	return changed, same
}

// show is --dry-run: what would change, unit by unit.
func (o *figuresOptions) show(l *i18n.Labels, units []unitFigures, states []*store.State) error {
	a := o.app
	for _, u := range units {
		fmt.Fprintln(a.stdout, textwidth.Line(u.state.Assessment.Label()))
		for _, line := range changeLines(l, u) {
			fmt.Fprintln(a.stdout, line)
		}
	}
	o.missing(l, units, states)
	changed, same := counts(units)
	fmt.Fprintf(a.stdout, l.Figures.DryRun+"\n", len(units), changed, same)
	return nil
}

// missing names the period's units the table has no row for: nothing is
// imported for them, and the clerk should know.
func (o *figuresOptions) missing(l *i18n.Labels, units []unitFigures, states []*store.State) {
	in := map[string]bool{}
	for _, u := range units {
		in[u.state.Assessment.ID] = true
	}
	var names []string
	for _, st := range states {
		if !in[st.Assessment.ID] {
			names = append(names, st.Assessment.Unit)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		fmt.Fprintf(o.app.stdout, l.Figures.NotInTable+"\n", textwidth.Line(strings.Join(names, "、")))
	}
}

// record writes every changed figure of every unit in one transaction,
// then prints the changes and each unit's new total.
func (o *figuresOptions) record(s *store.Store, l *i18n.Labels, units []unitFigures, states []*store.State) error {
	a := o.app
	id, err := a.identity(s)
	if err != nil {
		return err
	}
	var batches []store.Batch
	for _, u := range units {
		b := store.Batch{Assessment: u.state.Assessment.ID}
		for _, f := range u.figures {
			if f.changed() {
				// The note says where the figure came from.
				b.Changes = append(b.Changes, store.SetRule(f.rule, f.value, filepath.Base(o.file)+" "+strings.TrimPrefix(f.at, filepath.Base(o.file)+":")))
			}
		}
		if len(b.Changes) > 0 {
			batches = append(batches, b)
		}
	}
	if len(batches) > 0 {
		if _, err := s.RecordAll(id, batches...); err != nil {
			return err
		}
	}
	for _, u := range units {
		as := u.state.Assessment
		fmt.Fprintln(a.stdout, textwidth.Line(as.Label()))
		for _, line := range changeLines(l, u) {
			fmt.Fprintln(a.stdout, line)
		}
		_, res, err := scored(s, as)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "  "+l.CLI.Totals+"\n", textwidth.Line(as.Label()),
			res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
	}
	o.missing(l, units, states)
	changed, same := counts(units)
	fmt.Fprintf(a.stdout, l.Figures.Imported+"\n", textwidth.Line(filepath.Base(o.file)), len(units), changed, same)
	return nil
}
