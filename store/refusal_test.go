package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// refusedMerge reports whether err is a merge's refusal of a source, and
// sets *re to it.
func refusedMerge(err error, re **Refusal) bool {
	return errors.As(err, re) && (*re).Code == CodeMergeRefused
}

// A refusal keeps its English format and arguments, so that each language
// words the same fact, and matches its sentinel by code wherever it is
// wrapped.
func TestRefusalKeepsFormatArgumentsAndCode(t *testing.T) {
	err := invalid("%s is not signed", "吉首市/2021")
	var r *Refusal
	if !errors.As(err, &r) || r.Format != "%s is not signed" || len(r.Args) != 1 || r.Args[0] != "吉首市/2021" || err.Error() != "吉首市/2021 is not signed" {
		t.Errorf("refusal = %#v", r)
	}
	if got := r.In(i18n.For("zh")); got != "吉首市/2021 尚未签字" {
		t.Errorf("in Chinese: %q", got)
	}
	if !IsRefusal(err) || IsRefusal(busyErr("x.db", DefaultBusyTimeout, nil)) || IsRefusal(errors.New("other")) {
		t.Error("IsRefusal tells refusals from failures wrongly")
	}
	wrapped := fmt.Errorf("吉首市/2021: %w", conflictErr("1.2.a"))
	if errors.Is(wrapped, ErrSigned) || CodeOf(wrapped) != CodeConflict {
		t.Errorf("a conflict matched %v", CodeOf(wrapped))
	}
	if !errors.Is(fmt.Errorf("open: %w", busyErr("x.db", DefaultBusyTimeout, nil)), ErrBusy) {
		t.Error("a busy file does not match ErrBusy")
	}
}
