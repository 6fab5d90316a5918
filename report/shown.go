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
	case assessment.KindPlan:
		return planValue(l, v)
	case assessment.KindItem:
		if v.Item.Amount != nil {
			return v.Item.Text + " (" + fmt.Sprintf(l.Items.Amount, v.Item.Amount.String()) + ")"
		}
		return v.Item.Text
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

// planValue is a part of the lead's plan as history and conflicts show
// it: an inspector's categories, the two blind double scorers, the
// reveal.
func planValue(l *i18n.Labels, v store.Value) string {
	w := l.Plan
	switch {
	case v.Plan != nil && len(v.Plan.Categories) == 0:
		return w.NoCategories
	case v.Plan != nil:
		return fmt.Sprintf(w.CategoriesOf, strings.Join(v.Plan.Categories, w.Sep))
	case v.Double != nil:
		return strings.Join(v.Double.Inspectors, w.Sep)
	case v.Reveal != nil:
		return w.Revealed
	}
	return "?"
}
