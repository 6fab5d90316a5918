package main

import "github.com/kaohe/kaohe/store"

// readStore runs fn on an existing database opened read-only: commands
// that only read (list, history, conflicts, export, score, report, pack, evidence, devices, team list, verify)
// work on a read-only file and write nothing, not even a checkpoint.
func (a *app) readStore(fn func(s *store.Store) error) error {
	return a.withStoreOpened(false, true, fn)
}

// readAssessment is withAssessment for commands that only read.
func (a *app) readAssessment(ref string, fn func(s *store.Store, as store.Assessment) error) error {
	return a.readStore(func(s *store.Store) error {
		as, err := s.Find(ref)
		if err != nil {
			return err
		}
		return fn(s, as)
	})
}
