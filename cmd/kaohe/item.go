package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// itemOptions are the inputs of `kaohe item add|list|remove`.
type itemOptions struct {
	app                    *app
	ref, rule, text, which string
	amount, note           string
	asJSON                 bool
}

// itemJSON is one live item in `kaohe item list --json`.
type itemJSON struct {
	Rule              string  `json:"rule"`
	Number            int     `json:"number"`
	ID                string  `json:"id"`
	Text              string  `json:"text"`
	Amount            *string `json:"amount,omitempty"`
	Note              string  `json:"note,omitempty"`
	Inspector         string  `json:"inspector"`
	Device            string  `json:"device"`
	Time              string  `json:"time"`
	Revision          string  `json:"revision"`
	PossibleDuplicate bool    `json:"possible_duplicate,omitempty"`
}

func (a *app) itemCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "item",
		Short: "Record a count rule's findings item by item (每少1项, 每发现1次); the rule's value is their number",
		Example: "  kaohe item add 吉首市/2021 1.2.a 殡葬\n  kaohe item list 吉首市/2021 1.2.a\n" +
			"  kaohe item remove 吉首市/2021 1.2.a 2",
	}
	cmd.AddCommand(a.itemAddCmd(), a.itemListCmd(), a.itemEditCmd(), a.itemRemoveCmd())
	return cmd
}

func (a *app) itemAddCmd() *cobra.Command {
	o := &itemOptions{app: a}
	cmd := &cobra.Command{
		Use:     "add ASSESSMENT RULE TEXT [--amount X] [--note T]",
		Short:   "Add one item to a count rule",
		Args:    cobra.ExactArgs(3),
		Example: "  kaohe item add 吉首市/2021 1.2.a 殡葬 --note 窗口未公示\n  kaohe item add 吉首市/2021 4.1.a 群众投诉 --amount 1.5",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.rule, o.text = args[0], args[1], args[2]
			return o.add()
		},
	}
	cmd.Flags().StringVar(&o.amount, "amount", "", "the item's own amount, on a rule with a range (每起扣1-2分)")
	cmd.Flags().StringVar(&o.note, "note", "", "more about the item")
	return cmd
}

func (a *app) itemListCmd() *cobra.Command {
	o := &itemOptions{app: a}
	cmd := &cobra.Command{
		Use:     "list ASSESSMENT [RULE] [--json]",
		Short:   "List the live items: number, ID, text, amount, who, when, note; possible duplicates marked",
		Args:    cobra.RangeArgs(1, 2),
		Example: "  kaohe item list 吉首市/2021\n  kaohe item list 吉首市/2021 1.2.a --json",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			if len(args) == 2 {
				o.rule = args[1]
			}
			return o.list()
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) itemEditCmd() *cobra.Command {
	o := &itemOptions{app: a}
	cmd := &cobra.Command{
		Use:     "edit ASSESSMENT RULE ITEM [--text T] [--amount X] [--note T]",
		Short:   "Change one item's text, amount or note (a new revision of it)",
		Args:    cobra.ExactArgs(3),
		Example: "  kaohe item edit 吉首市/2021 1.2.a 1 --text 殡葬管理 --note 大厅未公示",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ref, o.rule, o.which = args[0], args[1], args[2]
			return o.edit(cmd.Flags().Changed("text"), cmd.Flags().Changed("note"))
		},
	}
	cmd.Flags().StringVar(&o.text, "text", "", "the item's new text")
	cmd.Flags().StringVar(&o.amount, "amount", "", "the item's new amount, on a rule with a range")
	cmd.Flags().StringVar(&o.note, "note", "", "the item's new note (empty clears it)")
	return cmd
}

func (a *app) itemRemoveCmd() *cobra.Command {
	o := &itemOptions{app: a}
	return &cobra.Command{
		Use:     "remove ASSESSMENT RULE ITEM",
		Short:   "Remove one item (its number in the list or its ID); its history stays",
		Args:    cobra.ExactArgs(3),
		Example: "  kaohe item remove 吉首市/2021 1.2.a 2\n  kaohe item remove 吉首市/2021 1.2.a 3f9a2c1d",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.rule, o.which = args[0], args[1], args[2]
			return o.remove()
		},
	}
}

// add records a new item and prints it, the rule's new value and the total.
func (o *itemOptions) add() error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		rb, err := s.Rubric(as.RubricID, as.RubricVersion)
		if err != nil {
			return err
		}
		if err := a.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
			return err
		}
		amount, err := o.amountFor(rb)
		if err != nil {
			return err
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		it, err := s.AddItem(id, as.ID, o.rule, o.text, amount, o.note)
		if err != nil {
			return err
		}
		st, res, err := scored(s.Store, as)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		n := len(st.Items(o.rule))
		fmt.Fprintf(a.stdout, l.Items.Added+"\n", textwidth.Line(as.Label()), o.rule, n, textwidth.Line(it.Text), it.Short())
		o.printRule(st, l)
		fmt.Fprintf(a.stdout, l.CLI.Totals+"\n", textwidth.Line(as.Label()),
			res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
		return nil
	}))
}

// amountFor reads --amount as the rule takes it: one amount of its range.
// On a rule without a range any amount is passed on for the store to
// refuse with its reason.
func (o *itemOptions) amountFor(rb *rubric.Rubric) (*decimal.Dec, error) {
	if o.amount == "" {
		return nil, nil
	}
	ref, _ := rb.Rule(o.rule)
	if len(ref.Rule.Range) == 0 {
		d, _ := decimal.Parse(o.amount)
		return &d, nil
	}
	v, err := o.app.typedValue(rb, ref.Rule, o.amount, "")
	if err != nil {
		return nil, err
	}
	if len(v.Items) != 1 {
		return nil, i18n.Errorf("--amount takes one amount, not %s", o.amount)
	}
	return &v.Items[0], nil
}

// printRule prints the rule's value as its items give it, and a
// disagreement with a plain value recorded on it.
func (o *itemOptions) printRule(st *store.State, l *i18n.Labels) {
	a := o.app
	f := st.Findings()[o.rule]
	fmt.Fprintf(a.stdout, l.Items.RuleNow+"\n", textwidth.Line(st.Assessment.Label()), o.rule, len(st.Items(o.rule)), report.FormatValue(l, &f.Value))
	for _, ic := range st.ItemConflicts() {
		if ic.Rule == o.rule {
			fmt.Fprintln(a.stdout, disagreement(l, st, ic))
		}
	}
}

// disagreement words a plain value that disagrees with the rule's items.
func disagreement(l *i18n.Labels, st *store.State, ic store.ItemConflict) string {
	plain := report.ShownValue(l, ic.Rule, ic.Plain.Decoded())
	label := textwidth.Line(st.Assessment.Label())
	return fmt.Sprintf(l.Items.Disagrees, label, ic.Rule, textwidth.Line(plain), len(ic.Items), report.FormatValue(l, &ic.Derived), label, ic.Rule)
}

// list prints the live items, one a line, numbered per rule.
func (o *itemOptions) list() error {
	a := o.app
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		if o.rule != "" {
			if err := a.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
				return err
			}
		}
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		items := st.Items(o.rule)
		numbers := itemNumbers(items)
		if o.asJSON {
			out := make([]itemJSON, 0, len(items))
			for i, it := range items {
				j := itemJSON{Rule: it.Rule, Number: numbers[i], ID: it.ID, Text: it.Text, Note: it.Note, Inspector: it.Inspector,
					Device: it.Device, Time: timefmt.Machine(it.Wall), Revision: it.Revision, PossibleDuplicate: it.Duplicate}
				if it.Amount != nil {
					t := it.Amount.String()
					j.Amount = &t
				}
				out = append(out, j)
			}
			return writeJSON(a.stdout, out)
		}
		if len(items) == 0 {
			if o.rule != "" {
				fmt.Fprintln(a.stdout, fmt.Sprintf(l.Items.NoneOn, textwidth.Line(as.Label()), o.rule))
			} else {
				fmt.Fprintln(a.stdout, fmt.Sprintf(l.Items.None, textwidth.Line(as.Label()), textwidth.Line(as.Label())))
			}
			return nil
		}
		var b strings.Builder
		for i, it := range items {
			fmt.Fprintf(&b, "%s  %3d. %s  %s", pad(it.Rule, 6), numbers[i], it.Short(), textwidth.Line(it.Text))
			if it.Amount != nil {
				fmt.Fprintf(&b, "  "+l.Items.Amount, it.Amount.String())
			}
			fmt.Fprintf(&b, "  %s  %s", textwidth.Line(it.Inspector), timefmt.Human(it.Wall))
			if it.Note != "" {
				fmt.Fprintf(&b, "  「%s」", textwidth.Line(it.Note))
			}
			if it.Duplicate {
				fmt.Fprintf(&b, "  [%s]", l.Items.Duplicate)
			}
			b.WriteString("\n")
		}
		for _, ic := range st.ItemConflicts() {
			if o.rule == "" || ic.Rule == o.rule {
				b.WriteString(disagreement(l, st, ic) + "\n")
			}
		}
		_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
		return err
	}))
}

// itemNumbers numbers items within each rule from 1, in Items' order: the
// numbers item remove takes.
func itemNumbers(items []store.Item) []int {
	out := make([]int, len(items))
	per := map[string]int{}
	for i, it := range items {
		per[it.Rule]++
		out[i] = per[it.Rule]
	}
	return out
}

// edit records a new revision of one item with the fields given.
func (o *itemOptions) edit(text, note bool) error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		rb, err := s.Rubric(as.RubricID, as.RubricVersion)
		if err != nil {
			return err
		}
		if err := a.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
			return err
		}
		var e store.ItemEdit
		if e.Amount, err = o.amountFor(rb); err != nil {
			return err
		}
		if text {
			e.Text = &o.text
		}
		if note {
			e.Note = &o.note
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		it, err := s.EditItem(id, as.ID, o.rule, o.which, e)
		if err != nil {
			return err
		}
		st, res, err := scored(s.Store, as)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		if it.Revision == "" {
			fmt.Fprintf(a.stdout, l.CLI.Unchanged+"\n", textwidth.Line(as.Label()), report.ResultTotalText(l, res))
			return nil
		}
		fmt.Fprintf(a.stdout, l.Items.Edited+"\n", textwidth.Line(as.Label()), o.rule, textwidth.Line(it.Text), it.Short())
		o.printRule(st, l)
		fmt.Fprintf(a.stdout, l.CLI.Totals+"\n", textwidth.Line(as.Label()),
			res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
		return nil
	}))
}

// remove retracts one item and prints it, the rule's value and the total.
func (o *itemOptions) remove() error {
	a := o.app
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := a.knownSubject(s.Store, as, o.rule, ruleOnly); err != nil {
			return err
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		it, err := s.RemoveItem(id, as.ID, o.rule, o.which)
		if err != nil {
			return err
		}
		st, res, err := scored(s.Store, as)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		fmt.Fprintf(a.stdout, l.Items.Removed+"\n", textwidth.Line(as.Label()), o.rule, textwidth.Line(it.Text), it.Short())
		o.printRule(st, l)
		fmt.Fprintf(a.stdout, l.CLI.Totals+"\n", textwidth.Line(as.Label()),
			res.Total.Fixed(2), res.Base.Fixed(2), res.Bonus.Fixed(2), res.Progress.IndicatorsRecorded, res.Progress.IndicatorsTotal)
		return nil
	}))
}
