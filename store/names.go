package store

import (
	"github.com/kaohe/kaohe/internal/i18n"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/internal/names"
	"golang.org/x/text/unicode/norm"
)

// maxNameRunes bounds a unit, inspector or period name: long enough for any
// county or person, short enough to fit a table column and a sheet title.
const maxNameRunes = 100

// ValidName is the one rule for the names people and files give kaohe: a
// unit, an inspector, a period. Whichever door a name comes in by (init,
// KAOHE_INSPECTOR, new, the TUI, a merged file) it is trimmed of spaces,
// normalised to Unicode NFC, and refused when empty, too long, or holding
// characters that are invisible or change how text around them is shown
// (control, zero-width, bidi and other format characters, variation
// selectors, unusual spaces), so that two different names can never look
// alike on screen. what names the field in the error ("unit", "inspector",
// "period"). It returns the name as it must be stored.
func ValidName(what, s string) (string, error) {
	s = norm.NFC.String(strings.Trim(s, " \t\u3000"))
	if s == "" {
		return "", i18n.Errorf("%s is empty", what)
	}
	if n := len([]rune(s)); n > maxNameRunes {
		return "", i18n.Errorf("%s is %d characters long; at most %d are allowed", what, n, maxNameRunes)
	}
	for i, r := range s {
		if why := invisible(r); why != "" {
			return "", i18n.Errorf("%s %s contains %s (U+%04X at byte %d); type the name again without it", what, quoteName(s), why, r, i)
		}
	}
	if what == "period" && strings.Contains(s, "/") {
		return "", i18n.Errorf("period %s must not contain '/'", quoteName(s))
	}
	return s, nil
}

// checkStoredName refuses a name read from another file unless it is
// exactly what ValidName would have stored.
func checkStoredName(what, s string) error {
	v, err := ValidName(what, s)
	if err != nil {
		return err
	}
	if v != s {
		return i18n.Errorf("%s %s is not in the stored form (trimmed, Unicode NFC)", what, quoteName(s))
	}
	return nil
}

// invisible says why r may not appear in a name, or "" when it may.
func invisible(r rune) string { return names.Invisible(r) }

// quoteName quotes a name for an error message with every character that
// could hide or mislead written as an escape.
func quoteName(s string) string { return strconv.QuoteToGraphic(s) }
