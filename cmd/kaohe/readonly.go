package main

import "github.com/kaohe/kaohe/store"

// readStore runs fn on an existing database opened read-only: commands
// that only read (list, history, conflicts, export, score, report, pack, evidence, devices, team list, verify)
// work on a read-only file and write nothing, not even a checkpoint.
func (a *app) readStore(fn func(s *store.Store) error) error {
	return a.withStoreOpened(false, true, fn)
}

// readStates is readStore for commands that start from every assessment's
// state (list, report, conflicts): the states are read while the open's
// integrity check runs beside them (store.OpenStates).
func (a *app) readStates(fn func(s *store.Store, states []*store.State) error) error {
	p, opts, err := a.storeToOpen(false, true)
	if err != nil {
		return err
	}
	s, states, err := store.OpenStates(p, opts)
	if err != nil {
		return err
	}
	return a.closeAfter(s, fn(s, states))
}

// readAssessment is withAssessment for commands that only read.
func (a *app) readAssessment(ref string, fn func(s *store.Store, as store.Assessment) error) error {
	return a.readStore(findThen(ref, fn))
}
