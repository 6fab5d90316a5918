package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/report/selfbook"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// selfOptions are the inputs of `kaohe selfassess …`.
type selfOptions struct {
	app               *app
	period, unit, out string
	file, evidence    string
	force, asJSON     bool
}

// maxSelfEvidence bounds one evidence file of a 自评表, as kaohe attach's
// default does: checked for every file before anything is recorded, so a
// file too large refuses the import whole.
const maxSelfEvidence = store.DefaultBlobLimit

// selfGapJSON is one line of `kaohe selfassess gaps --json`.
type selfGapJSON struct {
	Unit      string `json:"unit"`
	Period    string `json:"period"`
	Indicator string `json:"indicator"`
	Claimed   string `json:"claimed"`
	Score     string `json:"score"`
	Gap       string `json:"gap"`
}

func (a *app) selfAssessCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "selfassess",
		Short: "The county's self-assessment (自评): its workbook out and back, and where it claimed more than verified",
		Args:  cobra.NoArgs,
	}
	o := &selfOptions{app: a}
	export := &cobra.Command{
		Use:     "export --period P --unit U -o FILE [--force]",
		Short:   "Write the 自评表 a county fills: each indicator's content and standard, locked, and its columns to fill",
		Example: "  kaohe selfassess export --period 2021 --unit 吉首市 -o 吉首市自评表.xlsx",
		Args:    cobra.NoArgs,
		RunE:    func(*cobra.Command, []string) error { return o.export() },
	}
	export.Flags().StringVar(&o.period, "period", "", "the period (e.g. 2021)")
	export.Flags().StringVar(&o.unit, "unit", "", "the unit")
	export.Flags().StringVarP(&o.out, "output", "o", "", "the workbook to write")
	export.Flags().BoolVar(&o.force, "force", false, "overwrite the workbook if it exists")
	imp := &cobra.Command{
		Use:     "import FILE [--evidence DIR]",
		Short:   "Record a county's filled 自评表 as its self-assessment, with the evidence files it names",
		Example: "  kaohe selfassess import 吉首市自评表.xlsx --evidence 吉首市佐证材料",
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			return o.importBook()
		},
	}
	imp.Flags().StringVar(&o.evidence, "evidence", "", "the folder holding the evidence files named")
	gaps := &cobra.Command{
		Use:     "gaps [--period P] [--json]",
		Short:   "Indicators whose verified score is below the county's self-score, by how much",
		Example: "  kaohe selfassess gaps --period 2021",
		Args:    cobra.NoArgs,
		RunE:    func(*cobra.Command, []string) error { return o.gaps() },
	}
	gaps.Flags().StringVar(&o.period, "period", "", "the period (e.g. 2021)")
	gaps.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	cmd.AddCommand(export, imp, gaps)
	return cmd
}

// export writes the unit's 自评表.
func (o *selfOptions) export() error {
	a := o.app
	switch {
	case o.out == "":
		return i18n.Errorf("give the output file: -o FILE")
	case o.period == "" || o.unit == "":
		return i18n.Errorf("give the period and the unit: --period P --unit U")
	}
	ref := o.unit + "/" + rubric.NormalizePeriod(o.period)
	return a.openStore(reads, findThen(ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		b := selfbook.New(l, st)
		if err := report.AtomicWriteFunc(o.out, o.force, func(w io.Writer) error { return b.Write(l, w) }); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, l.SelfAssess.Exported+"\n", textwidth.Line(as.Label()), len(b.Rows), textwidth.Line(o.out))
		return nil
	}))
}

// importBook records a returned 自评表, all of it or nothing: every row
// and every evidence file named is checked, then the self-assessment and
// its files are recorded in one transaction (store.RecordSelf).
func (o *selfOptions) importBook() error {
	a := o.app
	aid, err := selfbook.Check(o.file)
	if err != nil {
		return err
	}
	return a.openStore(writes, func(s opened) error {
		st, err := s.State(aid)
		if err != nil {
			return i18n.Errorf("the workbook is the self-assessment of assessment %s, which this database does not have", store.ShortID(aid, 8))
		}
		ret, err := selfbook.Read(o.file, st.Rubric)
		if err != nil {
			return err
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric)
		var files []store.SelfFiles
		for _, c := range ret.Rows {
			if o.evidence == "" || len(c.Self.Files) == 0 {
				continue
			}
			sf := store.SelfFiles{Indicator: c.Indicator}
			for _, name := range c.Self.Files {
				p := filepath.Join(o.evidence, name)
				fi, err := os.Stat(p)
				if err != nil || !fi.Mode().IsRegular() {
					return i18n.Errorf("%s: the evidence %q is not in %s", c.FileAt, name, o.evidence)
				}
				if fi.Size() > maxSelfEvidence {
					return i18n.Errorf("%s: the evidence %q is larger than %d MB", c.FileAt, name, maxSelfEvidence>>20)
				}
				sf.Paths = append(sf.Paths, p)
			}
			files = append(files, sf)
		}
		var changes []store.Change
		for _, c := range ret.Rows {
			ch := store.SetSelf(c.Indicator, c.Self.Score, c.Self.Note, c.Self.Files)
			ch.Note = l.SelfAssess.RevisionNote
			changes = append(changes, ch)
		}
		revs, attached, err := s.RecordSelf(id, aid, changes, files, store.AttachOptions{Limit: maxSelfEvidence})
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, l.SelfAssess.Imported+"\n", textwidth.Line(st.Assessment.Label()), len(revs), len(changes)-len(revs), attached)
		return nil
	})
}

// gaps lists, per unit, the indicators verified lower than claimed.
func (o *selfOptions) gaps() error {
	a := o.app
	period := rubric.NormalizePeriod(o.period)
	return a.openStore(readsStates, func(s opened) error {
		var out []selfGapJSON
		var l *i18n.Labels
		for _, st := range live(s.states) {
			if period != "" && st.Assessment.Period != period {
				continue
			}
			if l == nil {
				l = a.labels(st.Rubric)
			}
			res, err := st.Score()
			if err != nil {
				return err
			}
			for _, g := range assessment.SelfGaps(res, st.SelfScores()) {
				out = append(out, selfGapJSON{Unit: st.Assessment.Unit, Period: st.Assessment.Period, Indicator: g.Indicator,
					Claimed: g.Claimed.Fixed(2), Score: g.Score.Fixed(2), Gap: g.Gap.Fixed(2)})
			}
		}
		if o.asJSON {
			if out == nil {
				out = []selfGapJSON{}
			}
			return writeJSON(a.stdout, out)
		}
		if l == nil {
			l = a.labels(nil)
		}
		w := l.SelfAssess
		var b strings.Builder
		if len(out) == 0 {
			b.WriteString(w.NoGaps + "\n")
		} else {
			b.WriteString(strings.Join([]string{pad(w.GapUnit, 14), pad(w.Indicator, 6), padL(w.GapClaimed, 8), padL(w.GapScore, 8), padL(w.GapBy, 8)}, "  ") + "\n")
		}
		for _, g := range out {
			b.WriteString(strings.Join([]string{pad(g.Unit+"/"+g.Period, 14), pad(g.Indicator, 6), padL(g.Claimed, 8), padL(g.Score, 8), padL(g.Gap, 8)}, "  ") + "\n")
		}
		_, err := io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
		return err
	})
}
