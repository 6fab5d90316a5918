package store

import (
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// The store's sentinel errors have their Chinese wording (the formats of
// its refusals are checked by i18n's TestEveryMessageHasChineseWording).
func TestEverySentinelHasChineseWording(t *testing.T) {
	zh := i18n.For("zh").Report.Refusals
	for _, sentinel := range []error{ErrSigned, ErrNoInspector, ErrAlreadyWithdrawn, ErrNoBlob, errUnreadableRecord} {
		if zh[sentinel.Error()] == "" {
			t.Errorf("%q has no Chinese wording", sentinel)
		}
	}
}
