package store

import (
	"crypto/sha256"
	"encoding/hex"
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
	for _, ss := range st.Subjects {
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

// rubricSum is a rubric's canonical digest, with the rubric it is of.
type rubricSum struct {
	of  *rubric.Rubric
	sum string
}

// rubricSums works out each rubric's canonical digest once: States gives
// it to every state of that rubric, so a report's fingerprints of 1,000
// assessments do not encode one rubric 1,000 times.
type rubricSums map[*rubric.Rubric]rubricSum

// of returns rb's digest ("" when it cannot be worked out; Fingerprint
// then reports why).
func (m rubricSums) of(rb *rubric.Rubric) rubricSum {
	if got, ok := m[rb]; ok {
		return got
	}
	_, sum, _ := CanonicalRubric(rb)
	m[rb] = rubricSum{of: rb, sum: sum}
	return m[rb]
}
