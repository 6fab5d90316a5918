package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// The store's sentinel errors have their Chinese wording (the formats of
// its refusals are checked by i18n's TestEveryMessageHasChineseWording).
func TestEverySentinelHasChineseWording(t *testing.T) {
	zh := i18n.For("zh").Report.Refusals
	for _, sentinel := range []error{ErrSigned, ErrNoInspector, ErrNoBlob, errUnreadableRecord} {
		if zh[sentinel.Error()] == "" {
			t.Errorf("%q has no Chinese wording", sentinel)
		}
	}
}

// Wording gives back a refusal's format and arguments, and nothing for
// errors it did not make.
func TestWordingKeepsFormatAndArguments(t *testing.T) {
	err := invalid("%s is not signed", "吉首市/2021")
	format, args, ok := Wording(err)
	if !ok || format != "%s is not signed" || len(args) != 1 || args[0] != "吉首市/2021" || err.Error() != "吉首市/2021 is not signed" {
		t.Errorf("Wording = %q %v %v", format, args, ok)
	}
	if _, _, ok := Wording(fmt.Errorf("wrapped: %w", err)); ok {
		t.Error("Wording looked through a wrapper")
	}
	if _, _, ok := Wording(errors.New("other")); ok {
		t.Error("Wording of an error the store did not make")
	}
}
