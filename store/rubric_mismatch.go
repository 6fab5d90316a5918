package store

import (
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/kaohe/kaohe/rubric"
)

// metaMismatchPrefix keys, in the meta table, the record that a rubric was
// stored although its numbers disagree with its words: the key ends with
// id@version, the value is the JSON list of the mismatches as worded when
// it was stored. The rubric's content, and so its hash, is left as it is.
const metaMismatchPrefix = "rubric-mismatch:"

// AddRubricAllowingMismatch stores a rubric as AddRubric does and records,
// in the same transaction, that it was stored with mismatches between its
// numbers and its words (rubric add --allow-mismatch), so that the choice
// is known later. An empty list records nothing.
func (s *Store) AddRubricAllowingMismatch(rb *rubric.Rubric, mismatches []string) (added bool, err error) {
	if err := rubric.Validate(rb); err != nil {
		return false, err
	}
	value, err := json.Marshal(mismatches)
	if err != nil {
		return false, err
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM rubric WHERE id = ? AND version = ?", rb.ID, rb.Version).Scan(&n); err != nil {
			return err
		}
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		added = n == 0
		if len(mismatches) == 0 {
			return nil
		}
		_, err := tx.Exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			metaMismatchPrefix+rb.ID+"@"+rb.Version, string(value))
		return err
	})
	if err != nil {
		return false, err
	}
	return added, nil
}

// RubricMismatches returns the mismatches recorded when a rubric was
// stored with --allow-mismatch, nil when none were.
func (s *Store) RubricMismatches(id, version string) ([]string, error) {
	var value string
	err := s.db.QueryRow("SELECT value FROM meta WHERE key = ?", metaMismatchPrefix+id+"@"+version).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	if err := json.Unmarshal([]byte(value), &out); err != nil {
		return nil, err
	}
	return out, nil
}
