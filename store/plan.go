package store

import (
	"database/sql"
	"slices"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// PlanRecord, DoubleRecord and Assignment are the lead's plan for a unit
// (see assessment/plan.go).
type (
	PlanRecord   = assessment.PlanRecord
	DoubleRecord = assessment.DoubleRecord
	Assignment   = assessment.Assignment
)

// SetPlan is the change that assigns categories of the rubric to
// inspector for the assessment's unit; no categories take the inspector
// off the plan (the record stays, empty, in history).
func SetPlan(inspector string, categories []string) Change {
	cs := append([]string{}, categories...)
	slices.Sort(cs)
	cs = slices.Compact(cs)
	return Change{Subject: assessment.PlanSubject(inspector), Value: assessment.Value{Kind: assessment.KindPlan, Plan: &PlanRecord{Categories: cs}}}
}

// SetDouble is the change that has two inspectors score the unit blind.
func SetDouble(a, b string) Change {
	ins := []string{a, b}
	slices.Sort(ins)
	return Change{Subject: assessment.SubjectDouble, Value: assessment.Value{Kind: assessment.KindPlan, Double: &DoubleRecord{Inspectors: ins}}}
}

// Reveal is the change that reveals a blind double scoring to its two
// inspectors.
func Reveal() Change {
	return Change{Subject: assessment.SubjectReveal, Value: assessment.Value{Kind: assessment.KindPlan, Reveal: &assessment.RevealRecord{Revealed: true}}}
}

// checkPlan validates a part of the plan on every way in: an inspector's
// name as names are stored, categories of the rubric, two different
// double scorers.
func checkPlan(rb *rubric.Rubric, subject string, v Value) error {
	if v.Retracted() || v.Kind != assessment.KindPlan {
		return invalid("%s: the record is not a part of the plan", subject)
	}
	switch subject {
	case assessment.SubjectDouble:
		if v.Double == nil || len(v.Double.Inspectors) != 2 || v.Double.Inspectors[0] == v.Double.Inspectors[1] {
			return invalid("a blind double scoring names two different inspectors")
		}
		for _, n := range v.Double.Inspectors {
			if got, err := ValidName("inspector", n); err != nil || got != n {
				return invalid("%s: %q is not an inspector's name as kaohe stores it", subject, n)
			}
		}
		return nil
	case assessment.SubjectReveal:
		if v.Reveal == nil || !v.Reveal.Revealed {
			return invalid("%s: the record is not a part of the plan", subject)
		}
		return nil
	}
	name := strings.TrimPrefix(subject, assessment.PlanPrefix)
	if got, err := ValidName("inspector", name); err != nil || got != name {
		return invalid("%s: %q is not an inspector's name as kaohe stores it", subject, name)
	}
	if v.Plan == nil {
		return invalid("%s: the record is not a part of the plan", subject)
	}
	for i, c := range v.Plan.Categories {
		if !slices.ContainsFunc(rb.Categories, func(cat rubric.Category) bool { return cat.ID == c }) {
			return invalid("rubric %s %s has no category %q", rb.ID, rb.Version, c)
		}
		if i > 0 && v.Plan.Categories[i-1] >= c {
			return invalid("%s: the categories are listed once each, in order", subject)
		}
	}
	return nil
}

// UnitChanges are the changes to record on one unit's assessment of a
// period (RecordUnits).
type UnitChanges struct {
	Unit string
	// Rubric is the rubric of the unit's assessment when it exists under
	// another than the one RecordUnits creates missing ones under; nil:
	// that one.
	Rubric  *rubric.Rubric
	Changes []Change
}

// RecordUnits records each unit's changes on its assessment of period
// under rb, creating the assessments that do not exist yet (creation
// writes no revision, as CreateAssessment's), all in one transaction: the
// lead's plan for a visit precedes the visit, and a plan refused for one
// unit changes none. It returns the units' assessments, in order, and the
// new revisions.
func (s *Store) RecordUnits(id Identity, rb *rubric.Rubric, period string, units []UnitChanges) ([]Assessment, []Revision, error) {
	if id.Inspector == "" {
		return nil, nil, ErrNoInspector
	}
	period, err := ValidName("period", period)
	if err != nil {
		return nil, nil, err
	}
	if period, err = rb.CheckPeriod(period); err != nil {
		return nil, nil, err
	}
	as := make([]Assessment, len(units))
	for i, u := range units {
		unit, err := ValidName("unit", u.Unit)
		if err != nil {
			return nil, nil, err
		}
		urb := rb
		if u.Rubric != nil {
			urb = u.Rubric
		}
		as[i] = Assessment{ID: AssessmentID(urb.ID, urb.Version, unit, period), RubricID: urb.ID, RubricVersion: urb.Version, Unit: unit, Period: period}
	}
	var out []Revision
	err = s.writeTx(func(tx *sql.Tx) error {
		out = out[:0]
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		for i, u := range units {
			if u.Rubric != nil {
				if err := putRubric(tx, u.Rubric); err != nil {
					return err
				}
			}
			if _, err := createIn(tx, id, as[i]); err != nil {
				return err
			}
			a, arb, err := s.assessmentForWrite(tx, as[i].ID)
			if err != nil {
				return err
			}
			for _, c := range u.Changes {
				if !assessment.IsPlanSubject(c.Subject) {
					return invalid("%s: the record is not a part of the plan", c.Subject)
				}
				rev, err := s.record(tx, id, a, arb, c)
				if err != nil {
					return err
				}
				if rev != nil {
					out = append(out, *rev)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return as, out, nil
}

// blindWrite is the heads a write is judged against: all of them, but
// for a blind double scorer whose edit (c.Seen) did not see the other's
// heads because State.ViewFor hid them, only the heads they saw. So their
// value is recorded even when it equals the other's, their edit of a
// subject the two disagree on is not refused as a conflict they cannot
// see, and it supersedes only their own: the other's value stays a head
// for the lead.
func (s *Store) blindWrite(tx *sql.Tx, id Identity, a Assessment, rb *rubric.Rubric, c Change, heads []*Revision) ([]*Revision, error) {
	if c.Seen == nil {
		return heads, nil
	}
	var seen []*Revision
	hidden := false
	for _, h := range heads {
		switch {
		case slices.Contains(c.Seen, h.ID):
			seen = append(seen, h)
		case h.Inspector == id.Inspector:
			return heads, nil // their own, unseen: written meanwhile elsewhere
		default:
			hidden = true
		}
	}
	if !hidden {
		return heads, nil
	}
	var plan []*Revision
	for _, subj := range []string{assessment.SubjectDouble, assessment.SubjectReveal} {
		hs, err := s.headsOf(tx, a.ID, subj)
		if err != nil {
			return nil, err
		}
		plan = append(plan, hs...)
	}
	if len(plan) == 0 {
		return heads, nil
	}
	st, err := assessment.Build(a, rb, plan, nil)
	if err != nil {
		return nil, err
	}
	if !st.BlindFor(id.Inspector) || assessment.IsUnsignedSubject(c.Subject) || c.Subject == SubjectStatus {
		return heads, nil
	}
	return seen, nil
}
