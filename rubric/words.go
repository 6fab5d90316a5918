package rubric

import (
	"regexp"

	"github.com/kaohe/kaohe/internal/i18n"
)

// Word is a word of the rubric format a problem's message names (a rule
// kind, a field), worded by In from the wording table under its own key
// ("kind flag", "field amount"), so that the same text typed by an author
// (a group called "cap") is never taken for it; in English it is the YAML
// word itself.
type Word struct{ key, yaml string }

// String is the YAML word.
func (w Word) String() string { return w.yaml }

// In is the word in l's language, the YAML word when l has none.
func (w Word) In(l *i18n.Labels) string {
	if s := l.Report.Refusals[w.key]; s != "" {
		return s
	}
	return w.yaml
}

// KindWord names a rule kind in a problem's message, worded in the
// reader's language with the YAML value kept beside it (是否（flag）), so
// an author can find what to type.
func KindWord(k Kind) Word { return Word{"kind " + string(k), string(k)} }

// FieldWord names a field of the rubric format (amount, title) in a
// problem's message, worded in the reader's language with its YAML key
// kept beside it (扣分（amount）).
func FieldWord(name string) Word { return Word{"field " + name, name} }

// FieldNames lists every field FieldWord is called with, so a test can
// check each has its wording.
func FieldNames() []string {
	return []string{"points", "amount", "cap", "target", "step", "full", "max_value",
		"title", "unit", "content", "standard", "label", "clause", "review"}
}

// YAMLMessage is a message of the YAML parser, in its own English words.
// In words the ones a rubric's author meets (kept in the wording table
// keyed by the parser's text); any other is given as the parser said it,
// after a lead-in in the reader's language.
type YAMLMessage string

// YAMLLeadIn is the format of a YAML parser's message that has no
// wording of its own.
const YAMLLeadIn = "the YAML parser says: %s"

// yamlPatterns are the YAML parser's messages that carry their own
// figures (a key, a type, a position), each read back as the English
// format it is worded by: the table's formats take the pattern's groups,
// in order. sample is a message of the parser's the pattern reads.
var yamlPatterns = []struct {
	re             *regexp.Regexp
	format, sample string
}{
	{regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):(\d+)\]$`), "mapping key %q already defined at line %s, column %s", `mapping key "id" already defined at [1:1]`},
	{regexp.MustCompile(`^(\w+) was used where (\w+) is expected$`), "%s was used where %s is expected", "int was used where sequence is expected"},
	{regexp.MustCompile(`^cannot unmarshal (\S+) into Go struct field (\S+) of type (\S+)$`), "cannot unmarshal %s into Go struct field %s of type %s", "cannot unmarshal string into Go struct field Rubric.Categories of type bool"},
	{regexp.MustCompile(`^could not find alias "(.*)"$`), "could not find alias %q", `could not find alias "b"`},
	{regexp.MustCompile(`^found character '(.+)' that cannot start any token$`), "found character %q that cannot start any token", "found character '\t' that cannot start any token"},
}

// YAMLFormats lists the formats of the parser's messages read back by
// pattern, each with a sample message, so a test can check each has its
// wording and reads its sample.
func YAMLFormats() map[string]string {
	out := map[string]string{}
	for _, p := range yamlPatterns {
		out[p.format] = p.sample
	}
	return out
}

// In words the message in l's language.
func (m YAMLMessage) In(l *i18n.Labels) string {
	if w := l.Report.Refusals[string(m)]; w != "" {
		return w
	}
	for _, p := range yamlPatterns {
		if g := p.re.FindStringSubmatch(string(m)); g != nil && l.Report.Refusals[p.format] != "" {
			args := make([]any, len(g)-1)
			for i, s := range g[1:] {
				args[i] = yamlType(s)
			}
			return i18n.Word(l, p.format, args...)
		}
	}
	if l.Report.Refusals[YAMLLeadIn] == "" {
		return string(m) // English: the parser's words as they are
	}
	return i18n.Word(l, YAMLLeadIn, string(m))
}

// yamlType names a type of the parser's messages ("sequence", "bool") as
// a phrase worded with the message; other text passes as it is.
func yamlType(s string) any {
	switch s {
	case "int", "float", "string", "bool", "sequence", "mapping", "null", "[]string", "decimal.Dec", "*decimal.Dec":
		return i18n.Phrase("%s", "yaml "+s)
	}
	return s
}
