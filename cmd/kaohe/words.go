package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// problemLine is one of verify's findings in l's language: where, then why.
func problemLine(l *i18n.Labels, p store.Problem) string {
	if l.Lang != "zh" {
		return p.String()
	}
	where := report.Reason(l, p.Record)
	if p.Revision != "" {
		where = strings.TrimSpace(p.Assessment+" "+p.Subject) + " " + fmt.Sprintf(l.Report.Revision, p.Revision)
	} else if where == "" {
		where = p.Assessment
	}
	return where + l.Values.Colon + report.Reason(l, p.Why)
}
