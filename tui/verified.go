package tui

import (
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// hashChecker is a backend that can tell which records fail their hash
// (StoreBackend can; a test's backend need not).
type hashChecker interface {
	HashMismatches(states ...*store.State) (map[string][]*store.Revision, error)
}

// HashMismatches finds the records the states show that fail their hash.
func (b StoreBackend) HashMismatches(states ...*store.State) (map[string][]*store.Revision, error) {
	return b.Store.HashMismatches(states...)
}

// unverified is, for the summary's report, the records that fail their
// hash, worded: their sheets then say 未通过核验 in place of signature and
// fingerprint (the TUI has no --allow-unverified to ask for; the sheet
// says what it is instead). Run in a command, never in Update.
func unverified(be Backend, l *i18n.Labels, states []*store.State) (map[string][]string, error) {
	hc, ok := be.(hashChecker)
	if !ok || len(states) == 0 {
		return nil, nil
	}
	bad, err := hc.HashMismatches(states...)
	if err != nil {
		return nil, err
	}
	return report.Unverified(l, bad), nil
}
