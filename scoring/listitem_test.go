package scoring

import (
	"errors"
	"testing"
)

// A file's list item that is no number is refused as data naming its
// position and text, in the bare form as in a finding object, with the
// plain amount a quoted figure reads as ("３" is 3).
func TestListItemErrorOfFile(t *testing.T) {
	for _, c := range []struct {
		file, text, bare string
		item             int
		fault            ItemFault
	}{
		{`[2, "３"]`, `"３"`, "3", 2, ItemNotANumber},
		{`{"value": [2, "３"]}`, `"３"`, "3", 2, ItemNotANumber},
		{`[true]`, `true`, "", 1, ItemNotANumber},
		{`[2, "三"]`, `"三"`, "", 2, ItemNotANumber},
		{`[1, 2, 1e3]`, `1e3`, "", 3, ItemExponent},
	} {
		_, err := ReadFindingsJSON([]byte(`{"findings": {"1.4.a": ` + c.file + `}}`))
		var es Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Item == nil {
			t.Fatalf("%s: %v, want a finding error with its item", c.file, err)
		}
		if got := *es[0].Item; got != (ListItemError{Item: c.item, Text: c.text, Fault: c.fault, Bare: c.bare}) {
			t.Errorf("%s: %+v, want item %d %s fault %d bare %q", c.file, got, c.item, c.text, c.fault, c.bare)
		}
	}
}

// A typed list with an empty item is refused naming its position, not
// read without it; spaces beside separators and brackets still read.
func TestTypedListEmptyItem(t *testing.T) {
	rb := languageRubric(t)
	ref, _ := rb.Rule("1.4.a")
	for text, item := range map[string]int{"2,,3": 2, ",2": 1, "2,": 2, "2, ,3": 2, "[2,]": 2, "2，，3": 2, "2、、3": 2} {
		_, err := ParseValue(ref.Rule, text)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Problem != EmptyItem || ve.Item != item {
			t.Errorf("%q: %v, want an empty item %d", text, err, item)
		}
	}
	for text, want := range map[string]string{"2, 3": "2,3", "2，3": "2,3", "2、3": "2,3", "[2, 3]": "2,3", "[]": "[]", "2 3": "2,3", " 2 , 3 ": "2,3", "": "[]"} {
		v, err := ParseValue(ref.Rule, text)
		if err != nil || v.Type != List || v.String() != want {
			t.Errorf("%q: %v %v, want the list %q", text, v, err, want)
		}
	}
}
