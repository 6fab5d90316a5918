package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"github.com/kaohe/kaohe/rubric"
	"io"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
	"os"
	"path/filepath"
	"strings"
	"time"
)

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
	// conn, packed and signatures read an assessment's revisions and
	// their signatures (prepareReads); signatures is nil for a file from
	// before signatures.
	conn               *sql.Conn
	packed, signatures *sql.Stmt
	cleanup            func()
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

// checkedRubrics are the rubrics one merge has found valid, by id, version
// and content: the sources of a team carry the same rubric, which is then
// decoded and validated once, not once per source.
type checkedRubrics map[storedRubric]*rubric.Rubric

// check is checkStoredRubric on r, from what an earlier source showed when
// it carried the same rubric to the byte.
func (c checkedRubrics) check(r storedRubric) (*rubric.Rubric, string) {
	key := storedRubric{id: r.id, version: r.version, sum: r.sum, content: r.content}
	if rb := c[key]; rb != nil {
		return rb, ""
	}
	rb, why := checkStoredRubric(r.id, r.version, r.sum, r.content)
	if why == "" {
		c[key] = rb
	}
	return rb, why
}

type storedRubric struct {
	id, version, sum, content string
	rb                        *rubric.Rubric
}

// checkSourceHeader refuses a source that is missing, empty or not a
// SQLite file, as readSource would, without copying anything.
func checkSourceHeader(path string) error {
	empty, err := checkHeader(path)
	if err != nil {
		var fe *Refusal
		if errors.As(err, &fe) {
			return mergeRefusal(path, "", fe.detail())
		}
		return mergeRefusal(path, "", err.Error())
	}
	if empty {
		if _, err := os.Stat(path); err != nil {
			return mergeRefusal(path, "", "no such file")
		}
		return mergeRefusal(path, "", "an empty file, not a kaohe database")
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
		checked := checkedRubrics{}
		for _, src := range sources {
			select {
			case <-quit:
				return
			default:
			}
			d, err := readSource(src, tempDir, checked)
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
func readSource(path, tempDir string, checked checkedRubrics) (*sourceData, error) {
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
		return nil, mergeRefusal(path, "", "cannot read: "+err.Error())
	}
	if nonEmpty(path + "-wal") {
		// Committed data may still be in the WAL (checkHeader found its
		// header sound): take it along.
		if err := copyFile(path+"-wal", cp+"-wal"); err != nil {
			return nil, mergeRefusal(path, "", "cannot read its -wal file: "+err.Error())
		}
		if err := checkpointCopy(cp); err != nil {
			return nil, mergeRefusal(path, "", "damaged -wal file: "+err.Error())
		}
	}
	if nonEmpty(path + "-journal") {
		// A rollback journal beside a file in rollback mode: a write was
		// cut short, and the file may hold uncommitted pages. Roll it back
		// in the private copy, so only committed rows are merged.
		if err := copyFile(path+"-journal", cp+"-journal"); err != nil {
			return nil, mergeRefusal(path, "", "cannot read its -journal file: "+err.Error())
		}
		if err := rollbackCopy(cp); err != nil {
			return nil, mergeRefusal(path, "", "cannot roll back its -journal file: "+describe(err))
		}
	}
	if err := quickCheck(cp, DefaultBusyTimeout); err != nil {
		var fe *Refusal
		if errors.As(err, &fe) {
			return nil, mergeRefusal(path, "", fe.detail())
		}
		return nil, mergeRefusal(path, "", err.Error())
	}
	uri, err := fileURI(cp, "mode=ro&immutable=1&_pragma=trusted_schema(0)")
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, mergeRefusal(path, "", describe(err))
	}
	defer func() {
		if !keep {
			db.Close()
		}
	}()
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return nil, mergeRefusal(path, "", describe(err))
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return nil, mergeRefusal(path, "", describe(err))
	}
	if appID != ApplicationID {
		return nil, mergeRefusal(path, "", foreignMessage(uint32(appID)))
	}
	var encoding string
	if err := db.QueryRow("PRAGMA encoding").Scan(&encoding); err != nil {
		return nil, mergeRefusal(path, "", describe(err))
	}
	if encoding != "UTF-8" {
		return nil, mergeRefusal(path, "", "its text is stored as "+encoding+"; kaohe writes UTF-8 only, so the file was made or rebuilt outside kaohe")
	}
	if version < 1 || version > SchemaVersion {
		return nil, mergeRefusal(path, "", fmt.Sprintf("schema version %d, which this build does not know (it knows 1 to %d)", version, SchemaVersion))
	}
	d := &sourceData{path: path, db: db, version: version}
	if err := d.read(db, checked); err != nil {
		if CodeOf(err) == CodeMergeRefused {
			return nil, err
		}
		return nil, mergeRefusal(path, "", "cannot read: "+describe(err))
	}
	if err := d.prepareReads(); err != nil {
		return nil, mergeRefusal(path, "", "cannot read: "+describe(err))
	}
	keep = true
	d.cleanup = func() {
		if d.signatures != nil {
			d.signatures.Close()
		}
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
func (d *sourceData) read(db *sql.DB, checked checkedRubrics) error {
	refuse := func(record, format string, args ...any) error {
		return mergeRefusal(d.path, record, fmt.Sprintf(format, args...))
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
		rb, why := checked.check(r)
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
	rows, err = db.Query("SELECT " + assessmentColumns + " FROM assessment")
	if err != nil {
		return err
	}
	byID := map[string]Assessment{}
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
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
			r := mergeRefusal(d.path, rec, err.Error())
			r.Err = err // its code, for the hint of what to do
			return r
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
	var sigs *sql.Stmt
	if d.version >= evidenceSchema {
		if sigs, err = conn.PrepareContext(ctx, sqlAssessmentSignatures); err != nil {
			st.Close()
			conn.Close()
			return err
		}
	}
	d.conn, d.packed, d.signatures = conn, st, sigs
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
		return mergeRefusal(d.path, record, fmt.Sprintf(format, args...))
	}
	oversized := func(n int64) error {
		return refuse("assessment "+a.Label(), "it holds %d revisions, more than an inspector's file can: at most %d revisions or %s of revision data per assessment",
			n, maxAssessmentRevisions, HumanSize(maxAssessmentBytes))
	}
	packed, err := d.packedAssessment(a.ID)
	if is(classify(d.path, 0, err), CodeTooBig) {
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
		faults := checkRevision(r, byRev, now, rb)
		if len(faults) > 0 && !faults[0].graph && faults[0].value == nil {
			return nil, nil, refuse(rec, "%s", faults[0].why)
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
		if len(faults) > 0 {
			if f := faults[0]; f.value != nil {
				return nil, nil, refuse(rec, "%s %s=%s is not accepted by rubric %s %s: %s", a.Label(), r.Subject, r.ValueText(), rb.ID, rb.Version, oneLine(f.value.Error()))
			}
			return nil, nil, refuse(rec, "%s", faults[0].why)
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
