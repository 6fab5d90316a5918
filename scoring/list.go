package scoring

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/figure"
)

// MaxListItems bounds a list value: no inspection finds a thousand
// instances of one clause, so a longer list is a mistake.
const MaxListItems = 1000

// listTexts writes each amount exactly.
func listTexts(items []decimal.Dec) []string {
	out := make([]string, len(items))
	for i, d := range items {
		out[i] = d.String()
	}
	return out
}

// unmarshalList reads a JSON array of numbers exactly, never via float64.
func unmarshalList(t []byte) ([]decimal.Dec, error) {
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.UseNumber()
	var raw []json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("a list of amounts: %v", err)
	}
	if len(raw) > MaxListItems {
		return nil, fmt.Errorf("a list of %d amounts; at most %d", len(raw), MaxListItems)
	}
	items := make([]decimal.Dec, 0, len(raw))
	for i, m := range raw {
		s := string(bytes.TrimSpace(m))
		if s == "" || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
			return nil, notANumberItem(i+1, s)
		}
		if strings.ContainsAny(s, "eE") {
			return nil, &ListItemError{Item: i + 1, Text: s, Fault: ItemExponent}
		}
		d, err := decimal.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("a list of amounts: item %d: %v", i+1, err)
		}
		items = append(items, d)
	}
	return items, nil
}

// listSeparators are what inspectors put between amounts: commas (half-
// and full-width), the enumeration comma and semicolons, each of which
// separates two amounts; spaces (strings.Fields) separate too, but any number
// of them count as one and they may stand beside another separator.
const listSeparators = ",，、;；"

// parseList reads amounts typed as inspectors write them: "2,3.5",
// "２，３.５", "2、3.5", "2, 3.5", or a JSON-like "[2, 3.5]"; "[]" or "" is
// no instance. Each amount is a figure (full-width digits, 万). It returns
// the text of the first part that is no figure, with the reader's error,
// and refuses an empty item ("2,,3", ",2", "2,") with a *ListItemError
// naming its position, rather than dropping it.
func parseList(text string) ([]decimal.Dec, string, error) {
	t := strings.TrimSpace(text)
	t = strings.TrimPrefix(strings.TrimPrefix(t, "["), "［")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "]"), "］")
	if strings.TrimSpace(t) == "" {
		return []decimal.Dec{}, "", nil
	}
	var parts []string
	for _, hard := range splitAny(t, listSeparators) {
		soft := strings.Fields(hard)
		if len(soft) == 0 {
			return nil, "", &ListItemError{Item: len(parts) + 1, Fault: ItemEmpty}
		}
		parts = append(parts, soft...)
	}
	if len(parts) > MaxListItems {
		return nil, "", fmt.Errorf("a list of %d amounts; at most %d", len(parts), MaxListItems)
	}
	items := make([]decimal.Dec, 0, len(parts))
	for _, p := range parts {
		d, err := figure.Parse(p)
		if err != nil {
			return nil, p, err
		}
		items = append(items, d)
	}
	return items, "", nil
}

// splitAny splits s around each rune of seps, keeping empty parts.
func splitAny(s, seps string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(out, s[start:])
}
