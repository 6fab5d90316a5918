package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// MergeSummary is what one source brought into the target.
type MergeSummary struct {
	Source             string `json:"source"`
	AssessmentsNew     int    `json:"assessments_new"`
	AssessmentsUpdated int    `json:"assessments_updated"`
	RevisionsAdded     int    `json:"revisions_added"`
	RevisionsKnown     int    `json:"revisions_known"`
	NewConflicts       int    `json:"new_conflicts"`
	// Unsigned counts the source's revisions written before signing
	// began (accepted, reported).
	Unsigned int `json:"unsigned"`
	// StatusChanges lists every sign-off and reopening the source brought,
	// in clock order.
	StatusChanges []StatusChange `json:"status_changes"`
	// Untrusted lists the revisions the target already held unsigned in
	// the name of a device whose key this source brought: forgeries, or
	// copies stripped of their signature, merged before the key was known.
	// They stay in the target, counted nowhere (no head), reported
	// (verify names them, history marks them, list warns).
	Untrusted []string `json:"untrusted,omitempty"`
	// devices are the devices whose key this source brought.
	devices []string
}

// StatusChange is a sign-off or a reopening brought in by a merge.
type StatusChange struct {
	Assessment string    `json:"assessment"` // UNIT/PERIOD
	Status     string    `json:"status"`     // StatusSigned or StatusDraft (reopened)
	Inspector  string    `json:"inspector"`
	Device     string    `json:"device"`
	Time       time.Time `json:"time"`
	Note       string    `json:"note,omitempty"` // a reopening's reason
	Revision   string    `json:"revision"`
	Now        string    `json:"now"` // the assessment's status after the merge
}

// Merge takes the union of the sources' rubrics, assessments and revisions
// into the store, in one transaction: idempotent, order-free, lossless. Each
// source is checked before any of it is read (header, application_id,
// schema, quick_check) and read from a private copy (with its -wal, if one
// lies beside it), so a source is never modified. Any refusal leaves the
// target unchanged.
//
// The sources are prepared (copied, checked, their rubrics and assessments
// read) one ahead of the merge, on a goroutine of their own, and each
// private copy is removed as soon as its source is merged: at most three
// lie in the temporary folder at once, however many files are merged.
//
// A store opened with DeferWAL on a packed file is switched to WAL only
// once the merge commits: a refused merge leaves such a file byte for byte
// as it was.
func (s *Store) Merge(sources ...string) ([]MergeSummary, error) {
	// A source that is missing or not a database is refused before the
	// target is locked.
	for _, src := range sources {
		if err := checkSourceHeader(src); err != nil {
			return nil, err
		}
	}
	if s.tempDir == "" {
		CleanStaleMergeDirs(os.TempDir())
	}
	now := s.now()
	ahead, stop := prepareSources(sources, s.tempDir, now)
	defer stop()
	// The first source is ready (or refused) before the target is locked,
	// as every source was before they were prepared one ahead: another
	// program writing the target waits for the merge, not for the copy.
	var first preparedSource
	if len(sources) > 0 {
		if first = <-ahead; first.err != nil {
			return nil, first.err
		}
		defer first.d.close()
	}
	var out []MergeSummary
	err := s.mergeTx(func(tx *sql.Tx) error {
		w, err := newRevisionWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		trust := newMergeTrust()
		for i := range sources {
			p := first
			if i > 0 {
				if p = <-ahead; p.err != nil {
					return p.err
				}
			}
			sum, err := mergeSource(tx, w, p.d, now, trust)
			if err != nil {
				return err
			}
			out = append(out, sum)
		}
		if err := trust.finish(tx); err != nil {
			return err
		}
		for i := range out {
			if out[i].Untrusted, err = untrustedOf(tx, out[i].devices); err != nil {
				return err
			}
			// Exposed by the key: no longer heads (see quarantine.go).
			if err := subjectsOf(tx, out[i].Untrusted, w.stale); err != nil {
				return err
			}
			if err := markUntrusted(tx, out[i].Untrusted); err != nil {
				return err
			}
		}
		for k := range trust.signedLate {
			w.stale[k] = true
		}
		return recomputeHeads(tx, w.stale)
	})
	if err != nil {
		return nil, s.writeErr(err)
	}
	if s.walPending && switchToWAL(s.db, s.busyTimeout) == nil {
		// Opened with DeferWAL: what is merged is committed, and the
		// file goes to WAL, as every kaohe database (should the switch
		// fail, the merge stands, and the next open switches it).
		s.walPending = false
	}
	return out, nil
}

// mergeSource merges one prepared source and removes its private copy,
// however mergeOne ends.
func mergeSource(tx *sql.Tx, w *revisionWriter, d *sourceData, now time.Time, trust *mergeTrust) (MergeSummary, error) {
	defer d.close()
	return mergeOne(tx, w, d, now, trust)
}

// revisionHashes maps the revision IDs the target holds for one assessment
// to their hashes.
func revisionHashes(tx *sql.Tx, assessmentID string) (map[string]string, error) {
	rows, err := tx.Query("SELECT id, hash FROM revision WHERE assessment_id = ?", assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}

// mergeOne inserts one source's records into the target transaction, one
// assessment at a time: its revisions are read, checked, compared with
// the target's, and what is new is written (with its evidence files and
// signatures) before the next assessment is read.
func mergeOne(tx *sql.Tx, w *revisionWriter, d *sourceData, now time.Time, trust *mergeTrust) (MergeSummary, error) {
	sum := MergeSummary{Source: d.path, StatusChanges: []StatusChange{}}
	refuse := func(record, format string, args ...any) error {
		return mergeRefusal(d.path, record, fmt.Sprintf(format, args...))
	}
	for _, r := range d.rubrics {
		known, err := addRubricRow(tx, r.id, r.version, r.sum, r.content)
		switch {
		case err != nil:
			return sum, err
		case known != r.sum:
			return sum, refuse("rubric "+r.id+" "+r.version, "already known with different content (sha256 %.12s…, this file %.12s…); a changed rubric needs a new version", known, r.sum)
		}
	}
	newAssessments := map[string]bool{}
	for _, a := range d.assessments {
		have, err := scanAssessment(tx.QueryRow("SELECT "+assessmentColumns+" FROM assessment WHERE id = ?", a.ID))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.Exec("INSERT INTO assessment("+assessmentColumns+") VALUES (?, ?, ?, ?, ?)",
				a.ID, a.RubricID, a.RubricVersion, a.Unit, a.Period); err != nil {
				return sum, err
			}
			newAssessments[a.ID] = true
			sum.AssessmentsNew++
		case err != nil:
			return sum, err
		case have != a:
			return sum, refuse("assessment "+a.Label(), "the target holds assessment %s with different content", a.ID)
		}
	}
	keys, added, err := d.mergeKeys(tx)
	if err != nil {
		return sum, err
	}
	sum.devices = added
	// settle lists the assessments whose conflicts and status are read
	// back from the database once everything is written; after and status
	// hold those counted from the heads in hand.
	var settle []Assessment
	var statusRevs []*Revision
	before, after := 0, 0
	status := map[string]string{}
	rubrics := itemRubrics{}
	ahead, stop := d.readAhead(now)
	defer stop()
	for _, a := range d.assessments {
		read := <-ahead
		revs, sigs, err := read.revs, read.sigs, read.err
		if err != nil {
			return sum, err
		}
		known := map[string]string{} // a new assessment: the target holds none of it
		if !newAssessments[a.ID] {
			if known, err = revisionHashes(tx, a.ID); err != nil {
				return sum, err
			}
		}
		var fresh, same []*Revision // same: held by the target, signed here
		for _, r := range revs {
			h, ok := known[r.ID]
			switch {
			case !ok:
				fresh = append(fresh, r)
			case h != r.Hash:
				return sum, refuse("revision "+r.ID, "the target holds a revision with this ID and different content")
			default:
				sum.RevisionsKnown++
				if sigs[r.ID] != nil {
					same = append(same, r)
				}
			}
		}
		if len(fresh) == 0 {
			if err := d.signKnown(tx, a.ID, same, sigs, keys, trust); err != nil {
				return sum, err
			}
			continue
		}
		if !newAssessments[a.ID] {
			sum.AssessmentsUpdated++
			n, _, err := conflictCounts(tx, rubrics, []Assessment{a})
			if err != nil {
				return sum, err
			}
			before += n
		}
		if err := copyEvidence(tx, d, fresh); err != nil {
			return sum, err
		}
		if err := d.writeSignatures(tx, fresh, nil, sigs, nil, keys, trust); err != nil {
			return sum, err
		}
		if err := d.signKnown(tx, a.ID, same, sigs, keys, trust); err != nil {
			return sum, err
		}
		heads, err := w.writeAssessment(a.ID, fresh, known)
		if err != nil {
			return sum, err
		}
		for _, r := range fresh {
			if r.Subject == SubjectStatus {
				statusRevs = append(statusRevs, r)
			}
			sum.RevisionsAdded++
		}
		if newAssessments[a.ID] {
			// Its heads are all in hand: unless it is signed (a sign-off
			// is settled against the database), count its conflicts here.
			rb, err := rubrics.forItems(tx, a, heads)
			if err != nil {
				return sum, err
			}
			st, _ := assessment.Build(a, rb, heads, nil) // no lookup: it cannot fail
			if st.Signed() == nil {
				after += len(st.Conflicts())
				status[a.ID] = StatusDraft
				continue
			}
		}
		settle = append(settle, a)
	}
	stop() // every assessment has been read: d.unsigned is final
	if err := w.finish(); err != nil {
		return sum, err
	}
	sum.Unsigned = d.unsigned
	n, settled, err := conflictCounts(tx, rubrics, settle)
	if err != nil {
		return sum, err
	}
	after += n
	for id, st := range settled {
		status[id] = st
	}
	sum.NewConflicts = max(after-before, 0)
	sort.Slice(statusRevs, func(i, j int) bool { return statusRevs[i].Less(statusRevs[j]) })
	for _, r := range statusRevs {
		sum.StatusChanges = append(sum.StatusChanges, StatusChange{Assessment: d.byAssessment[r.Assessment].Label(), Status: r.Decoded().Status(),
			Inspector: r.Inspector, Device: r.Device, Time: r.Wall, Note: r.Note, Revision: r.ID, Now: status[r.Assessment]})
	}
	return sum, nil
}

// conflictCounts counts open conflicts (between inspectors or against a
// sign-off; a subject counts once) over some assessments, from their heads,
// and returns each one's status.
func conflictCounts(tx *sql.Tx, rubrics itemRubrics, as []Assessment) (int, map[string]string, error) {
	n := 0
	status := map[string]string{}
	for _, a := range as {
		revs, err := loadHeads(tx, a.ID)
		if err != nil {
			return 0, nil, err
		}
		rb, err := rubrics.forItems(tx, a, revs)
		if err != nil {
			return 0, nil, err
		}
		st, err := buildState(tx, a, rb, revs)
		if err != nil {
			return 0, nil, err
		}
		n += st.OpenConflicts()
		status[a.ID] = st.Status()
	}
	return n, status, nil
}

// itemRubrics holds the rubrics one merge has parsed to count conflicts,
// by rubric ID and version.
type itemRubrics map[[2]string]*rubric.Rubric

// forItems is the rubric an assessment's conflicts are counted with: nil
// unless its heads hold items, for only a rule's plain number against its
// items (which the rule's kind decides) needs it; the heads alone give
// every other conflict.
func (c itemRubrics) forItems(db q, a Assessment, heads []*Revision) (*rubric.Rubric, error) {
	if !slices.ContainsFunc(heads, func(r *Revision) bool { return strings.HasPrefix(r.Subject, ItemPrefix) }) {
		return nil, nil
	}
	key := [2]string{a.RubricID, a.RubricVersion}
	if rb := c[key]; rb != nil {
		return rb, nil
	}
	rb, err := parseStoredRubric(db, a.RubricID, a.RubricVersion)
	if err != nil {
		return nil, err
	}
	c[key] = rb
	return rb, nil
}
