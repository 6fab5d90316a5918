package store

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/assessment"
)

// verifyAppeals checks, per assessment, the chain of its result after the
// sign-off, from the records alone: each feedback names a sign-off whose
// digest it records; each appeal answers a feedback round, on or after its
// day of issue and on or before its deadline unless marked late; each
// decision answers an appeal of the assessment and is dated on or after
// it, and was written by a device the roster lists as the lead's (when
// there is a roster); each final result follows its round's deadline and
// every decision it rests on, and its digest is the one recomputed from
// the sign-off's digest and the revisions it names. revs are every
// revision, byID the same by ID.
func (s *Store) verifyAppeals(rep *VerifyReport, labels map[string]string, revs []*Revision, byID map[string]*Revision) error {
	team, err := s.Team()
	if err != nil {
		return err
	}
	lead := map[string]bool{}
	for _, m := range team {
		if m.Role == RoleLead {
			lead[m.Device] = true
		}
	}
	// feedback rounds per assessment: round → records (two laptops may
	// have issued the same round).
	rounds := map[string]map[int][]*FeedbackRecord{}
	appeals := map[string][]*Revision{} // assessment+subject → revisions
	for _, r := range revs {
		v := r.Decoded()
		switch {
		case r.Subject == assessment.SubjectFeedback && v.Kind == assessment.KindFeedback:
			if rounds[r.Assessment] == nil {
				rounds[r.Assessment] = map[int][]*FeedbackRecord{}
			}
			rounds[r.Assessment][v.Feedback.Round] = append(rounds[r.Assessment][v.Feedback.Round], v.Feedback)
		case strings.HasPrefix(r.Subject, assessment.AppealPrefix) && v.Kind == assessment.KindAppeal:
			appeals[r.Assessment+"\x00"+r.Subject] = append(appeals[r.Assessment+"\x00"+r.Subject], r)
		}
	}
	for _, r := range revs {
		bad := func(format string, args ...any) {
			rep.Problems = append(rep.Problems, Problem{Assessment: labelOr(labels, r.Assessment), Subject: r.Subject, Revision: r.ID, Why: fmt.Sprintf(format, args...)})
		}
		v := r.Decoded()
		switch {
		case r.Subject == assessment.SubjectFeedback && v.Kind == assessment.KindFeedback:
			fb := v.Feedback
			so := byID[fb.SignOff]
			m, ok := assessment.SignOffManifest{}, false
			if so != nil && so.Assessment == r.Assessment && so.Subject == SubjectStatus {
				m, ok = assessment.ParseSignOff(so.Value)
			}
			switch {
			case !ok:
				bad("its feedback names sign-off %s, which is not a sign-off of this assessment", fb.SignOff)
			case m.Digest != fb.Digest:
				bad("its feedback records the digest %s, not that of the sign-off it sent (%s)", short(fb.Digest), short(m.Digest))
			}
		case strings.HasPrefix(r.Subject, assessment.AppealPrefix) && v.Kind == assessment.KindAppeal:
			ap := v.Appeal
			fbs := rounds[r.Assessment][ap.Round]
			if len(fbs) == 0 {
				bad("its appeal answers feedback round %s, which is missing", strconv.Itoa(ap.Round))
				continue
			}
			if !anyFeedback(fbs, func(fb *FeedbackRecord) bool { return ap.On >= fb.IssuedOn }) {
				bad("its appeal is dated %s, before the feedback it answers was issued (%s)", ap.On, fbs[0].IssuedOn)
			}
			if !ap.Late && !anyFeedback(fbs, func(fb *FeedbackRecord) bool { return ap.On <= fb.Deadline }) {
				bad("its appeal is dated %s, after the deadline %s, and is not marked late", ap.On, fbs[0].Deadline)
			}
		case strings.HasPrefix(r.Subject, assessment.DecisionPrefix) && v.Kind == assessment.KindDecision:
			d := v.Decision
			id := strings.TrimPrefix(r.Subject, assessment.DecisionPrefix)
			as := appeals[r.Assessment+"\x00"+assessment.AppealSubject(id)]
			if len(as) == 0 {
				bad("its decision answers appeal %s, which is missing", ShortID(id, 8))
			} else {
				ap := as[len(as)-1].Decoded().Appeal
				if d.On < ap.On {
					bad("its decision is dated %s, before the appeal it answers (%s)", d.On, ap.On)
				}
				if d.Rule != ap.Rule {
					bad("its decision is on rule %s, but the appeal it answers is on %s", d.Rule, ap.Rule)
				}
			}
			if len(team) > 0 && !lead[r.Device] {
				bad("its decision was written by device %s, which the roster does not list as the lead's", r.Device)
			}
		case r.Subject == assessment.SubjectFinal && v.Kind == assessment.KindFinal:
			fin := v.Final
			fbs := rounds[r.Assessment][fin.Round]
			if len(fbs) == 0 {
				bad("its final result closes feedback round %s, which is missing", strconv.Itoa(fin.Round))
				continue
			}
			if !anyFeedback(fbs, func(fb *FeedbackRecord) bool { return fin.On > fb.Deadline }) {
				bad("its final result is dated %s, not after the deadline %s", fin.On, fbs[0].Deadline)
			}
			heads := []*Revision{}
			missing := false
			for _, h := range fin.Heads {
				hr := byID[h]
				if hr == nil || hr.Assessment != r.Assessment {
					bad("its final result rests on revision %s, which is missing", h)
					missing = true
					continue
				}
				heads = append(heads, hr)
				if dv := hr.Decoded(); dv.Kind == assessment.KindDecision && dv.Decision.On > fin.On {
					bad("its final result is dated %s, before the decision %s it rests on (%s)", fin.On, ShortID(hr.ID, 8), dv.Decision.On)
				}
			}
			if missing {
				continue
			}
			sort.Slice(heads, func(i, j int) bool { return heads[i].ID < heads[j].ID })
			if !anyFeedback(fbs, func(fb *FeedbackRecord) bool {
				return assessment.HeadsDigest(append([]*Revision{{Subject: SubjectStatus, ID: "sign-off", Hash: fb.Digest}}, heads...)) == fin.Digest
			}) {
				bad("its final result's digest does not match the sign-off and the revisions it names")
			}
		}
	}
	return nil
}

// anyFeedback reports whether ok holds for one of the records of a round.
func anyFeedback(fbs []*FeedbackRecord, ok func(*FeedbackRecord) bool) bool {
	for _, fb := range fbs {
		if ok(fb) {
			return true
		}
	}
	return false
}

// labelOr is the assessment's label, or its ID when it has none.
func labelOr(labels map[string]string, id string) string {
	if l, ok := labels[id]; ok {
		return l
	}
	return id
}

// short is the first 12 characters of a digest, as verify prints one.
func short(digest string) string {
	if len(digest) > 12 {
		return digest[:12]
	}
	return digest
}
