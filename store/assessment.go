package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"golang.org/x/text/unicode/norm"
)

// Assessment is one unit assessed for one period under one rubric.
type Assessment struct {
	ID            string `json:"id"`
	RubricID      string `json:"rubric_id"`
	RubricVersion string `json:"rubric_version"`
	Unit          string `json:"unit"`
	Period        string `json:"period"`
}

// Label is "UNIT/PERIOD", the way commands address an assessment.
func (a Assessment) Label() string { return a.Unit + "/" + a.Period }

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
// is new. It writes no revision: an assessment is a draft until someone
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
	if id.Inspector == "" {
		return Assessment{}, false, ErrNoInspector
	}
	a := Assessment{ID: AssessmentID(rb.ID, rb.Version, unit, period), RubricID: rb.ID, RubricVersion: rb.Version, Unit: unit, Period: period}
	created := false
	err = s.tx(func(tx *sql.Tx) error {
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		res, err := tx.Exec("INSERT OR IGNORE INTO assessment(id, rubric_id, rubric_version, unit, period) VALUES (?, ?, ?, ?, ?)",
			a.ID, a.RubricID, a.RubricVersion, a.Unit, a.Period)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		created = n == 1
		if created {
			_, err = tx.Exec("INSERT OR IGNORE INTO assessment_creator(assessment_id, inspector) VALUES (?, ?)", a.ID, id.Inspector)
		}
		return err
	})
	if err != nil {
		var rc *RubricConflictError
		if errors.As(err, &rc) {
			return Assessment{}, false, err
		}
		return Assessment{}, false, s.writeErr(err)
	}
	return a, created, nil
}

// Assessments lists every assessment, by unit then period then rubric.
func (s *Store) Assessments() ([]Assessment, error) {
	rows, err := s.db.Query("SELECT id, rubric_id, rubric_version, unit, period FROM assessment")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Assessment
	for rows.Next() {
		var a Assessment
		if err := rows.Scan(&a.ID, &a.RubricID, &a.RubricVersion, &a.Unit, &a.Period); err != nil {
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
		unit, period := normalizeName(ref[:i]), normalizeName(ref[i+1:])
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
	switch len(matches) {
	case 0:
		return Assessment{}, i18n.Errorf("no assessment %q in %s (kaohe list shows them; create one with kaohe new UNIT PERIOD)", ref, s.path)
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
