package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/report/feedbackbook"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// feedbackPath is where feedback -o DIR writes a unit's 反馈 workbook.
func (a *app) feedbackPath(dir string, st *store.State) string {
	return filepath.Join(dir, feedbackbook.FileName(a.labels(st.Rubric), safeFileName(st.Assessment.Unit)))
}

// safeFileName makes a unit's name (from another laptop) a file name: no
// folder separators, no control characters.
func safeFileName(name string) string {
	name = textwidth.Sanitize(name, false)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}

// checkFeedbackDir refuses, before any feedback is recorded, a folder
// that cannot take the workbooks: one that is a file, or that holds a
// workbook of these units already (without --force).
func (a *app) checkFeedbackDir(dir string, sts []*store.State, force bool) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return i18n.Errorf("-o %s: not a folder", dir)
	} else if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return i18n.Errorf("-o %s: cannot make the folder: %v", dir, errors.Unwrap(err))
		}
	}
	if force {
		return nil
	}
	for _, st := range sts {
		p := a.feedbackPath(dir, st)
		if _, err := os.Lstat(p); err == nil {
			return &report.ExistsError{Path: p}
		}
	}
	return nil
}

// writeFeedbackWorkbook writes st's 反馈 workbook of round fb into dir;
// all are the period's assessments, for its rank.
func (a *app) writeFeedbackWorkbook(dir string, st *store.State, fb *store.FeedbackRecord, all []*store.State, l *i18n.Labels, now time.Time, force bool) (string, error) {
	b, err := feedbackbook.New(l, st, fb, all, now)
	if err != nil {
		return "", err
	}
	p := a.feedbackPath(dir, st)
	return p, report.AtomicWriteFunc(p, force, func(w io.Writer) error { return b.Write(l, w) })
}

// appealImportOptions are the inputs of `kaohe appeal import`.
type appealImportOptions struct {
	app      *app
	file, on string
	late     bool
}

func (a *app) appealImportCmd() *cobra.Command {
	o := &appealImportOptions{app: a}
	cmd := &cobra.Command{
		Use: "import FILE.xlsx", Short: "Read a unit's appeals from its returned 反馈 workbook", Args: cobra.ExactArgs(1),
		Example: "  kaohe appeal import 吉首市反馈.xlsx --on 2022-01-15",
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.on, "on", "", "the day the workbook came back on paper, YYYY-MM-DD (default: today)")
	cmd.Flags().BoolVar(&o.late, "late", false, "accept an appeal lodged after the deadline (recorded as late)")
	return cmd
}

// run reads the workbook, then records its appeals in one transaction;
// a refusal anywhere records none.
func (o *appealImportOptions) run() error {
	a := o.app
	ret, err := feedbackbook.Read(o.file)
	if err != nil {
		return err
	}
	return a.openStore(writes, findThen(ret.AssessmentID, func(s opened, as store.Assessment) error {
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		if fb, _ := st.Feedback(); fb == nil || fb.Round != ret.Round || fb.Digest != ret.Digest {
			cur := 0
			if fb != nil {
				cur = fb.Round
			}
			return i18n.Errorf("%s answers feedback round %d of %s; its current round is %d: send the unit the current workbook", o.file, ret.Round, as.Label(), cur)
		}
		var appeals []store.NewAppeal
		for _, ap := range ret.Appeals {
			appeals = append(appeals, store.NewAppeal{Rule: ap.Rule, Reason: ap.Reason})
		}
		added, err := s.AddAppeals(id, as.ID, appeals, a.onDate(o.on), o.late, assessment.SourceCounty)
		if err != nil {
			return fmt.Errorf("%s: %w", o.file, err)
		}
		l := a.labels(st.Rubric)
		if len(added) == 0 {
			fmt.Fprintf(a.stdout, l.FeedbackBook.Nothing+"\n", textwidth.Line(o.file), textwidth.Line(as.Label()))
			return nil
		}
		fmt.Fprintf(a.stdout, l.FeedbackBook.Imported+"\n", textwidth.Line(o.file), textwidth.Line(as.Label()), len(added))
		return nil
	}))
}
