package store

import (
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
