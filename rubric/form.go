package rubric

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/names"
)

// MaxIDRunes bounds a rubric's id and version and a group's id.
const MaxIDRunes = 64

// ValidID reports what is wrong with a rubric's id or version, or a cap
// group's id (what names which, "rubric id"), or nil. The form is that of
// the examples and of the workbook's 编号 note (英文、数字、连字符:
// xiangxi-fangguanfu-county, 2021, 3.2.cards): ASCII letters and digits,
// with ".", "-" or "_" between them; at most MaxIDRunes characters. An id is typed on command lines (--rubric-id
// ID@VERSION) and shown in lists, so it may hold no space, slash, "@" or
// invisible character, and no "..".
func ValidID(what, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxIDRunes {
		return i18n.Errorf("%s is %d characters long; at most %d are allowed", what, n, MaxIDRunes)
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			return i18n.Errorf("%s %s is not valid UTF-8 text", what, strconv.QuoteToGraphic(s))
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
		case (r == '.' || r == '-' || r == '_') && i > 0:
		default:
			return i18n.Errorf("%s %s may hold only English letters, digits and . - _ (not %s at byte %d), starting with a letter or digit, as in xiangxi-fangguanfu-county or 2021",
				what, strconv.QuoteToGraphic(s), strconv.QuoteRuneToGraphic(r), i)
		}
	}
	if strings.Contains(s, "..") {
		return i18n.Errorf("%s %s must not contain \"..\"", what, strconv.QuoteToGraphic(s))
	}
	return nil
}

// languageOK reports whether a rubric's language is one kaohe speaks: zh or
// en in any case, maybe with a region (zh-CN, zh_CN, en-GB), or empty
// (Chinese), as i18n.For reads it.
func languageOK(lang string) bool {
	base, region, hasRegion := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	if base != "zh" && base != "en" && lang != "" {
		return false
	}
	if !hasRegion {
		return true
	}
	for _, part := range strings.Split(region, "-") {
		if len(part) < 2 || len(part) > 8 || strings.IndexFunc(part, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
			return false
		}
	}
	return true
}

// badText finds what is wrong with a rubric's text (a title, a clause):
// the byte offset of invalid UTF-8 (invalid true), or of U+FFFD, which
// marks text that was invalid where it came from; at is -1 when the text
// is fine. Either way the words are not the source's.
func badText(s string) (at int, invalid bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			return i, size == 1
		}
		i += size
	}
	return -1, false
}

// CheckForm checks, beyond Check, what a rubric file read now must hold to:
// the form of its id, version and group ids (see ValidID), a language
// kaohe speaks, units without invisible or bidi characters, and text that
// is valid UTF-8 without U+FFFD. The loaders apply it; rubrics already in a
// database are not held to it, so that one stored before these rules still
// opens. Problems are located by path, as Check's are.
func CheckForm(rb *Rubric) []Problem {
	v := &validator{ids: map[string]bool{}}
	v.form(rb)
	return v.problems
}

// form adds the problems CheckForm reports.
func (v *validator) form(rb *Rubric) {
	for _, f := range []struct{ path, what, value string }{
		{"$.id", "rubric id", rb.ID}, {"$.version", "rubric version", rb.Version},
	} {
		if strings.TrimSpace(f.value) == "" {
			continue // reported as missing
		}
		if err := ValidID(f.what, f.value); err != nil {
			v.addErr(f.path, err)
		}
	}
	if !languageOK(rb.Language) {
		v.add("$.language", "language %q is not one kaohe speaks: write zh (Chinese) or en (English)", rb.Language)
	}
	v.text("$.title", FieldWord("title"), rb.Title)
	for i, u := range rb.Units {
		p := fmt.Sprintf("$.units[%d]", i)
		if v.text(p, FieldWord("unit"), u) {
			continue
		}
		for j, r := range u {
			if why := names.Invisible(r); why != "" {
				v.add(p, "unit %s contains %s (U+%04X at byte %d); type the name again without it", quoteVisible(u), why, r, j)
				break
			}
		}
	}
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		cp := fmt.Sprintf("$.categories[%d]", ci)
		v.text(cp+".title", FieldWord("title"), c.Title)
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			ip := fmt.Sprintf("%s.indicators[%d]", cp, ii)
			v.text(ip+".content", FieldWord("content"), ind.Content)
			v.text(ip+".standard", FieldWord("standard"), ind.Standard)
			for ri := range ind.Rules {
				r := &ind.Rules[ri]
				rp := fmt.Sprintf("%s.rules[%d]", ip, ri)
				v.text(rp+".label", FieldWord("label"), r.Label)
				v.text(rp+".unit", FieldWord("unit"), r.Unit)
				v.text(rp+".clause", FieldWord("clause"), r.Clause)
				v.text(rp+".review", FieldWord("review"), r.Review)
			}
			for gi := range ind.Groups {
				g := &ind.Groups[gi]
				gp := fmt.Sprintf("%s.groups[%d]", ip, gi)
				if g.ID != "" {
					if err := ValidID("group id", g.ID); err != nil {
						v.addErr(gp+".id", err)
					}
				}
				v.text(gp+".title", FieldWord("title"), g.Title)
			}
		}
	}
}

// text reports a text field (what names it: FieldWord("title")) that is
// not valid UTF-8; it returns whether it did.
func (v *validator) text(path string, what Word, s string) bool {
	at, invalid := badText(s)
	switch {
	case at < 0:
		return false
	case invalid:
		v.add(path, "%s is not valid UTF-8 text (byte 0x%02X at byte %d); save the file as UTF-8", what, s[at], at)
	default:
		v.add(path, "%s holds U+FFFD (\uFFFD) at byte %d, the mark of text that was not valid UTF-8 where it was copied from; type the words again", what, at)
	}
	return true
}

// quoteVisible quotes text for a message with every character that could
// hide or mislead written as an escape.
func quoteVisible(s string) string { return strconv.QuoteToGraphic(s) }

// checkUTF8 refuses, before parsing, a rubric file that is not UTF-8 text,
// at the line and column (in characters) of the first byte that is not.
func checkUTF8(name string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return Errors{Errorf(name, line, col, "not valid UTF-8 text (byte 0x%02X); save the file as UTF-8", data[i])}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}
