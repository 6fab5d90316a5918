package store

import "slices"

// parentsOf returns the parents of a change's new revision: the subject's
// current heads, or exactly the revisions the writer saw (Change.Seen),
// each of which must be a revision of that subject in that assessment.
func parentsOf(db q, assessmentID string, c Change, heads []*Revision) ([]string, error) {
	if c.Seen == nil {
		return revisionIDs(heads), nil
	}
	out := make([]string, 0, len(c.Seen))
	for _, id := range c.Seen {
		if slices.Contains(out, id) {
			continue
		}
		var n int
		if err := db.QueryRow("SELECT count(*) FROM revision WHERE id = ? AND assessment_id = ? AND subject = ?",
			id, assessmentID, c.Subject).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, invalid("%s: the revision %s the edit was based on is not one of its revisions", c.Subject, id)
		}
		out = append(out, id)
	}
	return out, nil
}
