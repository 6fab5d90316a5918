package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// The English sentences of the workbench's keys, prompts and dialogs use
// ASCII punctuation (a Chinese one is easily pasted in with the text).
func TestScreensEnglishPunctuation(t *testing.T) {
	eachString(reflect.ValueOf(For("en").Screens), func(name, s string) {
		if strings.ContainsAny(s, "：，。（）？") {
			t.Errorf("English %s has Chinese punctuation: %q", name, s)
		}
	})
}
