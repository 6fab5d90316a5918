package store

import (
	"database/sql"

	"github.com/kaohe/kaohe/assessment"
)

// SelfFiles are the evidence files given for one self-assessed indicator.
type SelfFiles struct {
	Indicator string
	Paths     []string
}

// RecordSelf records a unit's returned self-assessment — its changes and
// the evidence files of each indicator — in one transaction, all or
// nothing: every file is checked (present, a regular file, within the
// limit, a usable name) before anything is written, and a refused change
// or file leaves neither the self-assessment nor any file recorded. It
// returns the new revisions of the changes and how many files were newly
// attached (a file already attached there with that name writes nothing).
func (s *Store) RecordSelf(id Identity, assessmentID string, changes []Change, files []SelfFiles, opts AttachOptions) ([]Revision, int, error) {
	if id.Inspector == "" {
		return nil, 0, ErrNoInspector
	}
	type checked struct {
		subject string
		file    checkedFile
	}
	var all []checked
	for _, sf := range files {
		for _, path := range sf.Paths {
			f, err := checkAttachment(path, opts)
			if err != nil {
				return nil, 0, err
			}
			all = append(all, checked{assessment.SelfSubject(sf.Indicator), f})
		}
	}
	var revs []Revision
	attached := 0
	err := s.writeTx(func(tx *sql.Tx) error {
		var err error
		revs, _, err = s.recordIn(tx, id, assessmentID, changes)
		if err != nil {
			return err
		}
		a, rb, err := s.assessmentIn(tx, assessmentID)
		if err != nil {
			return err
		}
		attached = 0
		for _, c := range all {
			if !evidenceTarget(rb, c.subject) {
				return invalid("rubric %s %s has no rule or indicator %q (rule IDs look like 1.2.a, indicators like 2.1)", rb.ID, rb.Version, c.subject)
			}
			if _, err := storeBlobFile(tx, c.file.path, c.file.info); err != nil {
				return err
			}
			rev, err := s.record(tx, id, a, rb, Change{Subject: EvidenceSubject(c.subject, c.file.info.SHA256), Value: assessment.FileValue(c.file.meta)})
			if err != nil {
				return err
			}
			if rev != nil {
				attached++
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return revs, attached, nil
}
