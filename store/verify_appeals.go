package store

import (
	"fmt"

	"github.com/kaohe/kaohe/assessment"
)

// verifyAppealChains checks, per assessment, that the feedback, appeals,
// decisions and final result hold together: the feedback sent a sign-off
// this database holds with that digest; each appeal fits its round (on or
// after the feedback, by the deadline unless marked late); each decision
// is about its appeal's rule, with a value the rule takes, from a device
// the roster lists as the lead's; the final result comes after the
// deadline and after every decision it rests on, and its digest is that of
// the records it rests on.
func (s *Store) verifyAppealChains(rep *VerifyReport, byID map[string]*Revision) error {
	states, err := s.States()
	if err != nil {
		return err
	}
	for _, st := range states {
		label := st.Assessment.Label()
		bad := func(subject, rev, why string) {
			rep.Problems = append(rep.Problems, Problem{Assessment: label, Subject: subject, Revision: rev, Why: why})
		}
		fb, fbRev := st.Feedback()
		if fb != nil {
			so := byID[fb.SignOff]
			if so == nil || so.Subject != SubjectStatus || so.Assessment != st.Assessment.ID {
				bad(assessment.SubjectFeedback, fbRev.ID, fmt.Sprintf("it sent the sign-off %s, which this database does not hold", fb.SignOff))
			} else if v := so.Decoded(); v.SignOff == nil || v.SignOff.Digest != fb.Digest {
				bad(assessment.SubjectFeedback, fbRev.ID, "its digest is not that of the sign-off it sent")
			}
		}
		for _, a := range st.Appeals() {
			subject := assessment.AppealSubject(a.ID)
			if a.Invalid {
				bad(subject, a.Revision.ID, fmt.Sprintf("the appeal dated %s does not fit feedback round %v (issued %s, deadline %s) and is not marked late", a.On, fb.Round, fb.IssuedOn, fb.Deadline))
			}
			if a.Decision == nil {
				continue
			}
			dsub := assessment.DecisionSubject(a.ID)
			if a.Mismatch {
				bad(dsub, a.DecisionRevision.ID, fmt.Sprintf("the decision is about rule %s or carries a value rule %s does not take", a.Decision.Rule, a.Rule))
			}
			if a.NotByLead {
				bad(dsub, a.DecisionRevision.ID, fmt.Sprintf("it was decided on device %s, which the roster does not list as the lead's", a.DecisionRevision.Device))
			}
			if a.Decision.On < a.On {
				bad(dsub, a.DecisionRevision.ID, fmt.Sprintf("it is dated %s, before the appeal (%s)", a.Decision.On, a.On))
			}
		}
		fin, finRev := st.Final()
		if fin == nil || fb == nil {
			continue
		}
		if fin.On <= fb.Deadline {
			bad(assessment.SubjectFinal, finRev.ID, fmt.Sprintf("it is dated %s, not after the deadline %s", fin.On, fb.Deadline))
		}
		revs := []*Revision{{Subject: SubjectStatus, ID: "sign-off", Hash: fb.Digest}}
		for _, id := range fin.Heads {
			r := byID[id]
			if r == nil {
				bad(assessment.SubjectFinal, finRev.ID, fmt.Sprintf("it rests on the revision %s, which this database does not hold", id))
				continue
			}
			revs = append(revs, r)
			if v := r.Decoded(); v.Kind == assessment.KindDecision && v.Decision.On > fin.On {
				bad(assessment.SubjectFinal, finRev.ID, fmt.Sprintf("it is dated %s, before the decision %s it rests on (%s)", fin.On, ShortID(r.ID, 8), v.Decision.On))
			}
		}
		if len(revs) == len(fin.Heads)+1 && assessment.HeadsDigest(revs) != fin.Digest {
			bad(assessment.SubjectFinal, finRev.ID, "its digest is not that of the records it rests on")
		}
	}
	return nil
}
