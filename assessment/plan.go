package assessment

import (
	"slices"
	"sort"
	"strings"
)

// The lead's plan for a visit (分工) is data on each assessment it covers,
// so it travels with pack and merge like the findings:
//
//	plan/<inspector>   the categories assigned to that inspector for this unit
//	plan-double        two inspectors scoring this unit blind (双人背靠背)
//	plan-reveal        the lead has revealed the blind scores to each other
//
// (The last two are outside plan/ so that no inspector's name can be
// taken for them.)
//
// A plan is not a finding: the sign-off does not sign it, and changing it
// never unsigns. Two leads' plans for one inspector and unit meeting in a
// merge are two heads that disagree: a conflict, shown.
const (
	PlanPrefix    = "plan/"
	SubjectDouble = "plan-double"
	SubjectReveal = "plan-reveal"
)

// PlanRecord assigns categories of the rubric to one inspector.
type PlanRecord struct {
	Categories []string `json:"categories"`
}

// DoubleRecord names the two inspectors who score a unit blind.
type DoubleRecord struct {
	Inspectors []string `json:"inspectors"`
}

// RevealRecord records that the lead revealed a blind double scoring.
type RevealRecord struct {
	Revealed bool `json:"revealed"`
}

// PlanSubject is the subject of inspector's assignment.
func PlanSubject(inspector string) string { return PlanPrefix + inspector }

// IsPlanSubject reports whether subject is part of the lead's plan.
func IsPlanSubject(subject string) bool {
	return strings.HasPrefix(subject, PlanPrefix) || subject == SubjectDouble || subject == SubjectReveal
}

// IsUnsignedSubject reports whether a subject stays outside what a
// sign-off signs: the plan, the unit's self-assessment, and everything
// written after the sign-off (IsPostSignOffSubject).
func IsUnsignedSubject(subject string) bool {
	if target, _, ok := ParseEvidenceSubject(subject); ok {
		subject = target
	}
	return IsPlanSubject(subject) || strings.HasPrefix(subject, SelfPrefix) || IsPostSignOffSubject(subject)
}

// IsWorkSubject reports whether a subject is the team's and the office's
// work around a result rather than part of it: the plan, a problem's
// rectification record, and the files attached to them. They count in no
// score, no sheet shows them, and they keep changing after the result is
// printed, so a sheet's fingerprint, its conflicts and its evidence leave
// them out.
func IsWorkSubject(subject string) bool {
	if target, _, ok := ParseEvidenceSubject(subject); ok {
		subject = target
	}
	return IsPlanSubject(subject) || strings.HasPrefix(subject, ProblemPrefix)
}

// ResultConflicts counts the subjects in conflict that bear on the result
// (between inspectors, with the sign-off, or two decisions on one
// appeal): not the plan's, the problems', the unit's self-assessment's,
// the feedback's or the final record's (the latest round counts there),
// which the lists and the ranking must not show as the result's.
func (st *State) ResultConflicts() int {
	n := 0
	for subj := range st.openConflictSubjects() {
		target := subj
		if t, _, ok := ParseEvidenceSubject(subj); ok {
			target = t
		}
		if IsWorkSubject(target) || strings.HasPrefix(target, SelfPrefix) || target == SubjectFeedback || target == SubjectFinal {
			continue
		}
		n++
	}
	return n
}

// IsAnytimeSubject reports whether a subject is written whether or not
// the assessment is signed: the plan and the unit's self-assessment.
func IsAnytimeSubject(subject string) bool {
	if target, _, ok := ParseEvidenceSubject(subject); ok {
		subject = target
	}
	return IsPlanSubject(subject) || strings.HasPrefix(subject, SelfPrefix)
}

// decodePlan reads the value of a plan subject.
func decodePlan(subject, text string) (Value, error) {
	switch subject {
	case SubjectDouble:
		var r DoubleRecord
		err := decodeStrict(text, &r)
		return Value{Kind: KindPlan, Double: &r}, err
	case SubjectReveal:
		var r RevealRecord
		err := decodeStrict(text, &r)
		return Value{Kind: KindPlan, Reveal: &r}, err
	}
	var r PlanRecord
	err := decodeStrict(text, &r)
	return Value{Kind: KindPlan, Plan: &r}, err
}

// Assignment is one inspector's part of the plan for this unit.
type Assignment struct {
	Inspector  string
	Categories []string
	// Conflict is set when two leads' plans disagree: Categories is the
	// latest head's, the others are in Heads.
	Conflict bool
	Heads    []*Revision
}

// Assignments returns the plan for this unit, by inspector.
func (st *State) Assignments() []Assignment {
	var out []Assignment
	for subj, ss := range st.Subjects {
		name, ok := strings.CutPrefix(subj, PlanPrefix)
		if !ok {
			continue
		}
		v := ss.Current().Decoded()
		if v.Kind != KindPlan || v.Plan == nil || len(v.Plan.Categories) == 0 {
			continue // withdrawn from the plan, or damaged
		}
		out = append(out, Assignment{Inspector: name, Categories: v.Plan.Categories, Conflict: ss.Conflict(), Heads: ss.Heads})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Inspector < out[j].Inspector })
	return out
}

// AssignedTo lists who the plan assigns the category of indicator to.
func (st *State) AssignedTo(indicator string) []string {
	cat, _, ok := st.Rubric.Indicator(indicator)
	if !ok {
		return nil
	}
	var out []string
	for _, a := range st.Assignments() {
		if slices.Contains(a.Categories, cat.ID) {
			out = append(out, a.Inspector)
		}
	}
	return out
}

// Double returns the two inspectors scoring this unit blind, or nil.
func (st *State) Double() []string {
	ss := st.Subjects[SubjectDouble]
	if ss == nil {
		return nil
	}
	if v := ss.Current().Decoded(); v.Kind == KindPlan && v.Double != nil {
		return v.Double.Inspectors
	}
	return nil
}

// Revealed reports whether the lead revealed the blind double scoring.
func (st *State) Revealed() bool {
	ss := st.Subjects[SubjectReveal]
	if ss == nil {
		return false
	}
	v := ss.Current().Decoded()
	return v.Kind == KindPlan && v.Reveal != nil && v.Reveal.Revealed
}

// BlindFor reports whether inspector scores this unit blind now: one of
// its double scorers, before the lead reveals.
func (st *State) BlindFor(inspector string) bool {
	return !st.Revealed() && slices.Contains(st.Double(), inspector)
}

// ViewFor is the state as inspector may see it: while they score the unit
// blind, every finding, note, item and attachment recorded by anyone else
// is left out (their own heads kept, even where the two disagree), so
// neither sees the other's values, after a merge too; otherwise the state
// itself.
func (st *State) ViewFor(inspector string) *State {
	if !st.BlindFor(inspector) {
		return st
	}
	view := *st
	view.Subjects = make(map[string]*SubjectState, len(st.Subjects))
	for subj, ss := range st.Subjects {
		if subj == SubjectStatus || IsUnsignedSubject(subj) {
			view.Subjects[subj] = ss
			continue
		}
		var own []*Revision
		for _, h := range ss.Heads {
			if h.Inspector == inspector {
				own = append(own, h)
			}
		}
		if len(own) > 0 {
			view.Subjects[subj] = &SubjectState{Subject: subj, Heads: own}
		}
	}
	view.signed = signedState{}
	if st.Signed() != nil {
		_ = view.settleSignOff(nil)
	}
	return &view
}
