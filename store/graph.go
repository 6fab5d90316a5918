package store

import (
	"fmt"
	"time"

	"github.com/kaohe/kaohe/assessment"
)

// MaxClockAhead is how far ahead of this computer's clock a revision's
// clock may be. A clock far in the future would push every later revision
// after it (and could exhaust the clock's digits).
const MaxClockAhead = 24 * time.Hour

// builtinRubrics maps each built-in rubric's id and version to the SHA-256
// of its canonical content: a rubric with a built-in id and version must be
// the built-in one, or scores would use amounts `rubric show` does not print.
type builtinRubrics map[string]string

// The embedded seed rubric's id, version and canonical SHA-256, fixed here
// so that checking a rubric against it costs no parse of the seed (which
// takes longer than a whole merge of small files). TestBuiltinRubricSum
// fails when the seed changes without these.
const (
	seedRubricID      = "xiangxi-fangguanfu-county"
	seedRubricVersion = "2021"
	seedRubricSHA256  = "dcc7f145920099bf5bdec4898dbabe70108b2538c992c51e313ef5ee5ec2df53"
)

func newBuiltinRubrics() builtinRubrics {
	return builtinRubrics{seedRubricID + "\x00" + seedRubricVersion: seedRubricSHA256}
}

// check explains why a rubric that claims a built-in id and version is not
// the built-in one, or returns "".
func (b builtinRubrics) check(id, version, sum string) string {
	want, ok := b[id+"\x00"+version]
	if !ok || want == sum {
		return ""
	}
	return fmt.Sprintf("it carries the built-in rubric's id and version but different content (sha256 %.12s…, the built-in's %.12s…); a changed rubric needs its own id or version",
		sum, want)
}

// checkHistory refuses what read does not: a rubric posing as a built-in
// one, revisions that name themselves or a later revision as parent (the
// only way to build a cycle), clocks more than MaxClockAhead ahead of now,
// and sign-offs naming revisions the file does not hold or whose digest
// does not match them.
func (d *sourceData) checkHistory(now time.Time, builtin builtinRubrics) error {
	refuse := func(record, format string, args ...any) error {
		return mergeRefusal(d.path, record, fmt.Sprintf(format, args...))
	}
	for _, r := range d.rubrics {
		if why := builtin.check(r.id, r.version, r.sum); why != "" {
			return refuse("rubric "+r.id+" "+r.version, "%s", why)
		}
	}
	// The revisions' places in the history are checked an assessment at
	// a time, as the merge reads them (readAssessment).
	return nil
}

// graphProblem explains what is wrong with a revision's place in the
// history (its clock, its parents, its sign-off), or returns "".
func graphProblem(r *Revision, byID map[string]*Revision, now time.Time) string {
	h, err := ParseHLC(r.HLC)
	if err != nil {
		return err.Error()
	}
	if limit := now.Add(MaxClockAhead).UnixMilli(); h.Wall > limit {
		return fmt.Sprintf("its clock %s (%s) is more than a day ahead of this computer's clock (%s)",
			r.HLC, time.UnixMilli(h.Wall).UTC().Format("2006-01-02 15:04"), now.UTC().Format("2006-01-02 15:04"))
	}
	for _, p := range r.Parents {
		if p == r.ID {
			return "it names itself as the revision it replaces"
		}
		parent := byID[p]
		if parent == nil {
			return fmt.Sprintf("it replaces revision %s, which is missing", p)
		}
		if parent.Assessment != r.Assessment || parent.Subject != r.Subject {
			return fmt.Sprintf("it replaces revision %s of %s, another subject", p, parent.Subject)
		}
		if parent.HLC >= r.HLC {
			return fmt.Sprintf("it replaces revision %s, which was not recorded before it (clock %s, not before %s); a revision can only replace what came before it",
				p, parent.HLC, r.HLC)
		}
	}
	if r.Subject == SubjectStatus {
		if v, ok := assessment.ParseSignOff(r.Value); ok {
			var signed []*Revision
			for _, id := range v.Heads {
				s := byID[id]
				if s == nil {
					return fmt.Sprintf("its sign-off names revision %s, which is missing", id)
				}
				if s.Assessment != r.Assessment || s.Subject == SubjectStatus {
					return fmt.Sprintf("its sign-off names revision %s, which is not a value of this assessment", id)
				}
				signed = append(signed, s)
			}
			if assessment.HeadsDigest(signed) != v.Digest {
				return "its sign-off's digest does not match the revisions it names"
			}
		}
	}
	return ""
}
