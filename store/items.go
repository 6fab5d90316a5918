package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// ItemPrefix starts the subject of one itemised finding of a count rule.
const ItemPrefix = assessment.ItemPrefix

// Item is one live item of a count rule.
type Item = assessment.Item

// ItemConflict is a rule whose plain value disagrees with its items.
type ItemConflict = assessment.ItemConflict

// MaxItemChars bounds an item's text: a short name (殡葬, 水土保持), not a
// report; a longer account belongs in the item's note.
const MaxItemChars = 200

// SetItem is the change that records item id on rule: its text, its
// amount (on a rule with a range; nil otherwise) and its note. Recording
// it again with other words edits the item.
func SetItem(rule, id, text string, amount *decimal.Dec, note string) Change {
	return Change{Subject: assessment.ItemSubject(rule, id), Value: assessment.ItemOf(strings.TrimSpace(text), amount), Note: note}
}

// AddItem records a new item on a count rule, with an ID of its own, and
// returns it. Refused, writing nothing: a rule that is not a count rule, an
// empty or over-long text, an amount a rule without a range does not take
// (or a missing or out-of-range one where it does), a text already listed
// on the rule here, and one item more than the rule's clause allows.
func (s *Store) AddItem(id Identity, assessmentID, rule, text string, amount *decimal.Dec, note string) (Item, error) {
	st, err := s.State(assessmentID)
	if err != nil {
		return Item{}, err
	}
	c := SetItem(rule, newItemID(), text, amount, note)
	if err := checkChange(st.Rubric, c); err != nil {
		return Item{}, refusedValue(err)
	}
	ref, _ := st.Rubric.Rule(rule)
	items := st.Items(rule)
	for _, it := range items {
		if assessment.SameItemText(it.Text, c.Value.Item.Text) {
			return Item{}, invalid("%s already lists the item %q (%s); give it another text, or edit that one", rule, it.Text, it.Short())
		}
	}
	next := append(items, Item{Text: c.Value.Item.Text, Amount: amount})
	if msg := scoring.CheckValue(ref.Rule, scoring.Finding{Value: assessment.ItemsValue(ref.Rule, next)}); msg != "" {
		return Item{}, refusedValue(&scoring.FindingError{Rule: rule, Message: msg})
	}
	revs, err := s.Record(id, assessmentID, c)
	if err != nil {
		return Item{}, err
	}
	_, itemID, _ := assessment.ParseItemSubject(c.Subject)
	out := Item{Rule: rule, ID: itemID, Text: c.Value.Item.Text, Amount: amount, Note: note, Inspector: id.Inspector, Device: id.Device}
	if len(revs) == 1 {
		out.Wall, out.Revision = revs[0].Wall, revs[0].ID
	}
	return out, nil
}

// newItemID is a new item's ID: a time-ordered UUID (version 7), so that
// a rule's items list in the order they were added, on whichever laptop,
// and an edit does not move one.
func newItemID() string {
	if u, err := uuid.NewV7(); err == nil {
		return u.String()
	}
	return uuid.NewString()
}

// RemoveItem retracts one live item of rule, named by its number in the
// rule's list (1 for the first, as `item list` numbers them) or by its
// short ID (Item.Short; at least 4 of its characters, or the start of its
// whole ID). The item's history stays.
func (s *Store) RemoveItem(id Identity, assessmentID, rule, ref string) (Item, error) {
	st, err := s.State(assessmentID)
	if err != nil {
		return Item{}, err
	}
	it, err := FindItem(st, rule, ref)
	if err != nil {
		return Item{}, err
	}
	if _, err := s.Record(id, assessmentID, Retract(assessment.ItemSubject(it.Rule, it.ID))); err != nil {
		return Item{}, err
	}
	return it, nil
}

// FindItem finds one live item of rule by its number in the rule's list,
// or by at least 4 characters of its ID: the end of its short ID, or the
// start of its whole ID.
func FindItem(st *State, rule, ref string) (Item, error) {
	items := st.Items(rule)
	if n, ok := listNumber(ref); ok {
		if n < 1 || n > len(items) {
			return Item{}, invalid("%s has %d items; there is no item number %s", rule, len(items), ref)
		}
		return items[n-1], nil
	}
	if utf8.RuneCountInString(ref) < 4 {
		return Item{}, invalid("give the item's number in the list or at least 4 characters of its ID, not %q", ref)
	}
	var found []Item
	for _, it := range items {
		if ref := strings.ToLower(ref); strings.HasSuffix(it.ID, ref) || strings.HasPrefix(it.ID, ref) {
			found = append(found, it)
		}
	}
	switch len(found) {
	case 0:
		return Item{}, invalid("%s has no item %s", rule, ref)
	case 1:
		return found[0], nil
	}
	return Item{}, invalid("%s matches %d items of %s; give more characters", ref, len(found), rule)
}

// listNumber reads a number in a list (1 to 99999): digits only.
func listNumber(s string) (int, bool) {
	if s == "" || len(s) > 5 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n, true
}

// checkItem validates an item's subject and value against the rubric: a
// count rule, an item ID kaohe made, a short one-line text, and an amount
// exactly where the rule has a range, within it.
func checkItem(rb *rubric.Rubric, subject string, v Value) error {
	rule, itemID, ok := assessment.ParseItemSubject(subject)
	if !ok {
		return invalid("%q is not an item subject (item/RULE/ID)", subject)
	}
	ref, ok := rb.Rule(rule)
	if !ok {
		return &scoring.FindingError{Rule: rule, Message: fmt.Sprintf("rubric %s %s has no rule %q (rule IDs look like 1.2.a)", rb.ID, rb.Version, rule)}
	}
	if !assessment.ItemsAllowed(ref.Rule) {
		return invalid("%s is a %s rule; only a count rule (每少1项, 每发现1次) is recorded as items", rule, ref.Rule.Kind)
	}
	if u, err := uuid.Parse(itemID); err != nil || u.String() != itemID {
		return invalid("%s: %q is not an item ID kaohe makes", subject, itemID)
	}
	if v.Retracted() {
		return nil
	}
	if v.Kind != assessment.KindItem {
		return invalid("%s: the item's record is not an item (a text and an amount)", subject)
	}
	text := v.Item.Text
	if at := invalidUTF8In(text); at >= 0 {
		return invalid("%s: the value is not valid UTF-8 text (an invalid byte at byte %d); kaohe stores text as UTF-8 only", subject, at)
	}
	if strings.TrimSpace(text) == "" {
		return invalid("%s: an item needs a short text saying what was found", rule)
	}
	if n := utf8.RuneCountInString(text); n > MaxItemChars {
		return invalid("%s: the item's text is %d characters long; an item holds at most %d (put the rest in its note)", rule, n, MaxItemChars)
	}
	if strings.IndexFunc(text, unicode.IsControl) >= 0 {
		return invalid("%s: an item's text is one line without control characters", rule)
	}
	r := ref.Rule
	switch {
	case len(r.Range) == 0 && v.Item.Amount != nil:
		return invalid("%s has no range of amounts; its items take no amount (each counts %s)", rule, r.Amount)
	case len(r.Range) > 0 && v.Item.Amount == nil:
		return invalid("%s gives each item its own amount between %s and %s; give the item its amount", rule, r.Range[0], r.Range[1])
	case len(r.Range) > 0:
		if msg := scoring.CheckValue(r, scoring.Finding{Value: scoring.ListValue(*v.Item.Amount)}); msg != "" {
			return &scoring.FindingError{Rule: rule, Message: msg}
		}
	}
	return nil
}

// ItemEdit is what EditItem changes; a nil field keeps the item's own.
type ItemEdit struct {
	Text   *string
	Amount *decimal.Dec
	Note   *string
}

// EditItem records a new revision of one live item of rule (named as
// RemoveItem names it) with the fields given changed, and returns the item
// as it now is. Its text is checked as AddItem checks a new one, against
// the rule's other items.
func (s *Store) EditItem(id Identity, assessmentID, rule, ref string, e ItemEdit) (Item, error) {
	st, err := s.State(assessmentID)
	if err != nil {
		return Item{}, err
	}
	it, err := FindItem(st, rule, ref)
	if err != nil {
		return Item{}, err
	}
	if e.Text != nil {
		it.Text = strings.TrimSpace(*e.Text)
		for _, other := range st.Items(rule) {
			if other.ID != it.ID && assessment.SameItemText(other.Text, it.Text) {
				return Item{}, invalid("%s already lists the item %q (%s); give it another text, or edit that one", rule, other.Text, other.Short())
			}
		}
	}
	if e.Amount != nil {
		it.Amount = e.Amount
	}
	if e.Note != nil {
		it.Note = *e.Note
	}
	revs, err := s.Record(id, assessmentID, SetItem(rule, it.ID, it.Text, it.Amount, it.Note))
	if err != nil {
		return Item{}, err
	}
	it.Revision = "" // unchanged, unless a revision was written
	if len(revs) == 1 {
		it.Inspector, it.Device, it.Wall, it.Revision = id.Inspector, id.Device, revs[0].Wall, revs[0].ID
	}
	return it, nil
}
