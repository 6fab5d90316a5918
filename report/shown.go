package report

import (
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// ShownValue is a stored value as a person reads it in their language:
// 是/否 for a flag, the status by its name, a note's text, an attachment by
// its file name, 已撤销 for a retraction (nil). Machine output (JSON) keeps
// the stored text instead.
func ShownValue(l *i18n.Labels, subject string, value *string) string {
	if value == nil {
		return l.CLI.Retracted
	}
	r := &store.Revision{Subject: subject, Value: value}
	if subject == store.SubjectStatus {
		return l.StatusName(store.DisplayValue(r))
	}
	if subject == store.SubjectWithdrawn {
		return l.CLI.Doors.WithdrawnMark
	}
	if strings.HasPrefix(subject, store.NotePrefix) {
		return store.DecodeText(value)
	}
	if _, _, ok := store.ParseEvidenceSubject(subject); ok {
		return store.DisplayValue(r)
	}
	if v, err := store.DecodeValue(*value); err == nil {
		return FormatValue(l, &v)
	}
	return *value
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
	if subject == store.SubjectStatus {
		return l.Status
	}
	if subject == store.SubjectWithdrawn {
		return l.CLI.Doors.WithdrawnMark
	}
	return subject
}
