package scoring

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/figure"
)

// ItemFault is what is wrong with one item of a list of amounts.
type ItemFault int

// The faults of a list's item.
const (
	ItemNotANumber ItemFault = iota + 1 // a file's item that is no number: "３", true, null, [1]
	ItemExponent                        // a file's number written with an exponent: 1e3
	ItemEmpty                           // a typed list with nothing between two separators or at an end: 2,,3
)

// ListItemError says which item of a list of amounts is refused and why,
// as data, so that report words it in the user's language (the English of
// Error is for records): the item's position, its text and, for an item a
// file quotes that reads as an amount when typed ("３"), that amount as a
// file writes it.
type ListItemError struct {
	Item  int    // the item's position, from 1
	Text  string // the item as the file gives it (JSON); "" for an empty item
	Fault ItemFault
	Bare  string // for ItemNotANumber: the amount a quoted item reads as when typed, or ""
}

// Error is the English of records.
func (e *ListItemError) Error() string {
	switch e.Fault {
	case ItemExponent:
		return fmt.Sprintf("a list of amounts: item %d, %s: write it without an exponent", e.Item, e.Text)
	case ItemEmpty:
		return fmt.Sprintf("a list of amounts: item %d is empty", e.Item)
	}
	if e.Bare != "" {
		return fmt.Sprintf("a list of amounts: item %d is %s, not a number (write it as %s, without quotes)", e.Item, e.Text, e.Bare)
	}
	return fmt.Sprintf("a list of amounts: item %d is %s, not a number", e.Item, e.Text)
}

// notANumberItem is the refusal of a file's item that is no JSON number,
// with the amount a quoted one reads as when typed.
func notANumberItem(item int, text string) *ListItemError {
	e := &ListItemError{Item: item, Text: text, Fault: ItemNotANumber}
	var s string
	if strings.HasPrefix(text, `"`) && json.Unmarshal([]byte(text), &s) == nil {
		if d, err := figure.Parse(strings.TrimSpace(s)); err == nil {
			e.Bare = d.String()
		}
	}
	return e
}
