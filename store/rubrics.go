package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/kaohe/kaohe/rubric"
)

// rubricConflict refuses a rubric whose id and version are already known
// with different content (CodeRubricConflict): editing a rubric means
// giving it a new version. builtin says the known one is built into kaohe.
func rubricConflict(id, version, known, given string, builtin bool) *Refusal {
	if builtin {
		return subjectRefusal(CodeRubricConflict, id+" "+version, "rubric %s version %s is the built-in rubric and cannot be replaced (sha256 %s…, this one %s…); a changed rubric needs a new version",
			id, version, ShortID(known, 12), ShortID(given, 12))
	}
	return subjectRefusal(CodeRubricConflict, id+" "+version, "rubric %s version %s is already known with different content (sha256 %s…, this one %s…); a changed rubric needs a new version",
		id, version, ShortID(known, 12), ShortID(given, 12))
}

// q is what both *sql.DB and *sql.Tx offer.
type q interface {
	Exec(query string, args ...any) (sql.Result, error)
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// putRubric stores a rubric, or checks that the stored one with the same id
// and version has the same content.
func putRubric(db q, rb *rubric.Rubric) error {
	content, sum, err := CanonicalRubric(rb)
	if err != nil {
		return err
	}
	if err := builtinConflict(rb, sum); err != nil {
		return err
	}
	known, err := addRubricRow(db, rb.ID, rb.Version, sum, string(content))
	if err == nil && known != sum {
		return rubricConflict(rb.ID, rb.Version, known, sum, false)
	}
	return err
}

// addRubricRow stores a rubric record unless one with its id and version
// is stored already, and returns the stored record's sha256: sum when it
// was added or is the same, another when the stored content differs (the
// caller refuses that, in its own words).
func addRubricRow(db q, id, version, sum, content string) (string, error) {
	var known string
	err := db.QueryRow("SELECT sha256 FROM rubric WHERE id = ? AND version = ?", id, version).Scan(&known)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO rubric(id, version, sha256, content) VALUES (?, ?, ?, ?)", id, version, sum, content)
		return sum, err
	}
	return known, err
}

// Rubric loads a stored rubric by id and version. The result is shared by
// every caller of this Store: read it, never modify it.
func (s *Store) Rubric(id, version string) (*rubric.Rubric, error) {
	return s.loadRubric(s.db, id, version)
}

// rubricCache keeps parsed rubrics by content hash: a stored rubric never
// changes, so each is parsed and validated once per open database.
type rubricCache struct {
	mu     sync.Mutex
	parsed map[string]*rubric.Rubric
}

func (c *rubricCache) get(sum string) *rubric.Rubric {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.parsed[sum]
}

func (c *rubricCache) put(sum string, rb *rubric.Rubric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.parsed == nil {
		c.parsed = map[string]*rubric.Rubric{}
	}
	c.parsed[sum] = rb
}

func (s *Store) loadRubric(db q, id, version string) (*rubric.Rubric, error) {
	var sum string
	err := db.QueryRow("SELECT sha256 FROM rubric WHERE id = ? AND version = ?", id, version).Scan(&sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("rubric %s version %s is not in the database", id, version)
	}
	if err != nil {
		return nil, err
	}
	if rb := s.rubrics.get(sum); rb != nil {
		return rb, nil
	}
	rb, err := parseStoredRubric(db, id, version)
	if err != nil {
		return nil, err
	}
	s.rubrics.put(sum, rb)
	return rb, nil
}

// parseStoredRubric reads, checks and parses a stored rubric, with the
// checks verify and merge apply to one (checkStoredRubric): a record
// changed outside kaohe is refused, naming the rubric, not used.
func parseStoredRubric(db q, id, version string) (*rubric.Rubric, error) {
	var content, sum string
	err := db.QueryRow("SELECT content, sha256 FROM rubric WHERE id = ? AND version = ?", id, version).Scan(&content, &sum)
	if err != nil {
		return nil, err
	}
	rb, why := checkStoredRubric(id, version, sum, content)
	if why != "" {
		return nil, fmt.Errorf("rubric %s version %s: %s", id, version, why)
	}
	return rb, nil
}
