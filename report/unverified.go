package report

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
)

// Unverified words, by assessment ID, the records that fail their hash
// (bad is what store.HashMismatches found), for Filter.Unverified: 1.2.a
// （修订 974d95d8）.
func Unverified(l *i18n.Labels, bad map[string][]*store.Revision) map[string][]string {
	out := map[string][]string{}
	for id, revs := range bad {
		for _, r := range revs {
			out[id] = append(out[id], fmt.Sprintf(l.Report.Record, r.Subject, store.ShortID(r.ID, 8)))
		}
	}
	return out
}
