package report

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// ShownValue is a recorded value as a person reads it in their language,
// the one formatter every door uses: 是/否 for a flag, a figure as written,
// the status by its name, a note's text, an attachment by its file name and
// hash prefix, 已撤销 for a retraction. Machine output (JSON) keeps the
// stored text instead.
func ShownValue(l *i18n.Labels, subject string, v store.Value) string {
	switch v.Kind {
	case assessment.KindNone:
		return l.CLI.Retracted
	case assessment.KindRule:
		return FormatValue(l, &v.Rule)
	case assessment.KindStatus:
		return l.StatusName(v.Status())
	case assessment.KindText:
		if subject == store.SubjectWithdrawn {
			return l.CLI.Doors.WithdrawnMark
		}
		return v.Text
	case assessment.KindFile:
		_, sum, _ := store.ParseEvidenceSubject(subject)
		return v.File.Name + " (" + store.ShortID(sum, 8) + ")"
	case assessment.KindItem:
		if v.Item.Amount != nil {
			return v.Item.Text + " (" + fmt.Sprintf(l.Items.Amount, v.Item.Amount.String()) + ")"
		}
		return v.Item.Text
	case assessment.KindProblem:
		return ProblemRecordText(l, v.Problem)
	case assessment.KindSelf:
		return fmt.Sprintf(l.PlanShown.Self, v.Self.Score.String())
	case assessment.KindPlan:
		w := l.PlanShown
		switch {
		case v.Plan != nil && len(v.Plan.Categories) == 0:
			return w.Unassigned
		case v.Plan != nil:
			return fmt.Sprintf(w.Assigned, strings.Join(v.Plan.Categories, w.Joiner))
		case v.Double != nil:
			return fmt.Sprintf(w.Double, strings.Join(v.Double.Inspectors, w.Joiner))
		case v.Reveal != nil:
			return w.Revealed
		}
	}
	return "?" // a damaged value: kaohe verify names it
}

// SubjectText is a subject as a person reads it: an indicator's note as
// 备注 1.2, an attachment as 附件 1.2.a, a rule by its ID.
func SubjectText(l *i18n.Labels, subject string) string {
	if id, ok := strings.CutPrefix(subject, store.NotePrefix); ok {
		return l.Note + " " + id
	}
	if target, _, ok := store.ParseEvidenceSubject(subject); ok {
		return l.Report.Attachment + " " + target
	}
	if rule, _, ok := assessment.ParseItemSubject(subject); ok {
		return l.Items.Subject + " " + rule
	}
	if subject == store.SubjectStatus {
		return l.Status
	}
	if subject == store.SubjectWithdrawn {
		return l.CLI.Doors.WithdrawnMark
	}
	switch subject {
	case assessment.SubjectDouble:
		return l.Plan.DoubleSubject
	case assessment.SubjectReveal:
		return l.Plan.RevealSubject
	}
	if who, ok := strings.CutPrefix(subject, assessment.PlanPrefix); ok {
		return fmt.Sprintf(l.Plan.PlanSubject, who)
	}
	return subject
}
