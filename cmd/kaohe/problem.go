package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// problemOptions are the inputs of `kaohe problem list|show|assign|
// rectify|close|return`.
type problemOptions struct {
	app                       *app
	ref                       string
	refs                      []string
	period, unit, status      string
	asOf                      string
	asJSON, all, resolve      bool
	due, owner                string
	measure, completion, done string
	responsible, note         string
	evidence                  []string
}

// problemJSON is one problem in `kaohe problem list --json` (and the
// problem of `problem show --json`). Its field names are stable: the
// documentation lists them (docs/考核办手册.md) and scripts read them.
type problemJSON struct {
	// Assessment is the assessment's ID; Unit and Period name it.
	Assessment string `json:"assessment"`
	Unit       string `json:"unit"`
	Period     string `json:"period"`
	// Number is the problem's number in its assessment's list (what the
	// commands take, beside ID); ID is the problem's ID as typed
	// ("1.2.a", "1.2.a#3f9c2a1b"), Key its record's key.
	Number int    `json:"number"`
	ID     string `json:"id"`
	Key    string `json:"key"`
	Rule   string `json:"rule"`
	// Indicator is the indicator's ID, IndicatorName its content.
	Indicator     string `json:"indicator"`
	IndicatorName string `json:"indicator_name"`
	// Found is what was found (the item's text or the rule's note).
	Found string `json:"found"`
	// Points is the deduction, an exact decimal as text ("0.2").
	Points    string `json:"points"`
	Veto      bool   `json:"veto,omitempty"`
	Inspector string `json:"inspector"`
	// Status is open, rectifying, returned, closed or withdrawn;
	// Overdue and DaysOverdue are as of AsOf.
	Status      string `json:"status"`
	Overdue     bool   `json:"overdue"`
	DaysOverdue int    `json:"days_overdue"`
	AsOf        string `json:"as_of"`
	// The record: 整改时限, 责任单位, 整改措施, 完成情况, 完成时间, 责任人,
	// and "county" when the unit reported it itself.
	Due         string `json:"due,omitempty"`
	Owner       string `json:"owner,omitempty"`
	Measure     string `json:"measure,omitempty"`
	Completion  string `json:"completion,omitempty"`
	DoneOn      string `json:"done_on,omitempty"`
	Responsible string `json:"responsible,omitempty"`
	Source      string `json:"source,omitempty"`
	// Conflict: two changes made from one record on two laptops.
	Conflict bool `json:"conflict"`
	// LastChange is the revision holding the record (absent while
	// nothing is recorded).
	LastChange *problemChangeJSON `json:"last_change,omitempty"`
	// Evidence are the files attached to the problem.
	Evidence []problemFileJSON `json:"evidence"`
	// Relapse, present for a 反弹, is the problem of the unit's last
	// signed period, closed then, that this deduction repeats.
	Relapse *relapseJSON `json:"relapse,omitempty"`
}

// relapseJSON is the earlier problem a 反弹 repeats: its assessment and
// period, its ID and key there, what was found and its state (closed).
type relapseJSON struct {
	Assessment string `json:"assessment"`
	Period     string `json:"period"`
	ID         string `json:"id"`
	Key        string `json:"key"`
	Found      string `json:"found"`
	Status     string `json:"status"`
}

// problemChangeJSON is one revision of a problem's record: who, where,
// when, what.
type problemChangeJSON struct {
	Revision string `json:"revision"`
	// Parents are the revisions this one changed (absent for the first,
	// and in a list's last_change).
	Parents   []string `json:"parents,omitempty"`
	Inspector string   `json:"inspector"`
	Device    string   `json:"device"`
	Time      string   `json:"time"`
	// Action is assign, rectify, close or return, Status the state after
	// it; Note a return's reason or a 销号's note. An evidence line has
	// no action: File names the file attached.
	Action      string           `json:"action,omitempty"`
	Status      string           `json:"status,omitempty"`
	Due         string           `json:"due,omitempty"`
	Owner       string           `json:"owner,omitempty"`
	Measure     string           `json:"measure,omitempty"`
	Completion  string           `json:"completion,omitempty"`
	DoneOn      string           `json:"done_on,omitempty"`
	Responsible string           `json:"responsible,omitempty"`
	Source      string           `json:"source,omitempty"`
	Note        string           `json:"note,omitempty"`
	File        *problemFileJSON `json:"file,omitempty"`
	// Head marks a revision that is one of the record's current heads;
	// with several heads the problem is in conflict.
	Head bool `json:"head,omitempty"`
}

// problemFileJSON is a file attached to a problem.
type problemFileJSON struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// problemShowJSON is `kaohe problem show --json`: the problem and every
// revision of its record and evidence, oldest first.
type problemShowJSON struct {
	Problem problemJSON         `json:"problem"`
	History []problemChangeJSON `json:"history"`
}

// problemRow is one problem listed, with what the list shows beside it.
type problemRow struct {
	st     *store.State
	number int
	p      assessment.Problem
	files  []assessment.Attachment
	// relapse is the closed problem of the unit's last signed period
	// this one repeats (反弹), nil when it repeats none.
	relapse *assessment.EarlierProblem
}

func (a *app) problemCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "problem",
		Short: "The 问题清单: every deduction of a signed assessment is a problem to rectify (待整改 → 整改中 → 已销号)",
		Example: "  kaohe problem list --period 2021 --status overdue\n  kaohe problem assign 吉首市/2021 --all --due 2027-03-31 --owner 吉首市政务服务中心\n" +
			"  kaohe problem rectify 吉首市/2021 1.2.a#3f9c2a1b --measure 已补充办事指南 --evidence 整改报告.pdf\n  kaohe problem close 吉首市/2021 1.2.a#3f9c2a1b",
	}
	cmd.AddCommand(a.problemListCmd(), a.problemShowCmd(), a.problemAssignCmd(), a.problemRectifyCmd(), a.problemCloseCmd(), a.problemReturnCmd())
	cmd.AddCommand(a.problemBookCmds()...)
	return cmd
}

func (a *app) problemListCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "list [ASSESSMENT | --period P] [--unit U] [--status S] [--as-of DATE] [--json]",
		Short: "List the problems: unit, indicator, what was found, points, state, due date, owner, last change; overdue and conflicts marked",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.ref = args[0]
			}
			return o.list()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the problems of every signed assessment of this period")
	cmd.Flags().StringVar(&o.unit, "unit", "", "only this unit's problems")
	cmd.Flags().StringVar(&o.status, "status", "", "only problems in this state: open, rectifying (returned ones too), returned, closed, withdrawn, overdue")
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "the day overdue is counted on (YYYY-MM-DD; today when not given)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) problemShowCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "show ASSESSMENT PROBLEM [--json]",
		Short: "Show one problem and its whole history: who, device, when, action, state, text, evidence",
		Args:  cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.refs = args[0], args[1:]
			return o.show()
		},
	}
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "the day overdue is counted on (YYYY-MM-DD; today when not given)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) problemAssignCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "assign ASSESSMENT (PROBLEM… | --all) --due YYYY-MM-DD [--owner TEXT]",
		Short: "Give problems a due date (整改时限) and who is responsible (责任单位)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.refs = args[0], args[1:]
			return o.act(store.ProblemAction{Action: assessment.ActionAssign, Due: o.due, Owner: o.owner})
		},
	}
	cmd.Flags().BoolVar(&o.all, "all", false, "every problem not yet closed")
	cmd.Flags().StringVar(&o.due, "due", "", "the due date (整改时限), YYYY-MM-DD")
	cmd.Flags().StringVar(&o.owner, "owner", "", "the unit or person responsible (责任单位/责任人)")
	o.resolveFlag(cmd)
	return cmd
}

func (a *app) problemRectifyCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "rectify ASSESSMENT PROBLEM… --measure TEXT [--done-on DATE] [--evidence FILE]…",
		Short: "Record a rectification reported (整改措施, 完成时间, evidence): the problem is 整改中",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.refs = args[0], args[1:]
			return o.act(store.ProblemAction{Action: assessment.ActionRectify, Measure: o.measure, Completion: o.completion,
				DoneOn: o.done, Responsible: o.responsible, Evidence: o.evidence})
		},
	}
	cmd.Flags().StringVar(&o.measure, "measure", "", "what was done (整改措施)")
	cmd.Flags().StringVar(&o.completion, "completion", "", "how far it is done (完成情况)")
	cmd.Flags().StringVar(&o.done, "done-on", "", "when it was done (完成时间), YYYY-MM-DD")
	cmd.Flags().StringVar(&o.responsible, "responsible", "", "who is responsible for it (责任人)")
	cmd.Flags().StringArrayVar(&o.evidence, "evidence", nil, "a file showing the rectification (repeat for several)")
	o.resolveFlag(cmd)
	return cmd
}

func (a *app) problemCloseCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "close ASSESSMENT PROBLEM… [--note TEXT]",
		Short: "Accept a rectification (销号)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.refs = args[0], args[1:]
			return o.act(store.ProblemAction{Action: assessment.ActionClose, Note: o.note})
		},
	}
	cmd.Flags().StringVar(&o.note, "note", "", "a note kept with the 销号")
	o.resolveFlag(cmd)
	return cmd
}

func (a *app) problemReturnCmd() *cobra.Command {
	o := &problemOptions{app: a}
	cmd := &cobra.Command{
		Use:   "return ASSESSMENT PROBLEM… --reason TEXT",
		Short: "Send a rectification back (退回), with the reason; the problem is 整改中 again",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.refs = args[0], args[1:]
			return o.act(store.ProblemAction{Action: assessment.ActionReturn, Note: o.note})
		},
	}
	cmd.Flags().StringVar(&o.note, "reason", "", "why it is sent back (required)")
	o.resolveFlag(cmd)
	return cmd
}

// resolveFlag adds --resolve, which lets a change settle a problem whose
// record two laptops changed from the same one.
func (o *problemOptions) resolveFlag(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.resolve, "resolve", false, "settle a problem in conflict (changed on two laptops) with this change")
}

// asOfDay is the day overdue is counted on: --as-of, else today.
func (o *problemOptions) asOfDay() (string, error) {
	if o.asOf == "" {
		return o.app.today(), nil
	}
	if !assessment.ValidDate(o.asOf) {
		return "", i18n.Errorf("--as-of %q is not a date written YYYY-MM-DD", o.asOf)
	}
	return o.asOf, nil
}

// keeps reports whether a problem passes --status as of the day asOf.
func keepsStatus(status string, p assessment.Problem, asOf string) bool {
	switch status {
	case "":
		return true
	case "overdue":
		return p.Overdue(asOf)
	case assessment.ProblemRectifying:
		return p.Status == assessment.ProblemRectifying || p.Status == assessment.ProblemReturned
	}
	return p.Status == status
}

// validStatus reports whether --status names something list filters by.
func validStatus(s string) bool {
	switch s {
	case "", "overdue", assessment.ProblemOpen, assessment.ProblemRectifying, assessment.ProblemReturned,
		assessment.ProblemClosed, assessment.ProblemWithdrawn:
		return true
	}
	return false
}

// list prints the problems of the assessments asked for, by unit, then in
// rubric order.
func (o *problemOptions) list() error {
	a := o.app
	if o.ref != "" && o.period != "" {
		return i18n.Errorf("name an assessment or give --period, not both")
	}
	// The period and unit as every other door reads them (２０２１ is 2021;
	// a unit's name trimmed and in NFC).
	o.period = rubric.NormalizePeriod(o.period)
	if o.unit != "" {
		if u, err := store.ValidName("unit", o.unit); err == nil {
			o.unit = u
		}
	}
	if !validStatus(o.status) {
		return i18n.Errorf("--status takes open, rectifying, returned, closed, withdrawn or overdue, not %q", o.status)
	}
	asOf, err := o.asOfDay()
	if err != nil {
		return err
	}
	use := readsStates
	if o.ref != "" || o.period != "" {
		use = reads // one assessment, or one period's (store.StatesOfPeriod)
	}
	return a.openStore(use, func(s opened) error {
		states := s.states
		if o.ref != "" {
			as, err := s.Find(o.ref)
			if err != nil {
				return err
			}
			st, err := s.State(as.ID)
			if err != nil {
				return err
			}
			states = []*store.State{st}
		} else if o.period != "" {
			if states, err = s.StatesOfPeriod(o.period); err != nil {
				return err
			}
			states = live(states)
		} else {
			states = live(states)
		}
		var picked []*store.State
		for _, st := range states {
			if (o.period == "" || st.Assessment.Period == o.period) && (o.unit == "" || st.Assessment.Unit == o.unit) {
				picked = append(picked, st)
			}
		}
		sort.SliceStable(picked, func(i, j int) bool {
			x, y := picked[i].Assessment, picked[j].Assessment
			if x.Unit != y.Unit {
				return x.Unit < y.Unit
			}
			return x.Period < y.Period
		})
		var rows []problemRow
		// Look back among every state read; for one assessment among its
		// unit's earlier ones; for one period among the periods before it,
		// read as far back as needed.
		var lbs *store.Lookbacks
		switch {
		case o.ref != "":
			earlier, err := s.EarlierStates(states[0].Assessment)
			if err != nil {
				return err
			}
			lbs = store.NewLookbacks(earlier)
		case o.period != "":
			if lbs, err = s.LookbacksFor(picked); err != nil {
				return err
			}
		default:
			lbs = store.NewLookbacks(states)
		}
		l := a.labelsOfStates(picked)
		var unmapped []string
		for _, st := range picked {
			problems, err := store.ProblemsOf(st)
			if err != nil {
				return err
			}
			var lb *assessment.Lookback
			if len(problems) > 0 {
				if lb, err = lbs.Of(st, problems); err != nil {
					return err
				}
			}
			files := problemFiles(st)
			for i, p := range problems {
				if keepsStatus(o.status, p, asOf) {
					row := problemRow{st: st, number: i + 1, p: p, files: files[assessment.ProblemSubject(p.Key)]}
					if e, ok := lb.Relapse(p.Key); ok {
						row.relapse = &e
					}
					rows = append(rows, row)
				}
			}
			if lb != nil && len(lb.Unmapped) > 0 {
				unmapped = append(unmapped, unmappedLine(l, st, lb))
			}
		}
		if o.asJSON {
			out := make([]problemJSON, 0, len(rows))
			for _, r := range rows {
				out = append(out, r.json(asOf))
			}
			return writeJSON(a.stdout, out)
		}
		if len(rows) == 0 {
			fmt.Fprintln(a.stdout, l.ProblemCLI.None)
		} else if _, err := io.WriteString(a.stdout, problemTable(l, rows, asOf)); err != nil {
			return err
		}
		// Last period's problems this rubric has no indicator for: listed,
		// not dropped.
		for _, u := range unmapped {
			fmt.Fprintln(a.stdout, u)
		}
		return nil
	})
}

// problemFiles groups an assessment's attachments on problems by the
// problem's subject.
func problemFiles(st *store.State) map[string][]assessment.Attachment {
	out := map[string][]assessment.Attachment{}
	for _, at := range st.Attachments("") {
		if strings.HasPrefix(at.Subject, assessment.ProblemPrefix) {
			out[at.Subject] = append(out[at.Subject], at)
		}
	}
	return out
}

// statusText is a problem's state as the list shows it: 逾期 and 冲突
// added when they apply.
func statusText(l *i18n.Labels, p assessment.Problem, asOf string) string {
	w := l.ProblemCLI
	s := report.ProblemState(l, p.Status)
	if p.Overdue(asOf) {
		s += " " + fmt.Sprintf(w.Overdue, p.DaysOverdue(asOf))
	}
	if p.Conflict {
		s += " " + w.Conflict
	}
	return s
}

// indicatorName is the content of the problem's indicator ("" when the
// rubric no longer has it).
func indicatorName(st *store.State, p assessment.Problem) string {
	if _, ind, ok := st.Rubric.Indicator(p.Indicator); ok {
		return ind.Content
	}
	return ""
}

// found is what the problem says was found: the item's text or the
// rule's note, else the rule's own clause.
func found(st *store.State, p assessment.Problem) string {
	if p.Found != "" {
		return p.Found
	}
	if ref, ok := st.Rubric.Rule(p.Rule); ok {
		return ref.Rule.Clause
	}
	return ""
}

// points is the points column: the deduction, or 一票否决.
func points(l *i18n.Labels, p assessment.Problem) string {
	if p.Veto {
		return l.ProblemCLI.Veto
	}
	return p.Points.Fixed(2)
}

// problemTable lays the rows out as the list prints them.
func problemTable(l *i18n.Labels, rows []problemRow, asOf string) string {
	w := l.ProblemCLI
	ln := textwidth.Line
	cut := func(s string, n int) string { return textwidth.Truncate(ln(s), n, "…") }
	head := []string{w.Number, w.ID, w.Unit, w.Period, w.Indicator, w.Found, w.Points, w.Status, w.Due, w.Owner, w.LastChange}
	cells := [][]string{head}
	for _, r := range rows {
		p := r.p
		due, owner, last := "-", "-", "-"
		if p.Record != nil {
			if p.Record.Due != "" {
				due = p.Record.Due
			}
			if p.Record.Owner != "" {
				owner = cut(p.Record.Owner, 16)
			}
		}
		if p.Revision != nil {
			last = ln(p.Revision.Inspector) + " " + timefmt.Human(p.Revision.Wall)
		}
		ind := p.Indicator
		if name := indicatorName(r.st, p); name != "" {
			ind += " " + cut(name, 16)
		}
		cells = append(cells, []string{fmt.Sprint(r.number), p.ID, ln(r.st.Assessment.Unit), ln(r.st.Assessment.Period), ind,
			cut(found(r.st, p), 30), points(l, p), statusText(l, p, asOf) + relapseTag(l, r.relapse), due, owner, last})
	}
	widths := make([]int, len(head))
	for _, row := range cells {
		for i, c := range row {
			widths[i] = max(widths[i], textwidth.Width(c))
		}
	}
	var b strings.Builder
	for _, row := range cells {
		for i, c := range row {
			switch {
			case i == len(row)-1:
				b.WriteString(c)
			case i == 0 || i == 6:
				b.WriteString(padL(c, widths[i]) + "  ")
			default:
				b.WriteString(pad(c, widths[i]) + "  ")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// json is the row as list --json gives it.
func (r problemRow) json(asOf string) problemJSON {
	p := r.p
	j := problemJSON{Assessment: r.st.Assessment.ID, Unit: r.st.Assessment.Unit, Period: r.st.Assessment.Period, Number: r.number,
		ID: p.ID, Key: p.Key, Rule: p.Rule, Indicator: p.Indicator, IndicatorName: indicatorName(r.st, p), Found: found(r.st, p),
		Points: p.Points.String(), Veto: p.Veto, Inspector: p.Inspector, Status: p.Status, Overdue: p.Overdue(asOf),
		DaysOverdue: p.DaysOverdue(asOf), AsOf: asOf, Conflict: p.Conflict, Evidence: []problemFileJSON{}}
	if rec := p.Record; rec != nil {
		j.Due, j.Owner, j.Measure, j.Completion, j.DoneOn, j.Responsible, j.Source = rec.Due, rec.Owner, rec.Measure, rec.Completion, rec.DoneOn, rec.Responsible, rec.Source
	}
	if p.Revision != nil {
		c := changeJSON(p.Revision, nil)
		c.Parents = nil // a state's heads are read without them; show's history has them
		j.LastChange = &c
	}
	for _, f := range r.files {
		j.Evidence = append(j.Evidence, problemFileJSON{Name: f.Name, SHA256: f.SHA256, Size: f.Size})
	}
	if e := r.relapse; e != nil {
		j.Relapse = &relapseJSON{Assessment: e.Assessment, Period: e.Period, ID: e.ID, Key: e.Key, Found: e.Found, Status: e.Status}
	}
	return j
}

// changeJSON is one revision of a problem's record or evidence.
func changeJSON(r *store.Revision, heads map[string]bool) problemChangeJSON {
	c := problemChangeJSON{Revision: r.ID, Parents: r.Parents, Inspector: r.Inspector, Device: r.Device, Time: timefmt.Machine(r.Wall),
		Note: r.Note, Head: heads[r.ID]}
	switch v := r.Decoded(); v.Kind {
	case assessment.KindProblem:
		rec := v.Problem
		c.Action, c.Status, c.Due, c.Owner, c.Measure, c.Completion, c.DoneOn, c.Responsible, c.Source =
			rec.Action, rec.Status, rec.Due, rec.Owner, rec.Measure, rec.Completion, rec.DoneOn, rec.Responsible, rec.Source
	case assessment.KindFile:
		_, sum, _ := store.ParseEvidenceSubject(r.Subject)
		c.File = &problemFileJSON{Name: v.File.Name, SHA256: sum, Size: v.File.Size}
	}
	return c
}

// show prints one problem and every revision of its record and evidence.
func (o *problemOptions) show() error {
	a := o.app
	asOf, err := o.asOfDay()
	if err != nil {
		return err
	}
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		problems, err := store.ProblemsOf(st)
		if err != nil {
			return err
		}
		p, ok := assessment.FindProblem(problems, o.refs[0])
		if !ok {
			return i18n.Errorf("%s has no problem %q (%d problems)", as.Label(), o.refs[0], len(problems))
		}
		number := 0
		for i := range problems {
			if problems[i].Key == p.Key {
				number = i + 1
			}
		}
		subject := assessment.ProblemSubject(p.Key)
		all, err := s.History(as.ID, "")
		if err != nil {
			return err
		}
		heads := map[string]bool{}
		for _, h := range p.Heads {
			heads[h.ID] = true
		}
		var revs []*store.Revision
		for _, r := range all {
			if target, _, ok := store.ParseEvidenceSubject(r.Subject); r.Subject == subject || (ok && target == subject) {
				revs = append(revs, r)
			}
		}
		row := problemRow{st: st, number: number, p: p, files: problemFiles(st)[subject]}
		if o.asJSON {
			out := problemShowJSON{Problem: row.json(asOf), History: []problemChangeJSON{}}
			for _, r := range revs {
				out.History = append(out.History, changeJSON(r, heads))
			}
			return writeJSON(a.stdout, out)
		}
		l := a.labels(st.Rubric)
		_, err = io.WriteString(a.stdout, textwidth.Sanitize(showText(l, row, revs, heads, asOf), true))
		return err
	}))
}

// showText is problem show's text: the problem, field by field, then its
// history, oldest first.
func showText(l *i18n.Labels, r problemRow, revs []*store.Revision, heads map[string]bool, asOf string) string {
	w := l.ProblemCLI
	ln := textwidth.Line
	p := r.p
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s%s%s\n", name, l.Values.Colon, ln(value))
		}
	}
	fmt.Fprintf(&b, "%s  %s %s  %s %d\n", ln(r.st.Assessment.Label()), w.ID, p.ID, w.Number, r.number)
	ind := p.Indicator
	if name := indicatorName(r.st, p); name != "" {
		ind += " " + name
	}
	field(w.Indicator, ind)
	field(w.Rule, p.Rule)
	field(w.Found, found(r.st, p))
	field(w.Points, points(l, p))
	field(w.Inspector, p.Inspector)
	field(w.Status, statusText(l, p, asOf))
	if rec := p.Record; rec != nil {
		field(w.Due, rec.Due)
		field(w.Owner, rec.Owner)
		field(w.Measure, rec.Measure)
		field(w.Completion, rec.Completion)
		field(w.DoneOn, rec.DoneOn)
		field(w.Responsible, rec.Responsible)
		if rec.Source == assessment.SourceCounty {
			field(w.Source, w.County)
		}
	}
	if len(r.files) > 0 {
		names := make([]string, len(r.files))
		for i, f := range r.files {
			names[i] = f.Name + " (" + store.ShortID(f.SHA256, 8) + ")"
		}
		field(w.Evidence, strings.Join(names, l.Report.ListSep))
	}
	fmt.Fprintf(&b, "%s%s\n", w.History, l.Values.Colon)
	if len(revs) == 0 {
		fmt.Fprintf(&b, "  %s\n", w.NoHistory)
	}
	for _, rev := range revs {
		fmt.Fprintf(&b, "  %s  %s  %s  ", timefmt.Human(rev.Wall), ln(rev.Inspector), ln(rev.Device))
		switch v := rev.Decoded(); v.Kind {
		case assessment.KindProblem:
			rec := v.Problem
			fmt.Fprintf(&b, "%s → %s", report.ProblemAction(l, rec.Action), report.ProblemState(l, rec.Status))
			var parts []string
			for _, f := range []struct{ name, value string }{{w.Due, rec.Due}, {w.Owner, rec.Owner}, {w.Measure, rec.Measure},
				{w.Completion, rec.Completion}, {w.DoneOn, rec.DoneOn}, {w.Responsible, rec.Responsible}} {
				if f.value != "" {
					parts = append(parts, f.name+l.Values.Colon+ln(f.value))
				}
			}
			if rec.Source == assessment.SourceCounty {
				parts = append(parts, w.Source+l.Values.Colon+w.County)
			}
			if len(parts) > 0 {
				b.WriteString("  " + strings.Join(parts, l.Report.ListSep))
			}
		case assessment.KindFile:
			_, sum, _ := store.ParseEvidenceSubject(rev.Subject)
			fmt.Fprintf(&b, w.Attached, ln(v.File.Name), store.ShortID(sum, 8))
		default:
			b.WriteString(ln(shown(rev)))
		}
		if rev.Note != "" {
			fmt.Fprintf(&b, "  「%s」", ln(rev.Note))
		}
		if p.Conflict && heads[rev.ID] {
			fmt.Fprintf(&b, "  [%s]", w.InConflict)
		}
		fmt.Fprintf(&b, "  %s\n", store.ShortID(rev.ID, 8))
	}
	return b.String()
}

// act makes one change to the problems named (or with --all every one
// still to rectify) and prints each problem changed.
func (o *problemOptions) act(action store.ProblemAction) error {
	a := o.app
	if o.all && len(o.refs) > 0 {
		return i18n.Errorf("name the problems or give --all, not both")
	}
	if !o.all && len(o.refs) == 0 {
		return i18n.Errorf("name at least one problem (its ID, such as 1.2.a, or its number in the list)")
	}
	action.Resolve = o.resolve
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		changed, err := s.ActOnProblems(id, as.ID, o.refs, o.all, action)
		if err != nil {
			return err
		}
		l := a.labelsOf(s.Store, as)
		w := l.ProblemCLI
		var b strings.Builder
		if len(changed) == 0 {
			fmt.Fprintf(&b, w.Unchanged+"\n", textwidth.Line(as.Label()))
		}
		for _, p := range changed {
			fmt.Fprintf(&b, w.Changed+"\n", textwidth.Line(as.Label()), p.ID, report.ProblemAction(l, action.Action), report.ProblemState(l, p.Status))
		}
		_, err = io.WriteString(a.stdout, b.String())
		return err
	}))
}
