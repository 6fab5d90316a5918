package rubric

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// A Chinese reader sees every rule kind and field name a problem names in
// Chinese, with the YAML word beside it; and the parser's messages without
// a wording of their own come with a Chinese lead-in, the English ones as
// the parser gave them.
func TestWordsOfProblemsHaveChineseWording(t *testing.T) {
	zh := i18n.For("zh")
	for _, k := range Kinds() {
		if got := KindWord(k).In(zh); got == string(k) || !strings.Contains(got, string(k)) {
			t.Errorf("kind %s is worded %q in Chinese", k, got)
		}
	}
	for _, f := range FieldNames() {
		if got := FieldWord(f).In(zh); got == f {
			t.Errorf("field %s has no Chinese wording", f)
		}
	}
	if got := YAMLMessage("did not find something").In(zh); !strings.HasPrefix(got, "YAML") || !strings.Contains(got, "did not find something") {
		t.Errorf("an unworded parser message in Chinese: %q", got)
	}
	if got := YAMLMessage("did not find something").In(i18n.For("en")); got != "did not find something" {
		t.Errorf("a parser message in English: %q", got)
	}
}

// Each of the parser's messages read back by pattern is worded in Chinese
// with its figures, and stays as it is in English.
func TestYAMLPatternsAreWorded(t *testing.T) {
	zh, en := i18n.For("zh"), i18n.For("en")
	for format, sample := range YAMLFormats() {
		if zh.Report.Refusals[format] == "" {
			t.Errorf("%q has no Chinese wording", format)
		}
		got := YAMLMessage(sample).In(zh)
		if got == sample || strings.HasPrefix(got, "YAML") {
			t.Errorf("%q is not read by its pattern: %q", sample, got)
		}
		if got := YAMLMessage(sample).In(en); got != sample {
			t.Errorf("%q in English: %q", sample, got)
		}
	}
}

// A rubric built in code that does not validate words its problems in the
// reader's language, as a file's problems are.
func TestValidateWordsItsProblems(t *testing.T) {
	rb := Default()
	rb.Categories[0].Indicators[0].Rules[0].Kind = "flagg"
	err := Validate(rb)
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 {
		t.Fatalf("Validate: %v", err)
	}
	if got, want := ps.In(i18n.For("zh")), `规则 1.1.a 的种类 "flagg" 不认识`; !strings.HasPrefix(got, want) {
		t.Errorf("in Chinese: %q, want %q…", got, want)
	}
	if got, want := err.Error(), `rule 1.1.a has unknown kind "flagg"`; !strings.HasPrefix(got, want) {
		t.Errorf("in English: %q, want %q…", got, want)
	}
}
