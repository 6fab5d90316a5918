package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"golang.org/x/text/unicode/norm"
)

// AssessmentID derives an assessment's ID from what identifies it, so every
// inspector (and every build of kaohe) that starts the same unit and period
// under the same rubric gets the same ID.
func AssessmentID(rubricID, rubricVersion, unit, period string) string {
	h := sha256.New()
	for _, part := range []string{"kaohe/assessment/v1", rubricID, rubricVersion, normalizeName(unit), normalizeName(period)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// normalizeName trims spaces (ASCII and the ideographic space) around a unit
// or period name and normalises it to NFC, as ValidName stores it.
func normalizeName(s string) string { return norm.NFC.String(strings.Trim(s, " \t\u3000")) }

// CreateAssessment stores the rubric (refusing one whose id and version are
// known with other content) and the assessment, returning it and whether it
// is new. The period follows the rubric's period rule, full-width digits
// folded to ASCII first (a *rubric.PeriodError otherwise), so ２０２１ is
// the same assessment as 2021. It writes no revision: an assessment is a draft until someone
// signs it, so inspectors who each create the same assessment do not
// disagree about anything when their files meet.
func (s *Store) CreateAssessment(id Identity, rb *rubric.Rubric, unit, period string) (Assessment, bool, error) {
	unit, err := ValidName("unit", unit)
	if err != nil {
		return Assessment{}, false, err
	}
	period, err = ValidName("period", period)
	if err != nil {
		return Assessment{}, false, err
	}
	if period, err = rb.CheckPeriod(period); err != nil {
		return Assessment{}, false, err
	}
	if id.Inspector == "" {
		return Assessment{}, false, ErrNoInspector
	}
	a := Assessment{ID: AssessmentID(rb.ID, rb.Version, unit, period), RubricID: rb.ID, RubricVersion: rb.Version, Unit: unit, Period: period}
	created := false
	err = s.writeTx(func(tx *sql.Tx) error {
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		created, err = createIn(tx, id, a)
		return err
	})
	if err != nil {
		return Assessment{}, false, err
	}
	return a, created, nil
}

// createIn inserts assessment a inside tx unless it exists, noting who
// made it; it reports whether it was new. a's rubric must be stored.
func createIn(tx *sql.Tx, id Identity, a Assessment) (bool, error) {
	res, err := tx.Exec("INSERT OR IGNORE INTO assessment("+assessmentColumns+") VALUES (?, ?, ?, ?, ?)",
		a.ID, a.RubricID, a.RubricVersion, a.Unit, a.Period)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	if n != 1 {
		return false, nil
	}
	_, err = tx.Exec("INSERT OR IGNORE INTO assessment_creator(assessment_id, inspector) VALUES (?, ?)", a.ID, id.Inspector)
	return err == nil, err
}

// assessmentColumns are an assessment row's columns, in the order
// scanAssessment reads them: every query of the table lists them from here.
const assessmentColumns = "id, rubric_id, rubric_version, unit, period"

// scanAssessment reads an assessment row selected as assessmentColumns.
func scanAssessment(row interface{ Scan(dest ...any) error }) (Assessment, error) {
	var a Assessment
	err := row.Scan(&a.ID, &a.RubricID, &a.RubricVersion, &a.Unit, &a.Period)
	return a, err
}

// Assessments lists every assessment, by unit then period then rubric.
func (s *Store) Assessments() ([]Assessment, error) {
	rows, err := s.db.Query("SELECT " + assessmentColumns + " FROM assessment")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Unit != out[j].Unit {
			return out[i].Unit < out[j].Unit
		}
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return out[i].RubricID+out[i].RubricVersion < out[j].RubricID+out[j].RubricVersion
	})
	return out, rows.Err()
}

// Find resolves how a user names an assessment: "UNIT/PERIOD" or a prefix
// (at least 4 characters) of its ID. Several matches are an error that lists
// them.
func (s *Store) Find(ref string) (Assessment, error) {
	all, err := s.Assessments()
	if err != nil {
		return Assessment{}, err
	}
	ref = normalizeName(ref)
	var matches []Assessment
	if i := strings.LastIndex(ref, "/"); i > 0 {
		unit, period := normalizeName(ref[:i]), rubric.NormalizePeriod(normalizeName(ref[i+1:]))
		for _, a := range all {
			if a.Unit == unit && a.Period == period {
				matches = append(matches, a)
			}
		}
	}
	if len(matches) == 0 && len(ref) >= 4 {
		for _, a := range all {
			if strings.HasPrefix(a.ID, strings.ToLower(ref)) {
				matches = append(matches, a)
			}
		}
	}
	if len(matches) > 1 {
		// A withdrawn assessment gives way to the one that replaced it.
		if matches, err = withoutWithdrawn(s, matches); err != nil {
			return Assessment{}, err
		}
	}
	switch len(matches) {
	case 0:
		r := refusalOf(CodeNoAssessment, "no assessment %q in %s", ref, s.path)
		r.Subject = ref
		return Assessment{}, r
	case 1:
		return matches[0], nil
	}
	var names []string
	for _, a := range matches {
		names = append(names, fmt.Sprintf("%s (%s %s, id %s)", a.Label(), a.RubricID, a.RubricVersion, ShortID(a.ID, 12)))
	}
	return Assessment{}, i18n.Errorf("%q matches several assessments; use an ID prefix: %s", ref, strings.Join(names, "; "))
}

// tx runs fn in a write transaction. The commit path's statements are
// prepared first (once per store), so every door that writes through
// s.record (Record, Sign, Reopen, Resolve, Attach) runs them compiled.
func (s *Store) tx(fn func(*sql.Tx) error) error {
	if err := s.prepare(); err != nil {
		return err
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// writeTx runs fn in a write transaction (tx) and tells what stopped it: a
// Refusal is returned as it is; anything else is the database's, the
// folder's or the disk's doing and is classified by its code (writeErr).
// It is the one place the writes that record findings classify a failure.
func (s *Store) writeTx(fn func(*sql.Tx) error) error {
	if err := s.tx(fn); err != nil {
		return s.writeErr(err)
	}
	return nil
}

// checkMergedPeriod refuses, at merge, an assessment whose period is not
// one its rubric's period rule gives (２０２１, 二零二一, made before
// periods were checked): merged in, it would sit beside the colleagues'
// 2021 as another assessment that no report of 2021 shows.
func checkMergedPeriod(rb *rubric.Rubric, a Assessment) error {
	p, err := rb.CheckPeriod(a.Period)
	switch {
	case err != nil:
		r := subjectRefusal(CodePeriodForm, a.ID, "%v; in the file it came from, re-record its findings under a period of that form, withdraw it and merge again", err)
		r.Err = err
		return r
	case p != a.Period:
		return subjectRefusal(CodePeriodForm, a.ID, "its period %q is written %q everywhere else; in the file it came from, re-record its findings under %s/%s, withdraw it and merge again",
			a.Period, p, a.Unit, p)
	}
	return nil
}

// withdrawnIn are the assessments of a database that a revision withdraws
// (a withdrawal is never retracted): merge lets such an assessment in
// whatever its period, since no list or report shows it.
func withdrawnIn(db q) (map[string]bool, error) {
	return idSet(db, "SELECT DISTINCT assessment_id FROM revision WHERE subject = ?", SubjectWithdrawn)
}

// withdrawRecordedErr refuses to withdraw an assessment in which n
// revisions are recorded, unless forced (CodeWithdrawRecorded: Subject is
// the assessment's ID; the arguments its label and n).
func withdrawRecordedErr(a Assessment, n int) *Refusal {
	r := refusalOf(CodeWithdrawRecorded, "%s has %d records, so it is not withdrawn; if it really was a mistake, it can be withdrawn all the same (kept in history)", a.Label(), n)
	r.Subject = a.ID
	return r
}

// ErrAlreadyWithdrawn matches (errors.Is) a withdrawal of an assessment
// already withdrawn.
var ErrAlreadyWithdrawn error = refusalOf(CodeAlreadyWithdrawn, "the assessment is already withdrawn")

// Withdraw withdraws an assessment created by mistake: a revision of
// SubjectWithdrawn with the reason as its note, kept in history. List,
// report and the picker leave a withdrawn assessment out. An assessment in
// which anything is recorded is refused (CodeWithdrawRecorded) unless
// force; a signed one must be reopened first.
func (s *Store) Withdraw(id Identity, assessmentID, reason string, force bool) (*Revision, error) {
	if id.Inspector == "" {
		return nil, ErrNoInspector
	}
	var rev *Revision
	err := s.writeTx(func(tx *sql.Tx) error {
		st, err := s.stateIn(tx, assessmentID)
		if err != nil {
			return err
		}
		if st.Withdrawn() != nil {
			return ErrAlreadyWithdrawn
		}
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM revision WHERE assessment_id = ?", st.Assessment.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 && !force {
			return withdrawRecordedErr(st.Assessment, n)
		}
		rev, err = s.record(tx, id, st.Assessment, st.Rubric, Change{Subject: SubjectWithdrawn, Value: assessment.TextValue(withdrawnValue), Note: reason, Resolve: true})
		return err
	})
	if err != nil {
		return nil, err
	}
	return rev, nil
}

// withoutWithdrawn drops the withdrawn assessments of several that match
// one name, unless all of them are withdrawn.
func withoutWithdrawn(s *Store, matches []Assessment) ([]Assessment, error) {
	gone, err := withdrawnIn(s.db)
	if err != nil {
		return nil, err
	}
	var live []Assessment
	for _, a := range matches {
		if !gone[a.ID] {
			live = append(live, a)
		}
	}
	if len(live) == 0 {
		return matches, nil
	}
	return live, nil
}
