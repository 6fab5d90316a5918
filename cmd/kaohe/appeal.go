package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// dateLayout is how dates on paper are typed: YYYY-MM-DD.
const dateLayout = assessment.DateLayout

// today is today's date on this laptop's clock, in its zone, as dates on
// paper are written: the day a record happened unless --on says, the
// day overdue is counted on unless --as-of says.
func (a *app) today() string { return timefmt.Local(a.now()).Format(dateLayout) }

// onDate is the date a record says it happened: --on as typed (checked by
// the store), else today.
func (a *app) onDate(on string) string {
	if on = strings.TrimSpace(on); on != "" {
		return on
	}
	return a.today()
}

// chosenStates are the live assessments of a period, optionally of some
// units only; a unit named that has none is refused by name.
func chosenStates(s *store.Store, period, units string) ([]*store.State, error) {
	period = rubric.NormalizePeriod(period)
	if period == "" {
		return nil, i18n.Errorf("give the period: --period P")
	}
	all, err := s.StatesOfPeriod(period) // the period's heads only, not the file's years
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, u := range splitList(units) {
		want[u] = false
	}
	var out []*store.State
	for _, st := range live(all) {
		if st.Assessment.Period != period {
			continue
		}
		if len(want) > 0 {
			if _, ok := want[st.Assessment.Unit]; !ok {
				continue
			}
			want[st.Assessment.Unit] = true
		}
		out = append(out, st)
	}
	var missing []string
	for _, u := range splitList(units) {
		if !want[u] {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		return nil, i18n.Errorf("no assessment of %s for period %s (kaohe list shows the units)", strings.Join(missing, "、"), period)
	}
	if len(out) == 0 {
		return nil, i18n.Errorf("no assessment of period %s (kaohe list shows the units)", period)
	}
	return out, nil
}

// feedbackOptions are the inputs of `kaohe feedback`.
type feedbackOptions struct {
	app                         *app
	period, units, deadline, on string
	days                        int
	out                         string
	force                       bool
}

func (a *app) feedbackCmd() *cobra.Command {
	o := &feedbackOptions{app: a}
	cmd := &cobra.Command{
		Use:   "feedback --period P [--units U,…] --deadline YYYY-MM-DD | --days N [--on DATE] [-o DIR]",
		Short: "Issue the preliminary result of each signed assessment of a period, with a deadline for appeals",
		Args:  cobra.NoArgs,
		Example: "  kaohe feedback --period 2021 --days 10 -o 反馈\n" +
			"  kaohe feedback --period 2021 --units 吉首市 --deadline 2022-01-20 --on 2022-01-10",
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period whose signed results are sent (e.g. 2021)")
	cmd.Flags().StringVar(&o.units, "units", "", "only these units, comma-separated")
	cmd.Flags().StringVar(&o.deadline, "deadline", "", "the last day for appeals, YYYY-MM-DD")
	cmd.Flags().IntVar(&o.days, "days", 0, "the deadline as days after the day of issue")
	cmd.Flags().StringVar(&o.on, "on", "", "the day of issue on paper, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "folder for each unit's 反馈 workbook")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite existing workbooks")
	return cmd
}

// run issues the feedback of the chosen assessments in one transaction.
func (o *feedbackOptions) run() error {
	a := o.app
	on := a.onDate(o.on)
	deadline := strings.TrimSpace(o.deadline)
	switch {
	case deadline != "" && o.days != 0:
		return i18n.Errorf("give the deadline once: --deadline YYYY-MM-DD or --days N")
	case deadline == "" && o.days <= 0:
		return i18n.Errorf("give the deadline: --deadline YYYY-MM-DD or --days N")
	case deadline == "":
		t, err := time.Parse(dateLayout, on)
		if err != nil {
			return i18n.Errorf("--on %s: not a date written YYYY-MM-DD", on)
		}
		deadline = t.AddDate(0, 0, o.days).Format(dateLayout)
	}
	return a.openStore(writes, func(s opened) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		sts, err := chosenStates(s.Store, o.period, o.units)
		if err != nil {
			return err
		}
		ids := make([]string, len(sts))
		for i, st := range sts {
			ids[i] = st.Assessment.ID
		}
		if o.out != "" {
			if err := a.checkFeedbackDir(o.out, sts, o.force); err != nil {
				return err
			}
		}
		all, err := s.States()
		if err != nil {
			return err
		}
		// The workbooks are written before the feedback commits: a
		// workbook that cannot be written undoes the feedback (and the
		// workbooks written before it), so it can be issued again.
		var written []string
		var werr error
		recs, err := s.IssueFeedbackAll(id, ids, on, deadline, func(sts []*store.State, recs []store.FeedbackRecord) error {
			if o.out == "" {
				return nil
			}
			for i, st := range sts {
				p, err := a.writeFeedbackWorkbook(o.out, st, &recs[i], live(all), a.labels(st.Rubric), a.now(), o.force)
				if err != nil {
					werr = err
					return err
				}
				written = append(written, p)
			}
			return nil
		})
		if err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			if werr != nil {
				return werr // the workbook's own refusal, not a failed save of the database
			}
			return err
		}
		for i, st := range sts {
			l := a.labels(st.Rubric)
			res, err := st.Score()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, l.Appeals.FeedbackIssued+"\n", textwidth.Line(st.Assessment.Label()), recs[i].Round, recs[i].IssuedOn, recs[i].Deadline, res.Total.Fixed(2))
			if i < len(written) { // written in the order of sts
				fmt.Fprintf(a.stdout, l.Appeals.FeedbackWorkbook+"\n", textwidth.Line(st.Assessment.Label()), textwidth.Line(written[i]))
			}
		}
		return nil
	})
}

func (a *app) appealCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "appeal",
		Short: "A unit's appeals against its preliminary result, and their review",
		Args:  cobra.NoArgs,
		Example: "  kaohe appeal add 吉首市/2021 1.1.a --reason 已建立工作机制 --evidence 文件.pdf\n" +
			"  kaohe appeal decide 吉首市/2021 1 --uphold --value false --note 核实已建立\n" +
			"  kaohe appeal list --period 2021 --open",
	}
	cmd.AddCommand(a.appealAddCmd(), a.appealDecideCmd(), a.appealListCmd(), a.appealImportCmd())
	return cmd
}

// appealAddOptions are the inputs of `kaohe appeal add`.
type appealAddOptions struct {
	app                   *app
	ref, rule, reason, on string
	evidence              []string
	late                  bool
}

func (a *app) appealAddCmd() *cobra.Command {
	o := &appealAddOptions{app: a}
	cmd := &cobra.Command{
		Use: "add ASSESSMENT RULE --reason TEXT [--evidence FILE…] [--on DATE] [--late]", Short: "Record a unit's appeal against one rule's deduction",
		Args:    cobra.ExactArgs(2),
		Example: "  kaohe appeal add 吉首市/2021 1.2.a --reason 人防已于去年划转 --on 2022-01-25 --late",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.rule = args[0], strings.TrimSpace(args[1])
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.reason, "reason", "", "the unit's reason (申诉理由)")
	cmd.Flags().StringArrayVar(&o.evidence, "evidence", nil, "a file the unit sent with its appeal (repeatable)")
	cmd.Flags().StringVar(&o.on, "on", "", "the day the appeal was lodged on paper, YYYY-MM-DD (default: today)")
	cmd.Flags().BoolVar(&o.late, "late", false, "accept an appeal lodged after the deadline (recorded as late)")
	return cmd
}

// run records the appeal.
func (o *appealAddOptions) run() error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		ap, err := s.AddAppeal(id, as.ID, o.rule, o.reason, a.onDate(o.on), o.late, "", o.evidence)
		if err != nil {
			return err
		}
		l := a.labelsOf(s.Store, as)
		late := ""
		if ap.Late {
			late = l.Appeals.Late
		}
		fmt.Fprintf(a.stdout, l.Appeals.AppealAdded+"%s\n", textwidth.Line(as.Label()), ap.Short(), ap.Rule, ap.On, late)
		return nil
	}))
}

// appealDecideOptions are the inputs of `kaohe appeal decide`.
type appealDecideOptions struct {
	app                          *app
	ref, appeal, value, note, on string
	uphold, reject, resolve      bool
}

func (a *app) appealDecideCmd() *cobra.Command {
	o := &appealDecideOptions{app: a}
	cmd := &cobra.Command{
		Use: "decide ASSESSMENT APPEAL --uphold --value V --note T | --reject --note T [--on DATE] [--resolve]", Short: "Record the lead's review of an appeal: upheld with a new value, or rejected",
		Args: cobra.ExactArgs(2),
		Example: "  kaohe appeal decide 吉首市/2021 1 --uphold --value 0.5 --note 核实已整改\n" +
			"  kaohe appeal decide 吉首市/2021 3f9a2c17 --reject --note 属本县事项",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.appeal = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.uphold, "uphold", false, "uphold the appeal: the rule takes --value")
	cmd.Flags().BoolVar(&o.reject, "reject", false, "reject the appeal: the rule keeps its signed value")
	cmd.Flags().StringVar(&o.value, "value", "", "the rule's new value, typed as for kaohe set")
	cmd.Flags().StringVar(&o.note, "note", "", "the reason of the decision (复核意见)")
	cmd.Flags().StringVar(&o.on, "on", "", "the day of the decision on paper, YYYY-MM-DD (default: today)")
	cmd.Flags().BoolVar(&o.resolve, "resolve", false, "settle two laptops' different decisions on the appeal with this one")
	return cmd
}

// run parses the value as set does and records the decision.
func (o *appealDecideOptions) run() error {
	a := o.app
	if o.uphold == o.reject {
		return i18n.Errorf("say the decision: --uphold --value V or --reject")
	}
	if o.reject && o.value != "" {
		return i18n.Errorf("a rejected appeal keeps the signed value: --reject takes no --value")
	}
	if o.uphold && o.value == "" {
		return i18n.Errorf("an upheld appeal needs the rule's new value: --value V")
	}
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		ap, err := store.FindAppeal(st, o.appeal)
		if err != nil {
			return err
		}
		var v *scoring.Value
		if o.uphold {
			ref, _ := st.Rubric.Rule(ap.Rule)
			parsed, err := a.typedValue(st.Rubric, ref.Rule, o.value, o.note)
			if err != nil {
				return err
			}
			v = &parsed
		}
		got, err := s.Decide(id, as.ID, ap.ID, o.uphold, v, o.note, a.onDate(o.on), o.resolve)
		if err != nil {
			return err
		}
		st, err = s.State(as.ID)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		res, err := scoring.Score(st.Rubric, st.FinalFindings())
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, l.Appeals.Decided+"\n", textwidth.Line(as.Label()), got.Short(), report.DecisionText(l, got), got.Rule, res.Total.Fixed(2))
		return nil
	}))
}

// appealListOptions are the inputs of `kaohe appeal list`.
type appealListOptions struct {
	app          *app
	ref, period  string
	open, asJSON bool
}

func (a *app) appealListCmd() *cobra.Command {
	o := &appealListOptions{app: a}
	cmd := &cobra.Command{
		Use: "list [ASSESSMENT | --period P] [--open] [--json]", Short: "List appeals with their decisions",
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = ""
			if len(args) == 1 {
				o.ref = args[0]
			}
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "every assessment of this period")
	cmd.Flags().BoolVar(&o.open, "open", false, "only appeals waiting for a decision")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// appealLine is one appeal as appeal list --json prints it.
type appealLine struct {
	Number     int                   `json:"number"`
	ID         string                `json:"id"`
	Assessment string                `json:"assessment"`
	Round      int                   `json:"round"`
	Rule       string                `json:"rule"`
	Reason     string                `json:"reason"`
	On         string                `json:"on"`
	Late       bool                  `json:"late,omitempty"`
	Source     string                `json:"source,omitempty"`
	Inspector  string                `json:"inspector"`
	Open       bool                  `json:"open"`
	Conflict   bool                  `json:"decision_conflict,omitempty"`
	Decision   *store.DecisionRecord `json:"decision,omitempty"`
	Note       string                `json:"decision_note,omitempty"`
	// AfterFinal marks an appeal or decision merged in after the result
	// was frozen: shown, not applied.
	AfterFinal bool `json:"after_final,omitempty"`
}

// afterFinal reports whether appeal ap or its decision came in after st's
// result was frozen (State.FinalConflicts).
func afterFinal(st *store.State, ap store.Appeal) bool {
	for _, subj := range st.FinalConflicts() {
		if subj == assessment.AppealSubject(ap.ID) || subj == assessment.DecisionSubject(ap.ID) {
			return true
		}
	}
	return false
}

// run prints the appeals of one assessment, a period or every one.
func (o *appealListOptions) run() error {
	a := o.app
	if o.ref != "" && o.period != "" {
		return i18n.Errorf("give either an assessment or --period P, not both")
	}
	return a.openStore(reads, func(s opened) error {
		var sts []*store.State
		switch {
		case o.ref != "":
			as, err := s.Find(o.ref)
			if err != nil {
				return err
			}
			st, err := s.State(as.ID)
			if err != nil {
				return err
			}
			sts = []*store.State{st}
		case o.period != "":
			var err error
			if sts, err = chosenStates(s.Store, o.period, ""); err != nil {
				return err
			}
		default:
			all, err := s.States()
			if err != nil {
				return err
			}
			sts = live(all)
		}
		lines := []appealLine{}
		for _, st := range sts {
			for i, ap := range st.Appeals() {
				if o.open && !ap.Open() {
					continue
				}
				ln := appealLine{Number: i + 1, ID: ap.ID, Assessment: st.Assessment.Label(), Round: ap.Round, Rule: ap.Rule,
					Reason: ap.Reason, On: ap.On, Late: ap.Late, Source: ap.Source, Inspector: ap.Inspector,
					Open: ap.Open(), Conflict: ap.DecisionConflict, Decision: ap.Decision, AfterFinal: afterFinal(st, ap)}
				if ap.DecisionRevision != nil {
					ln.Note = ap.DecisionRevision.Note
				}
				lines = append(lines, ln)
			}
		}
		if o.asJSON {
			return writeJSON(a.stdout, lines)
		}
		var l *i18n.Labels
		if len(sts) > 0 {
			l = a.labels(sts[0].Rubric)
		} else {
			l = a.labels(nil)
		}
		return printAppeals(a.stdout, l, sts, o.open)
	})
}

// printAppeals writes the appeal list's table.
func printAppeals(w io.Writer, l *i18n.Labels, sts []*store.State, onlyOpen bool) error {
	var b strings.Builder
	n := 0
	for _, st := range sts {
		for i, ap := range st.Appeals() {
			if onlyOpen && !ap.Open() {
				continue
			}
			if n == 0 {
				b.WriteString(l.Appeals.ListHead + "\n")
			}
			n++
			reason := strings.Join(strings.Fields(ap.Reason), " ")
			if ap.Late {
				reason += l.Appeals.Late
			}
			decision := report.DecisionText(l, ap)
			if ap.DecisionRevision != nil && ap.Decision != nil && !ap.DecisionConflict {
				decision += l.Values.Colon + ap.DecisionRevision.Note
			}
			if afterFinal(st, ap) {
				decision += l.Appeals.AfterFinalMark
			}
			fmt.Fprintf(&b, "%s  %s  %s  %s  %s  %s  %s\n", pad(strconv.Itoa(i+1), 4), ap.Short(), pad(st.Assessment.Label(), 14),
				pad(ap.Rule, 8), ap.On, pad(reason, 24), decision)
		}
	}
	if n == 0 {
		b.WriteString(l.Appeals.NoAppeals + "\n")
	}
	_, err := io.WriteString(w, textwidth.Sanitize(b.String(), true))
	return err
}

// finalizeOptions are the inputs of `kaohe finalize`.
type finalizeOptions struct {
	app               *app
	period, units, on string
}

func (a *app) finalizeCmd() *cobra.Command {
	o := &finalizeOptions{app: a}
	cmd := &cobra.Command{
		Use: "finalize --period P [--units U,…] [--on DATE]", Short: "Freeze the final result of a period once the deadline passed and every appeal is decided",
		Args:    cobra.NoArgs,
		Example: "  kaohe finalize --period 2021 --on 2022-02-01",
		RunE:    func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period to finalise (e.g. 2021)")
	cmd.Flags().StringVar(&o.units, "units", "", "only these units, comma-separated")
	cmd.Flags().StringVar(&o.on, "on", "", "the day of the final result on paper, YYYY-MM-DD (default: today)")
	return cmd
}

// run freezes the final results of the period in one transaction.
func (o *finalizeOptions) run() error {
	a := o.app
	return a.openStore(writes, func(s opened) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		sts, err := chosenStates(s.Store, o.period, o.units)
		if err != nil {
			return err
		}
		ids := make([]string, len(sts))
		for i, st := range sts {
			ids[i] = st.Assessment.ID
		}
		recs, err := s.FinalizeAll(id, ids, a.onDate(o.on))
		if err != nil {
			return err
		}
		for i, st := range sts {
			st, err := s.State(st.Assessment.ID)
			if err != nil {
				return err
			}
			l := a.labels(st.Rubric)
			pre, err := st.Score()
			if err != nil {
				return err
			}
			fin, err := scoring.Score(st.Rubric, st.FinalFindings())
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, l.Appeals.Finalized+"\n", textwidth.Line(st.Assessment.Label()), recs[i].On, fin.Total.Fixed(2), pre.Total.Fixed(2))
		}
		return nil
	})
}
