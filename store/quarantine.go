package store

import (
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"sort"
)

// Quarantine. A revision that is unsigned in the name of a device whose
// key the database holds is not trusted (see mergeTrust): it stays in the
// revision table and in history, but it is never a head, so it counts in
// no state, score, list, report or conflict. Supersession passes through
// it: a trusted revision written on top of an untrusted one still replaces
// what that one replaced. The heads are thus the trusted revisions no
// trusted revision supersedes, directly or through untrusted ones.

// untrusted is the one rule deciding whether a revision counts: it is not
// trusted when it carries no signature and keys hold its device's key
// (SignatureProblem's forgery case).
func untrusted(r *Revision, signed bool, keys map[string]ed25519.PublicKey) bool {
	if signed {
		return false
	}
	problem, _ := SignatureProblem(r, nil, keys)
	return problem != ""
}

// trustedHeads returns the heads among revs, the revisions of one subject
// (with their parents): the trusted ones that no trusted revision
// supersedes, directly or through untrusted ones. notTrusted names the
// untrusted revisions; external are revisions of revs that a link from
// outside them supersedes (a child that is no revision of the subject, a
// damage verify names), as every other writer counts them.
func trustedHeads(revs []*Revision, notTrusted, external map[string]bool) []*Revision {
	byID := make(map[string]*Revision, len(revs))
	for _, r := range revs {
		byID[r.ID] = r
	}
	superseded := map[string]bool{}
	for id := range external {
		superseded[id] = true
	}
	passed := map[string]bool{} // untrusted revisions whose parents are marked
	var stack []*Revision
	for _, r := range revs {
		if notTrusted[r.ID] {
			continue
		}
		stack = append(stack[:0], r)
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, p := range c.Parents {
				superseded[p] = true
				if pr := byID[p]; pr != nil && notTrusted[p] && !passed[p] {
					passed[p] = true
					stack = append(stack, pr)
				}
			}
		}
	}
	var out []*Revision
	for _, r := range revs {
		if !notTrusted[r.ID] && !superseded[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// metaUntrusted is the meta key set once the database holds a revision
// that is not trusted: Store.Untrusted looks for them only then, so a list
// pays nothing in the usual database, which holds none. It is set in the
// transaction that exposes one (a merge bringing a key, a device's first
// signed write) and by RebuildHeads; verify wants it set when one exists.
// Left set once none remains, it only costs list that search.
const metaUntrusted = "untrusted_revisions"

// untrustedMark is metaUntrusted's row among the caches verify checks.
var untrustedMark = cacheKey{"meta", "", metaUntrusted}

// markUntrusted sets metaUntrusted when ids (untrusted revisions) is not
// empty.
func markUntrusted(tx *sql.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec("INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING", metaUntrusted)
	return err
}

// subjectKey names one subject of one assessment.
type subjectKey struct{ assessment, subject string }

// allHeads computes the heads of every subject from revs (every revision
// of the database, with parents), keys, the signed revisions' IDs and
// orphans (parents named by a link whose child is no revision), with
// trustedHeads; it also returns the untrusted revisions' IDs.
func allHeads(revs []*Revision, keys map[string]ed25519.PublicKey, signed, orphans map[string]bool) ([]*Revision, []string) {
	byID := make(map[string]*Revision, len(revs))
	bySubject := map[subjectKey][]*Revision{}
	notTrusted := map[string]bool{}
	var ids []string
	for _, r := range revs {
		byID[r.ID] = r
		k := subjectKey{r.Assessment, r.Subject}
		bySubject[k] = append(bySubject[k], r)
		if untrusted(r, signed[r.ID], keys) {
			notTrusted[r.ID] = true
			ids = append(ids, r.ID)
		}
	}
	external := map[string]bool{}
	for id := range orphans {
		external[id] = true
	}
	for _, r := range revs {
		for _, p := range r.Parents {
			if pr := byID[p]; pr != nil && (pr.Assessment != r.Assessment || pr.Subject != r.Subject) {
				external[p] = true
			}
		}
	}
	var heads []*Revision
	for _, rs := range bySubject {
		heads = append(heads, trustedHeads(rs, notTrusted, external)...)
	}
	sort.Strings(ids)
	return heads, ids
}

// signedIDs reads the IDs of every signed revision.
func signedIDs(db q, where string, args ...any) (map[string]bool, error) {
	return idSet(db, "SELECT s.revision_id FROM revision_signature s "+where, args...)
}

// idSet reads a query's single text column as a set: the IDs of signed
// revisions, of withdrawn assessments, of orphaned parents.
func idSet(db q, query string, args ...any) (map[string]bool, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// orphanParents reads the parents named by links whose child is no revision.
func orphanParents(db q) (map[string]bool, error) {
	return idSet(db, "SELECT parent_id FROM revision_parent WHERE revision_id NOT IN (SELECT id FROM revision)")
}

// recomputeHeads rewrites the head rows of the given subjects from their
// revisions with trustedHeads, inside tx: run when a merge brings a key
// that exposes unsigned revisions, or writes on top of a revision that is
// not a head. Only those subjects are read, so the common merge pays
// nothing.
func recomputeHeads(tx *sql.Tx, subjects map[subjectKey]bool) error {
	if len(subjects) == 0 {
		return nil
	}
	keys, err := deviceKeys(tx)
	if err != nil {
		return err
	}
	for k := range subjects {
		revs, err := loadRevisions(tx, "WHERE r.assessment_id = ? AND r.subject = ?", k.assessment, k.subject)
		if err != nil {
			return err
		}
		signed, err := signedIDs(tx, "JOIN revision r ON r.id = s.revision_id WHERE r.assessment_id = ? AND r.subject = ?", k.assessment, k.subject)
		if err != nil {
			return err
		}
		notTrusted := map[string]bool{}
		for _, r := range revs {
			if untrusted(r, signed[r.ID], keys) {
				notTrusted[r.ID] = true
			}
		}
		external := map[string]bool{}
		rows, err := tx.Query(`SELECT p.parent_id FROM revision_parent p JOIN revision r ON r.id = p.parent_id
			WHERE r.assessment_id = ?1 AND r.subject = ?2 AND NOT EXISTS (SELECT 1 FROM revision c
			WHERE c.id = p.revision_id AND c.assessment_id = ?1 AND c.subject = ?2)`, k.assessment, k.subject)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			external[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM head WHERE assessment_id = ? AND subject = ?", k.assessment, k.subject); err != nil {
			return err
		}
		for _, h := range trustedHeads(revs, notTrusted, external) {
			if _, err := tx.Exec("INSERT INTO head(assessment_id, subject, revision_id) VALUES (?, ?, ?)", h.Assessment, h.Subject, h.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// subjectsOf returns the subjects of the given revisions.
func subjectsOf(db q, ids []string, into map[subjectKey]bool) error {
	for _, id := range ids {
		var k subjectKey
		if err := db.QueryRow("SELECT assessment_id, subject FROM revision WHERE id = ?", id).Scan(&k.assessment, &k.subject); err != nil {
			return err
		}
		into[k] = true
	}
	return nil
}

// NotTrusted returns the IDs of the revisions among revs that are not
// trusted (see untrusted), for history to mark: they stay in the audit
// trail but count nowhere.
func (s *Store) NotTrusted(revs []*Revision) (map[string]bool, error) {
	out := map[string]bool{}
	keys, err := deviceKeys(s.db)
	if err != nil || len(keys) == 0 {
		return out, err
	}
	var ids []string
	for _, r := range revs {
		if _, ok := keys[r.Device]; ok {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	signed, err := signedIDs(s.db, "WHERE s.revision_id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	for _, r := range revs {
		if untrusted(r, signed[r.ID], keys) {
			out[r.ID] = true
		}
	}
	return out, nil
}
