package store

// verifyHeads compares the heads table with the heads the revision graph
// gives. HOOK: the heads table (issue 13) is not on this branch yet; when it
// lands, call its CheckHeads here and turn each mismatch into a Problem.
func (s *Store) verifyHeads() ([]Problem, error) { return nil, nil }
