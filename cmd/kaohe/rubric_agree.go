package main

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/draft"
	"github.com/kaohe/kaohe/rubric/sheet"
)

// loadRubricChecked loads the rubric file at path as loadRubric does and
// lists the numbers that disagree with its own words (draft.Mismatches),
// worded in the language of labels (picked from the rubric) and
// positioned as the loader positions its own problems: file:line:col in a
// YAML file, file:sheet!cell in a workbook. The file is read once, so the
// positions are of the bytes that were loaded.
func (a *app) loadRubricChecked(path string) (*rubric.Rubric, rubric.Errors, error) {
	format, parse, locate := "a YAML file", rubric.Parse, rubric.Locate
	if isWorkbook(path) {
		format, parse, locate = "an Excel workbook (.xlsx)", sheet.Parse, sheet.Locate
	}
	data, err := rubric.ReadFile(path, format)
	if err != nil {
		return nil, nil, err
	}
	rb, err := parse(path, data)
	if err != nil {
		return nil, nil, err
	}
	ms := draft.Mismatches(rb)
	if len(ms) == 0 {
		return rb, nil, nil
	}
	l := a.labels(rb)
	ps := make([]rubric.Problem, len(ms))
	for i, m := range ms {
		ps[i] = rubric.Problem{Path: m.Path, Message: mismatchText(l, m)}
	}
	return rb, locate(path, data, ps), nil
}

// mismatchText words one mismatch: "1.2.a 扣分 0.3，但条款写“扣0.2分”".
func mismatchText(l *i18n.Labels, m draft.Mismatch) string {
	w := l.Agreement
	field := w.Field[m.Field]
	if field == "" {
		field = m.Field
	}
	format := w.Clause
	switch {
	case m.InContent:
		format = w.Content
	case m.InTitle:
		format = w.Title
	}
	return fmt.Sprintf(format, m.ID, field, m.Value, m.Words)
}
