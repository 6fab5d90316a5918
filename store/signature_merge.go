package store

import (
	"bytes"
	"crypto/ed25519"
	"database/sql"
	"fmt"
	"runtime"
	"sort"
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
		return mergeRefusal(d.path, "", err.Error())
	}
	return nil
}

// sqlAssessmentSignatures reads the signatures of one assessment's
// revisions.
const sqlAssessmentSignatures = `SELECT s.revision_id, s.signature FROM revision_signature s
	JOIN revision r ON r.id = s.revision_id WHERE r.assessment_id = ?`

// readSignatures loads the signatures of one assessment's revisions.
func (d *sourceData) readSignatures(assessmentID string) (map[string][]byte, error) {
	if d.signatures == nil {
		return map[string][]byte{}, nil
	}
	rows, err := d.signatures.Query(assessmentID)
	if err != nil {
		return nil, err
	}
	return scanSignatures(rows)
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
// after this source is merged, to verify signatures with, and the devices
// whose key this source brought.
func (d *sourceData) mergeKeys(tx *sql.Tx) (map[string]ed25519.PublicKey, []string, error) {
	known, err := deviceKeys(tx)
	if err != nil {
		return nil, nil, err
	}
	var added []string
	for id, pub := range d.keys {
		have, ok := known[id]
		if ok && !ed25519.PublicKey(have).Equal(pub) {
			return nil, nil, mergeRefusal(d.path, "device "+id, "the target knows this device with another key")
		}
		if !ok {
			if _, err := tx.Exec("INSERT INTO device(id, public_key) VALUES (?, ?)", id, []byte(pub)); err != nil {
				return nil, nil, err
			}
			known[id] = pub
			added = append(added, id)
		}
	}
	sort.Strings(added)
	return known, added, nil
}

// mergeTrust decides which revisions a merge may take unsigned, and which
// signatures hold, the same way whatever the order of the sources.
//
// The rule: a device is its key. Since signing began, kaohe names the
// device of every revision it writes by its key's fingerprint and signs the
// revision; revisions from before carry the random device ID of the
// database they were written in, which is no key's fingerprint, and no key
// ever turns up for it. So a revision is acceptable unsigned only when no
// input of the merge (the target, or any source of the same merge) holds a
// key for its device: an unsigned revision in the name of a device whose
// key is known anywhere is a forgery (or a copy stripped of its
// signature), and the merge is refused, naming the file that brought it.
// A device ID alone cannot tell a key's fingerprint from a pre-signing ID
// (both are 16 hex digits), so the judgement needs the keys, and it waits
// for the last source: a source read early cannot be judged on the keys
// of one read later. Likewise a signature whose device's key no source
// read so far holds is checked once all are read.
//
// A revision the target holds unsigned that arrives signed takes the
// signature (verified first): a signature is never lost because an
// unsigned copy came first.
//
// Across separate merges the target cannot know a key it has not seen: a
// forgery merged before any file with its device's key stays in the
// target. It is not trusted once the key arrives: it is quarantined (see
// quarantine.go: no head, so it counts in no state or score, and the merge
// recomputes the heads it touched), the merge that brings the key reports
// it (MergeSummary.Untrusted), verify names it, history marks it, and list
// warns (Store.Untrusted). The state is then the one the other order
// gives, where the forgery is refused.
type mergeTrust struct {
	// waiting are signed revisions whose device's key no input read so
	// far held.
	waiting []trustEntry
	// unsigned are the IDs of the fresh revisions taken unsigned, by
	// device, while no input read so far held the device's key, each with
	// the index of its source in sources: only an ID each, as a merge of
	// files from before signing takes every revision so.
	unsigned map[string][]unsignedRev
	sources  []string
	// signedLate are the subjects of revisions the target held unsigned
	// and this merge signs: one untrusted before is trusted now, and its
	// subject's heads are recomputed.
	signedLate map[subjectKey]bool
}

// unsignedRev is a revision taken unsigned, and its source's index.
type unsignedRev struct {
	id     string
	source int
}

// add notes that fresh revision r was taken unsigned from source.
func (m *mergeTrust) add(source string, r *Revision) {
	if n := len(m.sources); n == 0 || m.sources[n-1] != source {
		m.sources = append(m.sources, source)
	}
	m.unsigned[r.Device] = append(m.unsigned[r.Device], unsignedRev{id: r.ID, source: len(m.sources) - 1})
}

// trustEntry is a revision whose signature (or its absence) is judged at
// the end of the merge, and the source that brought it.
type trustEntry struct {
	source string
	rev    *Revision // ID, Device and Hash only
	sig    []byte
}

func newMergeTrust() *mergeTrust {
	return &mergeTrust{unsigned: map[string][]unsignedRev{}, signedLate: map[subjectKey]bool{}}
}

// entry keeps what the judgement needs of r, not all of it.
func entry(source string, r *Revision, sig []byte) trustEntry {
	return trustEntry{source: source, rev: &Revision{ID: r.ID, Device: r.Device, Hash: r.Hash}, sig: sig}
}

// finish judges what waited for every source's keys, against the keys the
// target holds once all are merged.
func (m *mergeTrust) finish(tx *sql.Tx) error {
	keys, err := deviceKeys(tx)
	if err != nil {
		return err
	}
	for _, e := range m.waiting {
		if problem, _ := SignatureProblem(e.rev, e.sig, keys); problem != "" {
			return mergeRefusal(e.source, "revision "+e.rev.ID, problem)
		}
	}
	devices := make([]string, 0, len(m.unsigned))
	for dev := range m.unsigned {
		if _, ok := keys[dev]; ok {
			devices = append(devices, dev)
		}
	}
	sort.Strings(devices)
	for _, dev := range devices {
		for _, u := range m.unsigned[dev] {
			var n int
			if err := tx.QueryRow("SELECT count(*) FROM revision_signature WHERE revision_id = ?", u.id).Scan(&n); err != nil {
				return err
			}
			if n == 0 { // no later source brought its signature
				problem, _ := SignatureProblem(&Revision{ID: u.id, Device: dev}, nil, keys)
				return mergeRefusal(m.sources[u.source], "revision "+u.id, problem)
			}
		}
	}
	return nil
}

// writeSignatures judges and stores the signatures of the fresh revisions
// and of those the target holds with the same hash (known): an unsigned
// revision in the name of a device whose key is known is refused; one
// whose device has no key yet is taken and judged at the end of the merge
// (mergeTrust); a signature is verified against its device's key, or at
// the end when no key is known yet; a signature the target lacks is added.
func (d *sourceData) writeSignatures(tx *sql.Tx, fresh, known []*Revision, sigs, have map[string][]byte, keys map[string]ed25519.PublicKey, trust *mergeTrust) error {
	var check []*Revision // signed, with a key to check them against now
	var store []*Revision // whose signature goes in
	for _, r := range fresh {
		sig := sigs[r.ID]
		_, hasKey := keys[r.Device]
		switch {
		case sig == nil && !hasKey:
			trust.add(d.path, r)
			continue
		case sig == nil:
			check = append(check, r) // refused below
			continue
		case hasKey:
			check = append(check, r)
		default:
			trust.waiting = append(trust.waiting, entry(d.path, r, sig))
		}
		store = append(store, r)
	}
	for _, r := range known {
		sig, old := sigs[r.ID], have[r.ID]
		if sig == nil || bytes.Equal(sig, old) {
			continue
		}
		if _, hasKey := keys[r.Device]; hasKey {
			check = append(check, r)
		} else {
			trust.waiting = append(trust.waiting, entry(d.path, r, sig))
		}
		if old == nil {
			store = append(store, r)
			trust.signedLate[subjectKey{r.Assessment, r.Subject}] = true
		}
	}
	if r, problem := verifySignatures(check, sigs, keys); problem != "" {
		return mergeRefusal(d.path, "revision "+r.ID, problem)
	}
	return insertSignatures(tx, store, sigs)
}

// signKnown judges the signatures a source brings for revisions the target
// already holds (same), adding those the target lacks.
func (d *sourceData) signKnown(tx *sql.Tx, assessmentID string, same []*Revision, sigs map[string][]byte, keys map[string]ed25519.PublicKey, trust *mergeTrust) error {
	if len(same) == 0 {
		return nil
	}
	have, err := querySignatures(tx, `SELECT s.revision_id, s.signature FROM revision_signature s
		JOIN revision r ON r.id = s.revision_id WHERE r.assessment_id = ?`, assessmentID)
	if err != nil {
		return err
	}
	return d.writeSignatures(tx, nil, same, sigs, have, keys, trust)
}

// insertSignatures stores the signatures of revs, 200 to a statement: one
// statement per row would cost as much as verifying them. Their link to
// the revision is checked at commit, so they may go in before it.
func insertSignatures(tx *sql.Tx, revs []*Revision, sigs map[string][]byte) error {
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
	for _, r := range revs {
		args = append(args, r.ID, sigs[r.ID])
		if len(args) == 2*batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// untrustedOf lists the revisions db holds unsigned in the name of the
// given devices, whose keys are known: forgeries, or copies stripped of
// their signature, that came before the key.
func untrustedOf(db q, devices []string) ([]string, error) {
	var out []string
	for _, dev := range devices {
		rows, err := db.Query(`SELECT r.id FROM revision r WHERE r.device = ?
			AND NOT EXISTS (SELECT 1 FROM revision_signature s WHERE s.revision_id = r.id) ORDER BY r.hlc, r.id`, dev)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
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
