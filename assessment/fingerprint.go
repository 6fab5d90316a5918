package assessment

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"

	"github.com/kaohe/kaohe/rubric"
)

// Fingerprint is an assessment's digest: SHA-256 over its rubric's content
// hash and the content hashes of its current revisions (every head of every
// subject: values, notes, attachments, the sign-off), sorted. Anyone holding
// the database can recompute it (kaohe verify --fingerprint) and compare it
// with the one printed at the foot of a score sheet: equal fingerprints mean
// the sheet was made from exactly these records.
func (st *State) Fingerprint() (string, error) {
	rubricSum := st.sum.sum
	if st.sum.of != st.Rubric || rubricSum == "" {
		var err error
		if _, rubricSum, err = CanonicalRubric(st.Rubric); err != nil {
			return "", err
		}
	}
	var hashes []string
	for subj, ss := range st.Subjects {
		if IsWorkSubject(subj) {
			continue // the plan and the rectification move on after the sheet is printed
		}
		for _, h := range ss.Heads {
			hashes = append(hashes, h.Hash)
		}
	}
	sort.Strings(hashes)
	d := sha256.New()
	d.Write([]byte("kaohe assessment fingerprint v1\n"))
	d.Write([]byte(st.Assessment.ID + "\n" + rubricSum + "\n"))
	for _, h := range hashes {
		d.Write([]byte(h + "\n"))
	}
	return hex.EncodeToString(d.Sum(nil)), nil
}

// CanonicalRubric returns a rubric's canonical content (its JSON form, which
// ignores comments and formatting of the YAML it came from) and the SHA-256
// of that content.
func CanonicalRubric(rb *rubric.Rubric) (content []byte, sum string, err error) {
	content, err = json.Marshal(rb)
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(content)
	return content, hex.EncodeToString(h[:]), nil
}

// rubricSum is a rubric's canonical digest, with the rubric it is of.
type rubricSum struct {
	of  *rubric.Rubric
	sum string
}

// KnowRubricSum gives the state CanonicalRubric's digest of its rubric,
// worked out once by a caller building many states of one rubric (a
// report's 1,000 fingerprints need not encode one rubric 1,000 times).
// Fingerprint works it out itself when the state's rubric is another.
func (st *State) KnowRubricSum(sum string) {
	st.sum = rubricSum{of: st.Rubric, sum: sum}
}
