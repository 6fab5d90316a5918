package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// CanonicalRubric returns a rubric's canonical content (its JSON form, which
// ignores comments and formatting of the YAML it came from) and the SHA-256
// of that content.
func CanonicalRubric(rb *rubric.Rubric) (content []byte, sum string, err error) {
	content, err = json.Marshal(rb)
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(content)
	return content, hex.EncodeToString(h[:]), nil
}

// RubricConflictError is a rubric whose id and version are already known
// with different content: editing a rubric means giving it a new version.
type RubricConflictError struct {
	ID, Version        string
	KnownSum, GivenSum string
	// Builtin is set when the known rubric is the one built into kaohe.
	Builtin bool
}

// Error explains the refusal, in English (see In).
func (e *RubricConflictError) Error() string { return e.In(i18n.For("en")) }

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
	var known string
	err = db.QueryRow("SELECT sha256 FROM rubric WHERE id = ? AND version = ?", rb.ID, rb.Version).Scan(&known)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = db.Exec("INSERT INTO rubric(id, version, sha256, content) VALUES (?, ?, ?, ?)", rb.ID, rb.Version, sum, string(content))
		return err
	case err != nil:
		return err
	case known != sum:
		return &RubricConflictError{ID: rb.ID, Version: rb.Version, KnownSum: known, GivenSum: sum}
	}
	return nil
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

// parseStoredRubric reads, checks and parses a stored rubric.
func parseStoredRubric(db q, id, version string) (*rubric.Rubric, error) {
	var content, sum string
	err := db.QueryRow("SELECT content, sha256 FROM rubric WHERE id = ? AND version = ?", id, version).Scan(&content, &sum)
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256([]byte(content))
	if hex.EncodeToString(h[:]) != sum {
		return nil, fmt.Errorf("rubric %s version %s: stored content does not match its sha256", id, version)
	}
	var rb rubric.Rubric
	if err := json.Unmarshal([]byte(content), &rb); err != nil {
		return nil, fmt.Errorf("rubric %s version %s: stored content is damaged: %v", id, version, err)
	}
	if err := rubric.Validate(&rb); err != nil {
		return nil, fmt.Errorf("rubric %s version %s is not valid: %v", id, version, err)
	}
	return &rb, nil
}
