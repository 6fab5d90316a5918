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
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			if f.String() == "" {
				t.Errorf("%s: label %s is empty", lang, v.Type().Field(i).Name)
			}
		case reflect.Struct:
			checkFilled(t, lang, f)
		}
	}
}

// English messages use ASCII punctuation, Chinese ones Chinese punctuation.
func TestMessagePunctuation(t *testing.T) {
	en, zh := For("en"), For("zh")
	for _, s := range []reflect.Value{reflect.ValueOf(en.Values), reflect.ValueOf(en.CLI)} {
		for i := 0; i < s.NumField(); i++ {
			if v := s.Field(i).String(); strings.ContainsAny(v, "：（），；。") {
				t.Errorf("English %s uses Chinese punctuation: %q", s.Type().Field(i).Name, v)
			}
		}
	}
	for _, s := range []reflect.Value{reflect.ValueOf(zh.Values), reflect.ValueOf(zh.CLI)} {
		for i := 0; i < s.NumField(); i++ {
			if v := s.Field(i).String(); strings.ContainsAny(v, ":(),;") {
				t.Errorf("Chinese %s uses ASCII punctuation: %q", s.Type().Field(i).Name, v)
			}
		}
	}
}
