package assessment

import (
	"errors"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// ItemPrefix starts the subject of one itemised finding of a count rule
// (缺少办事指南3个：殡葬、水土保持、人防 is three items): "item/1.2.a/<uuid>".
// Each item is its own subject, so two inspectors adding different items
// to one rule merge as a set union with no conflict, by construction;
// editing an item is a revision of its subject, removing it a tombstone
// that keeps its history. The rule's value is derived from its live items
// (ItemsValue), never stored twice.
const ItemPrefix = "item/"

// ItemValue is what an item revision records: its short text and, on a
// rule with a range (每起扣1-2分), its own amount. Its note is the
// revision's note.
type ItemValue struct {
	Text   string       `json:"text"`
	Amount *decimal.Dec `json:"amount,omitempty"`
}

// ItemSubject is the revision subject of item id on rule.
func ItemSubject(rule, id string) string { return ItemPrefix + rule + "/" + id }

// ParseItemSubject splits an item's revision subject into its rule and
// the item's ID.
func ParseItemSubject(s string) (rule, id string, ok bool) {
	rest, ok := strings.CutPrefix(s, ItemPrefix)
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, '/')
	if i <= 0 || i == len(rest)-1 {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

// errNotItem says a stored item value does not read as one.
var errNotItem = errors.New("not an item")

// decodeItem reads an item's stored value strictly: one object with a
// text and an optional amount, nothing else.
func decodeItem(text string) (ItemValue, error) {
	var iv ItemValue
	if decodeStrict(text, &iv) != nil {
		return iv, errNotItem
	}
	return iv, nil
}

// ItemsAllowed reports whether a rule's findings can be recorded as items:
// a count rule, with or without a range.
func ItemsAllowed(r *rubric.Rule) bool { return r.Kind == rubric.Count }

// Item is one live item of a rule.
type Item struct {
	Rule   string
	ID     string // the item's own ID (a UUID); Short shows its last 8
	Text   string
	Amount *decimal.Dec
	Note   string
	// Inspector, Device and Wall are of the item's latest revision.
	Inspector string
	Device    string
	Wall      time.Time
	Revision  string
	// Duplicate is set when another live item of the rule has the same
	// text (after trimming and Unicode normalisation): most often the same
	// thing found on two laptops. It is shown, never dropped.
	Duplicate bool
}

// Short is the item's short ID, as lists show it and commands take it:
// the last 8 characters of its ID, the random part (its first characters
// are the time it was added, shared by items added in the same minute).
func (it Item) Short() string {
	if len(it.ID) < 8 {
		return it.ID
	}
	return it.ID[len(it.ID)-8:]
}

// Items returns the live items of rule ("" for every rule), in rubric
// order, then by ID: the order they were added in, since kaohe makes an
// item's ID a time-ordered UUID, so an edit does not move an item and
// `item list` numbers them the same on every laptop.
func (st *State) Items(rule string) []Item {
	var out []Item
	for subj, ss := range st.Subjects {
		r, id, ok := ParseItemSubject(subj)
		if !ok || (rule != "" && r != rule) {
			continue
		}
		cur := st.valueOf(subj, ss)
		if cur == nil {
			continue
		}
		v := cur.Decoded()
		if v.Kind != KindItem {
			continue // removed, or damaged (verify names it)
		}
		out = append(out, Item{Rule: r, ID: id, Text: v.Item.Text, Amount: v.Item.Amount, Note: cur.Note,
			Inspector: cur.Inspector, Device: cur.Device, Wall: cur.Wall, Revision: cur.ID})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return scoring.RuleLess(out[i].Rule, out[j].Rule)
		}
		return out[i].ID < out[j].ID
	})
	seen := map[string][]int{}
	for i, it := range out {
		k := it.Rule + "\x00" + itemKey(it.Text)
		seen[k] = append(seen[k], i)
	}
	for _, idx := range seen {
		if len(idx) > 1 {
			for _, i := range idx {
				out[i].Duplicate = true
			}
		}
	}
	return out
}

// itemKey is the text two items are compared by for a possible duplicate.
func itemKey(text string) string {
	return strings.ToLower(norm.NFKC.String(strings.Trim(text, " \t\u3000")))
}

// SameItemText reports whether two item texts read as the same item.
func SameItemText(a, b string) bool { return itemKey(a) == itemKey(b) }

// ItemsValue is the value a rule's live items give it: their number for a
// count rule, the list of their amounts for a rule with a range.
func ItemsValue(r *rubric.Rule, items []Item) scoring.Value {
	if r.Form() == rubric.FormList {
		amounts := make([]decimal.Dec, 0, len(items))
		for _, it := range items {
			if it.Amount != nil {
				amounts = append(amounts, *it.Amount)
			}
		}
		return scoring.ListValue(amounts...)
	}
	return scoring.NumValue(decimal.FromInt(int64(len(items))))
}

// itemsNote is the finding's note of a rule recorded as items: their
// texts, as the clause lists them (殡葬、水土保持、人防).
func itemsNote(items []Item) string {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.Text
	}
	return strings.Join(texts, "、")
}

// itemsByRule groups the live items by rule.
func (st *State) itemsByRule() map[string][]Item {
	out := map[string][]Item{}
	if st.Rubric == nil {
		return out
	}
	for _, it := range st.Items("") {
		out[it.Rule] = append(out[it.Rule], it)
	}
	return out
}

// ItemConflict is a rule recorded both as a plain number and as items that
// give it another value. It is an open conflict the lead settles: retract
// the plain number (kaohe unset) so the items stand, record the number
// the items give, or remove items. Until then the items count and the
// plain number is the other end of the score's range.
type ItemConflict struct {
	Rule    string
	Plain   *Revision     // the plain value's current head
	Derived scoring.Value // what the items give
	Items   []Item
}

// ItemConflicts lists the rules whose plain value disagrees with their
// items, in rubric order.
func (st *State) ItemConflicts() []ItemConflict {
	var out []ItemConflict
	if st.Rubric == nil {
		return nil // a state built from heads alone (merge's count)
	}
	for rule, items := range st.itemsByRule() {
		ref, ok := st.Rubric.Rule(rule)
		if !ok {
			continue
		}
		ss := st.Subjects[rule]
		if ss == nil {
			continue
		}
		cur := st.valueOf(rule, ss)
		if cur == nil {
			continue
		}
		v := cur.Decoded()
		if v.Kind != KindRule {
			continue // retracted: the items stand alone
		}
		derived := ItemsValue(ref.Rule, items)
		if v.Rule.Equal(derived) {
			continue
		}
		out = append(out, ItemConflict{Rule: rule, Plain: cur, Derived: derived, Items: items})
	}
	sort.Slice(out, func(i, j int) bool { return scoring.RuleLess(out[i].Rule, out[j].Rule) })
	return out
}

// ItemDuplicates lists the live items that may be duplicates (see
// Item.Duplicate), in Items' order.
func (st *State) ItemDuplicates() []Item {
	var out []Item
	for _, it := range st.Items("") {
		if it.Duplicate {
			out = append(out, it)
		}
	}
	return out
}
