package store

import (
	"fmt"
	"sort"
)

// verifyEvidence adds the checks of signed records and evidence files to a
// verification: every signature (and every device's key against its ID),
// every stored file's bytes against their hash, and every attachment's file
// present, of the size and type its record says. revs are every revision,
// byID the same by ID.
func (s *Store) verifyEvidence(rep *VerifyReport, labels map[string]string, revs []*Revision, byID map[string]*Revision) error {
	sigs, err := s.checkSignatures(revs)
	if err != nil {
		return err
	}
	rep.Signed, rep.Unsigned = sigs.Signed, sigs.Unsigned
	ids := make([]string, 0, len(sigs.Bad))
	for id := range sigs.Bad {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if id == "device" {
			rep.Problems = append(rep.Problems, Problem{Record: "device keys", Why: sigs.Bad[id]})
			continue
		}
		p := Problem{Revision: id, Why: sigs.Bad[id]}
		if r := byID[id]; r != nil {
			p.Assessment, p.Subject = labels[r.Assessment], r.Subject
		}
		rep.Problems = append(rep.Problems, p)
	}
	rows, err := s.db.Query("SELECT sha256 FROM blob ORDER BY sha256")
	if err != nil {
		return err
	}
	var blobs []string
	for rows.Next() {
		var sum string
		if err := rows.Scan(&sum); err != nil {
			rows.Close()
			return err
		}
		blobs = append(blobs, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rep.Files = len(blobs)
	have := map[string]bool{}
	for _, sum := range blobs {
		have[sum] = true
		if err := s.CheckBlob(sum); CodeOf(err) == CodeBlobMismatch {
			rep.Problems = append(rep.Problems, Problem{Record: "evidence file " + sum, Why: err.Error()})
		} else if err != nil {
			return err
		}
	}
	check := newAttachmentChecker(s.db)
	for _, r := range revs {
		if _, sum, ok := ParseEvidenceSubject(r.Subject); ok && r.Value != nil && !have[sum] {
			rep.Problems = append(rep.Problems, Problem{Assessment: labels[r.Assessment], Subject: r.Subject, Revision: r.ID,
				Why: fmt.Sprintf("it attaches file %s, whose bytes the database does not hold", ShortID(sum, 12))})
		}
		why, err := check.problem(r)
		if err != nil {
			return err
		}
		if why != "" {
			rep.Problems = append(rep.Problems, Problem{Assessment: labels[r.Assessment], Subject: r.Subject, Revision: r.ID, Why: why})
		}
	}
	return nil
}
