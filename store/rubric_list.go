package store

import (
	"github.com/kaohe/kaohe/rubric"
)

// AddRubric stores a rubric so that assessments can be created on it. It
// returns false, and no error, when the same content is already stored. It
// refuses a rubric that does not validate, one whose id and version are known
// with other content (a changed rubric needs a new version), and one that
// claims the built-in rubric's id and version with other content.
func (s *Store) AddRubric(rb *rubric.Rubric) (added bool, err error) {
	return s.AddRubricAllowingMismatch(rb, nil)
}

// Rubrics lists the rubrics assessments can be created on: the built-in one
// first (whether or not it is stored yet), then every other stored rubric by
// id and version. The results are shared: read them, never modify them.
func (s *Store) Rubrics() ([]*rubric.Rubric, error) {
	builtin := rubric.Default()
	out := []*rubric.Rubric{builtin}
	rows, err := s.db.Query("SELECT id, version FROM rubric ORDER BY id, version")
	if err != nil {
		return nil, err
	}
	var keys [][2]string
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			rows.Close()
			return nil, err
		}
		if k[0] != builtin.ID || k[1] != builtin.Version {
			keys = append(keys, k)
		}
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, k := range keys {
		rb, err := s.loadRubric(s.db, k[0], k[1])
		if err != nil {
			return nil, err
		}
		out = append(out, rb)
	}
	return out, nil
}

// RubricAssessments returns how many assessments use the rubric of this id
// and version.
func (s *Store) RubricAssessments(id, version string) (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM assessment WHERE rubric_id = ? AND rubric_version = ?", id, version).Scan(&n)
	return n, err
}

// builtinConflict refuses a rubric that claims the built-in rubric's id and
// version with other content: the built-in one cannot be replaced, in this
// database or in any file merged into it.
func builtinConflict(rb *rubric.Rubric, sum string) error {
	want, ok := newBuiltinRubrics()[rb.ID+"\x00"+rb.Version]
	if ok && want != sum {
		return rubricConflict(rb.ID, rb.Version, want, sum, true)
	}
	return nil
}
