package store

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
)

// Fingerprint is an assessment's digest: SHA-256 over its rubric's content
// hash and the content hashes of its current revisions (every head of every
// subject: values, notes, attachments, the sign-off), sorted. Anyone holding
// the database can recompute it (kaohe verify --fingerprint) and compare it
// with the one printed at the foot of a score sheet: equal fingerprints mean
// the sheet was made from exactly these records.
func (st *State) Fingerprint() (string, error) {
	_, rubricSum, err := CanonicalRubric(st.Rubric)
	if err != nil {
		return "", err
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
