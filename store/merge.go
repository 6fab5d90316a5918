package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
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

// RefusedError is a source the merge will not take, naming the file and
// the record at fault. When any source is refused the target is unchanged.
type RefusedError struct {
	Source string
	Record string
	Reason string
}

// Error formats as "SOURCE: RECORD: reason".
func (e *RefusedError) Error() string {
	if e.Record == "" {
		return e.Source + ": " + e.Reason
	}
	return e.Source + ": " + e.Record + ": " + e.Reason
}

// sourceData is everything read from one source file.
type sourceData struct {
	path        string
	rubrics     []storedRubric
	assessments []Assessment
	// byAssessment and rubricOf index what read found; revisions are
	// read an assessment at a time (readAssessment).
	byAssessment map[string]Assessment
	rubricOf     map[string]*rubric.Rubric
	// db reads the private copy until cleanup closes it and removes it;
	// evidence bytes are copied from it inside the merge transaction.
	db      *sql.DB
	version int
	// conn and packed read an assessment's revisions (prepareReads).
	conn    *sql.Conn
	packed  *sql.Stmt
	cleanup func()
	// keys are the source's device keys (signatures are read an
	// assessment at a time, readSignatures);
	// unsigned counts its revisions from before signing began.
	keys     map[string]ed25519.PublicKey
	unsigned int
}

// close releases the private copy.
func (d *sourceData) close() {
	if d.cleanup != nil {
		d.cleanup()
		d.cleanup = nil
	}
}

type storedRubric struct {
	id, version, sum, content string
	rb                        *rubric.Rubric
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
		var re *RefusedError
		if errors.As(err, &re) {
			return nil, err
		}
		return nil, s.writeErr(err)
	}
	if s.walPending && switchToWAL(s.db) == nil {
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

// checkSourceHeader refuses a source that is missing, empty or not a
// SQLite file, as readSource would, without copying anything.
func checkSourceHeader(path string) error {
	empty, err := checkHeader(path)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return &RefusedError{Source: path, Reason: fe.Problem}
		}
		return &RefusedError{Source: path, Reason: err.Error()}
	}
	if empty {
		if _, err := os.Stat(path); err != nil {
			return &RefusedError{Source: path, Reason: "no such file"}
		}
		return &RefusedError{Source: path, Reason: "an empty file, not a kaohe database"}
	}
	return nil
}

// preparedSource is a source ready to merge, or why it is refused.
type preparedSource struct {
	d   *sourceData
	err error
}

// prepareSources reads and checks the sources in order (readSource, then
// checkHistory) on a goroutine of its own, handing each over when the
// merge asks for it; after a refusal it hands over nothing more. stop ends
// the goroutine, removes the private copies of whatever it prepared that
// was not taken, and returns once the goroutine has; it is safe to call
// after everything was taken.
func prepareSources(sources []string, tempDir string, now time.Time) (<-chan preparedSource, func()) {
	out := make(chan preparedSource)
	quit := make(chan struct{})
	go func() {
		defer close(out)
		builtin := newBuiltinRubrics()
		for _, src := range sources {
			select {
			case <-quit:
				return
			default:
			}
			d, err := readSource(src, tempDir)
			if err == nil {
				if err = d.checkHistory(now, builtin); err != nil {
					d.close()
					d = nil
				}
			}
			select {
			case out <- preparedSource{d: d, err: err}:
			case <-quit:
				if d != nil {
					d.close()
				}
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out, func() {
		close(quit)
		for p := range out {
			if p.d != nil {
				p.d.close()
			}
		}
	}
}

// readSource checks a source file and reads it from a private copy, made in
// a new folder under tempDir and removed on return, whatever the outcome.
func readSource(path, tempDir string) (*sourceData, error) {
	if err := checkSourceHeader(path); err != nil {
		return nil, err
	}
	dir, err := mkMergeTemp(tempDir)
	if err != nil {
		return nil, err
	}
	keep := false // on success the caller closes d and removes the copy
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	cp := filepath.Join(dir, "source.db")
	if err := copyFile(path, cp); err != nil {
		return nil, &RefusedError{Source: path, Reason: "cannot read: " + err.Error()}
	}
	if nonEmpty(path + "-wal") {
		// Committed data may still be in the WAL (checkHeader found its
		// header sound): take it along.
		if err := copyFile(path+"-wal", cp+"-wal"); err != nil {
			return nil, &RefusedError{Source: path, Reason: "cannot read its -wal file: " + err.Error()}
		}
		if err := checkpointCopy(cp); err != nil {
			return nil, &RefusedError{Source: path, Reason: "damaged -wal file: " + err.Error()}
		}
	}
	if nonEmpty(path + "-journal") {
		// A rollback journal beside a file in rollback mode: a write was
		// cut short, and the file may hold uncommitted pages. Roll it back
		// in the private copy, so only committed rows are merged.
		if err := copyFile(path+"-journal", cp+"-journal"); err != nil {
			return nil, &RefusedError{Source: path, Reason: "cannot read its -journal file: " + err.Error()}
		}
		if err := rollbackCopy(cp); err != nil {
			return nil, &RefusedError{Source: path, Reason: "cannot roll back its -journal file: " + describe(err)}
		}
	}
	if err := quickCheck(cp); err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return nil, &RefusedError{Source: path, Reason: fe.Problem}
		}
		return nil, &RefusedError{Source: path, Reason: err.Error()}
	}
	uri, err := fileURI(cp, "mode=ro&immutable=1&_pragma=trusted_schema(0)")
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, &RefusedError{Source: path, Reason: describe(err)}
	}
	defer func() {
		if !keep {
			db.Close()
		}
	}()
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return nil, &RefusedError{Source: path, Reason: describe(err)}
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return nil, &RefusedError{Source: path, Reason: describe(err)}
	}
	if appID != ApplicationID {
		return nil, &RefusedError{Source: path, Reason: foreignMessage(uint32(appID))}
	}
	var encoding string
	if err := db.QueryRow("PRAGMA encoding").Scan(&encoding); err != nil {
		return nil, &RefusedError{Source: path, Reason: describe(err)}
	}
	if encoding != "UTF-8" {
		return nil, &RefusedError{Source: path, Reason: "its text is stored as " + encoding + "; kaohe writes UTF-8 only, so the file was made or rebuilt outside kaohe"}
	}
	if version < 1 || version > SchemaVersion {
		return nil, &RefusedError{Source: path, Reason: fmt.Sprintf("schema version %d, which this build does not know (it knows 1 to %d)", version, SchemaVersion)}
	}
	d := &sourceData{path: path, db: db, version: version}
	if err := d.read(db); err != nil {
		var re *RefusedError
		if errors.As(err, &re) {
			return nil, err
		}
		return nil, &RefusedError{Source: path, Reason: "cannot read: " + describe(err)}
	}
	if err := d.prepareReads(); err != nil {
		return nil, &RefusedError{Source: path, Reason: "cannot read: " + describe(err)}
	}
	keep = true
	d.cleanup = func() {
		d.packed.Close()
		d.conn.Close()
		db.Close()
		os.RemoveAll(dir)
	}
	return d, nil
}

// checkpointCopy folds a copied WAL into its copied database.
func checkpointCopy(path string) error {
	return withWritableCopy(path, func(db *sql.DB) error {
		_, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		if err == nil {
			_, err = db.Exec("PRAGMA journal_mode=DELETE")
		}
		return err
	})
}

// rollbackCopy opens a private copy for writing, which makes SQLite roll
// back a hot journal beside it.
func rollbackCopy(path string) error {
	return withWritableCopy(path, func(db *sql.DB) error {
		var n int
		return db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
	})
}

// withWritableCopy runs fn on a read-write connection to a private copy.
func withWritableCopy(path string, fn func(db *sql.DB) error) error {
	uri, err := fileURI(path, "_pragma=trusted_schema(0)")
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// copyFile copies a regular file (never waiting on a named pipe) to a new
// private file.
func copyFile(from, to string) error {
	st, err := os.Stat(from)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// read loads and checks every record of a source: each rubric's content
// matches its hash and is a valid rubric; each assessment's ID is the one
// its identity derives; each revision's hash matches its content, its
// assessment and rubric are present, and its value is one the rubric
// accepts.
func (d *sourceData) read(db *sql.DB) error {
	refuse := func(record, format string, args ...any) error {
		return &RefusedError{Source: d.path, Record: record, Reason: fmt.Sprintf(format, args...)}
	}
	rows, err := db.Query("SELECT id, version, sha256, content FROM rubric")
	if err != nil {
		return err
	}
	rubrics := map[string]*rubric.Rubric{}
	for rows.Next() {
		var r storedRubric
		if err := rows.Scan(&r.id, &r.version, &r.sum, &r.content); err != nil {
			rows.Close()
			return err
		}
		rb, why := checkStoredRubric(r.id, r.version, r.sum, r.content)
		if why != "" {
			rows.Close()
			return refuse("rubric "+r.id+" "+r.version, "%s", why)
		}
		r.rb = rb
		rubrics[r.id+"\x00"+r.version] = rb
		d.rubrics = append(d.rubrics, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	withdrawn, err := withdrawnIn(db)
	if err != nil {
		return err
	}
	rows, err = db.Query("SELECT id, rubric_id, rubric_version, unit, period FROM assessment")
	if err != nil {
		return err
	}
	byID := map[string]Assessment{}
	for rows.Next() {
		var a Assessment
		if err := rows.Scan(&a.ID, &a.RubricID, &a.RubricVersion, &a.Unit, &a.Period); err != nil {
			rows.Close()
			return err
		}
		rec := "assessment " + a.Label()
		if err := checkStoredName("unit", a.Unit); err != nil {
			rows.Close()
			return refuse(rec, "%v", err)
		}
		if err := checkStoredName("period", a.Period); err != nil {
			rows.Close()
			return refuse(rec, "%v", err)
		}
		if rubrics[a.RubricID+"\x00"+a.RubricVersion] == nil {
			rows.Close()
			return refuse(rec, "its rubric %s %s is missing", a.RubricID, a.RubricVersion)
		}
		if err := checkMergedPeriod(rubrics[a.RubricID+"\x00"+a.RubricVersion], a); err != nil && !withdrawn[a.ID] {
			rows.Close()
			return refuse(rec, "%v", err)
		}
		if want := AssessmentID(a.RubricID, a.RubricVersion, a.Unit, a.Period); a.ID != want {
			rows.Close()
			return refuse(rec, "its ID %s is not the one its rubric, unit and period give (%s)", a.ID, want)
		}
		byID[a.ID] = a
		d.assessments = append(d.assessments, a)
		if len(d.assessments) > maxSourceAssessments {
			rows.Close()
			return refuse("", "it holds more than %d assessments, more than an office's file can", maxSourceAssessments)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	d.byAssessment = byID
	d.rubricOf = rubrics
	// A revision whose assessment the file does not hold is refused here;
	// the revisions themselves are read one assessment at a time, inside
	// the merge (readAssessment), so no source is ever held whole.
	var orphan, orphanOf string
	err = db.QueryRow("SELECT id, assessment_id FROM revision WHERE assessment_id NOT IN (SELECT id FROM assessment) LIMIT 1").Scan(&orphan, &orphanOf)
	switch {
	case err == nil:
		return refuse("revision "+orphan, "its assessment %s is missing", orphanOf)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	return d.readKeys(db)
}

// Bounds on what one source may hold, so that no file (damaged, or made to
// do harm) can exhaust memory: the merge holds one assessment's revisions
// at a time, and an assessment of an inspector's file is a few hundred.
const (
	maxSourceAssessments   = 100_000
	maxAssessmentRevisions = 200_000
	maxAssessmentBytes     = 64 << 20 // everything its revisions say, packed
)

// prepareReads sets up what packedAssessment reads with: a connection of
// its own that will not build a value above maxAssessmentBytes (SQLite
// stops with SQLITE_TOOBIG first, so an oversized assessment is refused
// before it is held in memory), and the packed query prepared on it once.
func (d *sourceData) prepareReads() error {
	ctx := context.Background()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	if _, err := sqlite.Limit(conn, sqlite3.SQLITE_LIMIT_LENGTH, maxAssessmentBytes); err != nil {
		conn.Close()
		return err
	}
	st, err := conn.PrepareContext(ctx, packedRevisionsSQL())
	if err != nil {
		conn.Close()
		return err
	}
	d.conn, d.packed = conn, st
	return nil
}

// packedAssessment reads one assessment's revisions, packed in one value
// (packedRevisionsSQL).
func (d *sourceData) packedAssessment(assessmentID string) (string, error) {
	var packed string
	err := d.packed.QueryRow(assessmentID).Scan(&packed)
	return packed, err
}

// readAssessment reads and checks one assessment's revisions from the
// source: each revision's ID, hash, clock, inspector name, value against
// the rubric, parents (of its own subject, recorded before it, no cycle)
// and sign-off; and their signatures.
func (d *sourceData) readAssessment(a Assessment, now time.Time) ([]*Revision, map[string][]byte, error) {
	refuse := func(record, format string, args ...any) error {
		return &RefusedError{Source: d.path, Record: record, Reason: fmt.Sprintf(format, args...)}
	}
	oversized := func(n int64) error {
		return refuse("assessment "+a.Label(), "it holds %d revisions, more than an inspector's file can: at most %d revisions or %s of revision data per assessment",
			n, maxAssessmentRevisions, HumanSize(maxAssessmentBytes))
	}
	packed, err := d.packedAssessment(a.ID)
	if isTooBig(err) {
		var n int64 // from the index alone
		if err := d.db.QueryRow("SELECT count(*) FROM revision WHERE assessment_id = ?", a.ID).Scan(&n); err != nil {
			return nil, nil, err
		}
		return nil, nil, oversized(n)
	}
	if err != nil {
		return nil, nil, refuse("assessment "+a.Label(), "cannot read its revisions: %s", describe(err))
	}
	revs, err := unpackRevisions(a.ID, packed)
	if err != nil {
		return nil, nil, refuse("assessment "+a.Label(), "cannot read its revisions: %s", describe(err))
	}
	if len(revs) > maxAssessmentRevisions {
		return nil, nil, oversized(int64(len(revs)))
	}
	rb := d.rubricOf[a.RubricID+"\x00"+a.RubricVersion]
	namesOK := map[string]bool{} // inspectors' names already checked
	byRev := make(map[string]*Revision, len(revs))
	for _, r := range revs {
		byRev[r.ID] = r
	}
	for _, r := range revs {
		rec := "revision " + r.ID
		if _, err := uuid.Parse(r.ID); err != nil || len(r.ID) != 36 {
			return nil, nil, refuse(rec, "its ID is not a UUID")
		}
		if why := revisionTextProblem(r); why != "" {
			return nil, nil, refuse(rec, "%s", why)
		}
		if r.ContentHash() != r.Hash {
			return nil, nil, refuse(rec, "its content does not match its hash (damaged or edited by hand)")
		}
		if _, err := ParseHLC(r.HLC); err != nil {
			return nil, nil, refuse(rec, "%v", err)
		}
		if !namesOK[r.Inspector] {
			if err := checkStoredName("inspector", r.Inspector); err != nil {
				return nil, nil, refuse(rec, "%v", err)
			}
			namesOK[r.Inspector] = true
		}
		for _, p := range r.Parents {
			if byRev[p] != nil || p == r.ID {
				continue
			}
			var subject string
			if d.db.QueryRow("SELECT subject FROM revision WHERE id = ?", p).Scan(&subject) == nil {
				return nil, nil, refuse(rec, "it supersedes revision %s of %s, another subject; a value can only replace values of its own subject", p, subject)
			}
			return nil, nil, refuse(rec, "it supersedes revision %s, which the file does not hold", p)
		}
		if why := graphProblem(r, byRev, now); why != "" {
			return nil, nil, refuse(rec, "%s", why)
		}
		if err := checkChange(rb, Change{Subject: r.Subject, Value: r.Value, Note: r.Note}); err != nil {
			return nil, nil, refuse(rec, "%s %s=%s is not accepted by rubric %s %s: %s", a.Label(), r.Subject, r.ValueText(), rb.ID, rb.Version, oneLine(err.Error()))
		}
	}
	sigs, err := d.readSignatures(a.ID)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range revs {
		if _, hasKey := d.keys[r.Device]; sigs[r.ID] == nil && !hasKey {
			d.unsigned++
		}
	}
	return revs, sigs, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

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
		return &RefusedError{Source: d.path, Record: record, Reason: fmt.Sprintf(format, args...)}
	}
	for _, r := range d.rubrics {
		var known string
		err := tx.QueryRow("SELECT sha256 FROM rubric WHERE id = ? AND version = ?", r.id, r.version).Scan(&known)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.Exec("INSERT INTO rubric(id, version, sha256, content) VALUES (?, ?, ?, ?)", r.id, r.version, r.sum, r.content); err != nil {
				return sum, err
			}
		case err != nil:
			return sum, err
		case known != r.sum:
			return sum, refuse("rubric "+r.id+" "+r.version, "already known with different content (sha256 %.12s…, this file %.12s…); a changed rubric needs a new version", known, r.sum)
		}
	}
	newAssessments := map[string]bool{}
	for _, a := range d.assessments {
		var have Assessment
		err := tx.QueryRow("SELECT id, rubric_id, rubric_version, unit, period FROM assessment WHERE id = ?", a.ID).
			Scan(&have.ID, &have.RubricID, &have.RubricVersion, &have.Unit, &have.Period)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.Exec("INSERT INTO assessment(id, rubric_id, rubric_version, unit, period) VALUES (?, ?, ?, ?, ?)",
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
			n, _, err := conflictCounts(tx, []Assessment{a})
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
			st := buildState(a, nil, heads)
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
	n, settled, err := conflictCounts(tx, settle)
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
		sum.StatusChanges = append(sum.StatusChanges, StatusChange{Assessment: d.byAssessment[r.Assessment].Label(), Status: StatusOf(r.Value),
			Inspector: r.Inspector, Device: r.Device, Time: r.Wall, Note: r.Note, Revision: r.ID, Now: status[r.Assessment]})
	}
	return sum, nil
}

// conflictCounts counts open conflicts (between inspectors or against a
// sign-off; a subject counts once) over some assessments, from their heads,
// and returns each one's status.
func conflictCounts(tx *sql.Tx, as []Assessment) (int, map[string]string, error) {
	n := 0
	status := map[string]string{}
	for _, a := range as {
		revs, err := loadHeads(tx, a.ID)
		if err != nil {
			return 0, nil, err
		}
		st := buildState(a, nil, revs)
		if err := attachSignOff(tx, st); err != nil {
			return 0, nil, err
		}
		n += st.OpenConflicts()
		status[a.ID] = st.Status()
	}
	return n, status, nil
}

// Alternatives lists, for each rule in conflict, every head's finding (an
// Unset value for a retraction), for scoring.RangeOver.
func Alternatives(conflicts []*SubjectState) map[string][]scoring.Finding {
	out := map[string][]scoring.Finding{}
	for _, ss := range conflicts {
		if !isRuleSubject(ss.Subject) {
			continue
		}
		for _, h := range ss.Heads {
			f := scoring.Finding{Note: h.Note}
			if !h.Tombstone() {
				if v, err := DecodeValue(*h.Value); err == nil {
					f.Value = v
				}
			}
			out[ss.Subject] = append(out[ss.Subject], f)
		}
	}
	return out
}

// Range is the span the assessment's score can take across its open
// conflicts, or nil when there are none.
func (st *State) Range() *scoring.Range {
	conflicts := st.Conflicts()
	if len(conflicts) == 0 {
		return nil // and no second decoding of every finding
	}
	return scoring.RangeOver(st.Rubric, st.Findings(), Alternatives(conflicts))
}

// Pack writes a self-contained, checkpointed copy of the database to out
// (VACUUM INTO), for handing over on a USB stick. out must not exist: an
// existing file, a symbolic link, a named pipe or a device is refused, not
// written through or waited on. The copy is created owner-only (0600) before
// anything is written into it, and removed again if the copy fails.
func (s *Store) Pack(out string) error {
	if st, err := os.Lstat(out); err == nil {
		switch {
		case st.Mode()&os.ModeSymlink != 0:
			return fileErr(out, "is a symbolic link; pack writes a new file only, choose another name", nil)
		case !st.Mode().IsRegular():
			return fileErr(out, "is not a regular file (a folder, named pipe or device); choose another name", nil)
		}
		return fmt.Errorf("%s already exists; choose another name or remove it first", out)
	}
	f, err := os.OpenFile(out, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fileErr(out, "cannot create the packed copy: "+err.Error(), err)
	}
	f.Close()
	if _, err := s.db.Exec("VACUUM INTO ?", out); err != nil {
		os.Remove(out)
		if isBusy(err) {
			return busyErr(s.path, err)
		}
		return fileErr(out, "cannot write the packed copy: "+describe(err), err)
	}
	return nil
}

// Dump writes a canonical text form of everything the database holds
// (rubrics, assessments, revisions with sorted parents), in a fixed order:
// two databases with the same content dump the same.
func (s *Store) Dump(w io.Writer) error {
	rows, err := s.db.Query("SELECT id, version, sha256 FROM rubric ORDER BY id, version")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, v, sum string
		if err := rows.Scan(&id, &v, &sum); err != nil {
			rows.Close()
			return err
		}
		fmt.Fprintf(w, "rubric %s %s %s\n", id, v, sum)
	}
	rows.Close()
	all, err := s.Assessments()
	if err != nil {
		return err
	}
	for _, a := range all {
		fmt.Fprintf(w, "assessment %s %s %s %s %s\n", a.ID, a.RubricID, a.RubricVersion, a.Unit, a.Period)
	}
	revs, err := loadRevisions(s.db, "ORDER BY r.id")
	if err != nil {
		return err
	}
	for _, r := range revs {
		ps := append([]string(nil), r.Parents...)
		sort.Strings(ps)
		fmt.Fprintf(w, "revision %s %s %s %q %q %s %s %s %s %v\n", r.ID, r.Assessment, r.Subject, r.ValueText(), r.Note, r.Inspector, r.Device, r.HLC, r.Hash, ps)
	}
	return dumpBlobs(s.db, w)
}
