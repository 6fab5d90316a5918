package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/report/word"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// docOptions are the inputs of kaohe doc tongbao, feedback and rectify.
type docOptions struct {
	app                  *app
	kind                 word.Kind
	period, out          string
	issuer, date, tplArg string
	force                bool
	allowUnverified      bool // write over records failing their hash, marked 未通过核验
}

func (a *app) docCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "doc",
		Short: "Write the Word documents an office sends: the 通报, each unit's 反馈意见书 and 整改通知书",
		Args:  cobra.NoArgs,
		Example: "  kaohe doc tongbao --period 2021 -o 2021年度考核结果通报.docx --issuer 州政务服务中心\n" +
			"  kaohe doc feedback --period 2021 -o 反馈意见书\n" +
			"  kaohe doc rectify 吉首市/2021 -o 整改 --template 红头模板.docx\n" +
			"  kaohe doc fields",
	}
	cmd.AddCommand(a.docKindCmd(word.Notice), a.docKindCmd(word.Feedback), a.docKindCmd(word.Rectify), a.docFieldsCmd())
	return cmd
}

// docKindCmd is the command that writes one kind of document.
func (a *app) docKindCmd(kind word.Kind) *cobra.Command {
	o := &docOptions{app: a, kind: kind}
	cmd := &cobra.Command{Args: cobra.MaximumNArgs(1)}
	switch kind {
	case word.Notice:
		cmd.Use = "tongbao --period P -o FILE.docx [--issuer T] [--date D] [--template F]"
		cmd.Short = "Write the period's 考核结果通报: the ranking with 等次 and category scores, the 考核组, each unit's fingerprint"
		cmd.Args = cobra.NoArgs
	case word.Feedback:
		cmd.Use = "feedback UNIT/PERIOD|--period P -o DIR [--issuer T] [--date D] [--template F]"
		cmd.Short = "Write each unit's 反馈意见书: its score, rank, category scores and every deduction as a sentence"
	case word.Rectify:
		cmd.Use = "rectify UNIT/PERIOD|--period P -o DIR [--issuer T] [--date D] [--template F]"
		cmd.Short = "Write each unit's 整改通知书 with its 问题清单 (the problems of its signed result)"
	}
	cmd.RunE = func(_ *cobra.Command, args []string) error {
		ref := ""
		if len(args) == 1 {
			ref = args[0]
		}
		return o.run(ref)
	}
	cmd.Flags().StringVar(&o.period, "period", "", "the period (e.g. 2021)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "the file (tongbao) or folder (feedback, rectify) to write")
	cmd.Flags().StringVar(&o.issuer, "issuer", "", "the issuing body (发文机关)")
	cmd.Flags().StringVar(&o.date, "date", "", "the document's date, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&o.tplArg, "template", "", "the office's own .docx template with {{fields}} (kaohe doc fields lists them)")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite existing files")
	cmd.Flags().BoolVar(&o.allowUnverified, "allow-unverified", false, "write the documents although records fail their hash: they say 未通过核验 in place of the fingerprint")
	return cmd
}

// run writes the documents.
func (o *docOptions) run(ref string) error {
	a := o.app
	if o.out == "" {
		if o.kind == word.Notice {
			return i18n.Errorf("give the output file: -o FILE")
		}
		return i18n.Errorf("give the output folder: -o DIR")
	}
	if o.kind != word.Notice {
		switch {
		case ref != "" && o.period != "":
			return i18n.Errorf("give an assessment (UNIT/PERIOD) or --period P, not both")
		case ref == "" && o.period == "":
			return i18n.Errorf("give an assessment (UNIT/PERIOD) or --period P")
		}
	} else if o.period == "" {
		return i18n.Errorf("give an assessment (UNIT/PERIOD) or --period P")
	}
	if o.date != "" && !assessment.ValidDate(o.date) {
		return i18n.Errorf("the date %q is not a date written YYYY-MM-DD", o.date)
	}
	var tpl *word.Template
	if o.tplArg != "" {
		info, err := os.Stat(o.tplArg)
		if err != nil {
			return err
		}
		if info.Size() > word.MaxTemplateMiB<<20 {
			return i18n.Errorf("the template %s is larger than %d MiB", o.tplArg, word.MaxTemplateMiB)
		}
		b, err := os.ReadFile(o.tplArg)
		if err != nil {
			return err
		}
		tpl = &word.Template{Name: filepath.Base(o.tplArg), Bytes: b}
	}
	o.period = rubric.NormalizePeriod(o.period)
	return a.openStore(readsStates, func(s opened) error {
		states := live(s.states)
		a.warnUntrusted(s.Store, states...)
		var units []string
		if ref != "" {
			as, err := s.Find(ref)
			if err != nil {
				return err
			}
			o.period, units = as.Period, []string{as.Unit}
		}
		l := a.labelsOfStates(states)
		// As kaohe report does: no fingerprint is printed over records that
		// fail their hash, unless asked, and then they say so.
		check := &reportOptions{app: a, period: o.period, allowUnverified: o.allowUnverified}
		unverified, err := check.unverified(s.Store, states, l)
		if err != nil {
			return err
		}
		r, err := report.Build(states, report.Filter{Period: o.period, Units: units, Unverified: unverified}, l, a.now())
		if err != nil {
			return err
		}
		var roster, leads []string
		team, err := s.Team()
		if err != nil {
			return err
		}
		for _, m := range team {
			roster = append(roster, m.Name)
			if m.Role == store.RoleLead {
				leads = append(leads, m.Name)
			}
		}
		opts := word.Options{Issuer: o.issuer, Date: o.date, Team: roster, Leads: leads, Now: a.now()}
		if o.kind == word.Notice {
			b, err := word.WriteNotice(l, r, states, opts, tpl)
			if err != nil {
				return worded(l, err)
			}
			if err := report.AtomicWrite(o.out, b, o.force); err != nil {
				return r.Worded(err)
			}
			fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(l.Doc.Wrote, o.out)))
			return nil
		}
		docs, err := word.WriteUnits(l, o.kind, r, states, opts, tpl)
		if err != nil {
			return worded(l, err)
		}
		return o.writeAll(l, r, docs)
	})
}

// writeAll writes each unit's document into the output folder, made if
// need be; every document is checked before the first is written, so a
// refusal leaves the folder as it was.
func (o *docOptions) writeAll(l *i18n.Labels, r *report.Report, docs []word.Document) error {
	if info, err := os.Stat(o.out); err == nil && !info.IsDir() {
		return i18n.Errorf("%s is not a folder", o.out)
	}
	if !o.force {
		for _, d := range docs {
			if _, err := os.Lstat(filepath.Join(o.out, d.Name)); err == nil {
				return r.Worded(&report.ExistsError{Path: filepath.Join(o.out, d.Name)})
			}
		}
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		if err := report.AtomicWrite(filepath.Join(o.out, d.Name), d.Bytes, o.force); err != nil {
			return r.Worded(err)
		}
	}
	fmt.Fprintln(o.app.stdout, textwidth.Line(fmt.Sprintf(l.Doc.WroteMany, len(docs), o.out)))
	return nil
}

// worded words a template's refusal in l's language.
func worded(l *i18n.Labels, err error) error {
	if m, ok := err.(interface{ In(*i18n.Labels) string }); ok {
		return fmt.Errorf("%s", m.In(l))
	}
	return err
}

// docFieldsOptions are the inputs of kaohe doc fields.
type docFieldsOptions struct{ app *app }

func (a *app) docFieldsCmd() *cobra.Command {
	o := &docFieldsOptions{app: a}
	return &cobra.Command{
		Use: "fields", Short: "List the {{fields}} a template of each document may name", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
}

// run prints each kind's fields with what they hold.
func (o *docFieldsOptions) run() error {
	a := o.app
	rb := rubric.Default()
	l := a.labels(rb)
	ncat := len(rb.Categories)
	var b strings.Builder
	b.WriteString(l.Doc.FieldsHead + "\n")
	for _, k := range word.Kinds() {
		fmt.Fprintf(&b, "\n"+l.Doc.FieldsKind+"\n", l.Doc.KindName[string(k)], k)
		for _, f := range word.Fields(k, ncat) {
			meaning := l.Doc.FieldMeaning[f.Name]
			if meaning == "" && strings.Contains(f.Name, "类别") {
				meaning = l.Doc.ColCategory
			}
			mark := ""
			if f.List != "" {
				mark = "  [" + l.Doc.FieldList + "]"
			}
			fmt.Fprintf(&b, "  %s  %s%s\n", pad("{{"+f.Name+"}}", 16), meaning, mark)
		}
	}
	_, err := fmt.Fprint(a.stdout, b.String())
	return err
}
