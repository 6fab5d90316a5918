package tui

import (
	"fmt"

	"github.com/kaohe/kaohe/store"
)

// refusedText is a store refusal as the workbench shows it: the store's
// wording in the workbench's language, and, for a refusal that a key
// proceeds from (a signed assessment, a subject in conflict), that key.
func (c *common) refusedText(err error) string {
	text := errText(c.l, err)
	h := c.l.Hints
	switch store.CodeOf(err) {
	case store.CodeSigned:
		text += fmt.Sprintf(h.KeySigned, c.keys.Reopen.Help().Key)
	case store.CodeConflict:
		text += fmt.Sprintf(h.KeyConflict, c.keys.NextConflict.Help().Key, c.keys.PickHead.Help().Key)
	}
	return text
}

// problemRefusedText is a store refusal as the 问题 screen shows it: a
// problem changed meanwhile elsewhere says that it is now in conflict and
// which key shows both records.
func (c *common) problemRefusedText(err error) string {
	text := errText(c.l, err)
	if store.CodeOf(err) == store.CodeConflict {
		text += fmt.Sprintf(c.l.Problems.ConflictHint, c.keys.History.Help().Key)
	}
	return text
}
