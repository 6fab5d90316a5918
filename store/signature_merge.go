package store

import (
	"crypto/ed25519"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// readKeys loads a source's device keys and checks that every device's ID
// is its key's fingerprint. Sources from before signing (schema 1 and 2)
// hold no keys: their revisions are all unsigned, and accepted as such.
func (d *sourceData) readKeys(db *sql.DB) error {
	d.keys = map[string]ed25519.PublicKey{}
	if d.version >= evidenceSchema {
		var err error
		if d.keys, err = deviceKeys(db); err != nil {
			return err
		}
	}
	if err := checkDeviceKeys(d.keys); err != nil {
		return &RefusedError{Source: d.path, Reason: err.Error()}
	}
	return nil
}

// readSignatures loads the signatures of one assessment's revisions.
func (d *sourceData) readSignatures(assessmentID string) (map[string][]byte, error) {
	if d.version < evidenceSchema {
		return map[string][]byte{}, nil
	}
	return querySignatures(d.db, `SELECT s.revision_id, s.signature FROM revision_signature s
		JOIN revision r ON r.id = s.revision_id WHERE r.assessment_id = ?`, assessmentID)
}

// verifySignatures checks the signatures of revs against keys on every
// core, and returns the first problem in revs' order.
func verifySignatures(revs []*Revision, sigs map[string][]byte, keys map[string]ed25519.PublicKey) (*Revision, string) {
	problems := make([]string, len(revs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(revs); i += workers {
				problems[i], _ = SignatureProblem(revs[i], sigs[revs[i].ID], keys)
			}
		}(w)
	}
	wg.Wait()
	for i, p := range problems {
		if p != "" {
			return revs[i], p
		}
	}
	return nil, ""
}

// mergeKeys checks the source's devices against those the target knows
// (one device, one key), adds the new ones, and returns every key known
// after the merge, to verify signatures with.
func (d *sourceData) mergeKeys(tx *sql.Tx) (map[string]ed25519.PublicKey, error) {
	known, err := deviceKeys(tx)
	if err != nil {
		return nil, err
	}
	for id, pub := range d.keys {
		have, ok := known[id]
		if ok && !ed25519.PublicKey(have).Equal(pub) {
			return nil, &RefusedError{Source: d.path, Record: "device " + id, Reason: "the target knows this device with another key"}
		}
		if !ok {
			if _, err := tx.Exec("INSERT INTO device(id, public_key) VALUES (?, ?)", id, []byte(pub)); err != nil {
				return nil, err
			}
			known[id] = pub
		}
	}
	return known, nil
}

// writeSignatures verifies the signatures of the fresh revisions (an
// unsigned revision in the name of a device that signs is a forgery,
// whichever file taught us its key) and stores them. Only what is new is
// verified: a revision the target already holds has the same hash
// (checked before), and was verified when it came.
func (d *sourceData) writeSignatures(tx *sql.Tx, fresh []*Revision, sigs map[string][]byte, keys map[string]ed25519.PublicKey) error {
	if r, problem := verifySignatures(fresh, sigs, keys); problem != "" {
		return &RefusedError{Source: d.path, Record: "revision " + r.ID, Reason: problem}
	}
	// Signatures go in 200 to a statement: one statement per row would
	// cost as much as verifying them. Their link to the revision is
	// checked at commit, so they may go in before it.
	const batch = 200
	var args []any
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		q := "INSERT OR IGNORE INTO revision_signature(revision_id, signature) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?),", len(args)/2), ",")
		_, err := tx.Exec(q, args...)
		args = args[:0]
		return err
	}
	for _, r := range fresh {
		if sig := sigs[r.ID]; sig != nil {
			args = append(args, r.ID, sig)
			if len(args) == 2*batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// SignatureReport is what CheckSignatures found.
type SignatureReport struct {
	Signed, Unsigned int
	// Bad maps a revision ID to why its signature does not hold.
	Bad map[string]string
}

// CheckSignatures verifies every revision's signature against its device's
// key, and every device's key against its ID.
func (s *Store) CheckSignatures() (SignatureReport, error) {
	revs, err := loadRevisions(s.db, "")
	if err != nil {
		return SignatureReport{Bad: map[string]string{}}, err
	}
	return s.checkSignatures(revs)
}

// checkSignatures is CheckSignatures over revs, every revision of the
// database (Verify has read them already).
func (s *Store) checkSignatures(revs []*Revision) (SignatureReport, error) {
	rep := SignatureReport{Bad: map[string]string{}}
	keys, err := deviceKeys(s.db)
	if err != nil {
		return rep, err
	}
	sigs, err := signatures(s.db)
	if err != nil {
		return rep, err
	}
	for _, r := range revs {
		problem, unsigned := SignatureProblem(r, sigs[r.ID], keys)
		switch {
		case problem != "":
			rep.Bad[r.ID] = problem
		case unsigned:
			rep.Unsigned++
		default:
			rep.Signed++
		}
	}
	if err := checkDeviceKeys(keys); err != nil {
		rep.Bad["device"] = err.Error()
	}
	return rep, nil
}

// String summarises the report in one line.
func (r SignatureReport) String() string {
	return fmt.Sprintf("%d signed, %d unsigned (written before signing began), %d bad", r.Signed, r.Unsigned, len(r.Bad))
}
