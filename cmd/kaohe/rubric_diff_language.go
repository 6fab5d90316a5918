package main

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric/diff"
)

// diffText is the wording of a rubric comparison: diffWords, the rubric
// language's words and the kinds' names in the reader's language.
type diffText struct {
	diffWords
	lang  i18n.DiffLanguage
	kinds map[string]string
}

func newDiffText(l *i18n.Labels) diffText {
	return diffText{diffWords: diffWords(l.CLI.Rubric.Diff), lang: l.DiffLanguage, kinds: l.Kind}
}

// name is a field's name, the rubric language's fields included.
func (w diffText) name(field string) string {
	if n, ok := w.lang.Field[field]; ok {
		return n
	}
	return w.diffWords.name(field)
}

// value shows a field's value as the reader reads it: a kind by its name
// in the reader's language, a yes/no field as 是 or 否.
func (w diffText) value(field, v string) string {
	switch field {
	case "kind":
		if n, ok := w.kinds[v]; ok {
			return n
		}
	case "bonus", "penalty", "per_item":
		switch v {
		case "true":
			return w.lang.Yes
		case "false":
			return w.lang.No
		}
	}
	return v
}

// vetoMark is the mark after a rule whose 一票否决 changed: "  [改为一票否决]".
func (w diffText) vetoMark(veto string) string {
	var s string
	switch veto {
	case diff.Added:
		s = w.lang.VetoAdded
	case diff.Removed:
		s = w.lang.VetoRemoved
	case diff.Changed:
		s = w.lang.Veto
	default:
		return ""
	}
	return "  [" + s + "]"
}

// band words one band: 不低于100%：6分, 其余：0分, 优：10分.
func (w diffText) band(b diff.BandLine) string {
	switch {
	case b.Band.Label != "":
		return fmt.Sprintf(w.lang.LabelBand, b.Band.Label, b.Band.Points)
	case b.Band.Min != nil:
		return fmt.Sprintf(w.lang.MinBand, b.Band.Min, b.Unit, b.Band.Points)
	}
	return fmt.Sprintf(w.lang.RestBand, b.Band.Points)
}

// writeGrades prints the grades one by one when they changed.
func writeGrades(b *strings.Builder, w diffText, gs []diff.GradeLine) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintf(b, "%s%s\n", w.lang.Grades, strings.TrimSpace(w.Colon))
	for _, g := range gs {
		text := fmt.Sprintf(w.lang.LastGrade, g.Grade.Name)
		if g.Grade.Min != nil {
			text = fmt.Sprintf(w.lang.Grade, g.Grade.Name, g.Grade.Min)
		}
		fmt.Fprintf(b, "  %s %s\n", g.Op, text)
	}
}

// writeBands prints a rule's bands one by one when they changed.
func writeBands(b *strings.Builder, w diffText, indent string, bs []diff.BandLine) {
	if len(bs) == 0 {
		return
	}
	fmt.Fprintf(b, "%s%s%s\n", indent, w.lang.Bands, strings.TrimSpace(w.Colon))
	for _, l := range bs {
		fmt.Fprintf(b, "%s  %s %s\n", indent, l.Op, w.band(l))
	}
}
