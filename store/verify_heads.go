package store

// verifyHeads compares the head table (and the other caches of the current
// state) with what revs (every revision) give: each difference is a
// Problem.
func (s *Store) verifyHeads(revs []*Revision) ([]Problem, error) {
	ms, err := s.checkHeads(revs)
	if err != nil {
		return nil, err
	}
	out := make([]Problem, 0, len(ms))
	for _, m := range ms {
		out = append(out, Problem{Assessment: m.Assessment, Record: m.Table + " table", Why: m.String()})
	}
	return out, nil
}
