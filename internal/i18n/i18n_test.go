package i18n

import (
	"fmt"
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
		for _, msgs := range []any{c.l.Values, c.l.CLI, c.l.Report} {
			eachString(reflect.ValueOf(msgs), func(name, s string) {
				if strings.ContainsAny(s, c.bad) {
					t.Errorf(c.says, name, s)
				}
			})
		}
	}
}

// A Chinese refusal takes the arguments of the English format it words,
// in the same order, and uses Chinese punctuation.
func TestRefusalsTakeTheEnglishArguments(t *testing.T) {
	zh := For("zh").Report.Refusals
	if len(zh) == 0 || len(For("en").Report.Refusals) != 0 {
		t.Fatal("the Chinese refusals are missing, or English has some")
	}
	for en, cn := range zh {
		var args []any
		for i := 0; i < len(en)-1; i++ {
			if en[i] == '%' {
				j := i + 1
				for j < len(en)-1 && en[j] >= '0' && en[j] <= '9' { // a width, as in %04X
					j++
				}
				switch en[j] {
				case 'd', 'X', 'x':
					args = append(args, 7)
				case 's', 'q', 'v':
					args = append(args, "x")
				}
			}
		}
		if got := fmt.Sprintf(cn, args...); strings.Contains(got, "%!") {
			t.Errorf("%q words %q with other arguments: %s", en, cn, got)
		}
		if strings.ContainsAny(cn, ":;,") && !strings.Contains(cn, "kaohe") {
			t.Errorf("%q uses ASCII punctuation", cn)
		}
	}
}
