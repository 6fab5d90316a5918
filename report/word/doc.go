package word

import (
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// Document is one document written: the file name it is saved under (a
// unit's documents are named after the unit) and its bytes.
type Document struct {
	Name  string
	Unit  string
	Bytes []byte
}

// Template is an office's own template: its file name (for messages)
// and bytes; a nil Template means the built-in one.
type Template struct {
	Name  string
	Bytes []byte
}

// writer fills documents of one report: the office's template, opened
// once, or the built-in one, laid out once for each shape a document takes
// (with or without a table of deductions …).
type writer struct {
	l        *i18n.Labels
	r        *report.Report
	tpl      *prepared
	builtins map[string]*prepared
}

func newWriter(l *i18n.Labels, r *report.Report, tpl *Template) (*writer, error) {
	w := &writer{l: l, r: r, builtins: map[string]*prepared{}}
	if tpl != nil {
		p, err := prepare(tpl.Name, tpl.Bytes, false)
		if err != nil {
			return nil, err
		}
		w.tpl = p
	}
	return w, nil
}

// write fills the template, or the built-in one laid out for d.
func (w *writer) write(d Data) ([]byte, error) {
	ncat := len(w.r.Categories)
	if w.tpl != nil {
		return w.tpl.fill(d, ncat)
	}
	shape := fmt.Sprint(d.Kind, len(d.Lists["扣分"]) == 0, len(d.Lists["问题"]) == 0, len(d.Lists["共性"]) == 0, d.Fields["申诉期限"] == "")
	p := w.builtins[shape]
	if p == nil {
		b, err := Builtin(w.l, d, w.r.Graded, ncat)
		if err != nil {
			return nil, err
		}
		if p, err = prepare("builtin.docx", b, true); err != nil {
			return nil, err
		}
		w.builtins[shape] = p
	}
	return p.fill(d, ncat)
}

// WriteNotice writes the 通报 of r (one period's report), from states:
// its units' stages, and the 共性问题 of every unit of the period under
// the report's rubric (the report's own analysis when it was built with
// one, else report.CommonProblems of the same states: the 共性问题 sheet of
// kaohe report either way).
func WriteNotice(l *i18n.Labels, r *report.Report, states []*store.State, o Options, tpl *Template) ([]byte, error) {
	o = o.withStates(states)
	common, found := []report.CommonProblem(nil), false
	for _, an := range r.Analyses {
		if an.Period == r.Period {
			common, found = an.Common, true
		}
	}
	if !found && len(r.Ranking) > 0 {
		var period []*store.State
		for _, st := range states {
			a := st.Assessment
			if clean(a.Period) == r.Period && a.RubricID+" "+a.RubricVersion == r.Ranking[0].Rubric {
				period = append(period, st)
			}
		}
		var err error
		if common, err = report.CommonProblems(period); err != nil {
			return nil, err
		}
	}
	w, err := newWriter(l, r, tpl)
	if err != nil {
		return nil, err
	}
	return w.write(NoticeData(l, r, o, common))
}

// WriteUnits writes kind's document (反馈意见书 or 整改通知书) for each unit
// of r, from its state among states, each named after its unit.
func WriteUnits(l *i18n.Labels, kind Kind, r *report.Report, states []*store.State, o Options, tpl *Template) ([]Document, error) {
	o = o.withStates(states)
	byUnit := map[string]*store.State{}
	for _, st := range states {
		byUnit[clean(st.Assessment.Unit)+"\x00"+clean(st.Assessment.Period)+"\x00"+st.Assessment.RubricID+" "+st.Assessment.RubricVersion] = st
	}
	w, err := newWriter(l, r, tpl)
	if err != nil {
		return nil, err
	}
	var out []Document
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		st := byUnit[sh.Unit+"\x00"+sh.Period+"\x00"+sh.RubricID+" "+sh.RubricVersion]
		if st == nil {
			return nil, fmt.Errorf("%s %s: no state", sh.Unit, sh.Period)
		}
		d, err := UnitData(l, kind, r, sh, st, o)
		if err != nil {
			return nil, err
		}
		b, err := w.write(d)
		if err != nil {
			return nil, err
		}
		out = append(out, Document{Name: FileName(l, kind, sh.Unit, sh.Period), Unit: sh.Unit, Bytes: b})
	}
	return out, nil
}

// FileName is the file a unit's document is saved as:
// 吉首市2021年度反馈意见书.docx, with no character a file name may not hold.
func FileName(l *i18n.Labels, kind Kind, unit, period string) string {
	name := unit + fmt.Sprintf(l.Doc.TitleYear, period) + l.Doc.KindName[string(kind)] + ".docx"
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, name)
}
