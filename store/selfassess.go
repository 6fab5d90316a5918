package store

import (
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// SelfRecord is a unit's self-assessment of one indicator.
type SelfRecord = assessment.SelfRecord

// SetSelf is the change that records the unit's self-assessment of
// indicator: its score, its account and the names of its proof.
func SetSelf(indicator string, score decimal.Dec, note string, files []string) Change {
	r := SelfRecord{Score: score, Note: note, Files: files}
	return Change{Subject: assessment.SelfSubject(indicator), Value: Value{Kind: assessment.KindSelf, Self: &r}}
}

// checkSelf validates a self-assessment on every way in: an indicator of
// the rubric, a score from 0 to its points (to 0.01), a bounded account
// and file names.
func checkSelf(rb *rubric.Rubric, subject string, v Value) error {
	ind := strings.TrimPrefix(subject, assessment.SelfPrefix)
	_, in, ok := rb.Indicator(ind)
	if !ok {
		return invalid("rubric %s %s has no indicator %q (indicator IDs look like 2.1)", rb.ID, rb.Version, ind)
	}
	if v.Retracted() {
		return nil
	}
	if v.Kind != assessment.KindSelf {
		return invalid("%s: the record is not a self-assessment", subject)
	}
	r := v.Self
	if r.Score < 0 || r.Score > in.Points || !r.Score.IsCents() {
		return invalid("%s: a self-assessed score is from 0 to the indicator's %s points, to 0.01; got %s", subject, in.Points, r.Score)
	}
	if n := utf8.RuneCountInString(r.Note); n > MaxProblemText {
		return invalid("%s: the account is %d characters long; at most %d", subject, n, MaxProblemText)
	}
	if len(r.Files) > 100 {
		return invalid("%s: %d file names; a self-assessment names at most 100", subject, len(r.Files))
	}
	for _, f := range append([]string{r.Note}, r.Files...) {
		if at := invalidUTF8In(f); at >= 0 {
			return invalid("%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", subject, at)
		}
	}
	for _, f := range r.Files {
		if f == "" || utf8.RuneCountInString(f) > maxAttachmentName || strings.ContainsFunc(f, func(c rune) bool { return c < 0x20 || c == 0x7f }) || strings.ContainsAny(f, `/\`) {
			return invalid("%s: %q is not a file name (one name of at most %d characters, without folders or control characters)", subject, f, maxAttachmentName)
		}
	}
	return nil
}
