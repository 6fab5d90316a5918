package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// Every label exists in both languages: a missing one would show as blank.
func TestEveryLabelInBothLanguages(t *testing.T) {
	for _, l := range []*Labels{For("zh"), For("en")} {
		checkFilled(t, l.Lang, reflect.ValueOf(*l))
	}
	zh, en := For("zh_CN.UTF-8"), For("en")
	for k := range zh.UI.Help {
		if en.UI.Help[k] == "" {
			t.Errorf("help %q has no English text", k)
		}
	}
	if len(zh.UI.Help) != len(en.UI.Help) || len(zh.Kind) != len(en.Kind) {
		t.Error("help or kind maps differ in size between languages")
	}
}

func checkFilled(t *testing.T, lang string, v reflect.Value) {
	eachString(v, func(name, s string) {
		if s == "" {
			t.Errorf("%s: label %s is empty", lang, name)
		}
	})
}

// eachString calls f with every string field of a struct, nested structs
// included.
func eachString(v reflect.Value, f func(name, s string)) {
	for i := 0; i < v.NumField(); i++ {
		switch fv := v.Field(i); fv.Kind() {
		case reflect.String:
			f(v.Type().Field(i).Name, fv.String())
		case reflect.Struct:
			eachString(fv, f)
		}
	}
}

// English messages use ASCII punctuation, Chinese ones Chinese punctuation.
func TestMessagePunctuation(t *testing.T) {
	for _, c := range []struct {
		l         *Labels
		bad, says string
	}{
		{For("en"), "：（），；。", "English %s uses Chinese punctuation: %q"},
		{For("zh"), ":(),;", "Chinese %s uses ASCII punctuation: %q"},
	} {
		for _, msgs := range []any{c.l.Values, c.l.CLI} {
			eachString(reflect.ValueOf(msgs), func(name, s string) {
				if strings.ContainsAny(s, c.bad) {
					t.Errorf(c.says, name, s)
				}
			})
		}
	}
}
