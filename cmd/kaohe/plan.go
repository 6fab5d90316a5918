package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// planOptions are the inputs of `kaohe plan assign|list|double|reveal`.
type planOptions struct {
	app        *app
	period     string
	units      []string
	categories string
	asJSON     bool
	resolve    bool
}

// planJSON is one unit in `kaohe plan list --json`. Its field names are
// stable: docs/分工与覆盖.md lists them and scripts read them.
type planJSON struct {
	Assessment  string           `json:"assessment"`
	Unit        string           `json:"unit"`
	Period      string           `json:"period"`
	Assignments []assignmentJSON `json:"assignments"`
	// Double names the two blind double scorers (absent when none);
	// Revealed says whether the lead revealed their scores to each other.
	Double   []string `json:"double,omitempty"`
	Revealed bool     `json:"revealed"`
	// DoubleConflict: two leads named different double scorers; Double
	// is the latest, DoubleAlternatives every pair that meets there.
	DoubleConflict     bool       `json:"double_conflict,omitempty"`
	DoubleAlternatives [][]string `json:"double_alternatives,omitempty"`
}

// assignmentJSON is one inspector's assignment on a unit. With Conflict,
// two leads' plans disagree: Categories is the one that counts for now
// (the latest), Alternatives every plan that meets there.
type assignmentJSON struct {
	Inspector    string     `json:"inspector"`
	Categories   []string   `json:"categories"`
	Conflict     bool       `json:"conflict"`
	Alternatives [][]string `json:"alternatives,omitempty"`
}

func (a *app) planCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "The lead's plan for the visit (分工): who scores which categories of which units, and blind double scoring",
		Example: "  kaohe plan assign 张三 --categories 1,2,3 --units 吉首市,泸溪县 --period 2021\n  kaohe plan double 张三 李四 --units 吉首市\n" +
			"  kaohe plan list --period 2021\n  kaohe plan reveal 吉首市",
	}
	cmd.AddCommand(a.planAssignCmd(), a.planListCmd(), a.planDoubleCmd(), a.planRevealCmd())
	return cmd
}

func (a *app) planAssignCmd() *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:   "assign INSPECTOR --categories C,… [--units U,…] [--period P]",
		Short: "Assign categories of the rubric to an inspector on some units (all of them when not named); assessments not made yet are made",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("categories") {
				return i18n.Errorf("name the categories with --categories (such as 1,2,3; an empty list takes the inspector off the plan)")
			}
			return o.assign(args[0])
		},
	}
	cmd.Flags().StringVar(&o.categories, "categories", "", "the rubric's categories assigned, by ID, comma-separated")
	o.unitFlags(cmd)
	cmd.Flags().BoolVar(&o.resolve, "resolve", false, "settle two leads' different plans for this inspector with this one")
	return cmd
}

func (a *app) planDoubleCmd() *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:   "double INSPECTOR INSPECTOR [--units U,…] [--period P]",
		Short: "Have two inspectors score units blind (双人背靠背): neither sees the other's values until the lead reveals them",
		Args:  cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			return o.double(args[0], args[1])
		},
	}
	o.unitFlags(cmd)
	return cmd
}

func (a *app) planRevealCmd() *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:   "reveal UNIT… [--period P]",
		Short: "Reveal a blind double scoring: its two inspectors see each other's values",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.units = args
			return o.reveal()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period (default: the one period of the assessments)")
	return cmd
}

func (a *app) planListCmd() *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:   "list [--period P] [--json]",
		Short: "List the plan per unit: inspector → categories, blind double scoring, conflicts between leads' plans",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			return o.list()
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "only this period")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// unitFlags adds --units and --period.
func (o *planOptions) unitFlags(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&o.units, "units", nil, "the units, comma-separated (default: the rubric's units and every unit assessed in the period)")
	cmd.Flags().StringVar(&o.period, "period", "", "the period (default: the one period of the assessments, else the rubric's year)")
}

// splitList reads a comma-separated list as typed: full-width commas and
// 、 too, blanks around each name dropped, empty names left out.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
	var out []string
	for _, x := range f {
		if x = strings.Trim(x, " \t\u3000"); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// planTarget is where a plan change goes: the period, the rubric new
// assessments are made under, and each unit with its assessment when it
// exists.
type planTarget struct {
	period   string
	rb       *rubric.Rubric
	units    []string
	existing map[string]store.Assessment // by unit
}

// target works out the period, the rubric and the units a plan change is
// for. The period is --period, else the one period of the live
// assessments, else the year of the one stored rubric; the units are
// --units, else the rubric's units with every unit assessed in the period.
func (o *planOptions) target(s *store.Store) (planTarget, error) {
	var t planTarget
	all, err := s.Assessments()
	if err != nil {
		return t, err
	}
	states := make([]*store.State, 0, len(all))
	for _, as := range all {
		st, err := s.State(as.ID)
		if err != nil {
			return t, err
		}
		states = append(states, st)
	}
	withdrawn := map[string]bool{} // assessment IDs
	for _, st := range states {
		if st.Withdrawn() != nil {
			withdrawn[st.Assessment.ID] = true
		}
	}
	states = live(states)
	t.period = rubric.NormalizePeriod(o.period)
	if t.period == "" {
		if t.period, err = o.app.onePeriod(s, states); err != nil {
			return t, err
		}
	}
	t.existing = map[string]store.Assessment{}
	var assessed []string
	for _, st := range states {
		if st.Assessment.Period == t.period {
			t.existing[st.Assessment.Unit] = st.Assessment
			assessed = append(assessed, st.Assessment.Unit)
			if t.rb == nil {
				t.rb = st.Rubric
			}
		}
	}
	if t.rb == nil {
		if t.rb, err = o.app.rubricForPeriod(s, t.period); err != nil {
			return t, err
		}
	}
	for _, u := range o.units {
		t.units = append(t.units, splitList(u)...)
	}
	named := len(t.units) > 0
	if !named {
		t.units = append(t.units, t.rb.Units...)
		sort.Strings(assessed)
		for _, u := range assessed {
			if !slices.Contains(t.units, u) {
				t.units = append(t.units, u)
			}
		}
	}
	if len(t.units) == 0 {
		return t, i18n.Errorf("the rubric lists no units and %s has no assessments: name the units with --units", t.period)
	}
	for i, u := range t.units {
		if t.units[i], err = store.ValidName("unit", u); err != nil {
			return t, err
		}
	}
	t.units = slices.Compact(t.units)
	// A withdrawn assessment takes no plan: the unit's assessment under
	// this rubric would be that one again. Named, it is refused; among
	// the defaults, left out.
	kept := t.units[:0]
	for _, u := range t.units {
		if _, ok := t.existing[u]; !ok && withdrawn[store.AssessmentID(t.rb.ID, t.rb.Version, u, t.period)] {
			if named {
				return t, i18n.Errorf("%s/%s is withdrawn: it takes no plan", u, t.period)
			}
			continue
		}
		kept = append(kept, u)
	}
	t.units = kept
	return t, nil
}

// onePeriod is the period a plan or coverage command is for when none is
// given: the one period of the live assessments, or with none, the year
// of the one stored rubric.
func (a *app) onePeriod(s *store.Store, states []*store.State) (string, error) {
	var periods []string
	for _, st := range states {
		if !slices.Contains(periods, st.Assessment.Period) {
			periods = append(periods, st.Assessment.Period)
		}
	}
	sort.Strings(periods)
	switch len(periods) {
	case 1:
		return periods[0], nil
	case 0:
		rbs, err := s.Rubrics()
		if err != nil {
			return "", err
		}
		if len(rbs) == 1 && rbs[0].Year() != "" {
			return rbs[0].Year(), nil
		}
	}
	return "", i18n.Errorf("give the period with --period (the assessments are of %s)", strings.Join(periods, ", "))
}

// write records each unit's changes in one transaction and prints, per
// unit, what changed.
func (o *planOptions) write(s *store.Store, t planTarget, changes func(unit string) []store.Change) error {
	a := o.app
	id, err := a.identity(s)
	if err != nil {
		return err
	}
	var ucs []store.UnitChanges
	for _, u := range t.units {
		uc := store.UnitChanges{Unit: u, Changes: changes(u)}
		if as, ok := t.existing[u]; ok {
			if uc.Rubric, err = s.Rubric(as.RubricID, as.RubricVersion); err != nil {
				return err
			}
		}
		ucs = append(ucs, uc)
	}
	as, revs, err := s.RecordUnits(id, t.rb, t.period, ucs)
	if err != nil {
		return err
	}
	l := a.labels(t.rb)
	w := l.Plan
	byAssessment := map[string][]store.Revision{}
	for _, r := range revs {
		byAssessment[r.Assessment] = append(byAssessment[r.Assessment], r)
	}
	for _, x := range as {
		label := textwidth.Line(x.Label())
		if _, ok := t.existing[x.Unit]; !ok {
			fmt.Fprintf(a.stdout, w.Created+"\n", label)
		}
		rs := byAssessment[x.ID]
		if len(rs) == 0 {
			fmt.Fprintf(a.stdout, w.Unchanged+"\n", label)
		}
		for _, r := range rs {
			fmt.Fprintln(a.stdout, label+l.Values.Colon+planChangeText(l, r.Subject, r.Decoded()))
		}
	}
	return nil
}

// planChangeText words one recorded change of the plan.
func planChangeText(l *i18n.Labels, subject string, v assessment.Value) string {
	w := l.Plan
	switch {
	case v.Double != nil && len(v.Double.Inspectors) == 2:
		return fmt.Sprintf(w.DoubleSet, textwidth.Line(v.Double.Inspectors[0]), textwidth.Line(v.Double.Inspectors[1]))
	case v.Reveal != nil:
		return w.RevealedNow
	case v.Plan != nil:
		who := textwidth.Line(strings.TrimPrefix(subject, assessment.PlanPrefix))
		if len(v.Plan.Categories) == 0 {
			return fmt.Sprintf(w.Removed, who)
		}
		return fmt.Sprintf(w.Assigned, who, strings.Join(v.Plan.Categories, w.Sep))
	}
	return subject
}

// assign writes inspector's assignment on every unit of the target.
func (o *planOptions) assign(inspector string) error {
	name, err := store.ValidName("inspector", inspector)
	if err != nil {
		return err
	}
	cats := splitList(o.categories)
	return o.app.openStore(creates, func(s opened) error {
		t, err := o.target(s.Store)
		if err != nil {
			return err
		}
		return o.write(s.Store, t, func(string) []store.Change {
			c := store.SetPlan(name, cats)
			c.Resolve = o.resolve
			return []store.Change{c}
		})
	})
}

// double has two inspectors score the target's units blind.
func (o *planOptions) double(x, y string) error {
	var names [2]string
	for i, n := range []string{x, y} {
		v, err := store.ValidName("inspector", n)
		if err != nil {
			return err
		}
		names[i] = v
	}
	return o.app.openStore(creates, func(s opened) error {
		t, err := o.target(s.Store)
		if err != nil {
			return err
		}
		return o.write(s.Store, t, func(string) []store.Change {
			return []store.Change{store.SetDouble(names[0], names[1])}
		})
	})
}

// reveal reveals the blind double scoring of the named units; a unit
// with none (or none assessed) is refused, naming it, and nothing is
// written.
func (o *planOptions) reveal() error {
	return o.app.openStore(writes, func(s opened) error {
		t, err := o.target(s.Store)
		if err != nil {
			return err
		}
		for _, u := range t.units {
			as, ok := t.existing[u]
			if !ok {
				return i18n.Errorf("%s has no assessment of %s", u, t.period)
			}
			st, err := s.State(as.ID)
			if err != nil {
				return err
			}
			if len(st.Double()) == 0 {
				return i18n.Errorf("%s: no blind double scoring to reveal", as.Label())
			}
		}
		return o.write(s.Store, t, func(string) []store.Change { return []store.Change{store.Reveal()} })
	})
}

// list prints the plan of every live assessment (of --period), by unit.
func (o *planOptions) list() error {
	a := o.app
	period := rubric.NormalizePeriod(o.period)
	return a.openStore(readsStates, func(s opened) error {
		var picked []*store.State
		for _, st := range live(s.states) {
			if period == "" || st.Assessment.Period == period {
				picked = append(picked, st)
			}
		}
		sortStates(picked)
		out := make([]planJSON, 0, len(picked))
		for _, st := range picked {
			out = append(out, planOf(st))
		}
		if o.asJSON {
			return writeJSON(a.stdout, out)
		}
		l := a.labelsOfStates(picked)
		w := l.Plan
		if len(out) == 0 {
			fmt.Fprintln(a.stdout, l.CLI.NoAssessments)
			return nil
		}
		for _, p := range out {
			fmt.Fprintln(a.stdout, textwidth.Line(p.Unit+"/"+p.Period))
			if len(p.Assignments) == 0 {
				fmt.Fprintln(a.stdout, "  "+w.NoPlan)
			}
			width := 0
			for _, as := range p.Assignments {
				width = max(width, textwidth.Width(textwidth.Line(as.Inspector)))
			}
			for _, as := range p.Assignments {
				line := "  " + pad(textwidth.Line(as.Inspector), width) + "  " + categoriesText(l, as.Categories)
				if as.Conflict {
					var alts []string
					for _, alt := range as.Alternatives {
						alts = append(alts, categoriesText(l, alt))
					}
					line += "  " + fmt.Sprintf(w.Conflict, strings.Join(alts, w.Or))
				}
				fmt.Fprintln(a.stdout, line)
			}
			if len(p.Double) == 2 {
				format := w.DoubleBlind
				if p.Revealed {
					format = w.DoubleRevealed
				}
				line := "  " + fmt.Sprintf(format, textwidth.Line(p.Double[0]), textwidth.Line(p.Double[1]))
				if p.DoubleConflict {
					var alts []string
					for _, alt := range p.DoubleAlternatives {
						alts = append(alts, textwidth.Line(strings.Join(alt, w.Sep)))
					}
					line += "  " + fmt.Sprintf(w.Conflict, strings.Join(alts, w.Or))
				}
				fmt.Fprintln(a.stdout, line)
			}
		}
		return nil
	})
}

// categoriesText lists categories as the plan shows them.
func categoriesText(l *i18n.Labels, cats []string) string {
	if len(cats) == 0 {
		return l.Plan.NoCategories
	}
	return fmt.Sprintf(l.Plan.CategoriesOf, strings.Join(cats, l.Plan.Sep))
}

// planOf is one unit's plan as plan list gives it.
func planOf(st *store.State) planJSON {
	p := planJSON{Assessment: st.Assessment.ID, Unit: st.Assessment.Unit, Period: st.Assessment.Period,
		Assignments: []assignmentJSON{}, Double: st.Double(), Revealed: st.Revealed()}
	if ss := st.Subjects[assessment.SubjectDouble]; ss != nil && ss.Conflict() {
		p.DoubleConflict = true
		for _, h := range ss.Heads {
			if v := h.Decoded(); v.Double != nil {
				p.DoubleAlternatives = append(p.DoubleAlternatives, v.Double.Inspectors)
			}
		}
	}
	for _, as := range st.Assignments() {
		j := assignmentJSON{Inspector: as.Inspector, Categories: as.Categories, Conflict: as.Conflict}
		if as.Conflict {
			for _, h := range as.Heads {
				if v := h.Decoded(); v.Plan != nil {
					j.Alternatives = append(j.Alternatives, v.Plan.Categories)
				}
			}
		}
		p.Assignments = append(p.Assignments, j)
	}
	return p
}

// sortStates orders states as the rubric lists its units (the
// prefecture's order, not the characters'), units it does not list after
// them by name, then by period.
func sortStates(states []*store.State) {
	rank := func(st *store.State) int {
		if i := slices.Index(st.Rubric.Units, st.Assessment.Unit); i >= 0 {
			return i
		}
		return len(st.Rubric.Units)
	}
	sort.SliceStable(states, func(i, j int) bool {
		x, y := states[i].Assessment, states[j].Assessment
		if rx, ry := rank(states[i]), rank(states[j]); rx != ry {
			return rx < ry
		}
		if x.Unit != y.Unit {
			return x.Unit < y.Unit
		}
		return x.Period < y.Period
	})
}
