package rectify

import (
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// ImportOptions say which workbook the office expects: a period and a
// unit ("" takes the workbook's own).
type ImportOptions struct {
	Period, Unit string
}

// Imported is what an import recorded: the problems whose rectification
// it recorded, the rows already recorded as they are (left alone), and
// the rows the unit did not fill in.
type Imported struct {
	Returned         *Returned
	Recorded         []assessment.Problem
	Unchanged, Empty int
	// StillReturned are the unchanged rows' problems the office returned
	// (退回): the unit sent back what it had reported, so nothing was
	// reported anew.
	StillReturned []assessment.Problem
}

// Import reads a unit's returned 问题清单 (Read) and records each filled
// row as a rectification the unit reported (assessment.SourceCounty), all
// in one transaction: a workbook refused for any row records nothing.
//
// A row is recorded only when it says something the problem's record does
// not: its measure or completion date differ, or it gives a completion or
// a responsible person the record does not have (an emptied completion or
// responsible person keeps the recorded one, as a rectification reported
// without them does). So importing the same workbook again records
// nothing, even when the office returned (退回) the problem since — the
// unit has to change what it reports — and a later version of the
// workbook records only the rows that changed. A row that changes a
// closed (已销号) or withdrawn problem is refused, naming its cell; an
// unchanged one is left alone.
func Import(s *store.Store, id store.Identity, path string, opt ImportOptions) (*Imported, error) {
	ret, err := read(path)
	if err != nil {
		return nil, err
	}
	if ret.changed != "" {
		now, known := wroteNow(s, ret)
		return nil, ret.errChanged(now, known)
	}
	if opt.Period != "" && opt.Period != ret.Period {
		return nil, i18n.Errorf("%s: the workbook is for %s; this import is for %s", ret.at(colNo, 1), ret.Unit+"/"+ret.Period, pick(opt.Unit, ret.Unit)+"/"+opt.Period)
	}
	if opt.Unit != "" && opt.Unit != ret.Unit {
		return nil, i18n.Errorf("%s: the workbook is for %s; this import is for %s", ret.at(colNo, 2), ret.Unit+"/"+ret.Period, opt.Unit+"/"+pick(opt.Period, ret.Period))
	}
	out := &Imported{Returned: ret}
	problems := map[string][]assessment.Problem{}
	var steps []store.ProblemStep
	for _, row := range ret.Rows {
		at := ret.at(colID, row.Row)
		aid, key, _ := SplitRef(row.ID)
		ps, ok := problems[aid]
		if !ok {
			st, err := s.State(aid)
			if store.CodeOf(err) == store.CodeInvalid {
				return nil, i18n.Errorf("%s: no problem %s in %s (it may belong to another database, or the assessment was deleted)", at, key, aid)
			}
			if err != nil {
				return nil, err
			}
			if st.Assessment.Period != ret.Period || st.Assessment.Unit != ret.Unit {
				return nil, i18n.Errorf("%s: the workbook is for %s; this import is for %s", at, ret.Unit+"/"+ret.Period, st.Assessment.Label())
			}
			if ps, err = store.ProblemsOf(st); err != nil {
				return nil, err
			}
			problems[aid] = ps
		}
		p, found := findKey(ps, key)
		if !found {
			return nil, i18n.Errorf("%s: no problem %s in %s (it may belong to another database, or the assessment was deleted)", at, shownID(key), ret.Unit+"/"+ret.Period)
		}
		if !row.Filled() {
			out.Empty++
			continue
		}
		if same(p.Record, row) {
			out.Unchanged++
			if p.Status == assessment.ProblemReturned {
				out.StillReturned = append(out.StillReturned, p)
			}
			continue
		}
		if p.Conflict {
			return nil, i18n.Errorf("%s: problem %s is in conflict (its record was changed from one record on two laptops); settle it before importing", ret.at(colMeasure, row.Row), p.ID)
		}
		switch p.Status {
		case assessment.ProblemClosed:
			return nil, i18n.Errorf("%s: problem %s is closed (已销号); the row changes what was accepted", ret.at(colMeasure, row.Row), p.ID)
		case assessment.ProblemWithdrawn:
			return nil, i18n.Errorf("%s: problem %s is withdrawn (已撤销): the deduction that made it is gone", ret.at(colMeasure, row.Row), p.ID)
		}
		steps = append(steps, store.ProblemStep{Assessment: aid, Problem: p.Key, Action: store.ProblemAction{
			Action: assessment.ActionRectify, Measure: row.Measure, Completion: row.Completion, DoneOn: row.DoneOn,
			Responsible: row.Responsible, Source: assessment.SourceCounty}})
	}
	if len(steps) == 0 {
		return out, nil
	}
	recorded, err := s.ActOnProblemSteps(id, steps)
	if err != nil {
		return nil, err
	}
	out.Recorded = recorded
	return out, nil
}

// pick is s, or else when s is "".
func pick(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// findKey finds a problem by its key.
func findKey(ps []assessment.Problem, key string) (assessment.Problem, bool) {
	for _, p := range ps {
		if p.Key == key {
			return p, true
		}
	}
	return assessment.Problem{}, false
}

// same reports whether recording row as a rectification would leave rec
// as it is (what a rectification keeps when a field is empty, it keeps).
func same(rec *assessment.ProblemRecord, row ReturnedRow) bool {
	if rec == nil || rec.Status == assessment.ProblemOpen {
		return false
	}
	return rec.Measure == row.Measure && rec.DoneOn == row.DoneOn &&
		(row.Completion == "" || row.Completion == rec.Completion) &&
		(row.Responsible == "" || row.Responsible == rec.Responsible)
}

// wroteNow is what kaohe writes now in the workbook's changed cell, when
// the workbook's period and unit still have a 问题清单 to lay out.
func wroteNow(s *store.Store, ret *Returned) (string, bool) {
	entries, err := Collect(s, ret.Period, ret.Unit)
	if err != nil {
		return "", false
	}
	l := i18n.For(ret.Lang)
	b, err := NewBook(l, entries, ret.Period, ret.Unit)
	if err != nil {
		return "", false
	}
	for _, c := range b.locked(l) {
		if c.ref() == ret.changed {
			return c.text, true
		}
	}
	return "", false
}
