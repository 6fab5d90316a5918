package store

// verifyHeads compares the head table with the heads the revision graph
// gives. HOOK: the head table (issue 13, branch heads) is not on main yet.
// When it lands, its CheckHeads goes here:
//
//	ms, err := s.CheckHeads()
//	if err != nil {
//		return nil, err
//	}
//	var out []Problem
//	for _, m := range ms {
//		out = append(out, Problem{Assessment: m.Assessment, Record: m.Table, Why: m.String()})
//	}
//	return out, nil
func (s *Store) verifyHeads() ([]Problem, error) { return nil, nil }
