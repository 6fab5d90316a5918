// Package names holds the one rule for which characters may appear in a
// name people see and type (a unit, an inspector, a period, a rubric's
// unit list): none that is invisible or changes how the text around it is
// shown, so that two different names never look alike on screen. It sits
// below the store and the rubric loader, which both apply it.
package names

import "unicode"

// Invisible says why r may not appear in a name, or "" when it may:
// control, zero-width, bidi and other format characters, variation
// selectors, unusual spaces, and U+FFFD (left where text was not valid
// UTF-8).
func Invisible(r rune) string {
	switch {
	case r == unicode.ReplacementChar:
		return "an invalid character"
	case unicode.Is(unicode.Cc, r):
		return "a control character"
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return "a text-direction (bidi) control"
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return "a zero-width character"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character"
	case unicode.Is(unicode.Variation_Selector, r):
		return "a variation selector"
	case unicode.IsSpace(r) && r != ' ' && r != '\u3000':
		return "an unusual space"
	}
	return ""
}
